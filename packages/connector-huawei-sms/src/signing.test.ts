import { describe, expect, it } from 'vitest';

import {
  huaweiWsseAgeSeconds,
  parseHuaweiWsse,
  readHuaweiWsse,
  verifyHuaweiWsse,
} from '../emulator/wsse.js';

import {
  huaweiWsseAuthorization,
  huaweiWsseCreated,
  huaweiWsseDigest,
  signHuaweiWsse,
} from './signing.js';

const nonce = '66C92B11FF8A425FB8D4CCFE0ED9ED1F';
const created = '2018-02-12T15:30:20Z';
const secret = 'duanxin-demo-appsecret';
// Computed outside Node: printf '%s' "$nonce$created$secret" | sha256sum | cut -c1-64 | base64
const expectedDigest =
  'NDEyM2ZhNzgwZWRmNGM1OTdmZDMzNDFjM2I1M2M4YzViODgyNzM0ZDQzMTFkNmM0Y2U1YjQ2NDAzNjBhNjgyNg==';

describe('huaweiWsseDigest', () => {
  it('is Base64 of the lower-case hex SHA-256, as computed by coreutils', () => {
    expect(huaweiWsseDigest(nonce, created, secret)).toBe(expectedDigest);
  });

  it("has the shape of the doc's example: Base64 of 64 hex characters, not of 32 raw bytes", () => {
    const docExample =
      'NDA1MWIwNjI2ZTkyNWFlM2FhMTE5NDE1YTk5NjU1YWE4NjNlZTY1MmRhYzkxZGViNzczZjdjMjkzZWQ4ZjAwNA==';
    expect(Buffer.from(docExample, 'base64').toString('utf8')).toBe(
      '4051b0626e925ae3aa119415a99655aa863ee652dac91deb773f7c293ed8f004'
    );
    const ours = Buffer.from(huaweiWsseDigest(nonce, created, secret), 'base64').toString('utf8');
    expect(ours).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('signHuaweiWsse', () => {
  it('builds both headers, Created in UTC to the second', () => {
    const signed = signHuaweiWsse({
      appKey: 'duanxin-demo-appkey',
      appSecret: secret,
      epochMs: Date.parse('2018-02-12T15:30:20.789Z'),
      nonce,
    });
    expect(signed.authorization).toBe('WSSE realm="SDP",profile="UsernameToken",type="Appkey"');
    expect(signed.xWsse).toBe(
      `UsernameToken Username="duanxin-demo-appkey",PasswordDigest="${expectedDigest}",Nonce="${nonce}",Created="${created}"`
    );
  });

  it('draws a fresh nonce of hex digits for every call', () => {
    const first = signHuaweiWsse({ appKey: 'k', appSecret: 's' });
    const second = signHuaweiWsse({ appKey: 'k', appSecret: 's' });
    expect(first.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(first.nonce).not.toBe(second.nonce);
  });

  it('refuses a nonce the platform would refuse', () => {
    expect(() => signHuaweiWsse({ appKey: 'k', appSecret: 's', nonce: 'with-dash' })).toThrow();
  });

  it('formats Created without milliseconds', () => {
    expect(huaweiWsseCreated(Date.parse('2024-01-02T03:04:05.999Z'))).toBe('2024-01-02T03:04:05Z');
  });
});

describe('reading and verifying', () => {
  const headersFor = (xWsse: string, authorization = huaweiWsseAuthorization) => ({
    authorization,
    'x-wsse': xWsse,
  });
  const signed = signHuaweiWsse({ appKey: 'app', appSecret: secret, nonce, epochMs: 0 });

  it('round-trips: a signed request reads and verifies with its secret, not another', () => {
    const read = readHuaweiWsse(headersFor(signed.xWsse));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.token.username).toBe('app');
    expect(verifyHuaweiWsse(read.token, secret)).toEqual({ ok: true });
    expect(verifyHuaweiWsse(read.token, 'other-secret')).toMatchObject({ ok: false });
  });

  it('accepts attributes in any order and spaces after commas', () => {
    const token = parseHuaweiWsse(
      `UsernameToken Created="${created}", Nonce="${nonce}", Username="app", PasswordDigest="${expectedDigest}"`
    );
    expect(token).toEqual({ username: 'app', passwordDigest: expectedDigest, nonce, created });
    expect(
      readHuaweiWsse(
        headersFor(signed.xWsse, 'WSSE realm="SDP", profile="UsernameToken", type="Appkey"')
      ).ok
    ).toBe(true);
  });

  it.each([
    ['no Authorization', { 'x-wsse': signed.xWsse }, 'missing Authorization'],
    [
      'another realm',
      headersFor(signed.xWsse, 'WSSE realm="X",profile="UsernameToken",type="Appkey"'),
      'Authorization must be',
    ],
    ['no X-WSSE', { authorization: huaweiWsseAuthorization }, 'missing X-WSSE'],
    [
      'no Nonce',
      headersFor('UsernameToken Username="app",PasswordDigest="x",Created="2018-02-12T15:30:20Z"'),
      'malformed',
    ],
    ['a nonce with a dash', headersFor(signed.xWsse.replace(nonce, 'a-b')), 'Nonce'],
    [
      'milliseconds in Created',
      headersFor(signed.xWsse.replace('1970-01-01T00:00:00Z', '1970-01-01T00:00:00.000Z')),
      'Created',
    ],
  ])('refuses %s', (_name, headers, reason) => {
    const read = readHuaweiWsse(headers);
    expect(read).toMatchObject({ ok: false });
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('measures the age of Created', () => {
    const token = parseHuaweiWsse(signed.xWsse)!;
    expect(huaweiWsseAgeSeconds(token, 90_000)).toBe(90);
  });
});
