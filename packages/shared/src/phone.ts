import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

import { badInput, type ProviderName } from './errors/index.js';

export type SmsPhoneNumber = {
  /** `+8613800138000` */
  e164: string;
  /** `86` */
  countryCallingCode: string;
  /** `13800138000` */
  nationalNumber: string;
  /** ISO 3166 code, e.g. `CN`, `HK`, `US`; undefined for non-geographic numbers. */
  country: CountryCode | undefined;
  /** Mainland China only: Hong Kong, Macau and Taiwan are not. */
  isMainlandChina: boolean;
  /** The digits were a bare mainland number without country code (legacy Logto rows). */
  legacyMainland: boolean;
};

export type ParsePhoneOptions = {
  provider: ProviderName;
  /**
   * Refuse bare 11-digit mainland numbers without a country code
   * (Aliyun's `strictPhoneRegionNumberCheck`).
   */
  strict?: boolean;
};

// E.164 allows 15 digits; `00` adds two. Anything longer is not a phone number.
const acceptedShape = /^(\+|00)?[0-9]{4,17}$/;

/**
 * Number types that cannot receive a verification SMS or are SMS-pumping targets (premium rate
 * numbers earn their owner money per message): refused before anything is sent.
 */
const refusedTypes = new Set(['PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE', 'VOICEMAIL', 'UAN']);

const toPhone = (
  parsed: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>,
  legacyMainland: boolean
): SmsPhoneNumber => ({
  e164: parsed.number,
  countryCallingCode: parsed.countryCallingCode,
  nationalNumber: parsed.nationalNumber,
  country: parsed.country,
  isMainlandChina: parsed.country === 'CN',
  legacyMainland,
});

/**
 * Reads `to` as Logto passes it (digits with country code and no `+`: `8613800138000`,
 * `16502530000`), or as `+E.164` or `00`-prefixed.
 *
 * Ambiguous digits are read as country code + number first. Only when that is not a valid
 * number and the digits are a valid bare mainland mobile (legacy rows without a country code)
 * are they taken as mainland China — so `16502530000` is +1 650 253 0000, never a Chinese number:
 * sending a code to a stranger is the worst outcome.
 */
export const parsePhoneNumberForSms = (to: unknown, options: ParsePhoneOptions): SmsPhoneNumber => {
  const refuse = (why: string) =>
    badInput(options.provider, 'InvalidRequestParameters', `Invalid phone number: ${why}.`, 'to');

  if (typeof to !== 'string' || to.length === 0) {
    throw refuse('expected one number as a string of digits');
  }
  if (!acceptedShape.test(to)) {
    throw refuse(
      'expected one number of ASCII digits with its country code, optionally after + or 00 (no spaces, separators or letters)'
    );
  }

  const international = to.startsWith('+') ? to : `+${to.startsWith('00') ? to.slice(2) : to}`;
  const parsed = parsePhoneNumberFromString(international);
  // A number with a type is valid: getType() runs the same large regexes as isValid(), so calling
  // it alone spares a second pass over them on every send (docs/benchmarks.md).
  const type = parsed?.getType();
  if (parsed && (type !== undefined || parsed.isValid())) {
    if (type && refusedTypes.has(type)) {
      throw refuse(`a ${type.toLowerCase().replace('_', '-')} number cannot receive codes`);
    }
    return toPhone(parsed, false);
  }

  if (!options.strict && /^1[0-9]{10}$/.test(to)) {
    const mainland = parsePhoneNumberFromString(to, 'CN');
    if (mainland?.getType() === 'MOBILE') {
      return toPhone(mainland, true);
    }
  }

  throw refuse('not a valid number for any country');
};

/** Aliyun: mainland as 11 digits, elsewhere country code + number, digits only (providers.md §D). */
export const formatForAliyun = (phone: SmsPhoneNumber): string =>
  phone.isMainlandChina ? phone.nationalNumber : phone.e164.slice(1);

/** Tencent 2021-01-11: E.164 with `+`, always. */
export const formatForTencent = (phone: SmsPhoneNumber): string => phone.e164;

/** YunPian: mainland as 11 digits with no `86`; elsewhere `+` + country code + number. */
export const formatForYunpian = (phone: SmsPhoneNumber): string =>
  phone.isMainlandChina ? phone.nationalNumber : phone.e164;

/**
 * Protection against SMS pumping: with an allow-list of ISO country codes, a number elsewhere is
 * refused before anything is sent.
 */
export const assertAllowedCountry = (
  phone: SmsPhoneNumber,
  allowedCountries: readonly string[] | undefined,
  provider: ProviderName
): void => {
  if (!allowedCountries || allowedCountries.length === 0) {
    return;
  }
  if (!phone.country || !allowedCountries.includes(phone.country)) {
    throw badInput(
      provider,
      'InvalidRequestParameters',
      `Numbers of ${phone.country ?? `+${phone.countryCallingCode}`} are not in allowedCountries.`,
      'to'
    );
  }
};
