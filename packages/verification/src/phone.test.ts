import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';

import { validMobile } from '../../shared/test/valid-numbers.js';
import { isSmsVerificationError } from './errors.js';
import { ipBucket, normalisePhone, toLogtoRecipient } from './phone.js';

/** The E.164 number, or `refused` for INVALID_PHONE_NUMBER. */
const read = (phone: unknown, defaultCountry: CountryCode = 'CN') => {
  try {
    return normalisePhone(phone, defaultCountry);
  } catch (error) {
    expect(isSmsVerificationError(error, 'INVALID_PHONE_NUMBER'), String(error)).toBe(true);
    return 'refused';
  }
};

describe('normalisePhone: typed numbers, read as libphonenumber reads user input', () => {
  // [typed, defaultCountry, E.164 or `refused`]
  const table: [string, CountryCode, string][] = [
    // Mainland China, the default country: national numbers, however they are written.
    ['13800138000', 'CN', '+8613800138000'],
    ['138 0013 8000', 'CN', '+8613800138000'],
    ['138-0013-8000', 'CN', '+8613800138000'],
    ['138.0013.8000', 'CN', '+8613800138000'],
    ['(138) 0013 8000', 'CN', '+8613800138000'],
    [' 138 0013 8000 ', 'CN', '+8613800138000'],
    ['013800138000', 'CN', '+8613800138000'],
    ['+86 138-0013-8000', 'CN', '+8613800138000'],
    ['+86 (138) 0013-8000', 'CN', '+8613800138000'],
    ['+8613800138000', 'CN', '+8613800138000'],
    ['0086 138 0013 8000', 'CN', '+8613800138000'],
    // Logto's stored form.
    ['8613800138000', 'CN', '+8613800138000'],
    ['86 138 0013 8000', 'CN', '+8613800138000'],
    // A mainland mobile that is also +1 301 234 5678 written without `+`: typed, it is Chinese.
    ['13012345678', 'CN', '+8613012345678'],
    ['130 1234 5678', 'CN', '+8613012345678'],
    ['16502530000', 'CN', '+8616502530000'],
    ['010 1234 5678', 'CN', '+861012345678'],
    // Hong Kong, Macau, Taiwan: national with their own default country, else with `+`, `00`
    // or the country code.
    ['9123 4567', 'HK', '+85291234567'],
    ['+852 9123 4567', 'CN', '+85291234567'],
    ['00852 9123 4567', 'CN', '+85291234567'],
    ['852-9123-4567', 'CN', '+85291234567'],
    ['9123 4567', 'CN', 'refused'],
    ['6612 3456', 'MO', '+85366123456'],
    ['+853 6612 3456', 'CN', '+85366123456'],
    ['85366123456', 'CN', '+85366123456'],
    ['0912 345 678', 'TW', '+886912345678'],
    ['+886 912 345 678', 'CN', '+886912345678'],
    ['+886 0912 345 678', 'CN', '+886912345678'],
    ['886912345678', 'CN', '+886912345678'],
    ['0912 345 678', 'CN', 'refused'],
    // United States.
    ['(650) 253-0000', 'US', '+16502530000'],
    ['650-253-0000', 'US', '+16502530000'],
    ['650.253.0000', 'US', '+16502530000'],
    ['1 650 253 0000', 'US', '+16502530000'],
    ['16502530000', 'US', '+16502530000'],
    ['13012345678', 'US', '+13012345678'],
    ['+1 650 253 0000', 'CN', '+16502530000'],
    ['001 650 253 0000', 'CN', '+16502530000'],
    ['(650) 253-0000', 'CN', 'refused'],
    // United Kingdom.
    ['07400 123456', 'GB', '+447400123456'],
    ['+44 7400 123456', 'CN', '+447400123456'],
    ['+44 (0)7400 123456', 'CN', '+447400123456'],
    ['0044 7400 123456', 'CN', '+447400123456'],
    ['447400123456', 'CN', '+447400123456'],
    ['07400 123456', 'CN', 'refused'],
    // Not one number that can receive a code.
    ['', 'CN', 'refused'],
    ['12345', 'CN', 'refused'],
    ['+86 138', 'CN', 'refused'],
    ['138 0013 800a', 'CN', 'refused'],
    ['１３８００１３８０００', 'CN', 'refused'],
    ['138/0013/8000', 'CN', 'refused'],
    ['13800138000,13900139000', 'CN', 'refused'],
    ['++8613800138000', 'CN', 'refused'],
    ['+86 138 0013 8000 ext. 1', 'CN', 'refused'],
    ['+861380013800012345', 'CN', 'refused'],
    ['+1 900 234 5678', 'CN', 'refused'],
    ['+1 866 234 5678', 'CN', 'refused'],
    ['+44 909 876 5432', 'GB', 'refused'],
  ];

  it(`pins ${table.length} typed forms`, () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('%j with defaultCountry %s is %s', (typed, defaultCountry, e164) => {
    expect(read(typed, defaultCountry)).toBe(e164);
  });

  it('refuses what is not a string', () => {
    for (const phone of [8613800138000, undefined, null, ['13800138000']]) {
      expect(read(phone)).toBe('refused');
    }
  });

  it('reads every international and national writing of a number as its E.164 form', () => {
    fc.assert(
      fc.property(validMobile, ({ country, e164, national }) => {
        const digits = e164.slice(1);
        for (const written of [e164, `00${digits}`, `+${digits.replace(/(\d{3})/g, '$1 ')}`]) {
          expect(read(written, 'CN')).toBe(e164);
        }
        expect(read(national, country)).toBe(e164);
        expect(toLogtoRecipient(read(e164))).toBe(digits);
      })
    );
  });

  it('reads digits without `+` nationally first, then with their country code', () => {
    fc.assert(
      fc.property(validMobile, ({ e164 }) => {
        const digits = e164.slice(1);
        // Logto's form of a foreign number is that number, unless it is also a mainland one.
        const mainland = parsePhoneNumberFromString(digits, 'CN');
        expect(read(digits, 'CN')).toBe(mainland?.isValid() ? mainland.number : e164);
      }),
      { numRuns: 500 }
    );
  });
});

describe('ipBucket', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['[2001:db8::1]', '2001:db8:0:0::/64'],
    ['2001:db8:0:0:ffff::2', '2001:db8:0:0::/64'],
    ['2001:0DB8:0000:0001:0:0:0:1', '2001:db8:0:1::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:192.0.2.1:1', '::ffff:192.0.2.1:1'],
  ])('%s counts as %s', (ip, bucket) => {
    expect(ipBucket(ip)).toBe(bucket);
  });

  it('puts every address of a /64 in one bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 4, maxLength: 4 }),
        (low) => {
          const address = `2001:db8:aa:bb:${low.map((h) => h.toString(16)).join(':')}`;
          expect(ipBucket(address)).toBe('2001:db8:aa:bb::/64');
        }
      )
    );
  });
});
