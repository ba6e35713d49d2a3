import type { ProviderRequest } from '@duanxin/shared';

import { batchSendPath } from './constant.js';
import { signHuaweiWsse } from './signing.js';
import type { HuaweiSmsConfig } from './types.js';

export type BatchSendFields = {
  /** Channel number. */
  from: string;
  /** E.164 with `+`; several would be comma-separated, we always send one. */
  to: string;
  templateId: string;
  /** A JSON array string: `["123456","5"]`. */
  templateParas: string;
  signature?: string;
};

export type HuaweiCredentials = { appKey: string; appSecret: string };

/**
 * 发送短信 (batchSendSms/v1): a form POST authenticated with X-WSSE. URLSearchParams encodes the
 * number's `+` as `%2B`; a bare `+` would arrive as a space. Signed afresh per attempt (new
 * nonce and Created).
 */
export const buildBatchSendRequest = (
  origin: string,
  fields: BatchSendFields,
  credentials: HuaweiCredentials
): ProviderRequest => {
  const { authorization, xWsse } = signHuaweiWsse(credentials);
  const form = new URLSearchParams({
    from: fields.from,
    to: fields.to,
    templateId: fields.templateId,
    templateParas: fields.templateParas,
    ...(fields.signature && { signature: fields.signature }),
  });
  return {
    url: new URL(batchSendPath, origin),
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization,
      'x-wsse': xWsse,
    },
    body: form.toString(),
  };
};

/**
 * Mainland numbers go through the mainland app and channel; all others through the international
 * (国际/港澳台) ones when configured. The signature only serves mainland general templates.
 */
export const chooseSender = (config: HuaweiSmsConfig, mainland: boolean) =>
  mainland
    ? {
        from: config.sender,
        signature: config.signature,
        credentials: { appKey: config.appKey, appSecret: config.appSecret },
      }
    : {
        from: config.overseasSender ?? config.sender,
        signature: undefined,
        credentials: {
          appKey: config.overseasAppKey ?? config.appKey,
          appSecret: config.overseasAppSecret ?? config.appSecret,
        },
      };
