import { describe, expect, it } from 'vitest';
import { CODE_SMS, SEND_ONLY, toAnswer, useAliyunEmulator } from '../test/emulator-client.js';

const aliyun = useAliyunEmulator();

describe('Aliyun business errors (HTTP 200)', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['pending signature', { SignName: 'pending-sign' }, 'isv.SMS_SIGNATURE_ILLEGAL'],
    ['rejected signature', { SignName: 'rejected-sign' }, 'isv.SMS_SIGNATURE_ILLEGAL'],
    ['unknown signature', { SignName: 'nobody' }, 'isv.SMS_SIGNATURE_ILLEGAL'],
    ['unknown template', { TemplateCode: 'SMS_999' }, 'isv.SMS_TEMPLATE_ILLEGAL'],
    [
      'pending template',
      { TemplateCode: 'SMS_100004', TemplateParam: '{"order":"1"}' },
      'isv.SMS_TEMPLATE_ILLEGAL',
    ],
    ['missing variable', { TemplateCode: 'SMS_100003' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
    ['no TemplateParam', { TemplateParam: '' }, 'isv.TEMPLATE_MISSING_PARAMETERS'],
    ['non-string value', { TemplateParam: '{"code":123456}' }, 'isv.INVALID_JSON_PARAM'],
    ['invalid JSON', { TemplateParam: '{code:1}' }, 'isv.INVALID_JSON_PARAM'],
    ['illegal number', { PhoneNumbers: '1380013' }, 'isv.MOBILE_NUMBER_ILLEGAL'],
    [
      'intl template, mainland number',
      { TemplateCode: 'SMS_100002' },
      'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
    ],
    ['mainland template, HK number', { PhoneNumbers: '85261234567' }, 'isv.SMS_TEMPLATE_ILLEGAL'],
    [
      'intl template, +1 digits without 00: a mainland mobile to Aliyun',
      { PhoneNumbers: '16502530000', TemplateCode: 'SMS_100002' },
      'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
    ],
  ];

  it.each(cases)('%s', async (_name, change, code) => {
    const answer = await toAnswer(await aliyun.sendV1('SendSms', { ...CODE_SMS, ...change }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      RequestId: expect.any(String),
      Code: code,
      Message: expect.any(String),
    });
    expect(aliyun.emulator.inbox.list()).toEqual([]);
  });

  it('sends international templates abroad, unless the account has international off', async () => {
    const abroad = { ...CODE_SMS, PhoneNumbers: '85261234567', TemplateCode: 'SMS_100002' };
    expect((await toAnswer(await aliyun.sendV1('SendSms', abroad))).body.Code).toBe('OK');
    expect(aliyun.emulator.inbox.list()[0]).toMatchObject({
      to: '+85261234567',
      text: '【duanxin】Your verification code is 123456.',
    });
    aliyun.emulator.account('aliyun').international = false;
    const refused = await toAnswer(
      await aliyun.sendV1('SendSms', { ...abroad, PhoneNumbers: '85261234568' })
    );
    expect(refused.body.Code).toBe('isv.PRODUCT_UN_SUBSCRIPT');
  });

  it.each([
    // How Aliyun reads PhoneNumbers (docs/providers.md §1.1); the inbox shows whom it reached.
    ['13800138000', 'SMS_100001', '+8613800138000'],
    ['+8613800138000', 'SMS_100001', '+8613800138000'],
    ['008613800138000', 'SMS_100001', '+8613800138000'],
    ['16502530000', 'SMS_100001', '+8616502530000'],
    ['+16502530000', 'SMS_100001', '+8616502530000'],
    ['0016502530000', 'SMS_100002', '+16502530000'],
    ['0085261234567', 'SMS_100002', '+85261234567'],
  ])('delivers PhoneNumbers=%s (template %s) to %s', async (PhoneNumbers, TemplateCode, to) => {
    const answer = await toAnswer(
      await aliyun.sendV1('SendSms', { ...CODE_SMS, PhoneNumbers, TemplateCode })
    );
    expect(answer.body.Code).toBe('OK');
    expect(aliyun.emulator.inbox.list().map((message) => message.to)).toEqual([to]);
  });

  it('refuses when the balance is spent', async () => {
    aliyun.emulator.account('aliyun').balance = 0;
    expect((await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS))).body.Code).toBe(
      'isv.AMOUNT_NOT_ENOUGH'
    );
  });

  it('applies the verification-code flow control: 1/min, 5/h, 10/day per number', async () => {
    const send = async () => (await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS))).body;
    expect((await send()).Code).toBe('OK');
    expect(await send()).toMatchObject({
      Code: 'isv.BUSINESS_LIMIT_CONTROL',
      Message: '触发分钟级流控Permits:1',
    });
    for (let sent = 1; sent < 5; sent++) {
      aliyun.clock += 61_000;
      expect((await send()).Code).toBe('OK');
    }
    aliyun.clock += 61_000;
    expect((await send()).Message).toBe('触发小时级流控Permits:5');
    for (let sent = 5; sent < 10; sent++) {
      aliyun.clock += 3601_000;
      expect((await send()).Code).toBe('OK');
    }
    aliyun.clock += 3601_000;
    expect((await send()).Message).toBe('触发天级流控Permits:10');
    expect(aliyun.emulator.inbox.list()).toHaveLength(10);
  });

  it('sends without limit when flow control is off', async () => {
    await aliyun.restart({ flowControl: false });
    for (let index = 0; index < 12; index++) {
      expect((await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS))).body.Code).toBe('OK');
    }
  });
});

describe('Aliyun query actions', () => {
  it('reports review states of signatures and templates (0 pending, 1 approved, 2 rejected)', async () => {
    const signStatus = async (SignName: string) =>
      (await toAnswer(await aliyun.sendV1('QuerySmsSign', { SignName }))).body;
    expect(await signStatus('duanxin')).toMatchObject({
      Code: 'OK',
      SignName: 'duanxin',
      SignStatus: 1,
    });
    expect((await signStatus('pending-sign')).SignStatus).toBe(0);
    expect((await signStatus('rejected-sign')).SignStatus).toBe(2);
    expect((await signStatus('nobody')).Code).toBe('isv.SMS_SIGNATURE_ILLEGAL');

    const templateStatus = async (TemplateCode: string) =>
      (await toAnswer(await aliyun.sendV3('QuerySmsTemplate', { TemplateCode }))).body;
    expect(await templateStatus('SMS_100001')).toMatchObject({
      Code: 'OK',
      TemplateStatus: 1,
      TemplateType: 0,
      TemplateContent: '您的验证码为${code}，5分钟内有效。',
    });
    expect((await templateStatus('SMS_100004')).TemplateStatus).toBe(0);
    expect((await templateStatus('SMS_100005')).TemplateStatus).toBe(2);
    expect((await templateStatus('SMS_404')).Code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
  });

  it('denies the query actions to a key without permission', async () => {
    for (const [action, params] of [
      ['QuerySmsSign', { SignName: 'duanxin' }],
      ['QuerySmsTemplate', { TemplateCode: 'SMS_100001' }],
      [
        'QuerySendDetails',
        { PhoneNumber: '13800138000', SendDate: '20250601', PageSize: '10', CurrentPage: '1' },
      ],
    ] as const) {
      const answer = await toAnswer(await aliyun.sendV1(action, params, { key: SEND_ONLY }));
      expect(answer).toMatchObject({ status: 200, body: { Code: 'isp.RAM_PERMISSION_DENY' } });
    }
    const send = await toAnswer(await aliyun.sendV1('SendSms', CODE_SMS, { key: SEND_ONLY }));
    expect(send.body.Code).toBe('OK');
  });

  it('reports sent messages in QuerySendDetails', async () => {
    const sent = await toAnswer(await aliyun.sendV1('SendSms', { ...CODE_SMS, OutId: 'order-7' }));
    const query = {
      PhoneNumber: '13800138000',
      SendDate: '20250601',
      PageSize: '10',
      CurrentPage: '1',
    };
    const answer = await toAnswer(
      await aliyun.sendV3('QuerySendDetails', { ...query, BizId: String(sent.body.BizId) })
    );
    expect(answer.body).toMatchObject({
      Code: 'OK',
      TotalCount: 1,
      SmsSendDetailDTOs: {
        SmsSendDetailDTO: [
          {
            PhoneNum: '13800138000',
            SendStatus: 3,
            ErrCode: 'DELIVERED',
            TemplateCode: 'SMS_100001',
            Content: '【duanxin】您的验证码为123456，5分钟内有效。',
            SendDate: '2025-06-01 16:00:00',
            OutId: 'order-7',
          },
        ],
      },
    });
    const otherDay = await toAnswer(
      await aliyun.sendV1('QuerySendDetails', { ...query, SendDate: '20250602' })
    );
    expect(otherDay.body.TotalCount).toBe(0);
    const badDate = await toAnswer(
      await aliyun.sendV1('QuerySendDetails', { ...query, SendDate: '2025-06-01' })
    );
    expect(badDate.body.Code).toBe('isv.INVALID_PARAMETERS');
  });
});
