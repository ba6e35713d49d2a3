import type { ProviderRequest } from '@duanxin/shared';

import { apiVersion, signingService } from './constant.js';
import { signTencentTc3 } from './signing.js';

export type TencentCredentials = {
  accessKeyId: string;
  accessKeySecret: string;
  token?: string;
  region: string;
};

// Signed byte for byte: `application/json` would give another signature (providers.md §0.1 item 8).
const contentType = 'application/json; charset=utf-8';

/**
 * API 3.0 POST with a JSON body, TC3-HMAC-SHA256. Signed afresh per attempt (new timestamp), and
 * `host` is signed exactly as sent: with its port, unlike the official Node SDK (providers.md §B.8).
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
