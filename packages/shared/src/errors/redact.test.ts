import { describe, expect, it } from 'vitest';

import { maskCode, maskPhone, redactText, stripEchoedRequest } from './redact.js';

describe('masking', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['8613800138000', '86138****8000'],
    ['+8613800138000', '+86138****8000'],
    ['91234567', '****4567'],
    ['12345', '***45'],
  ])('maskPhone(%s) = %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('shows no digit of a code', () => {
    expect(maskCode('123456')).toBe('******');
  });

  it('removes secrets and masks numbers in provider text', () => {
    const text = redactText('key s3cr3t-value refused mobile:8615502022241', ['s3cr3t-value']);
    expect(text).toBe('key *** refused mobile:86155****2241');
  });

  it('drops the string to sign Aliyun echoes back', () => {
    expect(
      stripEchoedRequest(
        'Specified signature does not match our calculation. server string to sign is:POST&%2F&...'
      )
    ).toBe('Specified signature does not match our calculation.');
  });
});
