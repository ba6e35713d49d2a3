import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { startRecordingProxy } from '../../shared/test/recording-proxy.js';

import createAliyunSmsConnector from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof emulatorConnectorConfigs>['aliyun'];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = emulatorConnectorConfigs(emulator.url).aliyun;
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
});

const send = async (sendConfig: Record<string, unknown>, to = '8613800138000', code = '123456') => {
  const connector = await createAliyunSmsConnector({
    getConfig: async () => {
      throw new Error('not used');
    },
  });
  return connector.sendMessage({ to, type: 'SignIn' as never, payload: { code } }, sendConfig);
};

describe('Aliyun connector specifics', () => {
  it('reads its config through getConfig when none is passed, and never at creation', async () => {
    let reads = 0;
    const connector = await createAliyunSmsConnector({
      getConfig: async () => {
        reads++;
        return config;
      },
    });
    expect(reads).toBe(0);
    await connector.sendMessage({
      to: '8613800138000',
      type: 'SignIn' as never,
      payload: { code: '111111' },
    });
    expect(reads).toBe(1);
    expect(emulator.inbox.list()).toHaveLength(1);
  });

  it('signs with V3 (ACS3-HMAC-SHA256) when asked', async () => {
    const result = await send({ ...config, signatureVersion: 'v3' });
    const [request] = emulator.requests.list();
    expect(String(request?.headers.authorization)).toMatch(
      /^ACS3-HMAC-SHA256 Credential=LTAI-duanxin-demo,/
    );
    expect(emulator.inbox.list()[0]).toMatchObject({
      code: '123456',
      messageId: (result as { messageId: string }).messageId,
    });
  });

  it('sends a V1 form body with the code alone in TemplateParam', async () => {
    await send(config);
    const [request] = emulator.requests.list();
    const form = new URLSearchParams(request?.body);
    expect(form.get('Action')).toBe('SendSms');
    expect(form.get('SignatureMethod')).toBe('HMAC-SHA1');
    expect(form.get('PhoneNumbers')).toBe('13800138000');
    expect(form.get('TemplateParam')).toBe('{"code":"123456"}');
  });

  it.each([
    ['8613800138000', '13800138000', '+8613800138000'],
    ['13800138000', '13800138000', '+8613800138000'],
    ['85291234567', '0085291234567', '+85291234567'],
    ['886912345678', '00886912345678', '+886912345678'],
    // Bare or after `+`, Aliyun would take these digits for the mainland mobile 165 0253 0000.
    ['16502530000', '0016502530000', '+16502530000'],
  ])(
    'sends %s as PhoneNumbers=%s, which Aliyun delivers to %s (docs/providers.md §1.1)',
    async (to, phoneNumbers, e164) => {
      const result = await send(config, to);
      const [request] = emulator.requests.list();
      expect(new URLSearchParams(request?.body).get('PhoneNumbers')).toBe(phoneNumbers);
      expect(result).toMatchObject({ phoneNumber: phoneNumbers });
      expect(emulator.inbox.list().map((message) => message.to)).toEqual([e164]);
    }
  );

  it('fills extra template variables and a custom code parameter name', async () => {
    await send({
      ...config,
      templateParamName: 'code',
      templates: [{ usageType: 'Generic', templateCode: 'SMS_100003', params: { time: '5' } }],
    });
    expect(emulator.inbox.list()[0]?.text).toBe('【duanxin】您的验证码为123456，请于5分钟内填写。');
  });

  it('sends temporary (STS) credentials with their SecurityToken, in V1 and V3', async () => {
    const sts = {
      ...config,
      accessKeyId: 'STS.duanxin-demo-sts',
      accessKeySecret: 'duanxin-sts-secret',
      securityToken: 'duanxin-sts-token',
    };
    await send(sts);
    await send({ ...sts, signatureVersion: 'v3' }, '8613800138000', '654321');
    expect(emulator.inbox.list().map((message) => message.code)).toEqual(['123456', '654321']);

    const { securityToken: _, ...withoutToken } = sts;
    await expect(send(withoutToken)).rejects.toMatchObject({
      code: 'invalid_config',
      data: { providerCode: 'MissingSecurityToken' },
    });
  });

  it.each([
    [undefined, 'dysmsapi.aliyuncs.com:443'],
    ['cn-hangzhou', 'dysmsapi.aliyuncs.com:443'],
    ['ap-southeast-1', 'dysmsapi.ap-southeast-1.aliyuncs.com:443'],
    ['cn-hongkong', 'dysmsapi-xman.cn-hongkong.aliyuncs.com:443'],
  ])(
    'without an endpoint, region %s goes to %s over https (through the proxy)',
    async (regionId, host) => {
      const proxy = await startRecordingProxy();
      try {
        const { endpoint: _, ...production } = config;
        await expect(
          send({ ...production, ...(regionId && { regionId }), proxy: proxy.url, maxRetries: 0 })
        ).rejects.toMatchObject({
          data: { outcome: 'not_sent' },
        });
        expect(proxy.targets).toEqual([host]);
      } finally {
        await proxy.close();
      }
    }
  );
});
