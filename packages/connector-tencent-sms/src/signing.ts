import { createHash, createHmac } from 'node:crypto';

import {
  equalInConstantTime,
  lowerCaseNames,
  normaliseIncomingHeaders,
  sha256Hex,
  type SignatureCheck,
} from '@duanxin/shared';

const ALGORITHM = 'TC3-HMAC-SHA256';
const DEFAULT_SIGNED_HEADERS = ['content-type', 'host'];
const SIGNING_KEY_CACHE_LIMIT = 32;

// A connector signs every send but the derived key only changes with the UTC date. Map keys are
// hashes of (secretKey, date, service) so the secret never appears in anything inspectable.
const signingKeyCache = new Map<string, Buffer>();

/** SecretSigning of docs/providers.md §2.4 item 4: HMAC chain "TC3"+SecretKey → date → service → "tc3_request". */
export function deriveTc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  const cacheKey = createHash('sha256')
    .update(JSON.stringify([secretKey, date, service]))
    .digest('hex');
  let key = signingKeyCache.get(cacheKey);
  if (key === undefined) {
    const secretDate = hmacSha256(`TC3${secretKey}`, date);
    const secretService = hmacSha256(secretDate, service);
    key = hmacSha256(secretService, 'tc3_request');
    if (signingKeyCache.size >= SIGNING_KEY_CACHE_LIMIT) {
      const oldest = signingKeyCache.keys().next();
      if (!oldest.done) {
        signingKeyCache.delete(oldest.value);
      }
    }
    signingKeyCache.set(cacheKey, key);
  }
  // A copy, so that a caller writing into it cannot corrupt the cache.
  return Buffer.from(key);
}

export interface Tc3Signature {
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  credentialScope: string;
}

/**
 * `headers` must hold every header of `signedHeaders` (default `content-type` and `host`) with
 * the exact value that is sent: `application/json` and `application/json; charset=utf-8` give
 * different signatures (docs/providers.md §2.4 item 2). For GET pass an empty body.
 */
export function signTencentTc3(input: {
  secretId: string;
  secretKey: string;
  service: string;
  timestamp: number;
  headers: Record<string, string>;
  signedHeaders?: string[];
  body: string | Buffer;
  method?: 'POST' | 'GET';
  query?: string;
}): Tc3Signature {
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) {
    throw new Error(`invalid TC3 timestamp: ${input.timestamp}`);
  }
  const headers = lowerCaseNames(input.headers);
  const signedNames = [
    ...new Set((input.signedHeaders ?? DEFAULT_SIGNED_HEADERS).map((n) => n.trim().toLowerCase())),
  ].sort();
  const signedHeaders: [string, string][] = signedNames.map((name) => {
    const value = headers[name];
    if (value === undefined) {
      throw new Error(`header ${name} is to be signed but has no value`);
    }
    return [name, value];
  });

  const date = utcDate(input.timestamp);
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const canonicalRequest = tc3CanonicalRequest({
    method: input.method ?? 'POST',
    query: input.query ?? '',
    signedHeaders,
    payloadHash: sha256Hex(input.body),
  });
  const stringToSign = tc3StringToSign(input.timestamp, credentialScope, canonicalRequest);
  const signature = hmacSha256(
    deriveTc3SigningKey(input.secretKey, date, input.service),
    stringToSign
  ).toString('hex');
  return {
    // ", " separators, unlike Aliyun's bare commas (docs/providers.md §2.4 item 5).
    authorization: `${ALGORITHM} Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedNames.join(';')}, Signature=${signature}`,
    canonicalRequest,
    stringToSign,
    signature,
    credentialScope,
  };
}

export function parseTc3Authorization(value: string):
  | {
      secretId: string;
      date: string;
      service: string;
      signedHeaders: string[];
      signature: string;
    }
  | undefined {
  // docs/providers.md §2.4 item 5.
  const match =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      value.trim()
    );
  if (!match) {
    return undefined;
  }
  const [, secretId = '', date = '', service = '', signedHeaders = '', signature = ''] = match;
  return { secretId, date, service, signedHeaders: signedHeaders.split(';'), signature };
}

/**
 * The service and date come from the credential scope: the Node SDK derives the service from the
 * first DNS label of the endpoint, so pointed at 127.0.0.1 it signs service `127` (§2.4 item 6).
 */
export function verifyTencentTc3(input: {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  secretKey: string;
  query?: string;
}): SignatureCheck {
  const headers = normaliseIncomingHeaders(input.headers);
  const authorizationHeader = headers.authorization;
  if (authorizationHeader === undefined) {
    return { ok: false, reason: 'missing Authorization header' };
  }
  const authorization = parseTc3Authorization(authorizationHeader);
  if (!authorization) {
    return { ok: false, reason: 'malformed Authorization header' };
  }
  const timestampHeader = headers['x-tc-timestamp'];
  if (timestampHeader === undefined || !/^\d{1,12}$/.test(timestampHeader)) {
    return { ok: false, reason: 'missing or invalid X-TC-Timestamp header' };
  }
  const timestamp = Number(timestampHeader);
  // The scope date is the UTC date of the timestamp, not the Beijing one (§2.4 item 3).
  if (authorization.date !== utcDate(timestamp)) {
    return {
      ok: false,
      reason: `credential scope date ${authorization.date} is not the UTC date of X-TC-Timestamp ${timestamp} (${utcDate(timestamp)})`,
    };
  }
  const signedNames = authorization.signedHeaders.map((name) => name.toLowerCase());
  if (!signedNames.includes('content-type') || !signedNames.includes('host')) {
    return { ok: false, reason: 'SignedHeaders must include content-type and host' };
  }
  const absent = signedNames.filter((name) => headers[name] === undefined);
  if (absent.length > 0) {
    return { ok: false, reason: `signed headers missing from the request: ${absent.join(', ')}` };
  }

  const credentialScope = `${authorization.date}/${authorization.service}/tc3_request`;
  const signingKey = deriveTc3SigningKey(
    input.secretKey,
    authorization.date,
    authorization.service
  );
  const payloadHash = sha256Hex(input.body);
  const attempt = (host: string) => {
    const canonicalRequest = tc3CanonicalRequest({
      method: input.method,
      query: input.query ?? '',
      // In the order the client declared them: that list is itself part of the canonical request.
      signedHeaders: signedNames.map((name) => [
        name,
        name === 'host' ? host : (headers[name] ?? ''),
      ]),
      payloadHash,
    });
    const stringToSign = tc3StringToSign(timestamp, credentialScope, canonicalRequest);
    const expected = hmacSha256(signingKey, stringToSign).toString('hex');
    return {
      canonicalRequest,
      stringToSign,
      ok: equalInConstantTime(authorization.signature, expected),
    };
  };

  const hostAsSent = headers.host ?? '';
  const asSent = attempt(hostAsSent);
  if (asSent.ok) {
    return { ok: true };
  }
  // The Node SDK signs the host without its port but sends `Host: h:port` (§2.4 item 6).
  const hostWithoutPort = hostAsSent.replace(/:\d+$/, '');
  if (hostWithoutPort !== hostAsSent && attempt(hostWithoutPort).ok) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'signature does not match',
    canonicalRequest: asSent.canonicalRequest,
    stringToSign: asSent.stringToSign,
  };
}

function tc3CanonicalRequest(parts: {
  method: string;
  query: string;
  signedHeaders: [name: string, value: string][];
  payloadHash: string;
}): string {
  // Names and values lower-cased: `x-tc-action:sendsms` (docs/providers.md §2.4 item 1).
  const canonicalHeaders = parts.signedHeaders
    .map(([name, value]) => `${name}:${value.trim().toLowerCase()}\n`)
    .join('');
  return [
    parts.method.toUpperCase(),
    '/',
    parts.query,
    canonicalHeaders,
    parts.signedHeaders.map(([name]) => name).join(';'),
    parts.payloadHash,
  ].join('\n');
}

function tc3StringToSign(timestamp: number, credentialScope: string, canonicalRequest: string) {
  return `${ALGORITHM}\n${timestamp}\n${credentialScope}\n${sha256Hex(canonicalRequest)}`;
}

function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

function hmacSha256(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}
