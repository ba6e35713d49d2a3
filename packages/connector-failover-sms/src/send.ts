/**
 * The failover send: validate every provider's config → pick the order for the number → send
 * through each in turn, skipping open circuits, until one sends it, or one answers that it may
 * have (`unknown`) or refused it as any provider would.
 */
import {
  ConnectorType,
  type CreateConnector,
  type SendMessageData,
  type SendMessageFunction,
  type SmsConnector,
} from '@logto/connector-kit';

import { readSendData } from '@duanxin/shared';

import { answerOf, mayFailOver, noDelivery, type ProviderAnswer } from './answers.js';
import { openCircuit, tripCircuit } from './circuit.js';
import { readConfig, type PreparedEntry } from './config.js';
import { connectors, type FailoverProvider } from './connectors.js';
import { defaultMetadata } from './constant.js';
import { providersFor } from './route.js';
import { failoverSmsConfigGuard } from './types.js';

export type FailoverSendResult = Record<string, unknown> & {
  /** The provider that sent it; the rest is its connector's own result (messageId…). */
  provider: FailoverProvider;
  /** The entry that sent it: its name, which is its provider unless named. */
  deliveredBy: string;
  /** What the providers before it answered, in order, skipped ones included. */
  earlier: ProviderAnswer[];
};

const notConfigured = async (): Promise<never> => {
  throw new Error('[duanxin] [failover] each provider is given its config with the send');
};

const sendThrough = async (entry: PreparedEntry, data: SendMessageData) => {
  const connector = await connectors[entry.provider].create({ getConfig: notConfigured });
  return (await connector.sendMessage(data, entry.config)) as Record<string, unknown>;
};

const skipped = (entry: PreparedEntry, until: number, cause: ProviderAnswer): ProviderAnswer => ({
  ...cause,
  name: entry.name,
  outcome: 'not_sent',
  retryable: true,
  skippedUntil: new Date(until).toISOString(),
});

/**
 * Validate every provider's config → pick the order for the number → send through each in turn,
 * skipping open circuits, until one sends it, or one answers that it may have (`unknown`) or
 * refused it as any provider would → the result names who sent it; the error lists every answer.
 */
export const createFailoverSmsConnector: CreateConnector<SmsConnector> = async ({ getConfig }) => {
  const sendMessage: SendMessageFunction = async (data, inputConfig) => {
    const config = readConfig(inputConfig ?? (await getConfig(defaultMetadata.id)));
    // Checked before routing, whatever its type, in the first provider's name: the refusal it
    // would give (each listed connector checks the data again before sending).
    readSendData(data, config.entries[0]?.provider ?? 'failover');
    const order = providersFor(config, data.to);
    const answers: ProviderAnswer[] = [];
    for (const [index, entry] of order.entries()) {
      const open = openCircuit(entry, data.to, Date.now());
      if (open) {
        answers.push(skipped(entry, open.until, open.answer));
        continue;
      }
      try {
        const sent = await sendThrough(entry, data);
        const result: FailoverSendResult = {
          ...sent,
          provider: entry.provider,
          deliveredBy: entry.name,
          earlier: answers,
        };
        return result;
      } catch (error: unknown) {
        const answer = answerOf(entry, error);
        if (!answer) {
          throw error;
        }
        answers.push(answer);
        tripCircuit(entry, data.to, answer, Date.now(), config.cooldownMs);
        if (!mayFailOver(answer)) {
          throw noDelivery(answers, order.slice(index + 1));
        }
      }
    }
    throw noDelivery(answers, []);
  };

  return {
    metadata: defaultMetadata,
    type: ConnectorType.Sms,
    configGuard: failoverSmsConfigGuard,
    sendMessage,
  };
};
