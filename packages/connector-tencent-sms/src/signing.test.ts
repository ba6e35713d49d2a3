import { createHash, createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  deriveTc3SigningKey,
  parseTc3Authorization,
  signTencentTc3,
  verifyTencentTc3,
} from './signing.js';

// Test vectors of the official docs and official SDK captures, whose sources
// docs/providers.md §2.7 names.

const EXAMPLE_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const EXAMPLE_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
// B-DOC-2: the current doc masks its credentials and really signs with 32 asterisks.
const MASKED_ID = `AKID${'*'.repeat(32)}`;
const MASKED_KEY = '*'.repeat(32);

// The exact doc bytes: literal backslash-u escapes, not decoded CJK.
const DOC_BODY =
  '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const DOC_PAYLOAD_HASH = '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064';
const SMS_2021_BODY =
  '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppId":"1400006666","SignName":"腾讯云","TemplateId":"1234567","TemplateParamSet":["123456","5"],"SessionContext":"test"}';
const SMS_2021_PAYLOAD_HASH = '3cec5e096fa710acf0decc0f77adca8926590ae7cad928e991e20685a083deab';
const SMS_2019_BODY =
  '{"PhoneNumberSet":["+8613800138000"],"SmsSdkAppid":"1400006666","Sign":"腾讯云","TemplateID":"1234567","TemplateParamSet":["123456"]}';
const SMS_2019_PAYLOAD_HASH = 'ae89e198d32be31a7de3b1139766a0cbd4556208d1893cc335c8aa2b146c9abf';

interface Tc3Vector {
  name: string;
  secretId: string;
  secretKey: string;
  service: string;
  timestamp: number;
  /** Headers given to the signer; every one of them is sent. */
  headers: Record<string, string>;
  signedHeaders?: string[];
  body: string;
  bodyBytes?: number;
  payloadHash: string;
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  credentialScope: string;
  signature: string;
  authorization: string;
  /** Headers as captured on the wire, Authorization included. */
  wireHeaders?: Record<string, string>;
}

const lines = (...parts: string[]) => parts.join('\n');

const docHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  Host: 'cvm.tencentcloudapi.com',
  'X-TC-Action': 'DescribeInstances',
  'X-TC-Version': '2017-03-12',
  'X-TC-Region': 'ap-guangzhou',
  'X-TC-Timestamp': '1551113065',
};

const docDerivedCanonicalRequest = lines(
  'POST',
  '/',
  '',
  'content-type:application/json; charset=utf-8',
  'host:cvm.tencentcloudapi.com',
  'x-tc-action:describeinstances',
  '',
  'content-type;host;x-tc-action',
  DOC_PAYLOAD_HASH
);

const sdkCanonicalRequest = (payloadHash: string) =>
  lines(
    'POST',
    '/',
    '',
    'content-type:application/json',
    'host:sms.tencentcloudapi.com',
    '',
    'content-type;host',
    payloadHash
  );

const sdkAuthorization = (date: string, signature: string) =>
  `TC3-HMAC-SHA256 Credential=${EXAMPLE_ID}/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`;

const sdkWireHeaders = (o: {
  version: string;
  timestamp: number;
  region: string;
  language?: string;
  authorization: string;
}): Record<string, string> => ({
  host: 'sms.tencentcloudapi.com',
  'content-type': 'application/json',
  'x-tc-action': 'SendSms',
  'x-tc-version': o.version,
  'x-tc-timestamp': String(o.timestamp),
  'x-tc-region': o.region,
  ...(o.language === undefined ? {} : { 'x-tc-language': o.language }),
  'x-tc-requestclient': 'SDK_NODEJS_4.1.220',
  authorization: o.authorization,
});

const sdkVector = (o: {
  name: string;
  version: string;
  timestamp: number;
  date: string;
  region?: string;
  language?: string;
  body: string;
  bodyBytes: number;
  payloadHash: string;
  hashedCanonicalRequest: string;
  signature: string;
}): Tc3Vector => {
  const authorization = sdkAuthorization(o.date, o.signature);
  return {
    name: o.name,
    secretId: EXAMPLE_ID,
    secretKey: EXAMPLE_KEY,
    service: 'sms',
    timestamp: o.timestamp,
    headers: { 'content-type': 'application/json', host: 'sms.tencentcloudapi.com' },
    body: o.body,
    bodyBytes: o.bodyBytes,
    payloadHash: o.payloadHash,
    canonicalRequest: sdkCanonicalRequest(o.payloadHash),
    hashedCanonicalRequest: o.hashedCanonicalRequest,
    credentialScope: `${o.date}/sms/tc3_request`,
    signature: o.signature,
    authorization,
    wireHeaders: sdkWireHeaders({
      version: o.version,
      timestamp: o.timestamp,
      region: o.region ?? 'ap-guangzhou',
      language: o.language,
      authorization,
    }),
  };
};

const vectors: Tc3Vector[] = [
  {
    name: 'B-DOC-1 (classic doc, content-type;host)',
    secretId: EXAMPLE_ID,
    secretKey: EXAMPLE_KEY,
    service: 'cvm',
    timestamp: 1551113065,
    headers: docHeaders,
    body: DOC_BODY,
    payloadHash: DOC_PAYLOAD_HASH,
    canonicalRequest: lines(
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:cvm.tencentcloudapi.com',
      '',
      'content-type;host',
      DOC_PAYLOAD_HASH
    ),
    hashedCanonicalRequest: '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    // 1551113065 is 2019-02-26 in UTC+8; the scope takes the UTC date.
    credentialScope: '2019-02-25/cvm/tc3_request',
    signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    authorization:
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  },
  {
    name: 'B-DOC-2 (current doc, signs x-tc-action, 32-asterisk secret key)',
    secretId: MASKED_ID,
    secretKey: MASKED_KEY,
    service: 'cvm',
    timestamp: 1551113065,
    headers: docHeaders,
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
    body: DOC_BODY,
    payloadHash: DOC_PAYLOAD_HASH,
    canonicalRequest: docDerivedCanonicalRequest,
    hashedCanonicalRequest: '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    credentialScope: '2019-02-25/cvm/tc3_request',
    signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
    authorization:
      'TC3-HMAC-SHA256 Credential=AKID********************************/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
  },
  {
    name: 'B-DOC-2 computed companion (EXAMPLE secret key)',
    secretId: EXAMPLE_ID,
    secretKey: EXAMPLE_KEY,
    service: 'cvm',
    timestamp: 1551113065,
    headers: docHeaders,
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
    body: DOC_BODY,
    payloadHash: DOC_PAYLOAD_HASH,
    canonicalRequest: docDerivedCanonicalRequest,
    hashedCanonicalRequest: '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    credentialScope: '2019-02-25/cvm/tc3_request',
    signature: '644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26',
    authorization: `TC3-HMAC-SHA256 Credential=${EXAMPLE_ID}/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26`,
  },
  sdkVector({
    name: 'B-SDK-1 (SendSms 2021-01-11, ap-guangzhou)',
    version: '2021-01-11',
    timestamp: 1551113065,
    date: '2019-02-25',
    body: SMS_2021_BODY,
    bodyBytes: 168,
    payloadHash: SMS_2021_PAYLOAD_HASH,
    hashedCanonicalRequest: '04e5e97b534062f52aa3c11b63c157a881957d078606262f6b8567cf8dac3698',
    signature: '65593255c04729587cceea2ed42207fe966081ac4f2f8a90d37f296b0eb44870',
  }),
  sdkVector({
    name: 'B-SDK-2 (SendSms 2021-01-11, ap-singapore, en-US)',
    version: '2021-01-11',
    timestamp: 1551113065,
    date: '2019-02-25',
    region: 'ap-singapore',
    language: 'en-US',
    body: '{"PhoneNumberSet":["+6591234567","+14155550100"],"SmsSdkAppId":"2400006666","TemplateId":"7654321","TemplateParamSet":["8888"],"SenderId":"Qsms"}',
    bodyBytes: 145,
    payloadHash: '67884702c1531a8ef2d45194f62e44f88006fbd00f1048d4dda7c88c40fcdda6',
    hashedCanonicalRequest: '74f46cce437ce009a3b23cddf52f2ce5be29cc90c30aefcb77652bbcb4a58fcc',
    signature: '27ec48e921a0dc90e4696c099bb7e0beae3071cf99024610e73c8898730fb7df',
  }),
  sdkVector({
    name: 'B-SDK-3 (SendSms 2019-07-11)',
    version: '2019-07-11',
    timestamp: 1551113065,
    date: '2019-02-25',
    body: SMS_2019_BODY,
    bodyBytes: 136,
    payloadHash: SMS_2019_PAYLOAD_HASH,
    hashedCanonicalRequest: '40c2f9bf2b65210d98b69cbcc93da2dcdc3fc117278ff9112765965de2e7da2a',
    signature: '13dfdefec8f8611e5f231b71de35ef700c955a9b958609bbbe6cc40c1a412de1',
  }),
  sdkVector({
    // 2023-12-31T23:59:59Z is already 2024-01-01 in Beijing (docs/providers.md §2.4 item 3).
    name: 'B-SDK-4 (SendSms 2021-01-11, UTC date differs from Beijing date)',
    version: '2021-01-11',
    timestamp: 1704067199,
    date: '2023-12-31',
    body: SMS_2021_BODY,
    bodyBytes: 168,
    payloadHash: SMS_2021_PAYLOAD_HASH,
    hashedCanonicalRequest: '04e5e97b534062f52aa3c11b63c157a881957d078606262f6b8567cf8dac3698',
    signature: '1241fed8c31331b89c328ad717cee134b9c546a7df8ce8b026bf48891fdeb46e',
  }),
  sdkVector({
    name: 'B-SDK-5 (SendSms 2019-07-11, UTC date differs from Beijing date)',
    version: '2019-07-11',
    timestamp: 1704067199,
    date: '2023-12-31',
    body: SMS_2019_BODY,
    bodyBytes: 136,
    payloadHash: SMS_2019_PAYLOAD_HASH,
    hashedCanonicalRequest: '40c2f9bf2b65210d98b69cbcc93da2dcdc3fc117278ff9112765965de2e7da2a',
    signature: '2dd3a5ee9db709cd297ee566f9375ff5c0eb796163b0a5f5d7f43ff68432971b',
  }),
  {
    name: 'B-HAND-1 (content-type with charset)',
    secretId: EXAMPLE_ID,
    secretKey: EXAMPLE_KEY,
    service: 'sms',
    timestamp: 1551113065,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Host: 'sms.tencentcloudapi.com',
      'X-TC-Action': 'SendSms',
    },
    body: SMS_2021_BODY,
    bodyBytes: 168,
    payloadHash: SMS_2021_PAYLOAD_HASH,
    canonicalRequest: lines(
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:sms.tencentcloudapi.com',
      '',
      'content-type;host',
      SMS_2021_PAYLOAD_HASH
    ),
    hashedCanonicalRequest: '522a231704cac4a59c52a6d8e1300aab2e35fd18115cc2263998557d5e8de670',
    credentialScope: '2019-02-25/sms/tc3_request',
    signature: 'acf85751723d427f428536f1f2ea587c4485619b286902d9e75dbdedb0afba7a',
    authorization: sdkAuthorization(
      '2019-02-25',
      'acf85751723d427f428536f1f2ea587c4485619b286902d9e75dbdedb0afba7a'
    ),
  },
  {
    name: 'B-HAND-2 (content-type with charset, also signs x-tc-action)',
    secretId: EXAMPLE_ID,
    secretKey: EXAMPLE_KEY,
    service: 'sms',
    timestamp: 1551113065,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      Host: 'sms.tencentcloudapi.com',
      'X-TC-Action': 'SendSms',
    },
    signedHeaders: ['content-type', 'host', 'x-tc-action'],
    body: SMS_2021_BODY,
    bodyBytes: 168,
    payloadHash: SMS_2021_PAYLOAD_HASH,
    canonicalRequest: lines(
      'POST',
      '/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:sms.tencentcloudapi.com',
      'x-tc-action:sendsms',
      '',
      'content-type;host;x-tc-action',
      SMS_2021_PAYLOAD_HASH
    ),
    hashedCanonicalRequest: '1e16a541fbe8e9e54113fbd78de6d4bdb77f6b3da064da6e1a90e6a0e7cbf1da',
    credentialScope: '2019-02-25/sms/tc3_request',
    signature: 'd10911b41e3f8e5c3dd93ff352dead83a30caab036af5a884f876091a1d716e3',
    authorization: `TC3-HMAC-SHA256 Credential=${EXAMPLE_ID}/2019-02-25/sms/tc3_request, SignedHeaders=content-type;host;x-tc-action, Signature=d10911b41e3f8e5c3dd93ff352dead83a30caab036af5a884f876091a1d716e3`,
  },
];

const sign = (vector: Tc3Vector) =>
  signTencentTc3({
    secretId: vector.secretId,
    secretKey: vector.secretKey,
    service: vector.service,
    timestamp: vector.timestamp,
    headers: vector.headers,
    signedHeaders: vector.signedHeaders,
    body: vector.body,
  });

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe.each(vectors)('$name', (vector) => {
  it('hashes the exact body bytes', () => {
    const body = Buffer.from(vector.body, 'utf8');
    if (vector.bodyBytes !== undefined) {
      expect(body.length).toBe(vector.bodyBytes);
    }
    expect(sha256Hex(body)).toBe(vector.payloadHash);
  });

  it('builds the canonical request, its hash and the string to sign', () => {
    const result = sign(vector);
    expect(result.canonicalRequest).toBe(vector.canonicalRequest);
    expect(sha256Hex(result.canonicalRequest)).toBe(vector.hashedCanonicalRequest);
    expect(result.credentialScope).toBe(vector.credentialScope);
    expect(result.stringToSign).toBe(
      lines(
        'TC3-HMAC-SHA256',
        String(vector.timestamp),
        vector.credentialScope,
        vector.hashedCanonicalRequest
      )
    );
  });

  it('computes the signature and the Authorization header', () => {
    const result = sign(vector);
    expect(result.signature).toBe(vector.signature);
    expect(result.authorization).toBe(vector.authorization);
  });

  it('verifies its own signature and rejects a wrong secret or a tampered body', () => {
    const result = sign(vector);
    const request = {
      method: 'POST',
      headers: {
        ...vector.headers,
        'X-TC-Timestamp': String(vector.timestamp),
        Authorization: result.authorization,
      },
      body: Buffer.from(vector.body, 'utf8'),
      secretKey: vector.secretKey,
    };
    expect(verifyTencentTc3(request)).toEqual({ ok: true });
    expect(verifyTencentTc3({ ...request, secretKey: `${vector.secretKey}x` }).ok).toBe(false);
    expect(verifyTencentTc3({ ...request, body: Buffer.from(`${vector.body} `) })).toMatchObject({
      ok: false,
      reason: 'signature does not match',
    });
  });

  if (vector.wireHeaders !== undefined) {
    const wireHeaders = vector.wireHeaders;
    it('verifies the request as captured on the wire', () => {
      expect(
        verifyTencentTc3({
          method: 'POST',
          headers: wireHeaders,
          body: Buffer.from(vector.body, 'utf8'),
          secretKey: vector.secretKey,
        })
      ).toEqual({ ok: true });
    });
  }
});

describe('deriveTc3SigningKey', () => {
  const hmac = (key: string | Buffer, message: string) =>
    createHmac('sha256', key).update(message).digest();

  it('reproduces the derived keys printed by the B-DOC-2 doc (32-asterisk secret key)', () => {
    const secretDate = hmac(`TC3${MASKED_KEY}`, '2019-02-25');
    const secretService = hmac(secretDate, 'cvm');
    expect(secretDate.toString('hex')).toBe(
      'da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0'
    );
    expect(secretService.toString('hex')).toBe(
      '8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f'
    );
    expect(deriveTc3SigningKey(MASKED_KEY, '2019-02-25', 'cvm').toString('hex')).toBe(
      'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af'
    );
    expect(hmac(secretService, 'tc3_request')).toEqual(
      deriveTc3SigningKey(MASKED_KEY, '2019-02-25', 'cvm')
    );
  });

  it('reproduces the derived keys of the B-DOC-2 companion (EXAMPLE secret key)', () => {
    const secretDate = hmac(`TC3${EXAMPLE_KEY}`, '2019-02-25');
    const secretService = hmac(secretDate, 'cvm');
    expect(secretDate.toString('hex')).toBe(
      'd1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a'
    );
    expect(secretService.toString('hex')).toBe(
      '3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050'
    );
    expect(deriveTc3SigningKey(EXAMPLE_KEY, '2019-02-25', 'cvm').toString('hex')).toBe(
      'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1'
    );
  });

  it('gives out copies, so writing into a key cannot corrupt the cache', () => {
    const first = deriveTc3SigningKey(EXAMPLE_KEY, '2019-02-25', 'cvm');
    first.fill(0);
    expect(deriveTc3SigningKey(EXAMPLE_KEY, '2019-02-25', 'cvm').toString('hex')).toBe(
      'ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1'
    );
  });

  it('keeps deriving correct keys after the cache has been filled and evicted', () => {
    for (let day = 1; day <= 40; day += 1) {
      deriveTc3SigningKey(EXAMPLE_KEY, `2024-01-${String(day).padStart(2, '0')}`, 'sms');
    }
    expect(deriveTc3SigningKey(MASKED_KEY, '2019-02-25', 'cvm').toString('hex')).toBe(
      'b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af'
    );
  });

  it('does not mix up tuples that concatenate to the same string', () => {
    expect(deriveTc3SigningKey('k', '2019-02-25', 'sms')).not.toEqual(
      deriveTc3SigningKey('k2', '019-02-25', 'sms')
    );
  });
});

describe('signTencentTc3', () => {
  const sdk1 = vectors[3]!;
  const hand1 = vectors[8]!;

  it('signs the exact content-type bytes (docs/providers.md §2.4 item 2)', () => {
    // Same body, same keys: only `; charset=utf-8` differs between B-SDK-1 and B-HAND-1.
    expect(sign(sdk1).signature).toBe(
      '65593255c04729587cceea2ed42207fe966081ac4f2f8a90d37f296b0eb44870'
    );
    expect(sign(hand1).signature).toBe(
      'acf85751723d427f428536f1f2ea587c4485619b286902d9e75dbdedb0afba7a'
    );
  });

  it('lower-cases signed header values, x-tc-action:sendsms (B-HAND-2)', () => {
    expect(sign(vectors[9]!).canonicalRequest).toContain('\nx-tc-action:sendsms\n');
  });

  it('takes the UTC date for the scope (docs/providers.md §2.4 item 3)', () => {
    expect(sign({ ...sdk1, timestamp: 1704067199 }).credentialScope).toBe(
      '2023-12-31/sms/tc3_request'
    );
    expect(sign({ ...sdk1, timestamp: 1704067200 }).credentialScope).toBe(
      '2024-01-01/sms/tc3_request'
    );
  });

  it('accepts signed header names in any case and order', () => {
    const result = sign({ ...vectors[9]!, signedHeaders: ['X-TC-Action', 'Host', 'Content-Type'] });
    expect(result.signature).toBe(vectors[9]!.signature);
  });

  it('refuses to sign a header that has no value', () => {
    expect(() => sign({ ...sdk1, signedHeaders: ['content-type', 'host', 'x-tc-region'] })).toThrow(
      /x-tc-region/
    );
  });

  it('refuses a timestamp in milliseconds or a fraction', () => {
    expect(() => sign({ ...sdk1, timestamp: 1551113065.5 })).toThrow(/timestamp/);
  });

  it('hashes an empty payload and signs the query for GET', () => {
    const result = signTencentTc3({
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
      service: 'sms',
      timestamp: 1551113065,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        host: 'sms.tencentcloudapi.com',
      },
      body: '',
      method: 'GET',
      query: 'Limit=10&Offset=0',
    });
    expect(result.canonicalRequest).toBe(
      lines(
        'GET',
        '/',
        'Limit=10&Offset=0',
        'content-type:application/x-www-form-urlencoded',
        'host:sms.tencentcloudapi.com',
        '',
        'content-type;host',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
      )
    );
  });
});

describe('parseTc3Authorization', () => {
  it('parses the ", "-separated form', () => {
    expect(parseTc3Authorization(vectors[1]!.authorization)).toEqual({
      secretId: MASKED_ID,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host', 'x-tc-action'],
      signature: '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f',
    });
  });

  it('rejects the Aliyun-style bare commas and other schemes', () => {
    expect(parseTc3Authorization(vectors[0]!.authorization.replaceAll(', ', ','))).toBeUndefined();
    expect(parseTc3Authorization('ACS3-HMAC-SHA256 Credential=x')).toBeUndefined();
  });
});

describe('verifyTencentTc3', () => {
  const sdk1 = vectors[3]!;
  const wire = sdk1.wireHeaders!;
  const body = Buffer.from(sdk1.body, 'utf8');
  const verify = (headers: Record<string, string | string[] | undefined>) =>
    verifyTencentTc3({ method: 'POST', headers, body, secretKey: EXAMPLE_KEY });

  it('accepts a host signed without its port but sent as host:port (docs/providers.md §2.4 item 6)', () => {
    const signed = signTencentTc3({
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
      service: 'sms',
      timestamp: 1551113065,
      headers: { 'content-type': 'application/json', host: 'sms.localhost' },
      body,
    });
    const headers = {
      'content-type': 'application/json',
      host: 'sms.localhost:8080',
      'x-tc-timestamp': '1551113065',
      authorization: signed.authorization,
    };
    expect(verify(headers)).toEqual({ ok: true });
    expect(verify({ ...headers, host: 'other.localhost:8080' }).ok).toBe(false);
  });

  it('accepts a host signed with its port as sent', () => {
    const signed = signTencentTc3({
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
      service: 'sms',
      timestamp: 1551113065,
      headers: { 'content-type': 'application/json', host: '127.0.0.1:8080' },
      body,
    });
    const headers = {
      'content-type': 'application/json',
      host: '127.0.0.1:8080',
      'x-tc-timestamp': '1551113065',
      authorization: signed.authorization,
    };
    expect(verify(headers)).toEqual({ ok: true });
  });

  it('takes the service from the credential scope: the SDK signs `127` for 127.0.0.1 (§2.4 item 6)', () => {
    const signed = signTencentTc3({
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
      service: '127',
      timestamp: 1551113065,
      headers: { 'content-type': 'application/json', host: '127.0.0.1' },
      body,
    });
    expect(signed.credentialScope).toBe('2019-02-25/127/tc3_request');
    const headers = {
      'content-type': 'application/json',
      host: '127.0.0.1:8080',
      'x-tc-timestamp': '1551113065',
      authorization: signed.authorization,
    };
    expect(verify(headers)).toEqual({ ok: true });
  });

  it('rejects a scope date that is not the UTC date of X-TC-Timestamp (B-SDK-4)', () => {
    const beijingDate = vectors[6]!.authorization.replace('2023-12-31', '2024-01-01');
    expect(
      verifyTencentTc3({
        method: 'POST',
        headers: { ...vectors[6]!.wireHeaders, authorization: beijingDate },
        body,
        secretKey: EXAMPLE_KEY,
      })
    ).toMatchObject({ ok: false, reason: expect.stringContaining('2024-01-01') });
  });

  it('rejects a changed X-TC-Timestamp', () => {
    const result = verify({ ...wire, 'x-tc-timestamp': '1551113066' });
    expect(result).toMatchObject({ ok: false, reason: 'signature does not match' });
    expect(result.ok === false && result.stringToSign).toContain('\n1551113066\n');
  });

  it('rejects a changed content-type and returns the canonical request', () => {
    const result = verify({ ...wire, 'content-type': 'application/json; charset=utf-8' });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.canonicalRequest).toContain(
      'content-type:application/json; charset=utf-8'
    );
  });

  it('ignores headers that are not signed, such as X-TC-Region', () => {
    expect(verify({ ...wire, 'x-tc-region': 'ap-beijing' })).toEqual({ ok: true });
  });

  it('reads header names in any case and array values', () => {
    expect(
      verify({
        Host: wire.host,
        'Content-Type': [wire['content-type']!],
        'X-TC-Timestamp': wire['x-tc-timestamp'],
        Authorization: wire.authorization,
      })
    ).toEqual({ ok: true });
  });

  it('rejects a missing or malformed Authorization', () => {
    expect(verify({ ...wire, authorization: undefined })).toEqual({
      ok: false,
      reason: 'missing Authorization header',
    });
    expect(verify({ ...wire, authorization: 'TC3-HMAC-SHA256 Credential=x' })).toEqual({
      ok: false,
      reason: 'malformed Authorization header',
    });
  });

  it('rejects a missing or non-numeric X-TC-Timestamp', () => {
    expect(verify({ ...wire, 'x-tc-timestamp': undefined })).toMatchObject({ ok: false });
    expect(verify({ ...wire, 'x-tc-timestamp': '1551113065.0' })).toMatchObject({ ok: false });
  });

  it('requires content-type and host to be signed', () => {
    const signed = signTencentTc3({
      secretId: EXAMPLE_ID,
      secretKey: EXAMPLE_KEY,
      service: 'sms',
      timestamp: 1551113065,
      headers: wire,
      signedHeaders: ['host'],
      body,
    });
    expect(verify({ ...wire, authorization: signed.authorization })).toEqual({
      ok: false,
      reason: 'SignedHeaders must include content-type and host',
    });
  });

  it('rejects a request missing a signed header', () => {
    const signed = sign({ ...vectors[9]!, body: sdk1.body });
    expect(
      verify({
        'content-type': 'application/json; charset=utf-8',
        host: 'sms.tencentcloudapi.com',
        'x-tc-timestamp': '1551113065',
        authorization: signed.authorization,
      })
    ).toEqual({ ok: false, reason: 'signed headers missing from the request: x-tc-action' });
  });
});
