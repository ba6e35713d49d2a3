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
 * What `duanxin` advises about a provider's codes, by failure family (the families and their
 * common advice are `packages/cli/src/hints.ts`): which codes of the provider belong to a family,
 * and the provider's own advice where the family has none for every provider.
 */
export type ProviderHints = Readonly<Record<string, { codes: RegExp; hint?: string }>>;
