/**
 * The failover connector against the emulator: configs over the emulator's built-in accounts,
 * sends made as Logto makes them, and what each provider was asked.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

import { huaweiEmulatorConfig, huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import {
  emulatorConnectorConfigs,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type FaultRule,
} from '@duanxin/emulator';
import { destroyAgents } from '@duanxin/shared';

import createFailoverSmsConnector, {
  mapProviderConfigs,
  type FailoverProvider,
  type FailoverSendResult,
  type ProviderAnswer,
} from '../src/index.js';

/** Huawei's emulation ships with its connector, not with the emulator. */
export const emulatorOptions: EmulatorOptions = { providers: [huaweiProvider] };

export const providerConfig = (
  provider: FailoverProvider,
  endpoint: string
): Record<string, unknown> =>
  provider === 'huawei'
    ? huaweiEmulatorConfig(endpoint)
    : emulatorConnectorConfigs(endpoint)[provider];

export type TestConfig = {
  providers: { provider: FailoverProvider; name?: string; config: Record<string, unknown> }[];
} & Record<string, unknown>;

/** The providers in this order, each with its emulator config; no skipping unless `extra` says. */
export const failoverConfig = (
  endpoint: string,
  providers: readonly FailoverProvider[] = ['aliyun', 'tencent'],
  extra: Record<string, unknown> = {}
): TestConfig => ({
  providers: providers.map((provider) => ({
    provider,
    config: providerConfig(provider, endpoint),
  })),
  cooldownSeconds: 0,
  ...extra,
});

/** The secrets of every provider of such a config. */
export const secretsOf = (config: TestConfig) =>
  config.providers.flatMap(({ config: provider }) =>
    ['accessKeySecret', 'apikey', 'appSecret', 'overseasAppSecret'].flatMap((key) =>
      typeof provider[key] === 'string' ? [provider[key]] : []
    )
  );

/** These settings (endpoint, timeout…) in every provider's config. */
export const withProviderSettings = (config: TestConfig, settings: Record<string, unknown>) =>
  mapProviderConfigs(config, (provider) => ({ ...provider, ...settings })) as TestConfig;

/** An emulator for one file's tests, cleared before each. */
export const useEmulator = () => {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, flowControl: false, ...emulatorOptions });
  });
  afterAll(async () => {
    await emulator?.close();
    destroyAgents();
  });
  beforeEach(() => {
    emulator?.inbox.clear();
    emulator?.requests.clear();
    emulator?.faults.clear();
  });
  const started = () => {
    if (!emulator) throw new Error('the emulator starts in beforeAll');
    return emulator;
  };
  return {
    get emulator() {
      return started();
    },
    /** Aliyun, then Tencent. */
    get config() {
      return failoverConfig(started().url);
    },
    /** How many requests each provider received. */
    asked: () => {
      const counts: Record<string, number> = {};
      for (const { provider = '?' } of started().requests.list()) {
        counts[provider] = (counts[provider] ?? 0) + 1;
      }
      return counts;
    },
    /** Runs with these accounts emptied. */
    withoutBalance: async <T>(providers: string[], run: () => Promise<T>): Promise<T> => {
      const accounts = providers.map((name) => started().account(name));
      const balances = accounts.map((account) => account.balance);
      accounts.forEach((account) => (account.balance = 0));
      try {
        return await run();
      } finally {
        accounts.forEach((account, index) => (account.balance = balances[index] ?? 1));
      }
    },
  };
};

/** An Aliyun answer in place of the emulator's own. */
export const aliyunAnswers = (code: string, times = 1): FaultRule => ({
  provider: 'aliyun',
  times,
  fault: {
    kind: 'malformed',
    body: JSON.stringify({ RequestId: 'fault-0001', Code: code, Message: `${code} (injected)` }),
  },
});

const notConfigured = async (): Promise<never> => {
  throw new Error('the config is passed with each send');
};

/** One code, the connector created anew as Logto does for every send. */
export const send = async (config: unknown, to = '8613800138000', code = '123456') => {
  const connector = await createFailoverSmsConnector({ getConfig: notConfigured });
  return (await connector.sendMessage(
    { to, type: 'Generic' as never, payload: { code } },
    config as Record<string, unknown>
  )) as FailoverSendResult;
};

export type FailoverError = Error & {
  code: string;
  data: Record<string, unknown> & { attempts: ProviderAnswer[]; errorDescription: string };
};

export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the send succeeded'),
    (error: unknown) => error as FailoverError
  );
