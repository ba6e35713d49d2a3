import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import { redactSecrets } from './redact.js';

/** A provider's name, as its connector and its emulation give it, e.g. `aliyun`. */
export type ProviderName = string;

/**
 * What became of the message when a send failed:
 * - `not_sent`: the request provably never left this machine (DNS failure, connection refused,
 *   connect timeout, TLS handshake failure). Only this may be retried.
 * - `rejected`: the provider answered and refused it; nothing was sent.
 * - `unknown`: the request may have reached the provider (timeout after writing it, reset,
 *   unreadable answer). Never retried: SMS sends are not idempotent.
 */
export type SendOutcome = 'not_sent' | 'rejected' | 'unknown';

/** Who will not deliver it now: this provider for this number, or for any number (see table.ts). */
export type FailoverScope = 'number' | 'account';

/** `ConnectorErrorCodes` member names, resolved against the host's kit at run time. */
export type ErrorCodeName =
  | 'General'
  | 'InvalidConfig'
  | 'InvalidRequestParameters'
  | 'InsufficientRequestParameters'
  | 'InvalidResponse'
  | 'TemplateNotFound'
  | 'RateLimitExceeded'
  | 'UsageLimitExceeded';

export type DuanxinErrorData = {
  /**
   * What Logto's console shows, composed from the fields below:
   * `[duanxin] [provider] providerCode: message — hint`.
   */
  errorDescription: string;
  provider: ProviderName;
  /** What happened, in words: no origin, provider code or hint. */
  message: string;
  /** What to do about it: which config field, where in the provider console. */
  hint?: string;
  outcome: SendOutcome;
  /** Whether the same request may succeed later (flow control, provider trouble). */
  retryable: boolean;
  /** The provider's own error code, when the provider refused. */
  providerCode?: string;
  requestId?: string;
  /** The config or payload field at fault, for bad input. */
  field?: string;
  /**
   * Set when nothing was sent and another provider may deliver it: a refusal the error table
   * marks so, or a request that never left this machine. Never set with outcome `unknown`.
   */
  failover?: FailoverScope;
  /**
   * Transport failures: whether a connection to the endpoint (or the proxy) was made. False: it
   * could not be reached; true: it was, and then timed out, reset or failed the TLS handshake.
   */
  connected?: boolean;
  /** A failover connector's: what each provider answered. */
  attempts?: unknown[];
};

/**
 * Resolves a code name against the kit Logto actually runs: `UsageLimitExceeded` exists only
 * from connector-kit 5.1.1 on, so older hosts get `General`.
 */
export const resolveErrorCode = (name: ErrorCodeName): ConnectorErrorCodes =>
  (ConnectorErrorCodes as Record<string, ConnectorErrorCodes | undefined>)[name] ??
  ConnectorErrorCodes.General;

/**
 * What was said, without the origin: the provider's code heads it unless it is all the provider
 * said, and the hint ends it.
 */
export const errorSummary = ({
  providerCode,
  message,
  hint,
}: Pick<DuanxinErrorData, 'providerCode' | 'message' | 'hint'>): string => {
  const said = providerCode && providerCode !== message ? `${providerCode}: ${message}` : message;
  return `${said}${hint ? ` — ${hint}` : ''}`;
};

/** The console's one line: the origin, then the summary. */
const describeError = (data: Omit<DuanxinErrorData, 'errorDescription'>): string =>
  `[duanxin] [${data.provider}] ${errorSummary(data)}`;

/**
 * Builds the one error type every duanxin connector throws; its description names the origin and
 * is composed from its fields. Every string of its data is cleared of the `sensitive` values, in
 * any encoding, before the error exists: its message, `JSON.stringify` and `util.inspect` are all
 * made from that data.
 */
export const duanxinError = (
  name: ErrorCodeName,
  data: Omit<DuanxinErrorData, 'errorDescription'>,
  sensitive: readonly (string | undefined)[] = []
): ConnectorError => {
  const fields = Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => value !== undefined && value !== '')
      .map(([key, value]) => [
        key,
        typeof value === 'string' ? redactSecrets(value, sensitive) : value,
      ])
  ) as Omit<DuanxinErrorData, 'errorDescription'>;
  return new ConnectorError(resolveErrorCode(name), {
    errorDescription: describeError(fields),
    ...fields,
  });
};

/** The fields of a duanxin error, or undefined for any other error: read these, never the text. */
export const duanxinErrorData = (error: unknown): DuanxinErrorData | undefined => {
  const data = (error as { data?: Partial<DuanxinErrorData> } | null)?.data;
  return typeof data?.errorDescription === 'string' && typeof data.message === 'string'
    ? (data as DuanxinErrorData)
    : undefined;
};

/** Bad input caught before anything is sent. */
export const badInput = (
  provider: ProviderName,
  name: Extract<ErrorCodeName, 'InvalidConfig' | 'InvalidRequestParameters' | 'TemplateNotFound'>,
  message: string,
  field?: string,
  hint?: string
): ConnectorError =>
  duanxinError(name, { provider, message, hint, outcome: 'not_sent', retryable: false, field });
