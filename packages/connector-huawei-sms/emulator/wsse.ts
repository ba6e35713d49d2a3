/**
 * The X-WSSE verifier of the emulation: reads a request's headers and checks its digest
 * (the signer is `src/signing.ts`).
 */
import {
  equalInConstantTime,
  normaliseIncomingHeaders,
  type SignatureCheck,
} from '@duanxin/shared';

import {
  huaweiWsseAuthorization,
  huaweiWsseDigest,
  huaweiWsseNoncePattern as noncePattern,
} from '../src/signing.js';

const createdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export type HuaweiWsseToken = {
  /** The app_key. */
  username: string;
  passwordDigest: string;
  nonce: string;
  created: string;
};

/** Reads `X-WSSE`; attributes in any order, optional spaces after the commas. */
export const parseHuaweiWsse = (value: string): HuaweiWsseToken | undefined => {
  const match = /^UsernameToken\s+(.+)$/.exec(value.trim());
  if (!match?.[1]) {
    return undefined;
  }
  const attributes = new Map<string, string>();
  for (const part of match[1].matchAll(/(\w+)="([^"]*)"/g)) {
    attributes.set(part[1] ?? '', part[2] ?? '');
  }
  const username = attributes.get('Username');
  const passwordDigest = attributes.get('PasswordDigest');
  const nonce = attributes.get('Nonce');
  const created = attributes.get('Created');
  if (!username || !passwordDigest || !nonce || !created) {
    return undefined;
  }
  return { username, passwordDigest, nonce, created };
};

/**
 * The token of a request whose headers are well formed, or why they are not. Which app_secret to
 * verify with depends on `token.username`, so verification is a second step.
 */
export const readHuaweiWsse = (
  headers: Record<string, string | string[] | undefined>
): { ok: true; token: HuaweiWsseToken } | { ok: false; reason: string } => {
  const normalised = normaliseIncomingHeaders(headers);
  const authorization = normalised.authorization?.replace(/\s*,\s*/g, ',').trim();
  if (authorization === undefined) {
    return { ok: false, reason: 'missing Authorization header' };
  }
  if (authorization !== huaweiWsseAuthorization) {
    return { ok: false, reason: `Authorization must be ${huaweiWsseAuthorization}` };
  }
  const header = normalised['x-wsse'];
  if (header === undefined) {
    return { ok: false, reason: 'missing X-WSSE header' };
  }
  const token = parseHuaweiWsse(header);
  if (!token) {
    return { ok: false, reason: 'malformed X-WSSE header' };
  }
  if (!noncePattern.test(token.nonce)) {
    return { ok: false, reason: 'Nonce must be 1-128 digits and letters' };
  }
  if (!createdPattern.test(token.created)) {
    return { ok: false, reason: 'Created must be yyyy-MM-ddTHH:mm:ssZ' };
  }
  return { ok: true, token };
};

/** Checks the digest only; the Created window and nonce reuse are the caller's policy. */
export const verifyHuaweiWsse = (token: HuaweiWsseToken, appSecret: string): SignatureCheck => {
  const expected = huaweiWsseDigest(token.nonce, token.created, appSecret);
  return equalInConstantTime(token.passwordDigest, expected)
    ? { ok: true }
    : { ok: false, reason: 'PasswordDigest does not match' };
};

/** Seconds between Created and `epochMs` (positive when Created is in the past). */
export const huaweiWsseAgeSeconds = (token: HuaweiWsseToken, epochMs: number): number =>
  (epochMs - Date.parse(token.created)) / 1000;
