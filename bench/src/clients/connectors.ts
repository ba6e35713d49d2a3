/** Logto's official connectors and ours, called exactly as Logto calls them. */
import { pathToFileURL } from 'node:url';

import type { CreateConnector, SmsConnector, TemplateType } from '@logto/connector-kit';

import { duanxinConfigs, logtoConfigs, payloadFor, phoneFor } from '../fixtures.js';
import type { Provider } from '../matrix.js';
import type { LoadClient, LoadedClient } from './types.js';

type ConnectorModule = { default: CreateConnector<SmsConnector> };

const notConfigured = async () => {
  throw new Error('the benchmark passes the config with every send');
};

// A type-only import: loading connector-kit here would make the connectors' imports look faster.
const signIn = 'SignIn' as TemplateType;

const asLogtoDoes = (module: ConnectorModule, config: Record<string, unknown>): LoadedClient => ({
  createPerSend: true,
  create: async () => {
    const connector = await module.default({ getConfig: notConfigured });
    return async (sequence) => {
      await connector.sendMessage(
        { to: phoneFor(sequence), type: signIn, payload: payloadFor(sequence) },
        config
      );
    };
  },
});

const logtoPackages: Record<Provider, string> = {
  aliyun: '@logto/connector-aliyun-sms',
  tencent: '@logto/connector-tencent-sms',
  yunpian: '@logto/connector-yunpian-sms',
};

export const loadLogto: LoadClient = async ({ provider }) =>
  asLogtoDoes((await import(logtoPackages[provider])) as ConnectorModule, logtoConfigs[provider]);

export const loadDuanxin: LoadClient = async ({ provider, duanxinModule }) =>
  asLogtoDoes(
    (await import(pathToFileURL(duanxinModule).href)) as ConnectorModule,
    duanxinConfigs[provider]
  );
