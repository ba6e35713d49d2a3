import { duanxinError, type ProviderName } from './connector-error.js';
import { redactText } from './redact.js';
import { lookupProviderError, type ProviderErrorTable } from './table.js';

export type ProviderRejection = {
  provider: ProviderName;
  table: ProviderErrorTable;
  providerCode: string;
  message: string | undefined;
  requestId: string | undefined;
  /** Strings to mask out of the provider's message (secrets, the number, the code). */
  sensitive: readonly (string | undefined)[];
  /** HTTP status of the answer: on a 5xx the provider was in trouble and may have accepted it. */
  statusCode?: number;
};

/**
 * The provider answered and refused the message: nothing was sent — unless it answered with a
 * server error, after which the outcome is unknown.
 */
export const providerRejection = ({
  provider,
  table,
  providerCode,
  message,
  requestId,
  sensitive,
  statusCode,
}: ProviderRejection) => {
  const entry = lookupProviderError(table, providerCode);
  const outcome = statusCode !== undefined && statusCode >= 500 ? 'unknown' : 'rejected';
  // The code and the request id are the provider's text too: cleaned like its message.
  return duanxinError(
    entry.code,
    {
      provider,
      providerCode,
      message: (message && redactText(message, sensitive)) || providerCode,
      hint: entry.hint,
      outcome,
      retryable: entry.retryable ?? false,
      requestId,
      field: entry.field,
      failover: outcome === 'rejected' ? entry.failover : undefined,
    },
    sensitive
  );
};

/**
 * An answer we cannot read (an HTML proxy page, a truncated body, a success without its id):
 * the provider may have accepted the message, so the outcome is unknown.
 */
export const unreadableReply = (provider: ProviderName, statusCode: number, why: string) =>
  duanxinError('InvalidResponse', {
    provider,
    message: `Unreadable answer (HTTP ${statusCode}): ${why}; the message may or may not have been sent.`,
    outcome: 'unknown',
    retryable: false,
  });
