import fc from 'fast-check';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';

import { isSmsVerificationError } from './errors.js';
import { ipBucket, normalisePhone, toLogtoRecipient } from './phone.js';

/** The result, or what was thrown. */
const attempt = <T>(run: () => T): T | unknown => {
  try {
    return run();
  } catch (error) {
    return error;
  }
};

const exampleMobiles = getCountries().flatMap((country) => {
  const example = getExampleNumber(country, examples);
  return example?.isValid() ? [example.number] : [];
});

describe('normalisePhone', () => {
  it('keys every way of writing a number as its E.164 form', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exampleMobiles), (e164) => {
        const digits = e164.slice(1);
        for (const written of [e164, digits, `00${digits}`]) {
          expect(normalisePhone(written)).toBe(e164);
        }
        expect(toLogtoRecipient(normalisePhone(e164))).toBe(digits);
      })
    );
  });

  it('reads mainland mobiles with 86 as +86, and bare ones as the shared parser documents', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('130', '138', '150', '186', '199'),
        fc.stringMatching(/^[0-9]{8}$/),
        (prefix, rest) => {
          const national = `${prefix}${rest}`;
          // Not every block of a prefix is allocated.
          fc.pre(parsePhoneNumberFromString(national, 'CN')?.getType() === 'MOBILE');
          expect(normalisePhone(`86${national}`)).toBe(`+86${national}`);
          // Country code first (13012000000 is +1 301…), mainland only when that is no number;
          // refused when it is a number that cannot take codes (+1 866… is toll-free).
          const bare = attempt(() => normalisePhone(national));
          if (typeof bare === 'string') {
            expect([`+${national}`, `+86${national}`]).toContain(bare);
            expect(normalisePhone(bare)).toBe(bare);
          } else {
            expect(isSmsVerificationError(bare, 'INVALID_PHONE_NUMBER')).toBe(true);
          }
        }
      )
    );
  });

  it('refuses anything that is not one valid number, with a typed error', () => {
    for (const phone of [
      '',
      '123',
      '+86 138 0013 8000',
      '1380013800a',
      '+861380013800012345',
      42,
    ]) {
      let error: unknown;
      try {
        normalisePhone(phone);
      } catch (caught) {
        error = caught;
      }
      expect(isSmsVerificationError(error, 'INVALID_PHONE_NUMBER'), String(phone)).toBe(true);
    }
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
