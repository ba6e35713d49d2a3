/** A provider's answer, as its connector read it, checked once for all: result or error. */
import {
  providerRejection,
  unreadableReply,
  type ProviderErrorTable,
  type ProviderName,
} from '../errors/index.js';
import type { ProviderReply } from '../http.js';
import type { PreparedSend } from '../operator.js';

import type { AnswerReading, SmsSendResult } from './types.js';

type AnswerFacts = {
  provider: ProviderName;
  errorTable: ProviderErrorTable;
  messageIdName: string;
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Only what can be shown as is: strings and finite numbers. */
const plainValues = (extras: Record<string, unknown>): Record<string, string | number> =>
  Object.fromEntries(
    Object.entries(extras).filter(
      ([, value]) =>
        typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
    )
  ) as Record<string, string | number>;

/**
 * HTTP 200 alone is no success, nor is a success code without the message's id: either may be a
 * proxy's page or a half-read answer, after which the message may or may not have gone out.
 */
export const resultOf = (
  facts: AnswerFacts,
  reading: AnswerReading,
  reply: ProviderReply,
  send: PreparedSend
): SmsSendResult => {
  const { provider } = facts;
  if (reading.kind === 'unreadable') {
    throw unreadableReply(provider, reply.statusCode, reading.why);
  }
  if (reading.kind === 'refused') {
    throw providerRejection({
      provider,
      table: facts.errorTable,
      providerCode: reading.code,
      message: text(reading.message),
      requestId: text(reading.requestId),
      sensitive: send.call.sensitive ?? [],
      ...(!reading.byNumber && { statusCode: reply.statusCode }),
    });
  }
  const messageId = text(reading.messageId);
  if (reply.statusCode !== 200 || messageId === undefined) {
    throw unreadableReply(
      provider,
      reply.statusCode,
      `${reading.acceptedAs} without a ${facts.messageIdName}`
    );
  }
  const extras = reading.extras && plainValues(reading.extras);
  return {
    provider,
    messageId,
    requestId: text(reading.requestId),
    template: send.template,
    fellBackToGeneric: send.fellBackToGeneric,
    phoneNumber: send.phoneNumber,
    ...(extras && Object.keys(extras).length > 0 && { extras }),
  };
};
