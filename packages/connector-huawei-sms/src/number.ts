/** Huawei's number format, both ways (docs/providers.md §4.1). */
import type { ProviderReading, SmsPhoneNumber } from '@duanxin/shared';

/**
 * Huawei: E.164 with `+`, for every country, since digits without `+` get +86 in front
 * (docs/providers.md §4.1).
 */
export const formatForHuawei = (phone: SmsPhoneNumber): string => phone.e164;

/**
 * How Huawei reads one number of `to`: `+` + country code + number; without `+`, a domestic
 * number, +86 added. The platform checks no more than that (docs/providers.md §4.1).
 */
export const readHuaweiNumber = (raw: string): ProviderReading | undefined => {
  const match = /^(\+?)(\d{4,20})$/.exec(raw);
  if (!match) {
    return undefined;
  }
  const e164 = match[1] ? raw : `+86${match[2]}`;
  return { e164, mainland: e164.startsWith('+86') };
};
