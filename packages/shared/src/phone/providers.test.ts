import { describe, expect, it } from 'vitest';

import {
  formatForHuawei,
  formatForYunpian,
  readHuaweiNumber,
  readYunpianNumber,
  type ProviderReading,
} from './providers.js';
import { parsePhoneNumberForSms } from './read.js';

const phone = (to: string) => parsePhoneNumberForSms(to, { provider: 'test' });

describe('what each provider is sent (docs/providers.md §1.1–§4.1)', () => {
  it.each([
    ['8613800138000', '13800138000', '+8613800138000'],
    ['13800138000', '13800138000', '+8613800138000'],
    ['85291234567', '+85291234567', '+85291234567'],
    ['85366123456', '+85366123456', '+85366123456'],
    ['886912345678', '+886912345678', '+886912345678'],
    ['16502530000', '+16502530000', '+16502530000'],
    ['447400123456', '+447400123456', '+447400123456'],
  ])('%s → yunpian %s, huawei %s', (to, yunpian, huawei) => {
    const number = phone(to);
    expect(formatForYunpian(number)).toBe(yunpian);
    expect(formatForHuawei(number)).toBe(huawei);
  });
});

const mainland = (e164: string): ProviderReading => ({ e164, mainland: true });
const abroad = (e164: string): ProviderReading => ({ e164, mainland: false });

describe('how each provider reads what it receives: the emulator applies these', () => {
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
