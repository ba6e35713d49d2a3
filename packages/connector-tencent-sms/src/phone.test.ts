import { describe, expect, it } from 'vitest';

import { parsePhoneNumberForSms, type ProviderReading } from '@duanxin/shared';

import { formatForTencent, readTencentNumber } from './phone.js';

const phone = (to: string) => parsePhoneNumberForSms(to, { provider: 'test' });

describe('what Tencent is sent (docs/providers.md §2.1)', () => {
  it.each([
    ['8613800138000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['85291234567', '+85291234567'],
    ['85366123456', '+85366123456'],
    ['886912345678', '+886912345678'],
    ['16502530000', '+16502530000'],
    ['447400123456', '+447400123456'],
  ])('%s → tencent %s', (to, tencent) => {
    expect(formatForTencent(phone(to))).toBe(tencent);
  });
});

const mainland = (e164: string): ProviderReading => ({ e164, mainland: true });
const abroad = (e164: string): ProviderReading => ({ e164, mainland: false });

describe('how Tencent reads what it receives: the emulator applies this', () => {
  it.each([
    ['+8613800138000', mainland('+8613800138000')],
    ['008613800138000', mainland('+8613800138000')],
    ['8613800138000', mainland('+8613800138000')],
    ['13800138000', mainland('+8613800138000')],
    // Without `+`, 11 digits are domestic: +1 digits would go to the mainland.
    ['16502530000', mainland('+8616502530000')],
    ['+16502530000', abroad('+16502530000')],
    ['+85291234567', abroad('+85291234567')],
    ['85291234567', undefined],
    ['+86123', undefined],
  ])('tencent reads %s as %j', (raw, reading) => {
    expect(readTencentNumber(raw)).toEqual(reading);
  });
});
