/** YunPian's number format, both ways (docs/providers.md §3.1). */
import {
  internationalReading,
  mainlandReading,
  type ProviderReading,
  type SmsPhoneNumber,
} from '@duanxin/shared';

/**
 * YunPian: mainland as 11 digits with no `86`; elsewhere `+` + country code + number, since a
 * number without `+` is a mainland one to YunPian (docs/providers.md §3.1).
 */
export const formatForYunpian = (phone: SmsPhoneNumber): string =>
  phone.isMainlandChina ? phone.nationalNumber : phone.e164;

/**
 * How YunPian reads `mobile`: without `+`, an 11-digit mainland number (`86…` is refused); with
 * `+`, country code + number, but not `+86` (docs/providers.md §3.1).
 */
export const readYunpianNumber = (raw: string): ProviderReading | undefined => {
  if (/^1\d{10}$/.test(raw)) {
    return mainlandReading(raw);
  }
  const digits = /^\+(\d{6,15})$/.exec(raw)?.[1];
  return digits ? internationalReading(digits) : undefined;
};
