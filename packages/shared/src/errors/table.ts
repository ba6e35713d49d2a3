import type { ErrorCodeName, FailoverScope } from './connector-error.js';

/** How one provider error code maps onto Logto's error codes, with advice for operators. */
export type ProviderErrorEntry = {
  code: ErrorCodeName;
  /** The same request may succeed later (flow control windows, provider trouble). */
  retryable?: boolean;
  /** What an operator should check, e.g. which config field and where in the provider console. */
  hint?: string;
  /**
   * This provider will not deliver it now and another one may: `number` for this number only
   * (per-number flow control), `account` for any number (quota, balance, suspension, credentials,
   * a signature or template not approved, a region not served). Absent for a refusal another
   * provider would repeat (the number, the parameters). A failover connector moves on only then
   * (docs/providers.md §5.1).
   */
  failover?: FailoverScope;
  /** The config or payload field at fault, e.g. `to` for a number the provider refused. */
  field?: string;
};

export type ProviderErrorTable = Readonly<Record<string, ProviderErrorEntry>>;

const fallback: ProviderErrorEntry = { code: 'General' };

/** Looks a code up exactly, then by its family prefix (`LimitExceeded.Foo` → `LimitExceeded.*`). */
export const lookupProviderError = (
  table: ProviderErrorTable,
  providerCode: string
): ProviderErrorEntry => {
  const exact = table[providerCode];
  if (exact) {
    return exact;
  }
  const dot = providerCode.indexOf('.');
  return (dot > 0 ? table[`${providerCode.slice(0, dot)}.*`] : undefined) ?? fallback;
};

/**
 * What `duanxin` advises about a provider's codes, by failure family (the families and their
 * common advice are `packages/cli/src/hints.ts`): which codes of the provider belong to a family,
 * and the provider's own advice where the family has none for every provider.
 */
export type ProviderHints = Readonly<Record<string, { codes: RegExp; hint?: string }>>;

/*
 * Entries by failover scope (docs/providers.md §5.1), so that a provider's table reads as one
 * line a code. A refusal another provider would repeat (the number, the parameters) has no scope
 * and stays a plain entry.
 */

/** This account cannot send (config, credentials, quota, balance): another provider may. */
export const accountWide = (code: ErrorCodeName, hint?: string): ProviderErrorEntry =>
  hint === undefined ? { code, failover: 'account' } : { code, failover: 'account', hint };

/** Passing trouble of the provider or the account (throttling, outages): retry, or fail over. */
export const retryLater = (code: ErrorCodeName): ProviderErrorEntry => ({
  code,
  failover: 'account',
  retryable: true,
});

/** Per-number flow control: this number waits here, another provider may deliver to it now. */
export const perNumberLimit = (hint?: string): ProviderErrorEntry => {
  const entry: ProviderErrorEntry = {
    code: 'RateLimitExceeded',
    failover: 'number',
    retryable: true,
  };
  return hint === undefined ? entry : { ...entry, hint };
};
