/** Huawei-specific behaviour; the shared behaviour is in test/conformance.test.ts. */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { huaweiEmulatorConfig, huaweiProvider, parseHuaweiWsse } from '../emulator/index.js';

import createHuaweiSmsConnector, {
  buildSendRequest,
  checkConfig,
  templateChoices,
} from './index.js';
import { buildBatchSendRequest } from './request.js';

let emulator: Emulator;
let config: ReturnType<typeof huaweiEmulatorConfig>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false, providers: [huaweiProvider] });
  config = huaweiEmulatorConfig(emulator.url);
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
  emulator.faults.clear();
});

const send = async (
  sendConfig: Record<string, unknown>,
  to = '8613800138000',
  type = 'Generic'
) => {
  const connector = await createHuaweiSmsConnector({
    getConfig: async () => {
      throw new Error('getConfig must not be called');
    },
  });
  return connector.sendMessage(
    { to, type: type as never, payload: { code: '123456' } },
    sendConfig
  );
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the send succeeded'),
    (error: unknown) => error as { code: string; data: Record<string, unknown> }
  );

describe('the request', () => {
  it.each([
    ['8613800138000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    // Without `+`, Huawei would put +86 in front: 16502530000 would reach 165 0253 0000.
    ['16502530000', '+16502530000'],
    ['85291234567', '+85291234567'],
  ])(
    'sends %s as to=%s, with `+` for mainland numbers too (docs/providers.md §4.1)',
    async (to, e164) => {
      await send(config, to);
      const [request] = emulator.requests.list();
      expect(new URLSearchParams(request?.body).get('to')).toBe(e164);
      expect(emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
    }
  );

  it('would reach a stranger with digits without `+`: the emulator adds +86 as Huawei does', async () => {
    const request = buildBatchSendRequest(
      emulator.url,
      {
        from: config.sender,
        to: '16502530000',
        templateId: 'tpl-code',
        templateParas: '["123456"]',
        signature: 'duanxin',
      },
      { appKey: config.appKey, appSecret: config.appSecret }
    );
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    expect(response.status).toBe(200);
    expect(emulator.inbox.list().map((message) => message.to)).toEqual(['+8616502530000']);
  });

  it('is a form POST with WSSE headers, a +E.164 number and the code as templateParas', async () => {
    const result = await send(config);
    const [request] = emulator.requests.list();
    expect(request?.path).toBe('/sms/batchSendSms/v1');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBe(
      'WSSE realm="SDP",profile="UsernameToken",type="Appkey"'
    );
    expect(parseHuaweiWsse(String(request?.headers['x-wsse']))?.username).toBe(config.appKey);
    expect(request?.body).toContain('to=%2B8613800138000');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      from: 'csms12345678',
      to: '+8613800138000',
      templateId: 'tpl-code',
      templateParas: '["123456"]',
      signature: 'duanxin',
    });
    expect(result).toMatchObject({
      provider: 'huawei',
      messageId: emulator.inbox.list()[0]?.messageId,
    });
    expect(emulator.inbox.list()[0]?.text).toBe('【duanxin】您的验证码为123456，5分钟内有效。');
  });

  it('goes through the international app and channel, without signature, outside the mainland', async () => {
    await send(config, '85291234567');
    const [request] = emulator.requests.list();
    expect(parseHuaweiWsse(String(request?.headers['x-wsse']))?.username).toBe(
      config.overseasAppKey
    );
    const form = Object.fromEntries(new URLSearchParams(request?.body));
    expect(form).toMatchObject({
      from: 'isms12345678',
      to: '+85291234567',
      templateId: 'tpl-intl',
    });
    expect(form).not.toHaveProperty('signature');
  });

  it('fills ${2}… from params, after the code', async () => {
    await send(config, '8613800138000', 'Register');
    expect(emulator.inbox.list()[0]).toMatchObject({ params: ['123456', '5'], code: '123456' });
  });
});

describe('authentication the emulator enforces', () => {
  const post = (request: ReturnType<ReturnType<typeof buildSendRequest>['call']['build']>) =>
    fetch(request.url, { method: 'POST', headers: request.headers, body: request.body }).then(
      async (response) => ({ status: response.status, body: (await response.json()) as unknown })
    );
  const prepared = () =>
    buildSendRequest(
      { to: '8613800138000', type: 'Generic' as never, payload: { code: '123456' } },
      config
    );

  it('refuses a replayed request (same nonce) with E000101', async () => {
    const request = prepared().call.build();
    expect((await post(request)).status).toBe(200);
    expect(await post(request)).toEqual({
      status: 401,
      body: { code: 'E000101', description: expect.stringContaining('Nonce') },
    });
  });

  it('refuses a digest of the raw SHA-256 bytes (the trap) with E000101', async () => {
    const request = prepared().call.build();
    const token = parseHuaweiWsse(request.headers['x-wsse'] ?? '')!;
    const rawDigest = createHash('sha256')
      .update(token.nonce + token.created + config.appSecret)
      .digest('base64');
    request.headers['x-wsse'] = request.headers['x-wsse']!.replace(token.passwordDigest, rawDigest);
    expect(await post(request)).toMatchObject({ status: 401, body: { code: 'E000101' } });
  });

  it("maps a Created outside the platform's window to invalid_config with a clock hint", async () => {
    const skewed = await startEmulator({
      port: 0,
      flowControl: false,
      providers: [huaweiProvider],
      now: () => Date.now() + 20 * 60_000,
    });
    try {
      const error = await failure(send({ ...config, endpoint: skewed.url }));
      expect(error.code).toBe('invalid_config');
      expect(error.data).toMatchObject({ providerCode: 'E000110', outcome: 'rejected' });
      expect(String(error.data.errorDescription)).toContain("check this server's time");
    } finally {
      await skewed.close();
    }
  });
});

describe('answers', () => {
  const answerWith = (body: unknown, status = 200) =>
    emulator.faults.inject({
      fault: { kind: 'malformed', status, body: JSON.stringify(body) },
      provider: 'huawei',
    });

  it('a failed number under code 000000 is refused with its own status', async () => {
    answerWith({ code: '000000', description: 'Success', result: [{ status: 'E200028' }] });
    const error = await failure(send(config));
    expect(error.code).toBe('invalid_config');
    expect(error.data).toMatchObject({ providerCode: 'E200028', outcome: 'rejected' });
  });

  it('success without a smsMsgId is unreadable: the outcome is unknown', async () => {
    answerWith({ code: '000000', description: 'Success', result: [{ status: '000000' }] });
    const error = await failure(send(config));
    expect(error.code).toBe('invalid_response');
    expect(error.data).toMatchObject({ outcome: 'unknown' });
  });

  it('a system error with HTTP 500 and no status leaves the outcome unknown', async () => {
    answerWith({ code: 'E000000', description: 'System error.' }, 500);
    const error = await failure(send(config));
    expect(error.data).toMatchObject({ providerCode: 'E000000', outcome: 'unknown' });
  });
});

describe('config', () => {
  it('refuses overseasAppKey without overseasAppSecret, naming the missing field', async () => {
    const { overseasAppSecret: _dropped, ...partial } = config;
    const error = await failure(send(partial));
    expect(error.code).toBe('invalid_config');
    expect(error.data).toMatchObject({ field: 'overseasAppSecret', outcome: 'not_sent' });
  });

  it('refuses an empty template value before sending', async () => {
    const templates = [{ usageType: 'Generic', templateId: 'tpl-minutes', params: [''] }];
    const error = await failure(send({ ...config, templates }));
    expect(error.code).toBe('invalid_config');
    expect(emulator.requests.list()).toEqual([]);
  });

  it('lists the template of each usage type and checks nothing it cannot', async () => {
    expect(templateChoices(config)).toContainEqual({
      usageType: 'MfaVerification',
      template: 'china tpl-code, overseas tpl-intl',
      fellBackToGeneric: true,
    });
    const items = await checkConfig(config);
    expect(items.map((item) => item.status)).toEqual(items.map(() => 'unverified'));
    expect(items.map((item) => item.subject)).toContain('sender isms12345678');
    expect(emulator.requests.list()).toEqual([]);
  });
});
