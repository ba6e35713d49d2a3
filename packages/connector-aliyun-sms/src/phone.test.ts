import { describe, expect, it } from 'vitest';

import { parsePhoneNumberForSms, type ProviderReading } from '@duanxin/shared';

import { formatForAliyun, readAliyunNumber } from './phone.js';

const phone = (to: string) => parsePhoneNumberForSms(to, { provider: 'test' });

describe('what Aliyun is sent (docs/providers.md §1.1)', () => {
  it.each([
    ['8613800138000', '13800138000'],
    ['13800138000', '13800138000'],
    ['85291234567', '0085291234567'],
    ['85366123456', '0085366123456'],
    ['886912345678', '00886912345678'],
    ['16502530000', '0016502530000'],
    ['447400123456', '00447400123456'],
  ])('%s → aliyun %s', (to, aliyun) => {
    expect(formatForAliyun(phone(to))).toBe(aliyun);
  });
});

const mainland = (e164: string): ProviderReading => ({ e164, mainland: true });
const abroad = (e164: string): ProviderReading => ({ e164, mainland: false });

describe('how Aliyun reads what it receives: the emulator applies this', () => {
  it.each([
    ['13800138000', mainland('+8613800138000')],
    ['+13800138000', mainland('+8613800138000')],
    ['+8613800138000', mainland('+8613800138000')],
    ['008613800138000', mainland('+8613800138000')],
    ['8613800138000', mainland('+8613800138000')],
    // Logto's +1 digits, bare or after `+`, are a mainland mobile to Aliyun: a stranger.
    ['16502530000', mainland('+8616502530000')],
    ['+16502530000', mainland('+8616502530000')],
    ['0016502530000', abroad('+16502530000')],
    ['85291234567', abroad('+85291234567')],
    ['0085291234567', abroad('+85291234567')],
    ['12125551234', abroad('+12125551234')],
    ['0086123', undefined],
    ['13800138000,13900139000', undefined],
  ])('aliyun reads %s as %j', (raw, reading) => {
    expect(readAliyunNumber(raw)).toEqual(reading);
  });
});
