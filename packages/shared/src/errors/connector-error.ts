import { ConnectorError, ConnectorErrorCodes } from '@logto/connector-kit';

import { redactSecrets } from './redact.js';

export type ProviderName = 'aliyun' | 'tencent' | 'yunpian' | (string & {});

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
  errorDescription: string;
  provider: ProviderName;
  outcome: SendOutcome;
  providerCode?: string;
  requestId?: string;
  /** The config or payload field at fault, for bad input. */
  field?: string;
  /** Whether the same request may succeed later (flow control, provider trouble). */
  retryable?: boolean;
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
};

/**
 * Resolves a code name against the kit Logto actually runs: `UsageLimitExceeded` exists only
 * from connector-kit 5.1.1 on, so older hosts get `General`.
 */
export const resolveErrorCode = (name: ErrorCodeName): ConnectorErrorCodes =>
  (ConnectorErrorCodes as Record<string, ConnectorErrorCodes | undefined>)[name] ??
  ConnectorErrorCodes.General;

/**
 * Builds the one error type every duanxin connector throws; its description names the origin.
 * Every string of its data is cleared of the `sensitive` values, in any encoding, before the error
 * exists: its message, `JSON.stringify` and `util.inspect` are all made from that data.
 */
export const duanxinError = (
  name: ErrorCodeName,
  data: Omit<DuanxinErrorData, 'errorDescription'> & { description: string },
  sensitive: readonly (string | undefined)[] = []
): ConnectorError => {
  const { description, ...rest } = data;
  const clean = Object.fromEntries(
    Object.entries({
      errorDescription: `[duanxin] [${data.provider}] ${description}`,
      ...rest,
    }).map(([key, value]) => [
      key,
      typeof value === 'string' ? redactSecrets(value, sensitive) : value,
    ])
  ) as DuanxinErrorData;
  return new ConnectorError(resolveErrorCode(name), clean);
};

/** Bad input caught before anything is sent. */
export const badInput = (
  provider: ProviderName,
  name: Extract<ErrorCodeName, 'InvalidConfig' | 'InvalidRequestParameters' | 'TemplateNotFound'>,
  description: string,
  field?: string
): ConnectorError =>
  duanxinError(name, {
    provider,
    description,
    outcome: 'not_sent',
    retryable: false,
    ...(field && { field }),
  });
