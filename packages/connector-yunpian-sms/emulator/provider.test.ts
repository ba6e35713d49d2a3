import { describe, expect, it } from 'vitest';
import { fakeProviderContext } from '@duanxin/connector-testkit';
import type { EmulatorRequest, ProviderAccount, ProviderContext } from '@duanxin/shared';
import { yunpianProvider } from './provider.js';

const APIKEY = 'duanxin-demo-apikey-0000000000000';
const DOC_APIKEY = '9b11127a9701975c734b8aee81ee3526';

const fakeContext = (account?: ProviderAccount) => fakeProviderContext(yunpianProvider, account);

/** The account of the doc samples in docs/providers.md §3.5. */
const docAccount = (): ProviderAccount => ({
  credentials: [{ id: DOC_APIKEY }],
  signatures: [
    { name: '云片网', state: 'approved' },
    { name: 'Yunpian', state: 'approved' },
  ],
  templates: [
    { id: '1', content: '【#company#】您的验证码是#code#', state: 'approved' },
    { id: '2', content: '【云片网】您的验证码是#code#', state: 'approved' },
    {
      id: '3',
      content: '【Yunpian】Your verification code is #code#',
      state: 'approved',
      international: true,
    },
  ],
  balance: 100,
  international: true,
  flowControl: false,
});

const raw = (path: string, body: string, method = 'POST'): EmulatorRequest => ({
  method,
  url: new URL(`http://sms.yunpian.com${path}`),
  headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
  body: Buffer.from(body, 'utf8'),
});

const form = (path: string, fields: Record<string, string>, method?: string) =>
  raw(path, new URLSearchParams({ apikey: APIKEY, ...fields }).toString(), method);

type Answer = Record<string, unknown> & { code?: number };

const call = async (request: EmulatorRequest, context = fakeContext().context) => {
  const response = await yunpianProvider.handle(request, context);
  return { status: response.status, body: response.body as Answer };
};

const SINGLE = '/v2/sms/single_send.json';
const TEXT_1 = '【duanxin】您的验证码是123456。如非本人操作，请忽略本短信';

const single = (mobile: string, text: string, fields: Record<string, string> = {}) =>
  form(SINGLE, { mobile, text, ...fields });

const codeOf = async (request: EmulatorRequest, context?: ProviderContext) =>
  (await call(request, context)).body.code;

describe('yunpian provider: docs/providers.md §3.5 request bodies', () => {
  it('C-1 single_send', async () => {
    const { context, inbox } = fakeContext(docAccount());
    const body =
      'apikey=9b11127a9701975c734b8aee81ee3526&mobile=15205201314&text=%E3%80%90%E4%BA%91%E7%89%87%E7%BD%91%E3%80%91%E6%82%A8%E7%9A%84%E9%AA%8C%E8%AF%81%E7%A0%81%E6%98%AF1234';
    const { status, body: answer } = await call(raw(SINGLE, body), context);
    expect(status).toBe(200);
    expect(answer).toMatchObject({
      code: 0,
      msg: '发送成功',
      count: 1,
      fee: 0.05,
      unit: 'RMB',
      mobile: '15205201314',
    });
    expect(answer.sid).toEqual(expect.any(Number));
    expect(inbox[0]).toMatchObject({
      to: '+8615205201314',
      text: '【云片网】您的验证码是1234',
      signName: '云片网',
      code: '1234',
      messageId: String(answer.sid),
    });
  });

  it.each([
    ['%20', 'Your%20verification%20code%20is%201234'],
    ['+', 'Your+verification+code+is+1234'],
  ])('C-2 international single_send, spaces as %s', async (_variant, encodedText) => {
    const { context, inbox } = fakeContext(docAccount());
    const body = `apikey=9b11127a9701975c734b8aee81ee3526&mobile=%2B93701234567&text=%E3%80%90Yunpian%E3%80%91${encodedText}`;
    const { body: answer } = await call(raw(SINGLE, body), context);
    expect(answer).toMatchObject({ code: 0, mobile: '+93701234567' });
    expect(inbox[0]).toMatchObject({
      to: '+93701234567',
      text: '【Yunpian】Your verification code is 1234',
      templateId: '3',
      code: '1234',
    });
  });

  it('takes a number without + for a mainland one: +1 digits reach 165 0253 0000', async () => {
    const { context, inbox } = fakeContext();
    const { body } = await call(single('16502530000', TEXT_1), context);
    expect(body).toMatchObject({ code: 0, mobile: '16502530000' });
    expect(inbox.map((message) => message.to)).toEqual(['+8616502530000']);
  });

  it('C-2 pitfall: an unencoded + decodes to a space and fails with code 2', async () => {
    const body =
      'apikey=9b11127a9701975c734b8aee81ee3526&mobile=+93701234567&text=%E3%80%90Yunpian%E3%80%91Your%20verification%20code%20is%201234';
    const { status, body: answer } = await call(
      raw(SINGLE, body),
      fakeContext(docAccount()).context
    );
    expect(status).toBe(400);
    expect(answer).toMatchObject({ http_status_code: 400, code: 2, msg: '请求参数格式错误' });
  });

  it('C-3 tpl_single_send with a double-encoded tpl_value', async () => {
    const { context, inbox } = fakeContext(docAccount());
    const body =
      'apikey=9b11127a9701975c734b8aee81ee3526&mobile=15205201314&tpl_id=1&tpl_value=%2523code%2523%3D1234%26%2523company%2523%3D%25E4%25BA%2591%25E7%2589%2587%25E7%25BD%2591';
    const { body: answer } = await call(raw('/v2/sms/tpl_single_send.json', body), context);
    expect(answer).toMatchObject({ code: 0, count: 1, mobile: '15205201314' });
    expect(inbox[0]).toMatchObject({
      text: '【云片网】您的验证码是1234',
      templateId: '1',
      params: { code: '1234', company: '云片网' },
      code: '1234',
    });
  });

  it('C-4 batch_send', async () => {
    const { context, inbox } = fakeContext(docAccount());
    const body =
      'apikey=9b11127a9701975c734b8aee81ee3526&mobile=15205201314%2C15205201315&text=%E3%80%90%E4%BA%91%E7%89%87%E7%BD%91%E3%80%91%E6%82%A8%E7%9A%84%E9%AA%8C%E8%AF%81%E7%A0%81%E6%98%AF1234';
    const { status, body: answer } = await call(raw('/v2/sms/batch_send.json', body), context);
    expect(status).toBe(200);
    expect(answer).toMatchObject({ total_count: 2, total_fee: '0.1000', unit: 'RMB' });
    expect(answer.data).toEqual([
      expect.objectContaining({ code: 0, mobile: '15205201314', count: 1, fee: 0.05 }),
      expect.objectContaining({ code: 0, mobile: '15205201315', count: 1, fee: 0.05 }),
    ]);
    expect(inbox.map((m) => m.to)).toEqual(['+8615205201314', '+8615205201315']);
    const [first, second] = answer.data as { sid: number }[];
    expect(second?.sid).toBeGreaterThan(first?.sid ?? Infinity);
  });
});

describe('yunpian provider: sending', () => {
  it('claims /v2/ paths only', () => {
    expect(yunpianProvider.matches(single('13800138000', TEXT_1))).toBe(true);
    expect(yunpianProvider.matches(raw('/', ''))).toBe(false);
  });

  it('sends a text that carries its signature', async () => {
    const { context, inbox } = fakeContext();
    expect(await codeOf(single('13800138000', TEXT_1, { uid: 'order-1' }), context)).toBe(0);
    expect(inbox[0]).toMatchObject({
      to: '+8613800138000',
      text: TEXT_1,
      signName: 'duanxin',
      templateId: '1',
      params: { code: '123456' },
      code: '123456',
      outId: 'order-1',
    });
  });

  it('adds the default signature to a text without one', async () => {
    const { context, inbox } = fakeContext();
    const text = '您的验证码是654321，10分钟内有效';
    expect(await codeOf(single('13800138000', text), context)).toBe(0);
    expect(inbox[0]).toMatchObject({
      text: `【duanxin】${text}`,
      templateId: '3',
      params: { code: '654321', minutes: '10' },
    });
  });

  it('bills long texts per 67 characters', async () => {
    const minutes = '9'.repeat(80);
    const { body } = await call(
      single('13800138000', `【duanxin】您的验证码是1，${minutes}分钟内有效`)
    );
    const length = [...`【duanxin】您的验证码是1，${minutes}分钟内有效`].length;
    expect(body).toMatchObject({ code: 0, count: Math.ceil(length / 67), fee: 0.1 });
  });

  it('answers per number in batch_send', async () => {
    const { context, inbox } = fakeContext();
    const request = form('/v2/sms/batch_send.json', {
      mobile: '13800138000,8613800138001,+6591234567',
      text: TEXT_1,
    });
    const { status, body } = await call(request, context);
    expect(status).toBe(200);
    expect((body.data as { code: number }[]).map((d) => d.code)).toEqual([0, 2, 23]);
    expect(body).toMatchObject({ total_count: 1, total_fee: '0.0500' });
    expect(inbox).toHaveLength(1);
  });

  it.each([
    ['no apikey', raw(SINGLE, 'mobile=13800138000'), 1],
    [
      'an unknown apikey',
      form(SINGLE, { apikey: 'nope', mobile: '13800138000', text: TEXT_1 }),
      -1,
    ],
    ['no mobile', form(SINGLE, { text: TEXT_1 }), 1],
    ['no text', form(SINGLE, { mobile: '13800138000' }), 1],
    ['an 86-prefixed number', single('8613800138000', TEXT_1), 2],
    ['a +86 number', single('+8613800138000', TEXT_1), 2],
    ['a short number', single('1380013800', TEXT_1), 2],
    ['a foreign signature', single('13800138000', '【亿豚网】您的验证码是1234'), 15],
    ['a pending signature', single('13800138000', '【pending-sign】您的验证码是1234'), 15],
    ['a text of no template', single('13800138000', '【duanxin】您好，欢迎光临'), 5],
    ['a text of a pending template', single('13800138000', '【duanxin】您的登录验证码是1234'), 5],
    [
      'a text of a rejected template',
      single('13800138000', '【duanxin】亲爱的张三，您的订单已发货'),
      5,
    ],
    ['a domestic template abroad', single('+6591234567', TEXT_1), 23],
  ])('rejects %s with code %s', async (_label, request, code) => {
    const { context, inbox } = fakeContext();
    const { status, body } = await call(request, context);
    expect(status).toBe(400);
    expect(body).toMatchObject({ http_status_code: 400, code, msg: expect.any(String) });
    expect(body.detail).toEqual(expect.any(String));
    expect(inbox).toHaveLength(0);
  });

  it('sends international templates abroad unless international is off (20)', async () => {
    const text = '【duanxin】Your verification code is 8888.';
    const { context, account } = fakeContext();
    expect(await codeOf(single('+6591234567', text), context)).toBe(0);
    account.international = false;
    expect(await codeOf(single('+6591234568', text), context)).toBe(20);
  });

  it('answers 3 when the balance is spent', async () => {
    const { context, account } = fakeContext();
    account.balance = 0;
    expect(await codeOf(single('13800138000', TEXT_1), context)).toBe(3);
  });

  it('accepts POST only (11) and known paths only', async () => {
    const get = { ...single('13800138000', TEXT_1), method: 'GET' };
    expect(await codeOf(get)).toBe(11);
    expect((await call(form('/v2/sms/nope.json', {}))).status).toBe(404);
  });
});

describe('yunpian provider: tpl_single_send', () => {
  const tpl = (tplId: string, values: Record<string, string>) =>
    form('/v2/sms/tpl_single_send.json', {
      mobile: '13800138000',
      tpl_id: tplId,
      tpl_value: Object.entries(values)
        .map(([k, v]) => `${encodeURIComponent(`#${k}#`)}=${encodeURIComponent(v)}`)
        .join('&'),
    });

  it('renders the template', async () => {
    const { context, inbox } = fakeContext();
    expect(await codeOf(tpl('3', { code: '4321', minutes: '5' }), context)).toBe(0);
    expect(inbox[0]?.text).toBe('【duanxin】您的验证码是4321，5分钟内有效');
  });

  it.each([
    ['an unknown template', '99', { code: '1' }, 5],
    ['a pending template', '4', { code: '1' }, 7],
    ['a rejected template', '5', { name: 'x' }, 7],
    ['a missing value', '3', { code: '1' }, 2],
  ])('rejects %s', async (_label, tplId, values, code) => {
    expect(await codeOf(tpl(tplId, values))).toBe(code);
  });

  it('requires tpl_id and tpl_value', async () => {
    const request = form('/v2/sms/tpl_single_send.json', { mobile: '13800138000', tpl_id: '1' });
    expect(await codeOf(request)).toBe(1);
  });
});

describe('yunpian provider: flow control', () => {
  it('answers 8 for the same text within 30 s, 9 beyond 3 in 5 min', async () => {
    const { context, clock } = fakeContext();
    const codes: unknown[] = [];
    for (const step of [0, 10_000, 21_000, 31_000, 31_000]) {
      clock.now += step;
      codes.push(await codeOf(single('13800138000', TEXT_1), context));
    }
    expect(codes).toEqual([0, 8, 0, 0, 9]);
  });

  it('answers 22 beyond 3 an hour and 17 beyond 10 a day', async () => {
    const { context, clock } = fakeContext();
    const codes: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      clock.now += 301_000;
      codes.push(await codeOf(single('13800138000', TEXT_1), context));
    }
    expect(codes).toEqual([0, 0, 0, 22]);

    const daily = fakeContext();
    const dailyCodes: unknown[] = [];
    for (let i = 0; i < 11; i++) {
      daily.clock.now += 1_201_000;
      dailyCodes.push(await codeOf(single('13800138001', TEXT_1), daily.context));
    }
    expect(dailyCodes).toEqual([...Array(10).fill(0), 17]);
  });
});

describe('yunpian provider: account queries', () => {
  it('describes the account', async () => {
    const { status, body } = await call(form('/v2/user/get.json', {}));
    expect(status).toBe(200);
    expect(body).toMatchObject({ api_version: 'v2', balance: 50_000, alarm_balance: 10 });
    expect(Object.keys(body).sort()).toEqual(
      [
        'nick',
        'gmt_created',
        'mobile',
        'email',
        'ip_whitelist',
        'api_version',
        'alarm_balance',
        'emergency_contact',
        'emergency_mobile',
        'balance',
      ].sort()
    );
  });

  it('lists templates, or one by tpl_id', async () => {
    const all = (await call(form('/v2/tpl/get.json', {}))).body as unknown as unknown[];
    expect(all).toHaveLength(5);
    expect(all[0]).toEqual({
      tpl_id: 1,
      tpl_content: '【duanxin】您的验证码是#code#。如非本人操作，请忽略本短信',
      check_status: 'SUCCESS',
      reason: null,
    });
    const status = async (tplId: string) =>
      (await call(form('/v2/tpl/get.json', { tpl_id: tplId }))).body.check_status;
    expect(await status('4')).toBe('CHECKING');
    expect(await status('5')).toBe('FAIL');
    expect(await codeOf(form('/v2/tpl/get.json', { tpl_id: '99' }))).toBe(5);
  });

  it('refuses queries to send-only keys (-2)', async () => {
    const apikey = 'duanxin-send-only-apikey-00000000';
    expect(await codeOf(form('/v2/user/get.json', { apikey }))).toBe(-2);
    expect(await codeOf(form('/v2/tpl/get.json', { apikey }))).toBe(-2);
    expect(await codeOf(single('13800138000', TEXT_1, { apikey }))).toBe(0);
  });
});
