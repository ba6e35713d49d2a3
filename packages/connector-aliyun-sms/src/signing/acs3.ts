import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSign,
  verify as verifySignature,
} from 'node:crypto';
import {
  equalInConstantTime,
  lowerCaseNames,
  normaliseIncomingHeaders,
  type SignatureCheck,
} from '@duanxin/shared';

import {
  buildCanonicalRequest,
  checkSignedHeaders,
  digestHex,
  hashOf,
  isSignedHeader,
  requiredSignedHeaders,
} from './canonical.js';

/**
 * The V3 signature algorithms of the official SDKs (docs/providers.md §1.2): HMAC with SHA-256 or
 * SM3 (GB/T 32905) keyed with the raw secret, or RSA-SHA256 with the secret as a PKCS#8 private key.
 */
export const ACS3_ALGORITHMS = ['ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3', 'ACS3-RSA-SHA256'] as const;
export type Acs3Algorithm = (typeof ACS3_ALGORITHMS)[number];

const DEFAULT_ALGORITHM: Acs3Algorithm = 'ACS3-HMAC-SHA256';
// Named after SHA-256 whatever the algorithm: the SDKs put the SM3 digest in it too (§1.2).
const CONTENT_SHA256 = 'x-acs-content-sha256';
const PEM_BEGIN = '-----BEGIN PRIVATE KEY-----\n';
const PEM_END = '\n-----END PRIVATE KEY-----';

export type Acs3Signature = {
  algorithm: Acs3Algorithm;
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
  algorithm?: Acs3Algorithm;
}): Acs3Signature => {
  const algorithm = input.algorithm ?? DEFAULT_ALGORITHM;
  const headers = lowerCaseNames(input.headers);
  const payloadHash = digestHex(algorithm, input.body);
  const declaredHash = headers[CONTENT_SHA256];
  if (declaredHash === undefined) {
    headers[CONTENT_SHA256] = payloadHash;
  } else if (declaredHash !== payloadHash) {
    throw new Error(`${CONTENT_SHA256} does not match the ${digestName(algorithm)} of the body`);
  }
  if (headers.host === undefined) {
    throw new Error('the host header is required');
  }

  const signedNames = Object.keys(headers).filter(isSignedHeader).sort();
  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    path: input.path ?? '/',
    query: input.query,
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash,
  });
  const stringToSign = acs3StringToSign(algorithm, canonicalRequest);
  const signature = signHex(algorithm, input.secret, stringToSign);
  const signedHeaders = signedNames.join(';');
  return {
    algorithm,
    // Bare commas, unlike Tencent's ", " (docs/providers.md §1.4 item 6).
    authorization: `${algorithm} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`,
    signedHeaders,
    canonicalRequest,
    stringToSign,
    signature,
    headers,
  };
};

export const isAcs3Algorithm = (name: string): name is Acs3Algorithm =>
  (ACS3_ALGORITHMS as readonly string[]).includes(name);

export const parseAcs3Authorization = (
  value: string
):
  | { algorithm: Acs3Algorithm; accessKeyId: string; signedHeaders: string[]; signature: string }
  | undefined => {
  // Hex of 32 bytes (HMAC-SHA256, HMAC-SM3) or of an RSA signature (256 bytes for 2048-bit keys).
  const match =
    /^(ACS3-[A-Z0-9-]+) Credential=([^,\s]+),SignedHeaders=([^,\s]+),Signature=([0-9a-f]{64,2048})$/.exec(
      value.trim()
    );
  const [, algorithm = '', accessKeyId = '', signedHeaders = '', signature = ''] = match ?? [];
  if (!isAcs3Algorithm(algorithm)) {
    return undefined;
  }
  return { algorithm, accessKeyId, signedHeaders: signedHeaders.split(';'), signature };
};

/**
 * `query` holds the decoded query parameters: the canonical query is rebuilt from them because
 * the SDK's wire query leaves `* ! ( )` unescaped (docs/providers.md §1.4 item 7, A-V3-SDK-2).
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
  const refused = checkSignedHeaders(signedNames, headers, requiredSignedHeaders);
  if (refused) {
    return refused;
  }
  const { algorithm } = authorization;
  const payloadHash = digestHex(algorithm, input.body);
  if (headers[CONTENT_SHA256] !== payloadHash) {
    return {
      ok: false,
      reason: `${CONTENT_SHA256} does not match the ${digestName(algorithm)} of the body`,
    };
  }

  const canonicalRequest = buildCanonicalRequest({
    method: input.method,
    path: input.path,
    query: input.query,
    // In the order the client declared them: that list is itself part of the canonical request.
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash,
  });
  const stringToSign = acs3StringToSign(algorithm, canonicalRequest);
  if (signatureMatches(algorithm, input.secret, stringToSign, authorization.signature)) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'Specified signature is not matched with our calculation.',
    canonicalRequest,
    stringToSign,
  };
};

const acs3StringToSign = (algorithm: Acs3Algorithm, canonicalRequest: string): string => {
  return `${algorithm}\n${digestHex(algorithm, canonicalRequest)}`;
};

const digestName = (algorithm: Acs3Algorithm): string =>
  algorithm === 'ACS3-HMAC-SM3' ? 'SM3' : 'SHA-256';

/** The SDKs accept the key's base64 body alone and add the PEM lines themselves (§1.2). */
const privateKeyPem = (secret: string): string =>
  `${secret.startsWith(PEM_BEGIN) ? '' : PEM_BEGIN}${secret}${secret.endsWith(PEM_END) ? '' : PEM_END}`;

const signHex = (algorithm: Acs3Algorithm, secret: string, stringToSign: string): string => {
  if (algorithm === 'ACS3-RSA-SHA256') {
    return createSign('RSA-SHA256').update(stringToSign, 'utf8').sign(privateKeyPem(secret), 'hex');
  }
  // The V3 key is the raw secret, without V1's `&` (docs/providers.md §1.4 item 4).
  return createHmac(hashOf(algorithm), secret).update(stringToSign, 'utf8').digest('hex');
};

/** RSA is checked with the public half of the credential's private key. */
const signatureMatches = (
  algorithm: Acs3Algorithm,
  secret: string,
  stringToSign: string,
  signature: string
): boolean => {
  if (algorithm !== 'ACS3-RSA-SHA256') {
    return equalInConstantTime(signature, signHex(algorithm, secret, stringToSign));
  }
  try {
    const publicKey = createPublicKey(createPrivateKey(privateKeyPem(secret)));
    return verifySignature(
      'RSA-SHA256',
      Buffer.from(stringToSign, 'utf8'),
      publicKey,
      Buffer.from(signature, 'hex')
    );
  } catch {
    // The credential's secret is no private key: nothing can match.
    return false;
  }
};
