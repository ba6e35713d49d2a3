/**
 * The bad-input matrix beyond what the conformance suite covers: provider-specific config
 * mistakes, numbers that must never be texted, and env: references. Each is refused with a
 * ConnectorError naming the field, and the emulator receives nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import createAliyun from '@duanxin/connector-aliyun-sms';
import createTencent from '@duanxin/connector-tencent-sms';
import createYunpian from '@duanxin/connector-yunpian-sms';
import { emulatorConnectorConfigs, startEmulator, type Emulator } from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import { renderError } from './harness.js';

type Config = Record<string, unknown>;

let emulator: Emulator;
let configs: ReturnType<typeof emulatorConnectorConfigs>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, flowControl: false });
  configs = emulatorConnectorConfigs(emulator.url);
});
afterAll(async () => {
  await emulator.close();
  destroyAgents();
});
beforeEach(() => {
  emulator.requests.clear();
  emulator.inbox.clear();
});

const connectors = { aliyun: createAliyun, tencent: createTencent, yunpian: createYunpian };
type Name = keyof typeof connectors;

const send = async (
  name: Name,
  config: Config,
  to = '8613800138000',
  payload: Config = { code: '123456' }
) => {
  const connector = await connectors[name]({
    getConfig: async () => {
      throw new Error('unused');
    },
  });
  return connector.sendMessage({ to, type: 'Generic' as never, payload }, config);
};

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.unreachable('the send succeeded'),
    (caught: unknown) => caught as { code: string; data: Record<string, unknown> }
  );
  expect(emulator.requests.list()).toEqual([]);
  expect(error.data.outcome).toBe('not_sent');
  return error;
};

describe('provider-specific config mistakes', () => {
  const cases: [Name, string, (config: Config) => Config, string][] = [
    [
      'aliyun',
      'unknown regionId',
      (config) => ({ ...config, regionId: 'mars-north-1' }),
      'regionId',
    ],
    [
      'aliyun',
      'a code parameter name Aliyun cannot have',
      (config) => ({ ...config, templateParamName: 'co de' }),
      'templateParamName',
    ],
    [
      'aliyun',
      'templateCode of the wrong type',
      (config) => ({ ...config, templates: [{ usageType: 'Generic', templateCode: 42 }] }),
      'templates',
    ],
    [
      'aliyun',
      'missing accessKeySecret',
      ({ accessKeySecret: _, ...config }) => config,
      'accessKeySecret',
    ],
    ['tencent', 'unknown region', (config) => ({ ...config, region: 'ap-atlantis' }), 'region'],
    ['tencent', 'sdkAppId missing', ({ sdkAppId: _, ...config }) => config, 'sdkAppId'],
    [
      'tencent',
      'params that are not strings',
      (config) => ({
        ...config,
        templates: [{ usageType: 'Generic', templateCode: '100002', params: [5] }],
      }),
      'templates',
    ],
    [
      'yunpian',
      'a template without {{code}}',
      (config) => ({
        ...config,
        templates: [{ usageType: 'Generic', content: '【duanxin】您的验证码是#code#' }],
      }),
      'templates',
    ],
    [
      'yunpian',
      'a placeholder only the payload could fill',
      (config) => ({
        ...config,
        templates: [{ usageType: 'Generic', content: '{{code}} for {{locale}}' }],
      }),
      'templates',
    ],
    [
      'yunpian',
      'enableInternational not a boolean',
      (config) => ({ ...config, enableInternational: 'yes' }),
      'enableInternational',
    ],
  ];

  it.each(cases)('%s: %s', async (name, _case, mutate, field) => {
    const error = await refusal(send(name, mutate(configs[name] as Config)));
    expect(error.code).toBe('invalid_config');
    expect(String(error.data.field)).toMatch(new RegExp(`^${field}`));
    expect(String(error.data.errorDescription)).toContain(field);
  });
});

describe.each(Object.keys(connectors) as Name[])(
  '%s: numbers that must never be texted',
  (name) => {
    it.each([
      ['a UK premium-rate number', '449098765432'],
      ['a US premium-rate number', '19002345678'],
      ['several numbers', '8613800138000;8613900139000'],
    ])('%s', async (_case, to) => {
      const error = await refusal(send(name, configs[name] as Config, to));
      expect(error).toMatchObject({ code: 'invalid_request_parameters', data: { field: 'to' } });
      expect(renderError(error)).not.toContain(to.slice(-8));
    });
  }
);

describe('env: references are never resolved by a connector', () => {
  // Inside Logto an admin could otherwise ship the server's environment to an endpoint of their
  // choice: only the CLI resolves env: values.
  it.each(Object.keys(connectors) as Name[])('%s sends env:… literally', async (name) => {
    process.env.DUANXIN_TEST_SECRET = 'the-real-secret-from-env';
    try {
      const key = name === 'yunpian' ? 'apikey' : 'accessKeySecret';
      const config = { ...(configs[name] as Config), [key]: 'env:DUANXIN_TEST_SECRET' };
      const error = await send(name, config).then(
        () => expect.unreachable('a literal env: reference cannot be valid'),
        (caught: unknown) => caught as { code: string }
      );
      expect(error.code).toBe('invalid_config');
      const sent = emulator.requests
        .list()
        .map((request) => `${JSON.stringify(request.headers)} ${request.body}`);
      expect(sent.join('\n')).not.toContain('the-real-secret-from-env');
      if (name === 'yunpian') {
        expect(sent.join('\n')).toContain('apikey=env%3ADUANXIN_TEST_SECRET');
      }
      expect(renderError(error)).not.toContain('the-real-secret-from-env');
    } finally {
      delete process.env.DUANXIN_TEST_SECRET;
    }
  });
});
