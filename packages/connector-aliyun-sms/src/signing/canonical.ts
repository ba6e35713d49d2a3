/**
 * What V3 (ACS3) and V4 (ACS4) signatures share (docs/providers.md §1.2): which headers are
 * signed, the canonical request, its digest, and the checks of a request's signed headers.
 */
import { createHash } from 'node:crypto';
import { percentEncode, type SignatureCheck } from '@duanxin/shared';

// docs/providers.md §1.4 item 9: the emulator's policy for the headers a request must sign.
export const requiredSignedHeaders: readonly string[] = [
  'host',
  'x-acs-action',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
];

/** host, content-type and every `x-acs-*` header, as the SDKs and the gateway sign them. */
export const isSignedHeader = (name: string): boolean =>
  name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

/** `…-SM3` algorithms hash with SM3 (Node's is OpenSSL's GB/T 32905), the others SHA-256. */
export const hashOf = (algorithm: string): 'sha256' | 'sm3' =>
  algorithm.endsWith('-SM3') ? 'sm3' : 'sha256';

export const digestHex = (algorithm: string, data: string | Buffer): string =>
  createHash(hashOf(algorithm)).update(data).digest('hex');

export const buildCanonicalRequest = (parts: {
  method: string;
  path: string;
  query: Record<string, string>;
  signedHeaders: [name: string, value: string][];
  payloadHash: string;
  /** V4 writes a parameter with an empty value as its name alone; V3 as `name=`. */
  bareEmptyValues?: boolean;
}): string => {
  const canonicalQuery = Object.keys(parts.query)
    .sort()
    .map((name) => {
      const value = parts.query[name] ?? '';
      return value === '' && parts.bareEmptyValues
        ? percentEncode(name)
        : `${percentEncode(name)}=${percentEncode(value)}`;
    })
    .join('&');
  return [
    parts.method.toUpperCase(),
    parts.path,
    canonicalQuery,
    parts.signedHeaders.map(([name, value]) => `${name}:${value.trim()}\n`).join(''),
    parts.signedHeaders.map(([name]) => name).join(';'),
    parts.payloadHash,
  ].join('\n');
};

/** The signed headers the policy requires are signed, and each signed header is present. */
export const checkSignedHeaders = (
  signedNames: readonly string[],
  headers: Record<string, string | undefined>,
  required: readonly string[]
): SignatureCheck | undefined => {
  const unsigned = required.filter((name) => !signedNames.includes(name));
  if (unsigned.length > 0) {
    return { ok: false, reason: `SignedHeaders must include ${unsigned.join(', ')}` };
  }
  const absent = signedNames.filter((name) => headers[name] === undefined);
  return absent.length > 0
    ? { ok: false, reason: `signed headers missing from the request: ${absent.join(', ')}` }
    : undefined;
};
