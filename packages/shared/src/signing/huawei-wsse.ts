/**
 * Huawei Cloud MSGSMS X-WSSE authentication (https://support.huaweicloud.com/api-msgsms/,
 * 如何调用API → 认证鉴权): `Authorization: WSSE realm="SDP",profile="UsernameToken",type="Appkey"`
 * plus `X-WSSE: UsernameToken Username="<app_key>",PasswordDigest="…",Nonce="…",Created="…"`.
 */
import { createHash, randomBytes } from 'node:crypto';

import { equalInConstantTime, normaliseIncomingHeaders } from './primitives.js';
import type { SignatureCheck } from './types.js';

export const huaweiWsseAuthorization = 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"';

/** Digits and letters, 1–128 characters. */
const noncePattern = /^[0-9A-Za-z]{1,128}$/;
const createdPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export type HuaweiWsseToken = {
  /** The app_key. */
  username: string;
  passwordDigest: string;
  nonce: string;
  created: string;
};

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, to the second: the platform refuses milliseconds. */
export const huaweiWsseCreated = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Base64 of the lower-case *hex string* of SHA-256(Nonce + Created + app_secret), not of the raw
 * digest bytes: the doc's example digest `NDA1MWIw…` decodes to the text `4051b062…`.
 */
export function huaweiWsseDigest(nonce: string, created: string, appSecret: string): string {
  const hex = createHash('sha256').update(`${nonce}${created}${appSecret}`, 'utf8').digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

/** Both headers of one request; sign afresh per attempt (each needs its own nonce). */
export function signHuaweiWsse(input: {
  appKey: string;
  appSecret: string;
  /** Default: now. */
  epochMs?: number;
  /** Default: 32 random hex digits. */
  nonce?: string;
}): { authorization: string; xWsse: string; nonce: string; created: string } {
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  if (!noncePattern.test(nonce)) {
    throw new Error('a WSSE nonce is 1-128 digits and letters');
  }
  const created = huaweiWsseCreated(input.epochMs ?? Date.now());
  const digest = huaweiWsseDigest(nonce, created, input.appSecret);
  return {
    authorization: huaweiWsseAuthorization,
    xWsse: `UsernameToken Username="${input.appKey}",PasswordDigest="${digest}",Nonce="${nonce}",Created="${created}"`,
    nonce,
    created,
  };
}

/** Reads `X-WSSE`; attributes in any order, optional spaces after the commas. */
export function parseHuaweiWsse(value: string): HuaweiWsseToken | undefined {
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
}

/**
 * The token of a request whose headers are well formed, or why they are not. Which app_secret to
 * verify with depends on `token.username`, so verification is a second step.
 */
export function readHuaweiWsse(
  headers: Record<string, string | string[] | undefined>
): { ok: true; token: HuaweiWsseToken } | { ok: false; reason: string } {
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
}

/** Checks the digest only; the Created window and nonce reuse are the caller's policy. */
export function verifyHuaweiWsse(token: HuaweiWsseToken, appSecret: string): SignatureCheck {
  const expected = huaweiWsseDigest(token.nonce, token.created, appSecret);
  return equalInConstantTime(token.passwordDigest, expected)
    ? { ok: true }
    : { ok: false, reason: 'PasswordDigest does not match' };
}

/** Seconds between Created and `epochMs` (positive when Created is in the past). */
export const huaweiWsseAgeSeconds = (token: HuaweiWsseToken, epochMs: number): number =>
  (epochMs - Date.parse(token.created)) / 1000;
