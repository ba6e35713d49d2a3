import type { ErrorCodeName } from './connector-error.js';

/** How one provider error code maps onto Logto's error codes, with advice for operators. */
export type ProviderErrorEntry = {
  code: ErrorCodeName;
  /** The same request may succeed later (flow control windows, provider trouble). */
  retryable?: boolean;
  /** What an operator should check, e.g. which config field and where in the provider console. */
  hint?: string;
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
 * The CLI's advice on one family of a provider's error codes (`packages/cli/src/hints.ts`):
 * `codes` matches the provider's codes of the `family`, `hint` is the provider's own advice; without
 * it the family's advice for every provider applies.
 */
export type ProviderHint = { family: string; codes: RegExp; hint?: string };
