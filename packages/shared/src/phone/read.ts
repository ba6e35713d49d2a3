import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

import { badInput, type ProviderName } from '../errors/index.js';

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
  /**
   * ISO codes of the countries the users are in (the config's `allowedCountries`): a number
   * elsewhere is refused, and digits whose country-code reading is elsewhere are read as a bare
   * mainland mobile when that is allowed.
   */
  allowedCountries?: readonly string[];
};

// E.164 allows 15 digits; `00` adds two. Anything longer is not a phone number.
const acceptedShape = /^(\+|00)?[0-9]{4,17}$/;

/**
 * Number types that cannot receive a verification SMS or are SMS-pumping targets (premium rate
 * numbers earn their owner money per message): refused before anything is sent.
 */
const refusedTypes = new Set(['PREMIUM_RATE', 'SHARED_COST', 'TOLL_FREE', 'VOICEMAIL', 'UAN']);

const toPhone = (parsed: PhoneNumber, legacyMainland: boolean): SmsPhoneNumber => ({
  e164: parsed.number,
  countryCallingCode: parsed.countryCallingCode,
  nationalNumber: parsed.nationalNumber,
  country: parsed.country,
  isMainlandChina: parsed.country === 'CN',
  legacyMainland,
});

const refusal = (provider: ProviderName, why: string) =>
  badInput(provider, 'InvalidRequestParameters', `Invalid phone number: ${why}.`, 'to');

/** A valid number with its type (undefined for some valid numbers). */
type Reading = { parsed: PhoneNumber; type: ReturnType<PhoneNumber['getType']> };

const valid = (parsed: PhoneNumber | undefined): Reading | undefined => {
  // A number with a type is valid: getType() runs the same large regexes as isValid(), so calling
  // it alone spares a second pass over them on every send (docs/benchmarks.md).
  const type = parsed?.getType();
  return parsed && (type !== undefined || parsed.isValid()) ? { parsed, type } : undefined;
};

/** `+…` and `00…` as international; other digits as country code + number. */
const readInternational = (digits: string): Reading | undefined =>
  valid(
    parsePhoneNumberFromString(
      digits.startsWith('+') ? digits : `+${digits.startsWith('00') ? digits.slice(2) : digits}`
    )
  );

/** The number, unless it is of a type that must not get codes. */
const receiving = ({ parsed, type }: Reading, provider: ProviderName): PhoneNumber => {
  if (type && refusedTypes.has(type)) {
    throw refusal(
      provider,
      `a ${type.toLowerCase().replace('_', '-')} number cannot receive codes`
    );
  }
  return parsed;
};

/**
 * Reads `to` as Logto passes it (digits with country code and no `+`: `8613800138000`,
 * `16502530000`), or as `+E.164` or `00`-prefixed (docs/providers.md §0.1).
 *
 * Ambiguous digits are read as country code + number first, so `16502530000` is
 * +1 650 253 0000. The bare mainland reading (`13012345678` as +86 130 1234 5678) is taken only
 * when the first reading is no valid number (legacy rows without a country code), or when its
 * country is not in `allowedCountries` and mainland China is. A number of a country outside
 * `allowedCountries` is never returned: sending a code to a stranger is the worst outcome.
 */
export const parsePhoneNumberForSms = (to: unknown, options: ParsePhoneOptions): SmsPhoneNumber => {
  const { provider, strict, allowedCountries } = options;
  if (typeof to !== 'string' || to.length === 0) {
    throw refusal(provider, 'expected one number as a string of digits');
  }
  if (!acceptedShape.test(to)) {
    throw refusal(
      provider,
      'expected one number of ASCII digits with its country code, optionally after + or 00 (no spaces, separators or letters)'
    );
  }

  const allowed = (country: string | undefined) =>
    !allowedCountries?.length || (country !== undefined && allowedCountries.includes(country));
  const international = readInternational(to);
  if (international && allowed(international.parsed.country)) {
    return toPhone(receiving(international, provider), false);
  }
  const mainland =
    !strict && /^1[0-9]{10}$/.test(to) ? parsePhoneNumberFromString(to, 'CN') : undefined;
  if (mainland?.getType() === 'MOBILE' && allowed('CN')) {
    return toPhone(mainland, true);
  }
  if (international) {
    const { country, countryCallingCode } = international.parsed;
    throw badInput(
      provider,
      'InvalidRequestParameters',
      `Numbers of ${country ?? `+${countryCallingCode}`} are not in allowedCountries.`,
      'to'
    );
  }
  throw refusal(provider, 'not a valid number for any country');
};

export type ParseTypedPhoneOptions = {
  provider: ProviderName;
  /** ISO code of the country whose national numbers are typed without `+` or `00`. */
  defaultCountry: CountryCode;
};

/** Separators people type or paste inside a number: spaces, dashes, dots, parentheses. */
const typedSeparators = /[\s\-.()]/g;

/**
 * Reads a number as a person types it, the way libphonenumber reads user input
 * (docs/providers.md §0.2): `+…` and `00…` are international; other digits are a national number
 * of `defaultCountry` (`138 0013 8000`, `(650) 253-0000`), or, when they are none, a number with
 * its country code in front (Logto's stored form, `8613800138000`). Spaces, dashes, dots and
 * parentheses are ignored; anything else is refused.
 */
export const parseTypedPhoneNumber = (
  input: unknown,
  { provider, defaultCountry }: ParseTypedPhoneOptions
): SmsPhoneNumber => {
  if (typeof input !== 'string') {
    throw refusal(provider, 'expected one number as a string');
  }
  const digits = input.replace(typedSeparators, '');
  if (!acceptedShape.test(digits)) {
    throw refusal(
      provider,
      'expected one number of ASCII digits, optionally after + or 00, with spaces, dashes, dots or parentheses at most'
    );
  }
  const international = /^(\+|00)/.test(digits);
  const reading = international
    ? readInternational(digits)
    : (valid(parsePhoneNumberFromString(digits, defaultCountry)) ?? readInternational(digits));
  if (!reading) {
    throw refusal(
      provider,
      international
        ? 'not a valid international number'
        : `neither a national number of ${defaultCountry} nor one with its country code`
    );
  }
  return toPhone(receiving(reading, provider), false);
};
