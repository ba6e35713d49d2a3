/**
 * Malformed requests, per provider: each is answered with that provider's error (its code, its
 * HTTP status, its body shape) or, when it is no HTTP request the provider could read, with a
 * closed connection within the emulator's request timeout. Written on a raw socket, so that what
 * no HTTP client would send can be sent.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { type Emulator, startEmulator } from '@duanxin/emulator';

type Provider = 'aliyun' | 'tencent' | 'yunpian' | 'huawei';

const REQUEST_TIMEOUT_MS = 600;
const now = () => Math.floor(Date.now() / 1000);
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An HTTP/1.1 request as bytes; `Connection: close` so that the server ends it once answered. */
const request = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body = ''
): string =>
  [
    `${method} ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...(body === '' && method === 'GET' ? [] : [`Content-Length: ${Buffer.byteLength(body)}`]),
    '',
    body,
  ].join('\r\n');

const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const json = { 'Content-Type': 'application/json' };

const aliyunV1 = (extra: string) =>
  'Version=2017-05-25&Format=JSON&AccessKeyId=LTAI-duanxin-demo&Signature=bm90LWEtc2lnbmF0dXJl' +
  `&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=malformed-${Math.random()}` +
  `&Timestamp=${encodeURIComponent(isoNow())}${extra}`;

const tencentTc3 = (headers: Record<string, string>) => ({
  ...json,
  'X-TC-Version': '2021-01-11',
  'X-TC-Region': 'ap-guangzhou',
  'X-TC-Timestamp': String(now()),
  ...headers,
});
const forgedTc3 = () =>
  `TC3-HMAC-SHA256 Credential=AKID-duanxin-demo/${new Date().toISOString().slice(0, 10)}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${'0'.repeat(64)}`;

const tencentV1 = (extra: string) =>
  `Action=SendSms&Version=2021-01-11&Region=ap-guangzhou&SecretId=AKID-duanxin-demo&Nonce=7${extra}`;

type Row = {
  provider: Provider;
  name: string;
  raw: () => string;
  /** The provider's answer: HTTP status and error code. */
  answer: [status: number, code: string];
};

const rows: Row[] = [
  // Aliyun: gateway errors, HTTP 4xx with {RequestId, HostId, Code, Message} (XML by default).
  {
    provider: 'aliyun',
    name: 'no signature at all',
    raw: () => request('GET', '/?Action=SendSms&Version=2017-05-25&Format=JSON'),
    answer: [400, 'MissingParameter'],
  },
  {
    provider: 'aliyun',
    name: 'no Action',
    raw: () => request('POST', '/', form, aliyunV1('')),
    answer: [400, 'MissingParameter'],
  },
  {
    provider: 'aliyun',
    name: 'an Action the API does not have',
    raw: () => request('POST', '/', form, aliyunV1('&Action=DeleteEverything')),
    answer: [404, 'InvalidAction.NotFound'],
  },
  {
    provider: 'aliyun',
    name: 'parameters in a JSON body',
    raw: () =>
      request(
        'POST',
        '/?Version=2017-05-25&Format=JSON',
        json,
        JSON.stringify({ Action: 'SendSms', AccessKeyId: 'LTAI-duanxin-demo' })
      ),
    answer: [400, 'MissingParameter'],
  },
  {
    provider: 'aliyun',
    name: 'no Format: the error in XML',
    raw: () => request('GET', '/?Action=SendSms&Version=2017-05-25'),
    answer: [400, 'MissingParameter'],
  },
  {
    provider: 'aliyun',
    name: 'an ACS3 Authorization that does not parse',
    raw: () =>
      request('POST', '/', { 'x-acs-action': 'SendSms', Authorization: 'ACS3-HMAC-SHA256 junk' }),
    answer: [400, 'IncompleteSignature'],
  },
  {
    provider: 'aliyun',
    name: 'a V3 algorithm the API does not have',
    raw: () =>
      request('POST', '/', {
        'x-acs-action': 'SendSms',
        Authorization: 'ACS3-HMAC-MD5 Credential=LTAI-duanxin-demo,SignedHeaders=host,Signature=00',
      }),
    answer: [400, 'IncompleteSignature'],
  },
  {
    provider: 'aliyun',
    name: 'a Timestamp that is not ISO 8601',
    raw: () =>
      request(
        'POST',
        '/',
        form,
        aliyunV1('&Action=SendSms').replace(/Timestamp=[^&]+/, 'Timestamp=yesterday')
      ),
    answer: [400, 'InvalidTimeStamp.Format'],
  },
  {
    provider: 'aliyun',
    name: 'broken percent-encoding',
    raw: () => request('GET', '/?Action=SendSms&Version=2017-05-25&Format=JSON&SignName=%E4%ZZ%'),
    answer: [400, 'MissingParameter'],
  },
  // Tencent API 3.0: HTTP 200 with {Response: {Error: {Code, Message}, RequestId}}.
  {
    provider: 'tencent',
    name: 'TC3 headers without Authorization',
    raw: () => request('POST', '/', tencentTc3({ 'X-TC-Action': 'SendSms' }), '{}'),
    answer: [200, 'AuthFailure.InvalidAuthorization'],
  },
  {
    provider: 'tencent',
    name: 'an Authorization of another scheme',
    raw: () =>
      request(
        'POST',
        '/',
        tencentTc3({ 'X-TC-Action': 'SendSms', Authorization: 'Bearer token' }),
        '{}'
      ),
    answer: [200, 'AuthFailure.InvalidAuthorization'],
  },
  {
    provider: 'tencent',
    name: 'a body that is not JSON',
    raw: () =>
      request(
        'POST',
        '/',
        tencentTc3({ 'X-TC-Action': 'SendSms', Authorization: forgedTc3() }),
        '{"PhoneNumberSet": ['
      ),
    answer: [200, 'AuthFailure.SignatureFailure'],
  },
  {
    provider: 'tencent',
    name: 'no X-TC-Action',
    raw: () => request('POST', '/', tencentTc3({ Authorization: forgedTc3() }), '{}'),
    answer: [200, 'AuthFailure.SignatureFailure'],
  },
  {
    provider: 'tencent',
    name: 'signature v1 without Signature',
    raw: () => request('POST', '/', form, tencentV1(`&Timestamp=${now()}`)),
    answer: [200, 'MissingParameter'],
  },
  {
    provider: 'tencent',
    name: 'signature v1 with a SignatureMethod the API does not have (checked as HmacSHA1)',
    raw: () =>
      request(
        'POST',
        '/',
        form,
        tencentV1(`&Timestamp=${now()}&SignatureMethod=HmacMD5&Signature=x`)
      ),
    answer: [200, 'AuthFailure.SignatureFailure'],
  },
  {
    provider: 'tencent',
    name: 'signature v1 with a Timestamp that is not a number',
    raw: () => request('GET', `/?${tencentV1('&Timestamp=soon&Signature=x')}`),
    answer: [200, 'MissingParameter'],
  },
  {
    provider: 'tencent',
    name: 'signature v1 an hour old',
    raw: () => request('POST', '/', form, tencentV1(`&Timestamp=${now() - 3600}&Signature=x`)),
    answer: [200, 'AuthFailure.SignatureExpire'],
  },
  {
    provider: 'tencent',
    name: 'signature v1 parameters in a JSON body',
    raw: () =>
      request(
        'POST',
        '/?Version=2021-01-11',
        json,
        JSON.stringify({ Action: 'SendSms', SecretId: 'AKID-duanxin-demo' })
      ),
    answer: [200, 'MissingParameter'],
  },
  // YunPian: HTTP 400 with {http_status_code, code, msg, detail}.
  {
    provider: 'yunpian',
    name: 'GET',
    raw: () => request('GET', '/v2/sms/single_send.json?apikey=duanxin-demo-apikey-0000000000000'),
    answer: [400, '11'],
  },
  {
    provider: 'yunpian',
    name: 'no apikey',
    raw: () => request('POST', '/v2/sms/single_send.json', form, 'mobile=13800138000&text=x'),
    answer: [400, '1'],
  },
  {
    provider: 'yunpian',
    name: 'parameters in a JSON body',
    raw: () =>
      request(
        'POST',
        '/v2/sms/single_send.json',
        json,
        JSON.stringify({ apikey: 'duanxin-demo-apikey-0000000000000', mobile: '13800138000' })
      ),
    answer: [400, '1'],
  },
  {
    provider: 'yunpian',
    name: 'an operation the API does not have',
    raw: () => request('POST', '/v2/sms/nothing.json', form, 'apikey=x'),
    answer: [404, '-7'],
  },
  {
    provider: 'yunpian',
    name: 'an unknown apikey',
    raw: () => request('POST', '/v2/sms/single_send.json', form, 'apikey=nobody&mobile=1&text=x'),
    answer: [400, '-1'],
  },
  // Huawei MSGSMS: {code, description}.
  {
    provider: 'huawei',
    name: 'no Authorization',
    raw: () => request('POST', '/sms/batchSendSms/v1', form, 'from=csms12345678'),
    answer: [400, 'E000001'],
  },
  {
    provider: 'huawei',
    name: 'an X-WSSE that does not parse',
    raw: () =>
      request(
        'POST',
        '/sms/batchSendSms/v1',
        {
          ...form,
          Authorization: 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"',
          'X-WSSE': 'UsernameToken junk',
        },
        'from=csms12345678'
      ),
    answer: [401, 'E000101'],
  },
  {
    provider: 'huawei',
    name: 'GET',
    raw: () => request('GET', '/sms/batchSendSms/v1'),
    answer: [405, 'E000503'],
  },
];

/** The code in each provider's error body. */
const codeOf = (provider: Provider, contentType: string, body: string): string | undefined => {
  if (contentType.includes('xml')) {
    return provider === 'aliyun' ? /<Error>.*<Code>([^<]+)<\/Code>/s.exec(body)?.[1] : undefined;
  }
  const parsed = JSON.parse(body) as Record<string, unknown>;
  switch (provider) {
    case 'aliyun':
      return typeof parsed.RequestId === 'string' && typeof parsed.Message === 'string'
        ? String(parsed.Code)
        : undefined;
    case 'tencent': {
      const response = parsed.Response as
        { Error?: { Code?: string; Message?: string }; RequestId?: string } | undefined;
      return response?.RequestId && response.Error?.Message ? response.Error.Code : undefined;
    }
    case 'yunpian':
      return typeof parsed.msg === 'string' ? String(parsed.code) : undefined;
    case 'huawei':
      return typeof parsed.description === 'string' ? String(parsed.code) : undefined;
  }
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    providers: [huaweiProvider],
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
});
afterAll(() => emulator.close());

/** Writes `raw` (as given, even cut short); resolves once the server has closed the connection. */
const exchange = (raw: string) =>
  new Promise<{ status: number; headers: string; body: string; closedAfterMs: number }>(
    (resolve, reject) => {
      const started = Date.now();
      const socket = connect(emulator.port, '127.0.0.1', () => socket.write(raw));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const answer = Buffer.concat(chunks).toString('utf8');
        const [head = '', ...rest] = answer.split('\r\n\r\n');
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
          headers: head.toLowerCase(),
          body: rest.join('\r\n\r\n'),
          closedAfterMs: Date.now() - started,
        });
      });
    }
  );

/** Within the request timeout, plus Node's check interval and slack for a loaded machine. */
const CLOSE_WITHIN_MS = REQUEST_TIMEOUT_MS + 2_000;

describe("malformed requests get the provider's own error", () => {
  it.each(rows)('$provider: $name', async (row) => {
    const before = emulator.inbox.list().length;
    const answer = await exchange(row.raw());
    const [status, code] = row.answer;
    expect(answer.status).toBe(status);
    const contentType = /content-type: ([^\r\n]+)/.exec(answer.headers)?.[1] ?? '';
    expect(codeOf(row.provider, contentType, answer.body)).toBe(code);
    expect(emulator.requests.list().at(-1)?.provider).toBe(row.provider);
    expect(answer.closedAfterMs).toBeLessThan(CLOSE_WITHIN_MS);
    expect(emulator.inbox.list()).toHaveLength(before);
  });
});

/** A path each provider claims, with what identifies the product to the emulator. */
const providerRequests: Record<Provider, { path: string; headers: Record<string, string> }> = {
  aliyun: { path: '/?Version=2017-05-25', headers: { ...form, 'x-acs-action': 'SendSms' } },
  tencent: { path: '/', headers: tencentTc3({ 'X-TC-Action': 'SendSms' }) },
  yunpian: { path: '/v2/sms/single_send.json', headers: form },
  huawei: { path: '/sms/batchSendSms/v1', headers: form },
};

describe('requests no provider can read: closed within the request timeout', () => {
  const cases = (Object.keys(providerRequests) as Provider[]).flatMap((provider) => {
    const { path, headers } = providerRequests[provider];
    const head = (extra: string[]) =>
      [
        `POST ${path} HTTP/1.1`,
        'Host: 127.0.0.1',
        ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`),
        ...extra,
      ].join('\r\n');
    return [
      {
        provider,
        name: 'a Content-Length larger than the body',
        raw: `${head(['Content-Length: 100'])}\r\n\r\napikey=x`,
        status: 408,
      },
      {
        provider,
        name: 'a header of 20 KiB',
        raw: `${head([`X-Padding: ${'a'.repeat(20 * 1024)}`, 'Content-Length: 0'])}\r\n\r\n`,
        status: 431,
      },
      {
        provider,
        name: 'a chunked body that is not chunked',
        raw: `${head(['Transfer-Encoding: chunked'])}\r\n\r\nnot-a-chunk-size\r\n\r\n`,
        status: 400,
      },
      { provider, name: 'headers cut short', raw: head([]).slice(0, 40), status: 408 },
    ];
  });

  it.each(cases)('$provider: $name', async (row) => {
    const answer = await exchange(row.raw);
    expect(answer.status).toBe(row.status);
    expect(answer.closedAfterMs).toBeLessThan(CLOSE_WITHIN_MS);
  });

  it('bytes that are not HTTP at all', async () => {
    const answer = await exchange('HELLO THERE\r\n\r\n');
    expect(answer.status).toBe(400);
    expect(answer.closedAfterMs).toBeLessThan(CLOSE_WITHIN_MS);
  });

  it('a body over 1 MiB: 413, and the connection closed', async () => {
    const { path, headers } = providerRequests.yunpian;
    const body = 'a'.repeat(1024 * 1024 + 1);
    const answer = await exchange(request('POST', path, headers, body));
    expect(answer.status).toBe(413);
    expect(answer.headers).toContain('connection: close');
  });
});
