import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { startRecordingProxy } from '../../shared/test/recording-proxy.js';

import { yunpianEmulatorConfig } from '../emulator/index.js';

import createYunpianSmsConnector from './index.js';

let emulator: Emulator;
let config: ReturnType<typeof yunpianEmulatorConfig>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  config = yunpianEmulatorConfig(emulator.url);
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.inbox.clear();
  emulator.requests.clear();
});

const send = async (sendConfig: Record<string, unknown>, to: string) => {
  const connector = await createYunpianSmsConnector({
    getConfig: async () => {
      throw new Error('getConfig must not be called');
    },
  });
  return connector.sendMessage(
    { to, type: 'Generic' as never, payload: { code: '123456' } },
    sendConfig
  );
};

describe('YunPian connector specifics', () => {
  it('sends mainland numbers as 11 digits and international ones with an encoded +', async () => {
    await send(config, '13800138000');
    await send(config, '85291234567');
    // Without `+`, YunPian would take it for the mainland mobile 165 0253 0000.
    await send(config, '16502530000');
    const bodies = emulator.requests.list().map((request) => request.body);
    expect(bodies[0]).toContain('mobile=13800138000&');
    expect(bodies[1]).toContain('mobile=%2B85291234567&');
    expect(bodies[2]).toContain('mobile=%2B16502530000&');
    expect(emulator.inbox.list().map((message) => message.to)).toEqual([
      '+8613800138000',
      '+85291234567',
      '+16502530000',
    ]);
  });

  // The official connector returned undefined here without sending: Logto reported success.
  it.each([
    ['a US number', '16502530000'],
    ['a Hong Kong number', '85291234567'],
    ['a Taiwan number', '886912345678'],
  ])('%s is refused while international SMS is off, and nothing is sent', async (_name, to) => {
    const error = await send({ ...config, enableInternational: false }, to).catch(
      (error: unknown) => error
    );
    expect(error).toMatchObject({
      code: 'invalid_request_parameters',
      data: {
        field: 'to',
        outcome: 'not_sent',
        errorDescription: expect.stringContaining(
          'The administrator has not enabled international SMS services.'
        ),
      },
    });
    expect(emulator.requests.list()).toEqual([]);
  });

  it('uses unsupportedCountriesMsg as the refusal when set', async () => {
    await expect(
      send(
        { ...config, enableInternational: false, unsupportedCountriesMsg: '仅支持中国大陆手机号' },
        '85291234567'
      )
    ).rejects.toMatchObject({
      data: { errorDescription: expect.stringContaining('仅支持中国大陆手机号') },
    });
    expect(emulator.requests.list()).toEqual([]);
  });

  it('goes to https://sms.yunpian.com without an endpoint', async () => {
    const proxy = await startRecordingProxy();
    try {
      const { endpoint: _, ...production } = config;
      await expect(send({ ...production, proxy: proxy.url }, '13800138000')).rejects.toMatchObject({
        data: { outcome: 'not_sent' },
      });
      expect(proxy.targets).toEqual(['sms.yunpian.com:443', 'sms.yunpian.com:443']);
    } finally {
      await proxy.close();
    }
  });
});
