import { createHmac } from 'node:crypto';
import {
  equalInConstantTime,
  lowerCaseNames,
  normaliseIncomingHeaders,
  percentEncode,
  sha256Hex,
  type SignatureCheck,
} from '@duanxin/shared';

const ALGORITHM = 'ACS3-HMAC-SHA256';
const CONTENT_SHA256 = 'x-acs-content-sha256';
// providers.md §A.10: the emulator's policy for the headers a request must sign.
const REQUIRED_SIGNED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
];

export type Acs3Signature = {
  authorization: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** The headers that were signed (with `x-acs-content-sha256`), to send as they are. */
  headers: Record<string, string>;
};

/**
 * Signs host, content-type (if present) and every `x-acs-*` header. `x-acs-content-sha256` is
 * computed from the body when absent; when given it must match the body.
 */
export const signAliyunAcs3 = (input: {
  method: string;
  path?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string | Buffer;
  accessKeyId: string;
  secret: string;
}): Acs3Signature => {
  const headers = lowerCaseNames(input.headers);
  const payloadHash = sha256Hex(input.body);
  const declaredHash = headers[CONTENT_SHA256];
  if (declaredHash === undefined) {
    headers[CONTENT_SHA256] = payloadHash;
  } else if (declaredHash !== payloadHash) {
    throw new Error(`${CONTENT_SHA256} does not match the SHA-256 of the body`);
  }
  if (headers.host === undefined) {
    throw new Error('the host header is required');
  }

  const signedNames = Object.keys(headers).filter(isSignedHeader).sort();
  const canonicalRequest = acs3CanonicalRequest({
    method: input.method,
    path: input.path ?? '/',
    query: input.query,
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash,
  });
  const stringToSign = acs3StringToSign(canonicalRequest);
  const signature = hmacSha256Hex(input.secret, stringToSign);
  const signedHeaders = signedNames.join(';');
  return {
    // Bare commas, unlike Tencent's ", " (providers.md §A.5).
    authorization: `${ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
    signedHeaders,
    canonicalRequest,
    stringToSign,
    signature,
    headers,
  };
};

export const parseAcs3Authorization = (
  value: string
): { accessKeyId: string; signedHeaders: string[]; signature: string } | undefined => {
  const match =
    /^ACS3-HMAC-SHA256 Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([0-9a-f]{64})$/.exec(
      value.trim()
    );
  if (!match) {
    return undefined;
  }
  const [, accessKeyId = '', signedHeaders = '', signature = ''] = match;
  return { accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
};

/**
 * `query` holds the decoded query parameters: the canonical query is rebuilt from them because
 * the SDK's wire query leaves `* ! ( )` unescaped (providers.md §0.1 item 6, A-V3-SDK-2).
 */
export const verifyAliyunAcs3 = (input: {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  secret: string;
}): SignatureCheck => {
  const headers = normaliseIncomingHeaders(input.headers);
  const authorizationHeader = headers.authorization;
  if (authorizationHeader === undefined) {
    return { ok: false, reason: 'missing Authorization header' };
  }
  const authorization = parseAcs3Authorization(authorizationHeader);
  if (!authorization) {
    return { ok: false, reason: 'malformed Authorization header' };
  }
  const signedNames = authorization.signedHeaders.map((name) => name.toLowerCase());
  const unsigned = REQUIRED_SIGNED_HEADERS.filter((name) => !signedNames.includes(name));
  if (unsigned.length > 0) {
    return { ok: false, reason: `SignedHeaders must include ${unsigned.join(', ')}` };
  }
  const absent = signedNames.filter((name) => headers[name] === undefined);
  if (absent.length > 0) {
    return { ok: false, reason: `signed headers missing from the request: ${absent.join(', ')}` };
  }
  const payloadHash = sha256Hex(input.body);
  if (headers[CONTENT_SHA256] !== payloadHash) {
    return { ok: false, reason: `${CONTENT_SHA256} does not match the SHA-256 of the body` };
  }

  const canonicalRequest = acs3CanonicalRequest({
    method: input.method,
    path: input.path,
    query: input.query,
    // In the order the client declared them: that list is itself part of the canonical request.
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash,
  });
  const stringToSign = acs3StringToSign(canonicalRequest);
  if (equalInConstantTime(authorization.signature, hmacSha256Hex(input.secret, stringToSign))) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'Specified signature is not matched with our calculation.',
    canonicalRequest,
    stringToSign,
  };
};

const acs3CanonicalRequest = (parts: {
  method: string;
  path: string;
  query: Record<string, string>;
  signedHeaders: [name: string, value: string][];
  payloadHash: string;
}): string => {
  const canonicalQuery = Object.keys(parts.query)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(parts.query[name] ?? '')}`)
    .join('&');
  const canonicalHeaders = parts.signedHeaders
    .map(([name, value]) => `${name}:${value.trim()}\n`)
    .join('');
  return [
    parts.method.toUpperCase(),
    parts.path,
    canonicalQuery,
    canonicalHeaders,
    parts.signedHeaders.map(([name]) => name).join(';'),
    parts.payloadHash,
  ].join('\n');
};

const acs3StringToSign = (canonicalRequest: string): string => {
  return `${ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
};

const isSignedHeader = (name: string): boolean => {
  return name === 'host' || name === 'content-type' || name.startsWith('x-acs-');
};

const hmacSha256Hex = (secret: string, stringToSign: string): string => {
  // The V3 key is the raw secret, without V1's `&` (providers.md §0.1 item 3).
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
};
