import { ConnectorError } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import { parsePhoneNumberForSms, parseTypedPhoneNumber } from './read.js';

const parse = (to: unknown, options: { strict?: boolean; allowedCountries?: string[] } = {}) =>
  parsePhoneNumberForSms(to, { provider: 'test', ...options });

const refusalOf = (run: () => unknown): ConnectorError => {
  try {
    run();
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(ConnectorError);
    return error as ConnectorError;
  }
  return expect.unreachable('the number was accepted');
};

const expectRefusedNamingTo = (run: () => unknown) => {
  const { code, data } = refusalOf(run);
  expect(code).toBe('invalid_request_parameters');
  expect(data).toMatchObject({ field: 'to', outcome: 'not_sent', provider: 'test' });
  expect(JSON.stringify(data)).not.toMatch(/13800138000|13012345678|2530000/);
};

describe('parsePhoneNumberForSms: Logto `to`, country code first (docs/providers.md §0.1)', () => {
  it.each([
    ['8613800138000', '+8613800138000', 'CN'],
    ['+8613800138000', '+8613800138000', 'CN'],
    ['008613800138000', '+8613800138000', 'CN'],
    ['85291234567', '+85291234567', 'HK'],
    ['85366123456', '+85366123456', 'MO'],
    ['886912345678', '+886912345678', 'TW'],
    ['16502530000', '+16502530000', 'US'],
    ['13012345678', '+13012345678', 'US'],
    ['447400123456', '+447400123456', 'GB'],
    ['+6591234567', '+6591234567', 'SG'],
  ])('reads %s as %s (%s)', (to, e164, country) => {
    const phone = parse(to);
    expect(phone.e164).toBe(e164);
    expect(phone.country).toBe(country);
    expect(phone.isMainlandChina).toBe(country === 'CN');
    expect(phone.legacyMainland).toBe(false);
  });

  it('reads a bare 11-digit mainland mobile as +86 when it is no valid number with a country code', () => {
    const phone = parse('13800138000');
    expect(phone.e164).toBe('+8613800138000');
    expect(phone.legacyMainland).toBe(true);
  });

  it('refuses bare mainland numbers in strict mode', () => {
    expectRefusedNamingTo(() => parse('13800138000', { strict: true }));
    expect(parse('8613800138000', { strict: true }).e164).toBe('+8613800138000');
  });

  it.each([
    ['empty', ''],
    ['commas', '8613800138000,8613900139000'],
    ['spaces inside', '86 138 0013 8000'],
    ['letters', '86138abc38000'],
    ['unicode digits', '８６１３８００１３８０００'],
    ['plus only', '+'],
    ['30 digits', '1'.repeat(30)],
    ['invalid number', '99999999'],
    ['a UK premium-rate number', '449098765432'],
    ['a US premium-rate number', '19002345678'],
    ['a number type', 8613800138000],
    ['undefined', undefined],
  ])('refuses %s with invalid_request_parameters naming the field', (_name, to) => {
    expectRefusedNamingTo(() => parse(to));
  });
});

describe('parsePhoneNumberForSms: allowedCountries resolves ambiguous digits', () => {
  // [to, allowedCountries, E.164 sent to, or undefined: refused naming `to`]
  it.each([
    // The international reading is allowed: it stands.
    ['13012345678', ['US'], '+13012345678'],
    ['13012345678', ['CN', 'US'], '+13012345678'],
    ['16502530000', ['US', 'CA'], '+16502530000'],
    ['8613800138000', ['CN'], '+8613800138000'],
    ['85291234567', ['CN', 'HK'], '+85291234567'],
    // Not allowed, and the bare mainland reading is a valid mobile of an allowed country.
    ['13012345678', ['CN'], '+8613012345678'],
    ['16502530000', ['CN'], '+8616502530000'],
    ['16502530000', ['CN', 'HK'], '+8616502530000'],
    ['+16502530000', ['CN'], undefined],
    ['0016502530000', ['CN'], undefined],
    // A +1 premium-rate number, not allowed: the mainland mobile 190 0234 5678 is.
    ['19002345678', ['CN'], '+8619002345678'],
    ['19002345678', ['US'], undefined],
    // No valid allowed reading.
    ['13012345678', ['HK'], undefined],
    ['85291234567', ['CN'], undefined],
    ['8613800138000', ['HK', 'US'], undefined],
    ['12125551234', ['CN'], undefined],
    // No valid international reading: the mainland one only if mainland China is allowed.
    ['13800138000', ['CN'], '+8613800138000'],
    ['13800138000', ['US'], undefined],
  ])('%s with %j → %s', (to, allowedCountries, e164) => {
    if (e164 === undefined) {
      expectRefusedNamingTo(() => parse(to, { allowedCountries }));
    } else {
      expect(parse(to, { allowedCountries }).e164).toBe(e164);
    }
  });

  it('never returns a number outside the list, and strict mode keeps the mainland reading off', () => {
    expectRefusedNamingTo(() => parse('13012345678', { allowedCountries: ['CN'], strict: true }));
    const { data } = refusalOf(() => parse('85291234567', { allowedCountries: ['CN'] }));
    expect(data).toMatchObject({ errorDescription: expect.stringContaining('allowedCountries') });
  });
});

describe('parseTypedPhoneNumber: what a person types (docs/providers.md §0.2)', () => {
  const typed = (input: unknown, defaultCountry: 'CN' | 'US' = 'CN') =>
    parseTypedPhoneNumber(input, { provider: 'test', defaultCountry });

  it('reads national numbers of the default country before the country-code reading', () => {
    expect(typed('13012345678').e164).toBe('+8613012345678');
    expect(typed('13012345678', 'US').e164).toBe('+13012345678');
    expect(typed('8613800138000', 'US').e164).toBe('+8613800138000');
    expect(typed('+86 138-0013-8000', 'US').e164).toBe('+8613800138000');
  });

  it('refuses what is not one number, naming `to`, with no digits in the message', () => {
    for (const input of ['138/0013/8000', '+86 138 0013 8000 ext. 1', '12345', 42, undefined]) {
      expectRefusedNamingTo(() => typed(input));
    }
  });
});
