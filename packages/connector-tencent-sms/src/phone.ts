/**
 * Tencent's number format, both ways: what the connector sends (`formatForTencent`) and how
 * Tencent reads what it receives (`readTencentNumber`, which the emulator applies; exported
 * through `./emulator`). docs/providers.md §2.1.
 */
import {
  internationalReading,
  mainlandReading,
  type ProviderReading,
  type SmsPhoneNumber,
} from '@duanxin/shared';

/** Tencent 2021-01-11: E.164 with `+`, always (docs/providers.md §2.1). */
export const formatForTencent = (phone: SmsPhoneNumber): string => phone.e164;

/**
 * How Tencent reads `PhoneNumberSet`: 11 digits after `+86`, `0086`, `86` or nothing are
 * domestic; anything else must be `+` E.164 (docs/providers.md §2.1).
 */
export const readTencentNumber = (raw: string): ProviderReading | undefined => {
  const mainland = /^(?:\+86|0086|86)?(1\d{10})$/.exec(raw)?.[1];
  if (mainland) {
    return mainlandReading(mainland);
  }
  const digits = /^\+([1-9]\d{6,14})$/.exec(raw)?.[1];
  return digits ? internationalReading(digits) : undefined;
};
