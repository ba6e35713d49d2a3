/**
 * What each provider answered, read from the connector's `ConnectorError` data alone (outcome,
 * codes, `failover`), and the error a send ends in when no provider sent it.
 */
import { ConnectorError, type ConnectorErrorCodes } from '@logto/connector-kit';
import {
  duanxinErrorData,
  errorSummary,
  type FailoverScope,
  type SendOutcome,
} from '@duanxin/shared';

import type { PreparedEntry } from './config.js';
import type { FailoverProvider } from './connectors.js';

export type ProviderAnswer = {
  /** The entry's name: its provider unless named. */
  name: string;
  provider: FailoverProvider;
  outcome: SendOutcome;
  /** Logto's error code, e.g. `rate_limit_exceeded`. */
  code: string;
  providerCode?: string;
  requestId?: string;
  field?: string;
  retryable?: boolean;
  /** Set when this provider will not deliver it now and the next one may (see the README). */
  failover?: FailoverScope;
  /** The connector's own words (secrets removed, numbers masked): its code, message and hint. */
  description: string;
  hint?: string;
  /** Not asked: skipped after an earlier answer (the one shown), until this time (ISO 8601). */
  skippedUntil?: string;
};

/** The answer a connector's error carries; undefined for anything but a duanxin ConnectorError. */
export const answerOf = (entry: PreparedEntry, error: unknown): ProviderAnswer | undefined => {
  const { code } = error as { code?: unknown };
  const data = duanxinErrorData(error);
  if (typeof code !== 'string' || !data) {
    return undefined;
  }
  return {
    name: entry.name,
    provider: entry.provider,
    outcome: data.outcome,
    code,
    ...(data.providerCode !== undefined && { providerCode: data.providerCode }),
    ...(data.requestId !== undefined && { requestId: data.requestId }),
    ...(data.field !== undefined && { field: data.field }),
    ...(data.retryable !== undefined && { retryable: data.retryable }),
    ...(data.failover !== undefined && { failover: data.failover }),
    description: errorSummary(data),
    ...(data.hint !== undefined && { hint: data.hint }),
  };
};

/**
 * The next provider is tried only when nothing was sent and this one will not deliver it now;
 * never after `unknown` (it may have been sent: a second provider would send a second code).
 */
export const mayFailOver = (answer: ProviderAnswer): boolean =>
  answer.skippedUntil !== undefined ||
  (answer.failover !== undefined && answer.outcome !== 'unknown');

const outcomeWords: Record<SendOutcome, string> = {
  not_sent: 'not sent',
  rejected: 'refused',
  unknown: 'may have been sent',
};

const describeAnswer = (answer: ProviderAnswer) =>
  answer.skippedUntil
    ? `${answer.name}: skipped until ${answer.skippedUntil} after: ${answer.description}`
    : `${answer.name} (${outcomeWords[answer.outcome]}): ${answer.description}`;

const headline = (last: ProviderAnswer, untried: readonly PreparedEntry[]) => {
  const rest = untried.map((entry) => entry.name).join(', ');
  const notTried = `so ${rest} ${untried.length > 1 ? 'were' : 'was'} not tried`;
  if (last.outcome === 'unknown') {
    return `${last.name} may or may not have sent it${untried.length > 0 ? `, ${notTried}` : ''}.`;
  }
  if (!mayFailOver(last) && untried.length > 0) {
    return `${last.name} refused it as another provider would, ${notTried}.`;
  }
  return 'No provider sent it.';
};

/** Nothing was sent if every answer says so; the last answer decides Logto's error code. */
export const noDelivery = (
  answers: readonly ProviderAnswer[],
  untried: readonly PreparedEntry[]
): ConnectorError => {
  const last = answers.at(-1);
  if (!last) {
    throw new Error('noDelivery needs at least one answer');
  }
  const outcome: SendOutcome = answers.some((answer) => answer.outcome === 'unknown')
    ? 'unknown'
    : answers.every((answer) => answer.outcome === 'not_sent')
      ? 'not_sent'
      : 'rejected';
  const lines = [headline(last, untried), ...answers.map(describeAnswer)];
  return new ConnectorError(last.code as ConnectorErrorCodes, {
    errorDescription: `[duanxin] [failover] ${lines.join('\n')}`,
    message: lines.join('\n'),
    ...(last.skippedUntil === undefined && last.hint !== undefined && { hint: last.hint }),
    // The provider and code of the answer that ended the send, as a single connector reports them.
    provider: last.provider,
    outcome,
    ...(last.skippedUntil === undefined && {
      ...(last.providerCode !== undefined && { providerCode: last.providerCode }),
      ...(last.requestId !== undefined && { requestId: last.requestId }),
      ...(last.field !== undefined && { field: last.field }),
    }),
    retryable: answers.some((answer) => answer.retryable === true),
    attempts: answers,
  });
};
