import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { startRecordingProxy } from '../../shared/test/recording-proxy.js';

import createTencentSmsConnector from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof emulatorConnectorConfigs>['tencent'];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = emulatorConnectorConfigs(emulator.url).tencent;
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
});

const send = async (
  sendConfig: Record<string, unknown>,
  to = '8613800138000',
  type = 'Generic'
) => {
  const connector = await createTencentSmsConnector({
    getConfig: async () => {
      throw new Error('getConfig must not be called');
    },
  });
  return connector.sendMessage(
    { to, type: type as never, payload: { code: '123456' } },
    sendConfig
  );
};

const lastBody = () =>
  JSON.parse(emulator.requests.list().at(-1)?.body ?? '{}') as Record<string, unknown>;

describe('Tencent connector specifics', () => {
  it('sends E.164 numbers, the code first, and signs host with its port', async () => {
    await send(config);
    expect(lastBody()).toEqual({
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400000001',
      SignName: 'duanxin',
      TemplateId: '100001',
      TemplateParamSet: ['123456'],
    });
    const [request] = emulator.requests.list();
    expect(request?.headers['x-tc-version']).toBe('2021-01-11');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('fills {2} from the template params', async () => {
    await send(config, '8613800138000', 'Register');
    expect(lastBody().TemplateParamSet).toEqual(['123456', '5']);
    expect(emulator.inbox.list()[0]?.text).toBe('【duanxin】123456为您的验证码，请于5分钟内填写。');
  });

  it('sends numbers abroad through the overseas app, without a signature (Logto issue #7373)', async () => {
    await send(config, '85291234567');
    expect(lastBody()).toMatchObject({
      PhoneNumberSet: ['+85291234567'],
      SmsSdkAppId: '2400000001',
      TemplateId: '200001',
    });
    expect(lastBody()).not.toHaveProperty('SignName');
  });

  it('sends temporary credentials with X-TC-Token', async () => {
    const temporary = {
      ...config,
      accessKeyId: 'AKID-duanxin-temporary',
      accessKeySecret: 'duanxin-temporary-secret',
      token: 'duanxin-temporary-token',
    };
    await send(temporary);
    expect(emulator.requests.list()[0]?.headers['x-tc-token']).toBe('duanxin-temporary-token');
    expect(emulator.inbox.list()).toHaveLength(1);
    await expect(send({ ...temporary, token: 'stale-token' })).rejects.toMatchObject({
      code: 'invalid_config',
      data: { providerCode: 'AuthFailure.TokenFailure' },
    });
  });

  it('goes to https://sms.tencentcloudapi.com without an endpoint', async () => {
    const proxy = await startRecordingProxy();
    try {
      const { endpoint: _, ...production } = config;
      await expect(send({ ...production, proxy: proxy.url, maxRetries: 0 })).rejects.toMatchObject({
        data: { outcome: 'not_sent' },
      });
      expect(proxy.targets).toEqual(['sms.tencentcloudapi.com:443']);
    } finally {
      await proxy.close();
    }
  });
});
