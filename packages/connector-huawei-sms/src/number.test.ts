import { describe, expect, it } from 'vitest';

import { parsePhoneNumberForSms, type ProviderReading } from '@duanxin/shared';

import { formatForHuawei, readHuaweiNumber } from './number.js';

const mainland = (e164: string): ProviderReading => ({ e164, mainland: true });
const abroad = (e164: string): ProviderReading => ({ e164, mainland: false });

describe('what Huawei is sent (docs/providers.md §4.1)', () => {
  it.each([
    ['8613800138000', '+8613800138000'],
    ['13800138000', '+8613800138000'],
    ['85291234567', '+85291234567'],
    ['85366123456', '+85366123456'],
    ['886912345678', '+886912345678'],
    ['16502530000', '+16502530000'],
    ['447400123456', '+447400123456'],
  ])('%s → huawei %s', (to, huawei) => {
    expect(formatForHuawei(parsePhoneNumberForSms(to, { provider: 'test' }))).toBe(huawei);
  });
});

describe('how Huawei reads what it receives: the emulator applies this', () => {
  it.each([
    ['+8613800138000', mainland('+8613800138000')],
    ['13800138000', mainland('+8613800138000')],
    // Without `+`, +86 goes in front of whatever the digits are.
    ['16502530000', mainland('+8616502530000')],
    ['8613800138000', mainland('+868613800138000')],
    ['+16502530000', abroad('+16502530000')],
    ['+85291234567', abroad('+85291234567')],
    ['+86 138', undefined],
    ['+', undefined],
  ])('huawei reads %s as %j', (raw, reading) => {
    expect(readHuaweiNumber(raw)).toEqual(reading);
  });
});
