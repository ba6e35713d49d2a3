/**
 * The receiver as NocoBase hands it to a provider: the phone number exactly as the person typed
 * it when binding (`138 0013 8000`, `+86 138-0013-8000`), never normalised (docs/nocobase.md §2).
 */
import type { CountryCode } from 'libphonenumber-js';
import { parseTypedPhoneNumber } from '@duanxin/shared';

/**
 * Logto's form of the number (`8613800138000`, docs/providers.md §0.1), read by the verifier's
 * rules for typed numbers (§0.2); anything else is refused with a ConnectorError (field `to`).
 */
export const toLogtoRecipient = (
  receiver: unknown,
  defaultCountry: CountryCode,
  provider: string
): string => parseTypedPhoneNumber(receiver, { provider, defaultCountry }).e164.slice(1);
