/**
 * __Title__'s number format, both ways: what the connector sends (`formatFor__Pascal__`) and how
 * __Title__ reads what it receives (`read__Pascal__Number`, which the emulator applies). EXAMPLE:
 * write the provider's real rules, with sources, in docs/providers.md (§0.3: one reading only).
 */
import type { ProviderReading, SmsPhoneNumber } from '@duanxin/shared';

/** EXAMPLE: E.164 with `+` for every number, a form no provider reads as another number. */
export const formatFor__Pascal__ = (phone: SmsPhoneNumber): string => phone.e164;

/** EXAMPLE: `+`, country code and number; anything else is refused. */
export const read__Pascal__Number = (raw: string): ProviderReading | undefined =>
  /^\+[1-9]\d{6,14}$/.test(raw) ? { e164: raw, mainland: raw.startsWith('+86') } : undefined;
