/**
 * Tencent Cloud API 3.0 signature v1 (`SignatureMethod` HmacSHA1 or HmacSHA256), which the
 * official Node SDK sends when `profile.signMethod` asks for it (docs/providers.md §2.2). The connector
 * signs with TC3 (signing.ts); the emulator verifies both.
 */
import { createHmac } from 'node:crypto';

import { equalInConstantTime, type SignatureCheck } from '@duanxin/shared';

export const TENCENT_V1_METHODS = ['HmacSHA1', 'HmacSHA256'] as const;
export type TencentV1Method = (typeof TENCENT_V1_METHODS)[number];

const HASHES: Record<TencentV1Method, 'sha1' | 'sha256'> = {
  HmacSHA1: 'sha1',
  HmacSHA256: 'sha256',
};

/**
 * `POST` + host + path + `?` + every parameter but `Signature` as `name=value`, sorted by name,
 * values as they are (not percent-encoded): `POSTsms.tencentcloudapi.com/?Action=SendSms&…`.
 * The host is the one requested, with its port when it has one.
 */
export const tencentV1StringToSign = (input: {
  method: string;
  host: string;
  path?: string;
  params: Record<string, string>;
}): string => {
  const pairs = Object.keys(input.params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${name}=${input.params[name] ?? ''}`);
  return `${input.method.toUpperCase()}${input.host}${input.path ?? '/'}?${pairs.join('&')}`;
};

/** Base64 HMAC of the string to sign, keyed with the SecretKey as it is. */
export const signTencentV1 = (input: {
  method: string;
  host: string;
  path?: string;
  params: Record<string, string>;
  secretKey: string;
  signatureMethod: TencentV1Method;
}): string => {
  return createHmac(HASHES[input.signatureMethod], input.secretKey)
    .update(tencentV1StringToSign(input), 'utf8')
    .digest('base64');
};

/**
 * `params` are the decoded query or form-body parameters, `Signature` and `SignatureMethod`
 * included. Only `SignatureMethod=HmacSHA256` is checked with HMAC-SHA256; anything else, or none,
 * with HMAC-SHA1, as the API does (docs/providers.md §2.2).
 */
export const verifyTencentV1 = (input: {
  method: string;
  host: string;
  path?: string;
  params: Record<string, string>;
  secretKey: string;
}): SignatureCheck => {
  const provided = input.params.Signature;
  if (provided === undefined || provided === '') {
    return { ok: false, reason: 'missing Signature parameter' };
  }
  const signatureMethod = input.params.SignatureMethod === 'HmacSHA256' ? 'HmacSHA256' : 'HmacSHA1';
  if (equalInConstantTime(provided, signTencentV1({ ...input, signatureMethod }))) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'signature does not match',
    stringToSign: tencentV1StringToSign(input),
  };
};
