import { createHmac } from 'node:crypto';
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
 * ACS4 (docs/providers.md §1.2, "ACS4"): V3's canonical request, signed with HMAC-SHA256 or
 * HMAC-SM3 under a key derived from the secret per date, region and product, as AWS's SigV4 does.
 */
export const ACS4_ALGORITHMS = ['ACS4-HMAC-SHA256', 'ACS4-HMAC-SM3'] as const;
export type Acs4Algorithm = (typeof ACS4_ALGORITHMS)[number];

const TERMINATOR = 'aliyun_v4_request';

export type Acs4Scope = {
  /** `YYYYMMDD`, the UTC date of `x-acs-date`. */
  date: string;
  /** `center` for the central endpoint, else the region of the endpoint's host. */
  region: string;
  /** The product code, `Dysmsapi` for SMS. */
  product: string;
};

export type Acs4Authorization = Acs4Scope & {
  algorithm: Acs4Algorithm;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
};

export const isAcs4Algorithm = (name: string): name is Acs4Algorithm =>
  (ACS4_ALGORITHMS as readonly string[]).includes(name);

/** SHA-256's header, or SM3's: ACS4 names the digest after its hash, unlike V3 (§1.2). */
export const acs4ContentHeader = (algorithm: Acs4Algorithm): string =>
  algorithm === 'ACS4-HMAC-SM3' ? 'x-acs-content-sm3' : 'x-acs-content-sha256';

export const parseAcs4Authorization = (value: string): Acs4Authorization | undefined => {
  const match =
    /^(ACS4-[A-Z0-9-]+) Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aliyun_v4_request,SignedHeaders=([^,\s]+),Signature=([0-9a-f]{64})$/.exec(
      value.trim()
    );
  const [, algorithm = '', accessKeyId = '', date = '', region = '', product = ''] = match ?? [];
  if (!match || !isAcs4Algorithm(algorithm)) {
    return undefined;
  }
  return {
    algorithm,
    accessKeyId,
    date,
    region,
    product,
    signedHeaders: (match[6] ?? '').split(';'),
    signature: match[7] ?? '',
  };
};

/**
 * The signing key: HMAC chained over date, region, product and `aliyun_v4_request`, starting from
 * `aliyun_v4` + secret, each step keyed with the bytes of the one before (§1.2).
 */
export const acs4SigningKey = (algorithm: Acs4Algorithm, secret: string, scope: Acs4Scope) =>
  [scope.date, scope.region, scope.product, TERMINATOR].reduce<Buffer | string>(
    (key, part) => createHmac(hashOf(algorithm), key).update(part, 'utf8').digest(),
    `aliyun_v4${secret}`
  ) as Buffer;

export type Acs4Signature = {
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
  /** The headers that were signed (with the body digest), to send as they are. */
  headers: Record<string, string>;
};

/** Signs host, content-type (if present) and every `x-acs-*` header, as the gateway does. */
export const signAliyunAcs4 = (input: {
  method: string;
  path?: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string | Buffer;
  accessKeyId: string;
  secret: string;
  algorithm?: Acs4Algorithm;
  region?: string;
  product?: string;
}): Acs4Signature => {
  const algorithm = input.algorithm ?? 'ACS4-HMAC-SHA256';
  const headers = lowerCaseNames(input.headers);
  headers[acs4ContentHeader(algorithm)] = digestHex(algorithm, input.body);
  const date = (headers['x-acs-date'] ?? '').slice(0, 10).replace(/-/g, '');
  const scope = { date, region: input.region ?? 'center', product: input.product ?? 'Dysmsapi' };
  const signedNames = Object.keys(headers).filter(isSignedHeader).sort();
  const canonicalRequest = buildCanonicalRequest({
    bareEmptyValues: true,
    method: input.method,
    path: input.path ?? '/',
    query: input.query,
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash: headers[acs4ContentHeader(algorithm)] ?? '',
  });
  const stringToSign = `${algorithm}\n${digestHex(algorithm, canonicalRequest)}`;
  const signature = createHmac(hashOf(algorithm), acs4SigningKey(algorithm, input.secret, scope))
    .update(stringToSign, 'utf8')
    .digest('hex');
  const credential = `${input.accessKeyId}/${scope.date}/${scope.region}/${scope.product}/${TERMINATOR}`;
  return {
    authorization: `${algorithm} Credential=${credential},SignedHeaders=${signedNames.join(';')},Signature=${signature}`,
    canonicalRequest,
    stringToSign,
    signature,
    headers,
  };
};

/**
 * `query` holds the decoded query parameters; the canonical query is rebuilt from them, a name
 * without `=` when its value is empty (§1.2). The region and product are the scope's own.
 */
export const verifyAliyunAcs4 = (input: {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  secret: string;
}): SignatureCheck => {
  const headers = normaliseIncomingHeaders(input.headers);
  if (headers.authorization === undefined) {
    return { ok: false, reason: 'missing Authorization header' };
  }
  const authorization = parseAcs4Authorization(headers.authorization);
  if (!authorization) {
    return { ok: false, reason: 'malformed Authorization header' };
  }
  const { algorithm } = authorization;
  const contentHeader = acs4ContentHeader(algorithm);
  const signedNames = authorization.signedHeaders.map((name) => name.toLowerCase());
  // The same policy as V3's, plus the body digest the signature covers.
  const refused = checkSignedHeaders(signedNames, headers, [
    ...requiredSignedHeaders,
    contentHeader,
  ]);
  if (refused) {
    return refused;
  }
  const payloadHash = digestHex(algorithm, input.body);
  if (headers[contentHeader] !== payloadHash) {
    return { ok: false, reason: `${contentHeader} does not match the body` };
  }
  const signedDate = (headers['x-acs-date'] ?? '').slice(0, 10).replace(/-/g, '');
  if (authorization.date !== signedDate) {
    return { ok: false, reason: 'the Credential date is not the date of x-acs-date' };
  }

  const canonicalRequest = buildCanonicalRequest({
    bareEmptyValues: true,
    method: input.method,
    path: input.path,
    query: input.query,
    signedHeaders: signedNames.map((name) => [name, headers[name] ?? '']),
    payloadHash,
  });
  const stringToSign = `${algorithm}\n${digestHex(algorithm, canonicalRequest)}`;
  const expected = createHmac(
    hashOf(algorithm),
    acs4SigningKey(algorithm, input.secret, authorization)
  )
    .update(stringToSign, 'utf8')
    .digest('hex');
  if (equalInConstantTime(authorization.signature, expected)) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'Specified signature is not matched with our calculation.',
    canonicalRequest,
    stringToSign,
  };
};
