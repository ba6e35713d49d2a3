import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { secretEncodings } from '@duanxin/connector-testkit';

import { maskCode, maskPhone, redactDeep, redactSecrets, redactText } from './redact.js';

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
});

// The suite's encodings, and variants a provider may use besides.
const encodings: Record<string, (secret: string) => string> = {
  ...secretEncodings,
  'lower-case hex': (secret) =>
    encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (byte) => byte.toLowerCase()),
  'JSON-escaped, slashes too': (secret) =>
    JSON.stringify(secret).slice(1, -1).replaceAll('/', '\\/'),
  base64url: (secret) => Buffer.from(secret).toString('base64url'),
  'base64 of id:secret': (secret) => Buffer.from(`LTAI-id:${secret}`).toString('base64'),
};

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  minLength: 8,
  maxLength: 40,
});

describe('redactSecrets', () => {
  const secret = 'S3CRET+/=1 &%"\\\'<>';

  it.each(Object.entries(encodings))('removes a secret echoed %s', (_name, encode) => {
    const text = `detail: apikey=${encode(secret)}&mobile=13800138000`;
    const redacted = redactSecrets(text, [secret]);
    expect(redacted).not.toContain(encode(secret));
    expect(redacted).toContain('&mobile=13800138000');
  });

  it('removes a secret whose removal joins another occurrence', () => {
    expect(redactSecrets('xab***cdy', ['ab***cd'])).toBe('x***y');
    expect(redactSecrets('ab' + 'ab***cd' + 'cd', ['ab***cd'])).toBe('***');
  });

  it('takes the longest value first, so a secret containing the code goes whole', () => {
    expect(redactSecrets('key 123456-secret code 123456', ['123456', '123456-secret'])).toBe(
      'key *** code ***'
    );
  });

  it('leaves values too short to tell apart, and text without them, as they are', () => {
    expect(redactSecrets('a bc', ['a', 'bc', undefined, ''])).toBe('a bc');
    expect(redactSecrets('nothing here', ['s3cr3t-value'])).toBe('nothing here');
  });

  it('cleans every string of a value, keys included', () => {
    expect(
      redactDeep({ Message: 'apikey=s3cr3t%2Bv', list: ['s3cr3t+v', 7], 's3cr3t+v': null }, [
        's3cr3t+v',
      ])
    ).toEqual({ Message: 'apikey=***', list: ['***', 7], '***': null });
  });

  it('property: no printable-ASCII secret survives in any encoding', () => {
    fc.assert(
      fc.property(
        printable,
        fc.constantFrom(...Object.keys(encodings)),
        fc.string(),
        (secret, encoding, around) => {
          const encoded = encodings[encoding]!(secret);
          const text = redactSecrets(`${around}${encoded}${around}`, [secret]);
          for (const encode of Object.values(encodings)) {
            const form = encode(secret);
            // A form the text held before anything was echoed is not an echo.
            fc.pre(!around.includes(form));
            expect(text).not.toContain(form);
          }
        }
      ),
      { numRuns: 500 }
    );
  });
});
