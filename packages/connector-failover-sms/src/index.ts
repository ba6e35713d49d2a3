/**
 * One Logto SMS connector over several providers (docs/providers.md §5): the send is in
 * send.ts, the operator functions in operator.ts; this is its operator object.
 */
import type { SmsOperator, SmsSendResult } from '@duanxin/shared';

import { defaultMetadata } from './constant.js';
import { buildSendRequest, checkConfig, templateChoices } from './operator.js';
import { mapProviderConfigs, providerConfigs } from './provider-configs.js';
import { createFailoverSmsConnector } from './send.js';
import { failoverSmsConfigGuard } from './types.js';

export { failoverSmsConfigGuard, type FailoverSmsConfig } from './types.js';
export { defaultMetadata } from './constant.js';
export { providerNames, type FailoverProvider } from './connectors.js';
export type { ProviderAnswer } from './answers.js';
export type { FailoverSendResult } from './send.js';
export { buildSendRequest, checkConfig, templateChoices, mapProviderConfigs, providerConfigs };

/** The failover connector as operator tools drive it, in the one shape of every provider's. */
export const failoverSms: SmsOperator = {
  provider: 'failover',
  title: 'failover',
  metadata: defaultMetadata,
  configGuard: failoverSmsConfigGuard,
  // None of its own: each answer in its errors is its provider's.
  errorTable: {},
  messageIdName: 'message id',
  hints: {},
  checks: "the order per country, then each listed provider's own check, under its name",
  noStatusQuery:
    'Ask the provider that sent it (send prints it), with the message id send printed.',
  createConnector: createFailoverSmsConnector,
  send: async (data, config) => {
    const connector = await createFailoverSmsConnector({ getConfig: async () => config });
    return (await connector.sendMessage(data, config)) as SmsSendResult;
  },
  buildSendRequest,
  templateChoices,
  checkConfig,
  listed: { configs: providerConfigs, map: mapProviderConfigs },
};

export default createFailoverSmsConnector;
