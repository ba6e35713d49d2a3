import { ConnectorError } from '@logto/connector-kit';
import { describe, expect, it } from 'vitest';

import {
  assertAllowedCountry,
  formatForAliyun,
  formatForTencent,
  formatForYunpian,
  parsePhoneNumberForSms,
} from './phone.js';

const parse = (to: unknown, strict = false) =>
  parsePhoneNumberForSms(to, { provider: 'test', strict });

describe('parsePhoneNumberForSms', () => {
  it.each([
    ['8613800138000', '+8613800138000', 'CN'],
    ['+8613800138000', '+8613800138000', 'CN'],
    ['008613800138000', '+8613800138000', 'CN'],
    ['85291234567', '+85291234567', 'HK'],
    ['85366123456', '+85366123456', 'MO'],
    ['886912345678', '+886912345678', 'TW'],
    ['16502530000', '+16502530000', 'US'],
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

  it('never reads a valid US number as a mainland one: 16502530000 is +1 650 253 0000', () => {
    expect(parse('16502530000').e164).toBe('+16502530000');
  });

  it('refuses bare mainland numbers in strict mode', () => {
    expect(() => parse('13800138000', true)).toThrow(ConnectorError);
    expect(parse('8613800138000', true).e164).toBe('+8613800138000');
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
    try {
      parse(to);
      expect.unreachable();
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(ConnectorError);
      const { code, data } = error as ConnectorError;
      expect(code).toBe('invalid_request_parameters');
      expect(data).toMatchObject({ field: 'to', outcome: 'not_sent', provider: 'test' });
      expect(JSON.stringify(data)).not.toContain('13800138000');
    }
  });
});

describe('provider formats (providers.md §D)', () => {
  it.each([
    ['8613800138000', '13800138000', '+8613800138000', '13800138000'],
    ['85291234567', '85291234567', '+85291234567', '+85291234567'],
    ['16502530000', '16502530000', '+16502530000', '+16502530000'],
    ['13800138000', '13800138000', '+8613800138000', '13800138000'],
  ])('%s → aliyun %s, tencent %s, yunpian %s', (to, aliyun, tencent, yunpian) => {
    const phone = parse(to);
    expect(formatForAliyun(phone)).toBe(aliyun);
    expect(formatForTencent(phone)).toBe(tencent);
    expect(formatForYunpian(phone)).toBe(yunpian);
  });
});

describe('assertAllowedCountry', () => {
  it('lets everything through without a list, and only listed countries with one', () => {
    expect(() => assertAllowedCountry(parse('16502530000'), undefined, 'test')).not.toThrow();
    expect(() => assertAllowedCountry(parse('8613800138000'), ['CN', 'HK'], 'test')).not.toThrow();
    expect(() => assertAllowedCountry(parse('16502530000'), ['CN', 'HK'], 'test')).toThrow(
      /allowedCountries/
    );
  });
});
