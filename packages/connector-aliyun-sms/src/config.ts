import { createConfigCache } from '@duanxin/shared';

import { defaultEndpoint, regionHosts } from './constant.js';
import { buildAcs3Request, buildRpcRequest } from './request.js';
import { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: AliyunSmsConfig) => ({
  ...config,
  origin:
    config.endpoint ??
    (config.regionId ? `https://${regionHosts[config.regionId] ?? ''}` : defaultEndpoint),
  buildRequest: config.signatureVersion === 'v3' ? buildAcs3Request : buildRpcRequest,
  templateParamName: config.templateParamName ?? 'code',
});

export type PreparedAliyunConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('aliyun', aliyunSmsConfigGuard, prepareConfig);
