import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { parseAcs3Authorization, signAliyunAcs3, verifyAliyunAcs3 } from './acs3.js';

// Test vectors of the official doc and official SDK captures, whose sources
// docs/providers.md §1.7 names.

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

type Acs3Vector = {
  name: string;
  accessKeyId: string;
  secret: string;
  /** Decoded query parameters. */
  query: Record<string, string>;
  /** Request headers before signing, lower-case names. */
  headers: Record<string, string>;
  body: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  signature: string;
  authorization: string;
  /** The request as captured on the wire (raw query, every header as sent). */
  wire?: { rawQuery: string; headers: Record<string, string> };
};

const lines = (...parts: string[]) => parts.join('\n');

const sdkHeaders = (action: string, contentSha256 = EMPTY_SHA256): Record<string, string> => ({
  host: 'dysmsapi.aliyuncs.com',
  'x-acs-action': action,
  'x-acs-version': '2017-05-25',
  'x-acs-date': '2025-01-02T03:04:05Z',
  'x-acs-signature-nonce': '0123456789abcdef0123456789abcdef',
  'x-acs-content-sha256': contentSha256,
  'x-acs-credentials-provider': 'static_ak',
});

const SDK_SIGNED_HEADERS =
  'host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version';

const sdkAuthorization = (signedHeaders: string, signature: string) =>
  `ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=${signedHeaders},Signature=${signature}`;

const sdkWireHeaders = (headers: Record<string, string>, authorization: string) => ({
  ...headers,
  accept: 'application/json',
  authorization,
});

const smsSdk1Headers = sdkHeaders('SendSms');
const smsSdk1Authorization = sdkAuthorization(
  SDK_SIGNED_HEADERS,
  '0bc30f315571c97befecbcc74f709f34a40a3f8979a8a7d7449e15181b9754e3'
);
const smsSdk2Headers = sdkHeaders('SendSms');
const smsSdk2Authorization = sdkAuthorization(
  SDK_SIGNED_HEADERS,
  '318e6583b4b2b769f6257c1e1073c6aad53aa48b1b4cfb280cc2a0ee147b509e'
);
const batchSdkHeaders = {
  'content-type': 'application/x-www-form-urlencoded',
  ...sdkHeaders('SendBatchSms', 'dd9f53b2eb54cfd87b286d692dbe06068a72c1f5a4a89d880f0b0d8823eec8c0'),
};
const batchSdkAuthorization = sdkAuthorization(
  `content-type;${SDK_SIGNED_HEADERS}`,
  'bea8a3fa6fd5eae0484c9c3e8f298ed467f51167413958c2ebe722f694e07cc3'
);
const querySdkHeaders = sdkHeaders('QuerySendDetails');
const querySdkAuthorization = sdkAuthorization(
  SDK_SIGNED_HEADERS,
  '2cb767a40c1b5eb706b8e6a5999ee20dab26dc6a27acc6532e3a5d19f4e223f4'
);

const sendSmsQuery = {
  PhoneNumbers: '13800138000',
  SignName: '阿里云短信测试',
  TemplateCode: 'SMS_154950909',
  TemplateParam: '{"code":"123456"}',
};
const sendSmsCanonicalQuery =
  'PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D';

const vectors: Acs3Vector[] = [
  {
    name: 'V3 doc worked example (RunInstances)',
    accessKeyId: 'YourAccessKeyId',
    secret: 'YourAccessKeySecret',
    query: {
      ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
      RegionId: 'cn-shanghai',
    },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
    },
    body: '',
    canonicalRequest: lines(
      'POST',
      '/',
      'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
      'host:ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action:RunInstances',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      'x-acs-date:2023-10-26T10:22:32Z',
      'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d',
      'x-acs-version:2014-05-26',
      '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      EMPTY_SHA256
    ),
    hashedCanonicalRequest: '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259',
    signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    authorization:
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
  },
  {
    name: 'A-V3-MIN (SendSms, minimal header set)',
    accessKeyId: 'testId',
    secret: 'testSecret',
    query: sendSmsQuery,
    headers: {
      host: 'dysmsapi.aliyuncs.com',
      'x-acs-action': 'SendSms',
      'x-acs-version': '2017-05-25',
      'x-acs-date': '2025-01-02T03:04:05Z',
      'x-acs-signature-nonce': '0123456789abcdef0123456789abcdef',
    },
    body: '',
    canonicalRequest: lines(
      'POST',
      '/',
      sendSmsCanonicalQuery,
      'host:dysmsapi.aliyuncs.com',
      'x-acs-action:SendSms',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      'x-acs-date:2025-01-02T03:04:05Z',
      'x-acs-signature-nonce:0123456789abcdef0123456789abcdef',
      'x-acs-version:2017-05-25',
      '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      EMPTY_SHA256
    ),
    hashedCanonicalRequest: '2e4dfc7e8bf13765dca9d676a7235f87e267bb112c4861fd3313025e85d90155',
    signature: '166ac9b672822eb9f58f3a4b8687b3a13e5d3706b00a3198cdb3bd41e0021249',
    authorization:
      'ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=166ac9b672822eb9f58f3a4b8687b3a13e5d3706b00a3198cdb3bd41e0021249',
  },
  {
    name: 'A-V3-SDK-1 (SendSms, dysmsapi20170525 default path)',
    accessKeyId: 'testId',
    secret: 'testSecret',
    query: sendSmsQuery,
    headers: smsSdk1Headers,
    body: '',
    canonicalRequest: lines(
      'POST',
      '/',
      sendSmsCanonicalQuery,
      'host:dysmsapi.aliyuncs.com',
      'x-acs-action:SendSms',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      'x-acs-credentials-provider:static_ak',
      'x-acs-date:2025-01-02T03:04:05Z',
      'x-acs-signature-nonce:0123456789abcdef0123456789abcdef',
      'x-acs-version:2017-05-25',
      '',
      SDK_SIGNED_HEADERS,
      EMPTY_SHA256
    ),
    hashedCanonicalRequest: '847559390bcf9f1b6d8ffb022dd57976989e4f9a40c99f77a6aa70403fe1ac9d',
    signature: '0bc30f315571c97befecbcc74f709f34a40a3f8979a8a7d7449e15181b9754e3',
    authorization: smsSdk1Authorization,
    wire: {
      rawQuery:
        'PhoneNumbers=13800138000&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95&TemplateCode=SMS_154950909&TemplateParam=%7B%22code%22%3A%22123456%22%7D',
      headers: sdkWireHeaders(smsSdk1Headers, smsSdk1Authorization),
    },
  },
  {
    name: 'A-V3-SDK-2 (SendSms, percent-encoding stress test)',
    accessKeyId: 'testId',
    secret: 'testSecret',
    query: {
      OutId: 'order#1&2=3',
      PhoneNumbers: '+8613800138000,008613900139000',
      SignName: '测试',
      TemplateCode: 'SMS_0001',
      TemplateParam: '{"name":"A b*c~d+e!f\'g(h)i/j:k","code":"0042"}',
    },
    headers: smsSdk2Headers,
    body: '',
    canonicalRequest: lines(
      'POST',
      '/',
      'OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&SignName=%E6%B5%8B%E8%AF%95&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b%2Ac~d%2Be%21f%27g%28h%29i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D',
      'host:dysmsapi.aliyuncs.com',
      'x-acs-action:SendSms',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      'x-acs-credentials-provider:static_ak',
      'x-acs-date:2025-01-02T03:04:05Z',
      'x-acs-signature-nonce:0123456789abcdef0123456789abcdef',
      'x-acs-version:2017-05-25',
      '',
      SDK_SIGNED_HEADERS,
      EMPTY_SHA256
    ),
    hashedCanonicalRequest: '08a8eead4bfa68f74fc445cb0425579c534057fa1f1b25091e4537a131b68a14',
    signature: '318e6583b4b2b769f6257c1e1073c6aad53aa48b1b4cfb280cc2a0ee147b509e',
    authorization: smsSdk2Authorization,
    wire: {
      // `* ! ( )` travel unescaped: the canonical query must be rebuilt from decoded values.
      rawQuery:
        'OutId=order%231%262%3D3&PhoneNumbers=%2B8613800138000%2C008613900139000&SignName=%E6%B5%8B%E8%AF%95&TemplateCode=SMS_0001&TemplateParam=%7B%22name%22%3A%22A%20b*c~d%2Be!f%27g(h)i%2Fj%3Ak%22%2C%22code%22%3A%220042%22%7D',
      headers: sdkWireHeaders(smsSdk2Headers, smsSdk2Authorization),
    },
  },
  {
    name: 'A-V3-SDK-3 (SendBatchSms, form body)',
    accessKeyId: 'testId',
    secret: 'testSecret',
    query: { TemplateCode: 'SMS_154950909' },
    headers: batchSdkHeaders,
    body: 'PhoneNumberJson=%5B%2213800138000%22%2C%2213900139000%22%5D&SignNameJson=%5B%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%2C%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%5D&TemplateParamJson=%5B%7B%22code%22%3A%221111%22%7D%2C%7B%22code%22%3A%222222%22%7D%5D',
    canonicalRequest: lines(
      'POST',
      '/',
      'TemplateCode=SMS_154950909',
      'content-type:application/x-www-form-urlencoded',
      'host:dysmsapi.aliyuncs.com',
      'x-acs-action:SendBatchSms',
      'x-acs-content-sha256:dd9f53b2eb54cfd87b286d692dbe06068a72c1f5a4a89d880f0b0d8823eec8c0',
      'x-acs-credentials-provider:static_ak',
      'x-acs-date:2025-01-02T03:04:05Z',
      'x-acs-signature-nonce:0123456789abcdef0123456789abcdef',
      'x-acs-version:2017-05-25',
      '',
      `content-type;${SDK_SIGNED_HEADERS}`,
      'dd9f53b2eb54cfd87b286d692dbe06068a72c1f5a4a89d880f0b0d8823eec8c0'
    ),
    hashedCanonicalRequest: '5df67a1ce662e4acf801e9bfd9c3a63a8bae44d1d00c4a7fcce502efa5afdcd4',
    signature: 'bea8a3fa6fd5eae0484c9c3e8f298ed467f51167413958c2ebe722f694e07cc3',
    authorization: batchSdkAuthorization,
    wire: {
      rawQuery: 'TemplateCode=SMS_154950909',
      headers: sdkWireHeaders(batchSdkHeaders, batchSdkAuthorization),
    },
  },
  {
    name: 'A-V3-SDK-4 (QuerySendDetails)',
    accessKeyId: 'testId',
    secret: 'testSecret',
    query: {
      BizId: '900619746936498440^0',
      CurrentPage: '1',
      PageSize: '10',
      PhoneNumber: '13800138000',
      SendDate: '20250102',
    },
    headers: querySdkHeaders,
    body: '',
    canonicalRequest: lines(
      'POST',
      '/',
      'BizId=900619746936498440%5E0&CurrentPage=1&PageSize=10&PhoneNumber=13800138000&SendDate=20250102',
      'host:dysmsapi.aliyuncs.com',
      'x-acs-action:QuerySendDetails',
      `x-acs-content-sha256:${EMPTY_SHA256}`,
      'x-acs-credentials-provider:static_ak',
      'x-acs-date:2025-01-02T03:04:05Z',
      'x-acs-signature-nonce:0123456789abcdef0123456789abcdef',
      'x-acs-version:2017-05-25',
      '',
      SDK_SIGNED_HEADERS,
      EMPTY_SHA256
    ),
    hashedCanonicalRequest: 'b046302dab4a27324995d64b10f3726ebeb2c151b608f4d83c58236cc5bd350a',
    signature: '2cb767a40c1b5eb706b8e6a5999ee20dab26dc6a27acc6532e3a5d19f4e223f4',
    authorization: querySdkAuthorization,
    wire: {
      rawQuery:
        'BizId=900619746936498440%5E0&CurrentPage=1&PageSize=10&PhoneNumber=13800138000&SendDate=20250102',
      headers: sdkWireHeaders(querySdkHeaders, querySdkAuthorization),
    },
  },
];

const sign = (vector: Acs3Vector) =>
  signAliyunAcs3({
    method: 'POST',
    query: vector.query,
    headers: vector.headers,
    body: vector.body,
    accessKeyId: vector.accessKeyId,
    secret: vector.secret,
  });

const decodeQuery = (raw: string) => Object.fromEntries(new URLSearchParams(raw));

describe.each(vectors)('$name', (vector) => {
  it('builds the canonical request, its hash and the string to sign', () => {
    const result = sign(vector);
    expect(result.canonicalRequest).toBe(vector.canonicalRequest);
    expect(createHash('sha256').update(result.canonicalRequest).digest('hex')).toBe(
      vector.hashedCanonicalRequest
    );
    expect(result.stringToSign).toBe(`ACS3-HMAC-SHA256\n${vector.hashedCanonicalRequest}`);
  });

  it('computes the signature and the Authorization header', () => {
    const result = sign(vector);
    expect(result.signature).toBe(vector.signature);
    expect(result.authorization).toBe(vector.authorization);
    expect(result.signedHeaders).toBe(
      parseAcs3Authorization(vector.authorization)?.signedHeaders.join(';')
    );
  });

  it('verifies its own signature and rejects a wrong secret, a tampered body or parameter', () => {
    const result = sign(vector);
    const request = {
      method: 'POST',
      path: '/',
      query: vector.query,
      headers: { ...result.headers, authorization: result.authorization },
      body: Buffer.from(vector.body, 'utf8'),
      secret: vector.secret,
    };
    expect(verifyAliyunAcs3(request)).toEqual({ ok: true });
    expect(verifyAliyunAcs3({ ...request, secret: `${vector.secret}x` }).ok).toBe(false);
    expect(verifyAliyunAcs3({ ...request, body: Buffer.from(`${vector.body}x`) })).toMatchObject({
      ok: false,
      reason: 'x-acs-content-sha256 does not match the SHA-256 of the body',
    });
    const tampered = verifyAliyunAcs3({ ...request, query: { ...vector.query, Extra: '1' } });
    expect(tampered).toMatchObject({ ok: false });
    expect(tampered.ok === false && tampered.canonicalRequest).toContain('Extra=1');
    expect(verifyAliyunAcs3({ ...request, method: 'GET' }).ok).toBe(false);
  });

  if (vector.wire !== undefined) {
    const wire = vector.wire;
    it('verifies the request as captured on the wire', () => {
      const query = decodeQuery(wire.rawQuery);
      expect(query).toEqual(vector.query);
      const result = verifyAliyunAcs3({
        method: 'POST',
        path: '/',
        query,
        headers: wire.headers,
        body: Buffer.from(vector.body, 'utf8'),
        secret: vector.secret,
      });
      expect(result).toEqual({ ok: true });
    });
  }
});

describe('signAliyunAcs3', () => {
  const minimal = vectors[1]!;

  it('computes x-acs-content-sha256 when absent and returns the headers to send', () => {
    const result = sign(minimal);
    expect(result.headers).toEqual({ ...minimal.headers, 'x-acs-content-sha256': EMPTY_SHA256 });
  });

  it('refuses an x-acs-content-sha256 that does not match the body', () => {
    expect(() =>
      sign({
        ...minimal,
        headers: { ...minimal.headers, 'x-acs-content-sha256': EMPTY_SHA256 },
        body: 'x',
      })
    ).toThrow(/x-acs-content-sha256/);
  });

  it('signs only host, content-type and x-acs-* headers', () => {
    const result = sign({
      ...minimal,
      headers: { ...minimal.headers, accept: 'application/json', 'user-agent': 'test' },
    });
    expect(result.signature).toBe(minimal.signature);
  });

  it('lower-cases header names', () => {
    const headers = Object.fromEntries(
      Object.entries(minimal.headers).map(([name, value]) => [name.toUpperCase(), value])
    );
    expect(sign({ ...minimal, headers }).signature).toBe(minimal.signature);
  });

  it('signs the host with its port as sent', () => {
    const result = sign({
      ...minimal,
      headers: { ...minimal.headers, host: 'sms.localhost:8080' },
    });
    expect(result.canonicalRequest).toContain('\nhost:sms.localhost:8080\n');
    expect(result.signature).not.toBe(minimal.signature);
  });

  it('requires a host header', () => {
    const { host: _host, ...withoutHost } = minimal.headers;
    expect(() => sign({ ...minimal, headers: withoutHost })).toThrow(/host/);
  });
});

describe('parseAcs3Authorization', () => {
  it('parses the bare-comma form', () => {
    expect(parseAcs3Authorization(vectors[0]!.authorization)).toEqual({
      algorithm: 'ACS3-HMAC-SHA256',
      accessKeyId: 'YourAccessKeyId',
      signedHeaders: [
        'host',
        'x-acs-action',
        'x-acs-content-sha256',
        'x-acs-date',
        'x-acs-signature-nonce',
        'x-acs-version',
      ],
      signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    });
  });

  it('rejects the Tencent-style ", " separators and other schemes', () => {
    expect(parseAcs3Authorization(vectors[0]!.authorization.replaceAll(',', ', '))).toBeUndefined();
    expect(parseAcs3Authorization('TC3-HMAC-SHA256 Credential=x')).toBeUndefined();
    expect(parseAcs3Authorization('')).toBeUndefined();
  });
});

describe('verifyAliyunAcs3', () => {
  const minimal = vectors[1]!;
  const signedRequest = (headers: Record<string, string> = minimal.headers) => {
    const result = sign({ ...minimal, headers });
    return {
      method: 'POST',
      path: '/',
      query: minimal.query,
      headers: { ...result.headers, authorization: result.authorization } as Record<
        string,
        string | string[] | undefined
      >,
      body: Buffer.alloc(0),
      secret: minimal.secret,
    };
  };

  it('rejects a request without Authorization or with a malformed one', () => {
    const request = signedRequest();
    expect(
      verifyAliyunAcs3({ ...request, headers: { ...request.headers, authorization: undefined } })
    ).toEqual({
      ok: false,
      reason: 'missing Authorization header',
    });
    expect(
      verifyAliyunAcs3({ ...request, headers: { ...request.headers, authorization: 'Basic x' } })
    ).toEqual({
      ok: false,
      reason: 'malformed Authorization header',
    });
  });

  it('requires host, x-acs-action, x-acs-date, x-acs-signature-nonce and x-acs-version to be signed', () => {
    const { 'x-acs-signature-nonce': _nonce, ...withoutNonce } = minimal.headers;
    expect(verifyAliyunAcs3(signedRequest(withoutNonce))).toEqual({
      ok: false,
      reason: 'SignedHeaders must include x-acs-signature-nonce',
    });
  });

  it('rejects a request whose signed header is missing', () => {
    const request = signedRequest();
    expect(
      verifyAliyunAcs3({ ...request, headers: { ...request.headers, 'x-acs-date': undefined } })
    ).toEqual({
      ok: false,
      reason: 'signed headers missing from the request: x-acs-date',
    });
  });

  it('rejects a changed signed header value and returns the canonical request and string to sign', () => {
    const request = signedRequest();
    const result = verifyAliyunAcs3({
      ...request,
      headers: { ...request.headers, 'x-acs-action': 'SendBatchSms' },
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'Specified signature is not matched with our calculation.',
    });
    expect(result.ok === false && result.canonicalRequest).toContain('x-acs-action:SendBatchSms');
    expect(result.ok === false && result.stringToSign).toMatch(/^ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
  });

  it('ignores changes to headers that are not signed', () => {
    const request = signedRequest();
    expect(
      verifyAliyunAcs3({ ...request, headers: { ...request.headers, accept: 'text/xml' } })
    ).toEqual({
      ok: true,
    });
  });

  it('trims signed header values as the canonical form does', () => {
    const request = signedRequest();
    expect(
      verifyAliyunAcs3({
        ...request,
        headers: { ...request.headers, host: ' dysmsapi.aliyuncs.com ' },
      })
    ).toEqual({ ok: true });
  });

  it('rebuilds the canonical query from decoded values, whatever the wire encoding (A-V3-SDK-2)', () => {
    const stress = vectors[3]!;
    // URLSearchParams writes a space as `+` and leaves `*` literal: neither is the canonical form.
    const rawQuery = new URLSearchParams(stress.query).toString();
    expect(rawQuery).toContain('A+b*c%7Ed');
    const headers = { ...stress.wire!.headers };
    const request = {
      method: 'POST',
      path: '/',
      headers,
      body: Buffer.alloc(0),
      secret: 'testSecret',
    };
    expect(verifyAliyunAcs3({ ...request, query: decodeQuery(rawQuery) })).toEqual({ ok: true });
  });
});

describe('SM3 (GB/T 32905-2016), the hash of ACS3-HMAC-SM3', () => {
  // The standard's two examples (Appendix A): "abc", and "abcd" repeated 16 times.
  it.each([
    ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ])('hashes %s as the standard says', (message, digest) => {
    expect(createHash('sm3').update(message).digest('hex')).toBe(digest);
  });
});

describe('ACS3-HMAC-SM3: requests of @alicloud/dysmsapi20170525 4.6.0 (docs/providers.md §1.2)', () => {
  // signatureAlgorithm 'ACS3-HMAC-SM3', clock and nonce pinned as for the SHA-256 captures.
  const EMPTY_SM3 = '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b';
  const batchBody =
    'PhoneNumberJson=%5B%2213800138000%22%2C%2213900139000%22%5D&SignNameJson=%5B%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%2C%22%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%22%5D&TemplateParamJson=%5B%7B%22code%22%3A%221111%22%7D%2C%7B%22code%22%3A%222222%22%7D%5D';
  const captures: {
    name: string;
    query: Record<string, string>;
    headers: Record<string, string>;
    body: string;
    authorization: string;
  }[] = [
    {
      name: 'SendSms',
      query: {
        PhoneNumbers: '13800138000',
        SignName: '阿里云短信测试',
        TemplateCode: 'SMS_154950909',
        TemplateParam: '{"code":"123456"}',
      },
      headers: sdkHeaders('SendSms', EMPTY_SM3),
      body: '',
      authorization: `ACS3-HMAC-SM3 Credential=testId,SignedHeaders=${SDK_SIGNED_HEADERS},Signature=972e3b834624e2ad0d5da7200855afc54660d4811feedc5f58fe802fdf967a52`,
    },
    {
      name: 'SendBatchSms (form body)',
      query: { TemplateCode: 'SMS_154950909' },
      headers: {
        ...sdkHeaders(
          'SendBatchSms',
          '6c1323d6c937588811830c00a910ef57f99b509319c4fe3555cf2589ac37b3c7'
        ),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: batchBody,
      authorization: `ACS3-HMAC-SM3 Credential=testId,SignedHeaders=content-type;${SDK_SIGNED_HEADERS},Signature=d87eab2c507f3d62734e4567316339c4361ffdf3d2e9e0bd1cd1076ac0af156b`,
    },
  ];

  it.each(captures)('signs $name as the SDK did', (capture) => {
    const signed = signAliyunAcs3({
      method: 'POST',
      query: capture.query,
      headers: capture.headers,
      body: capture.body,
      accessKeyId: 'testId',
      secret: 'testSecret',
      algorithm: 'ACS3-HMAC-SM3',
    });
    expect(signed.authorization).toBe(capture.authorization);
    expect(signed.stringToSign).toMatch(/^ACS3-HMAC-SM3\n[0-9a-f]{64}$/);
  });

  it.each(captures)('verifies $name and rejects it tampered or under SHA-256', (capture) => {
    const request = {
      method: 'POST',
      path: '/',
      query: capture.query,
      headers: { ...capture.headers, authorization: capture.authorization },
      body: Buffer.from(capture.body, 'utf8'),
      secret: 'testSecret',
    };
    expect(verifyAliyunAcs3(request)).toEqual({ ok: true });
    expect(verifyAliyunAcs3({ ...request, secret: 'testsecret' }).ok).toBe(false);
    expect(verifyAliyunAcs3({ ...request, query: { ...capture.query, Extra: '1' } }).ok).toBe(
      false
    );
    expect(verifyAliyunAcs3({ ...request, body: Buffer.from(`${capture.body}x`) })).toEqual({
      ok: false,
      reason: 'x-acs-content-sha256 does not match the SM3 of the body',
    });
    const asSha256 = capture.authorization.replace('ACS3-HMAC-SM3', 'ACS3-HMAC-SHA256');
    expect(
      verifyAliyunAcs3({ ...request, headers: { ...request.headers, authorization: asSha256 } }).ok
    ).toBe(false);
  });
});

describe('ACS3-RSA-SHA256', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
  // What the SDKs accept as the secret: the PEM, or only its base64 body (they add the lines).
  const body = pem
    .replace('-----BEGIN PRIVATE KEY-----\n', '')
    .replace('\n-----END PRIVATE KEY-----', '');
  const minimal = vectors[1]!;
  const signWith = (secret: string) =>
    signAliyunAcs3({
      method: 'POST',
      query: minimal.query,
      headers: minimal.headers,
      body: '',
      accessKeyId: 'LTAI-rsa',
      secret,
      algorithm: 'ACS3-RSA-SHA256',
    });
  const requestFor = (signed: ReturnType<typeof signWith>, secret: string) => ({
    method: 'POST',
    path: '/',
    query: minimal.query,
    headers: { ...signed.headers, authorization: signed.authorization },
    body: Buffer.alloc(0),
    secret,
  });

  it('signs with the private key, given as a PEM or as its body alone', () => {
    const signed = signWith(body);
    expect(signed.authorization).toMatch(/^ACS3-RSA-SHA256 Credential=LTAI-rsa,SignedHeaders=/);
    expect(signed.signature).toMatch(/^[0-9a-f]{512}$/);
    // PKCS#1 v1.5 is deterministic: both forms of the key give the same signature.
    expect(signWith(pem).signature).toBe(signed.signature);
    expect(parseAcs3Authorization(signed.authorization)?.algorithm).toBe('ACS3-RSA-SHA256');
  });

  it('verifies with the public half of the key, and rejects another key or a tampered query', () => {
    const signed = signWith(body);
    expect(verifyAliyunAcs3(requestFor(signed, pem))).toEqual({ ok: true });
    expect(verifyAliyunAcs3(requestFor(signed, body))).toEqual({ ok: true });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString()
      .trim();
    expect(verifyAliyunAcs3(requestFor(signed, other)).ok).toBe(false);
    expect(verifyAliyunAcs3(requestFor(signed, 'not-a-key')).ok).toBe(false);
    const tampered = { ...requestFor(signed, pem), query: { ...minimal.query, Extra: '1' } };
    expect(verifyAliyunAcs3(tampered).ok).toBe(false);
  });

  it('does not parse an algorithm the SDKs do not have', () => {
    const signed = signWith(body);
    expect(
      parseAcs3Authorization(signed.authorization.replace('ACS3-RSA-SHA256', 'ACS3-HMAC-MD5'))
    ).toBeUndefined();
  });
});
