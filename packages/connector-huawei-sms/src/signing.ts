/**
 * Huawei Cloud MSGSMS X-WSSE authentication (https://support.huaweicloud.com/api-msgsms/,
 * 如何调用API → 认证鉴权): `Authorization: WSSE realm="SDP",profile="UsernameToken",type="Appkey"`
 * plus `X-WSSE: UsernameToken Username="<app_key>",PasswordDigest="…",Nonce="…",Created="…"`.
 */
import { createHash, randomBytes } from 'node:crypto';

export const huaweiWsseAuthorization = 'WSSE realm="SDP",profile="UsernameToken",type="Appkey"';

/** Digits and letters, 1–128 characters. */
export const huaweiWsseNoncePattern = /^[0-9A-Za-z]{1,128}$/;

/** `yyyy-MM-ddTHH:mm:ssZ` in UTC, to the second: the platform refuses milliseconds. */
export const huaweiWsseCreated = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Base64 of the lower-case *hex string* of SHA-256(Nonce + Created + app_secret), not of the raw
 * digest bytes: the doc's example digest `NDA1MWIw…` decodes to the text `4051b062…`.
 */
export const huaweiWsseDigest = (nonce: string, created: string, appSecret: string): string => {
  const hex = createHash('sha256').update(`${nonce}${created}${appSecret}`, 'utf8').digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
};

/** Both headers of one request; sign afresh per attempt (each needs its own nonce). */
export const signHuaweiWsse = (input: {
  appKey: string;
  appSecret: string;
  /** Default: now. */
  epochMs?: number;
  /** Default: 32 random hex digits. */
  nonce?: string;
}): { authorization: string; xWsse: string; nonce: string; created: string } => {
  const nonce = input.nonce ?? randomBytes(16).toString('hex');
  if (!huaweiWsseNoncePattern.test(nonce)) {
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
};
