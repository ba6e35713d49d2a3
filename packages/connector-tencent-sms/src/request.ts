import type { Prepared, ProviderRequest } from '@duanxin/shared';

import { apiVersion, signingService } from './constant.js';
import { signTencentTc3 } from './signing.js';
import { tencentTemplateParamSet } from './templates.js';
import type { TencentSmsConfig } from './types.js';

export type TencentCredentials = {
  accessKeyId: string;
  accessKeySecret: string;
  token?: string;
  region: string;
};

// Signed byte for byte: `application/json` would give another signature (docs/providers.md §2.4 item 2).
const contentType = 'application/json; charset=utf-8';

/**
 * API 3.0 POST with a JSON body, TC3-HMAC-SHA256. Signed afresh per attempt (new timestamp), and
 * `host` is signed exactly as sent: with its port, unlike the official Node SDK
 * (docs/providers.md §2.4 item 6).
 */
export const buildTc3Request = (
  origin: string,
  action: string,
  body: string,
  credentials: TencentCredentials
): ProviderRequest => {
  const url = new URL('/', origin);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-tc-action': action,
    'x-tc-version': apiVersion,
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': credentials.region,
    ...(credentials.token && { 'x-tc-token': credentials.token }),
  };
  const { authorization } = signTencentTc3({
    secretId: credentials.accessKeyId,
    secretKey: credentials.accessKeySecret,
    service: signingService,
    timestamp,
    // Spreads last: properties after a leading spread take V8's slow path (docs/benchmarks.md).
    headers: { host: url.host, ...headers },
    body,
  });
  return {
    url,
    method: 'POST',
    headers: Object.assign({}, headers, { authorization, accept: 'application/json' }),
    body,
  };
};

/**
 * Logto issue #7373: numbers outside mainland China go through the international app when one is
 * set. Tencent needs no signature for them, so none is sent unless one is configured.
 */
export const chooseSender = (config: TencentSmsConfig, mainland: boolean) =>
  mainland
    ? { sdkAppId: config.sdkAppId, signName: config.signName }
    : { sdkAppId: config.overseasSdkAppId ?? config.sdkAppId, signName: config.overseasSignName };

/** SendSms's JSON body for one number, in E.164 with `+` (docs/providers.md §2.1). */
export const sendSmsBody = (
  config: Prepared<TencentSmsConfig>,
  send: { mainland: boolean; phoneNumber: string; templateCode: string; code: string },
  params: readonly string[] | undefined
): string => {
  const sender = chooseSender(config, send.mainland);
  return JSON.stringify({
    PhoneNumberSet: [send.phoneNumber],
    SmsSdkAppId: sender.sdkAppId,
    ...(sender.signName && { SignName: sender.signName }),
    TemplateId: send.templateCode,
    // Only the code and the template's static values: never payload keys such as uiLocales.
    TemplateParamSet: tencentTemplateParamSet(send.code, params),
  });
};
