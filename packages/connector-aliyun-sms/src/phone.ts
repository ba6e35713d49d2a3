/**
 * Aliyun's number format, both ways: what the connector sends (`formatForAliyun`) and how Aliyun
 * reads what it receives (`readAliyunNumber`, which the emulator applies). The form sent is one
 * Aliyun cannot read as another number (docs/providers.md §1.1).
 */
import {
  internationalReading,
  mainlandReading,
  type ProviderReading,
  type SmsPhoneNumber,
} from '@duanxin/shared';

/**
 * Aliyun: mainland as 11 digits, elsewhere `00` + country code + number. Country code + number
 * without `00` (`16502530000`), and with `+`, would be a mainland mobile to Aliyun whenever it
 * starts like one: every +1 number (docs/providers.md §1.1).
 */
export const formatForAliyun = (phone: SmsPhoneNumber): string =>
  phone.isMainlandChina ? phone.nationalNumber : `00${phone.e164.slice(1)}`;

/**
 * How Aliyun reads `PhoneNumbers`: 11 digits that look like a mainland mobile, bare or after
 * `+`, `+86`, `0086` or `86`, are domestic; other digits, bare or after `00` or `+`, are country
 * code + number (docs/providers.md §1.1).
 */
export const readAliyunNumber = (raw: string): ProviderReading | undefined => {
  const value = raw.trim();
  const mainland = /^(?:\+86|0086|86|\+)?(1[3-9]\d{9})$/.exec(value)?.[1];
  if (mainland) {
    return mainlandReading(mainland);
  }
  const digits = /^(?:00|\+)?([1-9]\d{7,14})$/.exec(value)?.[1];
  return digits ? internationalReading(digits) : undefined;
};
