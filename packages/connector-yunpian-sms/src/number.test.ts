import { describe, expect, it } from 'vitest';

import { parsePhoneNumberForSms, type ProviderReading } from '@duanxin/shared';

import { formatForYunpian, readYunpianNumber } from './number.js';

const mainland = (e164: string): ProviderReading => ({ e164, mainland: true });
const abroad = (e164: string): ProviderReading => ({ e164, mainland: false });

describe('what YunPian is sent (docs/providers.md §3.1)', () => {
  it.each([
    ['8613800138000', '13800138000'],
    ['13800138000', '13800138000'],
    ['85291234567', '+85291234567'],
    ['85366123456', '+85366123456'],
    ['886912345678', '+886912345678'],
    ['16502530000', '+16502530000'],
    ['447400123456', '+447400123456'],
  ])('%s → yunpian %s', (to, yunpian) => {
    expect(formatForYunpian(parsePhoneNumberForSms(to, { provider: 'test' }))).toBe(yunpian);
  });
});

describe('how YunPian reads what it receives: the emulator applies this', () => {
  it.each([
    ['13800138000', mainland('+8613800138000')],
    // Without `+`, a number is a mainland one.
    ['16502530000', mainland('+8616502530000')],
    ['+16502530000', abroad('+16502530000')],
    ['+85291234567', abroad('+85291234567')],
    ['8613800138000', undefined],
    ['+8613800138000', undefined],
    ['85291234567', undefined],
  ])('yunpian reads %s as %j', (raw, reading) => {
    expect(readYunpianNumber(raw)).toEqual(reading);
  });
});
