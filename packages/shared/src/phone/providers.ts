/**
 * Each provider's number format, both ways: what duanxin sends (`formatFor…`) and how the
 * provider reads what it receives (`read…Number`, which the emulator applies). Every form sent
 * is one the provider cannot read as another number (docs/providers.md §1.1–§4.1).
 */
import type { SmsPhoneNumber } from './read.js';

/** The number a provider would deliver to, or undefined when it refuses the form. */
export type ProviderReading = {
  /** `+8613800138000` */
  e164: string;
  /** A domestic (mainland China) number to the provider. */
  mainland: boolean;
};

/** What a provider's `read…Number` answers for a domestic (mainland China) number. */
export const mainlandReading = (national: string): ProviderReading => ({
  e164: `+86${national}`,
  mainland: true,
});

/** …and for country code + number: never +86, which is not written that way. */
export const internationalReading = (digits: string): ProviderReading | undefined =>
  digits.startsWith('86') ? undefined : { e164: `+${digits}`, mainland: false };

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
