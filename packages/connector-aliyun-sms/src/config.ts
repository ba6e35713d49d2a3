import { createConfigCache, formPlaceholders, usableTemplates } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata, regionHosts } from './constant.js';
import { buildAcs3Request, buildRpcRequest } from './request.js';
import { aliyunSmsConfigGuard, type AliyunSmsConfig } from './types.js';

const placeholders = formPlaceholders(defaultMetadata);

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: AliyunSmsConfig) => ({
  ...config,
  // A template left as the form's placeholder is none: its usage type falls back to Generic.
  templates: usableTemplates(config.templates, placeholders, 'aliyun'),
  origin:
    config.endpoint ??
    (config.regionId ? `https://${regionHosts[config.regionId] ?? ''}` : defaultEndpoint),
  buildRequest: config.signatureVersion === 'v3' ? buildAcs3Request : buildRpcRequest,
  templateParamName: config.templateParamName ?? 'code',
});

export type PreparedAliyunConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('aliyun', aliyunSmsConfigGuard, prepareConfig);
