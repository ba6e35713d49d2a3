import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import {
  type Acs4Algorithm,
  acs4ContentHeader,
  acs4SigningKey,
  parseAcs4Authorization,
  signAliyunAcs4,
  verifyAliyunAcs4,
} from './acs4.js';

// docs/providers.md §1.2, "ACS4": @alicloud/gateway-pop 0.0.6 (`getSigningkey`,
// `getAuthorization`) run on these inputs, once as shipped and once with its signature util's
// byte-keyed HMACs keying with the bytes; the byte-keyed keys also computed with Python's hmac.
const SCOPE = { date: '20250102', region: 'center', product: 'Dysmsapi' };
const QUERY = {
  PhoneNumbers: '13800138000',
  SignName: '阿里云短信测试',
  TemplateCode: 'SMS_154950909',
  TemplateParam: '{"code":"123456"}',
};
const vectors: {
  algorithm: Acs4Algorithm;
  key: string;
  signature: string;
  /** What the pinned SDK sends: its key is not ACS4's. */
  shippedSignature: string;
}[] = [
  {
    algorithm: 'ACS4-HMAC-SHA256',
    key: '8061862534f45349e5772728eede5fb68bfa32f6a660a8fe0635c7344c0c7c7b',
    signature: '85a17127a40cf2cc3df6dd210621702d43db1f18a5b59bd16736a2103e804f86',
    shippedSignature: '241a53421317399db7d351f8a9bfb0e1df157572233b94aed23ffca695ffa8a0',
  },
  {
    algorithm: 'ACS4-HMAC-SM3',
    key: 'bb810b0ae7c87a149772680d24b12e1e26ab209f0414a4c0f2c5d95ebc237bf0',
    signature: '777c477fb13c20d33ae26cf236429e7fa1d754dbfdd7184fc401cf35ab452a90',
    shippedSignature: '2e6bc1d92f0e9120df0a4425b5951184b5f92613320fd5c66c6748839eaebdd7',
  },
];

const requestOf = (algorithm: Acs4Algorithm, signature: string) => {
  const contentHeader = acs4ContentHeader(algorithm);
  const headers: Record<string, string> = {
    host: 'dysmsapi.aliyuncs.com',
    'x-acs-version': '2017-05-25',
    'x-acs-action': 'SendSms',
    'user-agent': 'AlibabaCloud',
    'x-acs-date': '2025-01-02T03:04:05Z',
    'x-acs-signature-nonce': '0123456789abcdef0123456789abcdef',
    accept: 'application/json',
    [contentHeader]: createHash(algorithm === 'ACS4-HMAC-SM3' ? 'sm3' : 'sha256')
      .update('')
      .digest('hex'),
  };
  const signed = [
    'host',
    'x-acs-action',
    contentHeader,
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ]
    .sort()
    .join(';');
  headers.authorization = `${algorithm} Credential=testId/20250102/center/Dysmsapi/aliyun_v4_request,SignedHeaders=${signed},Signature=${signature}`;
  return {
    method: 'POST',
    path: '/',
    query: { ...QUERY },
    headers,
    body: Buffer.alloc(0),
    secret: 'testSecret',
  };
};

describe.each(vectors)('$algorithm', (vector) => {
  it('derives the signing key per date, region and product', () => {
    expect(acs4SigningKey(vector.algorithm, 'testSecret', SCOPE).toString('hex')).toBe(vector.key);
  });

  it('verifies the signature the gateway makes with that key', () => {
    expect(verifyAliyunAcs4(requestOf(vector.algorithm, vector.signature))).toEqual({ ok: true });
  });

  it('signs as the gateway does', () => {
    const { headers } = requestOf(vector.algorithm, vector.signature);
    const { authorization: _authorization, ...unsigned } = headers;
    const signed = signAliyunAcs4({
      method: 'POST',
      query: QUERY,
      headers: unsigned,
      body: '',
      accessKeyId: 'testId',
      secret: 'testSecret',
      algorithm: vector.algorithm,
    });
    expect(signed.signature).toBe(vector.signature);
    expect(signed.authorization).toBe(headers.authorization);
  });

  it('refuses what the pinned SDK sends, whose key is not this one', () => {
    const check = verifyAliyunAcs4(requestOf(vector.algorithm, vector.shippedSignature));
    expect(check).toMatchObject({ ok: false, stringToSign: expect.stringMatching(/^ACS4-/) });
  });

  it('refuses a wrong secret, a changed parameter, a changed body and another date', () => {
    const good = requestOf(vector.algorithm, vector.signature);
    expect(verifyAliyunAcs4({ ...good, secret: 'other' }).ok).toBe(false);
    expect(verifyAliyunAcs4({ ...good, query: { ...QUERY, PhoneNumbers: '13800138001' } }).ok).toBe(
      false
    );
    expect(verifyAliyunAcs4({ ...good, body: Buffer.from('a=b') })).toMatchObject({
      ok: false,
      reason: `${acs4ContentHeader(vector.algorithm)} does not match the body`,
    });
    expect(
      verifyAliyunAcs4({
        ...good,
        headers: { ...good.headers, 'x-acs-date': '2025-01-03T03:04:05Z' },
      })
    ).toMatchObject({ ok: false, reason: 'the Credential date is not the date of x-acs-date' });
  });
});

describe('the ACS4 Authorization header', () => {
  it('reads the credential scope', () => {
    expect(
      parseAcs4Authorization(
        `ACS4-HMAC-SHA256 Credential=id/20250102/cn-hangzhou/Dysmsapi/aliyun_v4_request,SignedHeaders=host;x-acs-date,Signature=${'0'.repeat(64)}`
      )
    ).toEqual({
      algorithm: 'ACS4-HMAC-SHA256',
      accessKeyId: 'id',
      date: '20250102',
      region: 'cn-hangzhou',
      product: 'Dysmsapi',
      signedHeaders: ['host', 'x-acs-date'],
      signature: '0'.repeat(64),
    });
  });

  it('refuses an unknown algorithm, a missing scope or an unsigned header', () => {
    expect(
      parseAcs4Authorization(
        `ACS4-RSA-SHA256 Credential=id/20250102/center/Dysmsapi/aliyun_v4_request,SignedHeaders=host,Signature=${'0'.repeat(64)}`
      )
    ).toBeUndefined();
    expect(
      parseAcs4Authorization(`ACS4-HMAC-SHA256 Credential=id,SignedHeaders=host,Signature=00`)
    ).toBeUndefined();
    const request = requestOf('ACS4-HMAC-SHA256', vectors[0]!.signature);
    request.headers.authorization = request.headers.authorization!.replace(';x-acs-version', '');
    expect(verifyAliyunAcs4(request)).toMatchObject({
      ok: false,
      reason: 'SignedHeaders must include x-acs-version',
    });
  });
});
