import { createHmac } from 'node:crypto';

import { equalInConstantTime, percentEncode, type SignatureCheck } from '@duanxin/shared';

const SIGNATURE_PARAM = 'Signature';

/** `pe(k)=pe(v)` joined by `&`, every parameter except `Signature` (docs/providers.md §1.4 item 2). */
export const aliyunRpcCanonicalQuery = (params: Record<string, string>): string => {
  // The default sort compares UTF-16 code units, so `SignName` < `SignatureMethod`
  // (docs/providers.md §1.4 item 2). localeCompare would put them the other way round.
  return Object.keys(params)
    .filter((name) => name !== SIGNATURE_PARAM)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
};

/** Starts with the request's actual method, even for a POST carrying its params in the query (§1.4 item 3). */
export const aliyunRpcStringToSign = (method: string, params: Record<string, string>): string => {
  const canonicalQuery = aliyunRpcCanonicalQuery(params);
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonicalQuery)}`;
};

/** Base64 HMAC-SHA1 signature of Aliyun RPC signature V1 (`SignatureVersion=1.0`). */
export const signAliyunRpc = (
  params: Record<string, string>,
  secret: string,
  method: 'GET' | 'POST'
): string => {
  return hmacSha1Base64(secret, aliyunRpcStringToSign(method, params));
};

/**
 * `params` are the decoded query and form-body parameters merged, `Signature` included.
 * On a mismatch the string to sign is returned because the real API echoes it
 * ("server string to sign is:…").
 */
export const verifyAliyunRpc = (input: {
  method: string;
  params: Record<string, string>;
  secret: string;
}): SignatureCheck => {
  const provided = input.params[SIGNATURE_PARAM];
  if (provided === undefined || provided === '') {
    return { ok: false, reason: 'missing Signature parameter' };
  }
  const stringToSign = aliyunRpcStringToSign(input.method, input.params);
  if (equalInConstantTime(provided, hmacSha1Base64(input.secret, stringToSign))) {
    return { ok: true };
  }
  return {
    ok: false,
    reason: 'Specified signature is not matched with our calculation.',
    stringToSign,
  };
};

const hmacSha1Base64 = (secret: string, stringToSign: string): string => {
  // The V1 key is the secret plus `&` (docs/providers.md §1.4 item 4).
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
};
