/** Random valid mobile numbers of many countries, for the phone-number property tests. */
import fc from 'fast-check';
import {
  getExampleNumber,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';

/** Mainland China and its neighbours, the NANP, Europe, Asia, Oceania, the Americas, Africa. */
export const propertyCountries: readonly CountryCode[] = [
  'CN', 'HK', 'MO', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'RU', 'JP', 'KR', 'SG',
  'MY', 'TH', 'VN', 'ID', 'PH', 'IN', 'AU', 'NZ', 'BR', 'MX', 'AE', 'SA', 'ZA', 'NG', 'EG', 'TR',
]; // prettier-ignore

const receivingTypes = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/**
 * A valid mobile number of `country`: its example's length and first digit, the other digits
 * random. NANP numbers are random from the area code on, so that `1` + area code often looks like
 * a mainland mobile (`1650…`), the case a provider can misread.
 */
const mobileOf = (country: CountryCode) => {
  const example = getExampleNumber(country, examples)?.nationalNumber ?? '';
  const keep = country === 'US' || country === 'CA' ? 0 : 1;
  return fc
    .stringMatching(new RegExp(`^[0-9]{${example.length - keep}}$`))
    .map((rest) => parsePhoneNumberFromString(example.slice(0, keep) + rest, country))
    .filter(
      (phone): phone is PhoneNumber =>
        phone !== undefined &&
        phone.isValid() &&
        phone.country === country &&
        receivingTypes.has(phone.getType() ?? '')
    )
    .map((phone) => ({ country, e164: phone.number, national: phone.formatNational() }));
};

/** `{ country, e164, national }`: the number, and how its own country writes it nationally. */
export const validMobile = fc.constantFrom(...propertyCountries).chain(mobileOf);
