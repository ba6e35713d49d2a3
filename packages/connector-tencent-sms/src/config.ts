import { createConfigCache, formPlaceholders, usableTemplates } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { tencentSmsConfigGuard, type TencentSmsConfig } from './types.js';

const placeholders = formPlaceholders(defaultMetadata);

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: TencentSmsConfig) => ({
  ...config,
  // A template left as the form's placeholder is none: its usage type falls back to Generic.
  templates: usableTemplates(config.templates, placeholders, 'tencent'),
  origin: config.endpoint ?? defaultEndpoint,
});

export type PreparedTencentConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('tencent', tencentSmsConfigGuard, prepareConfig);

/**
 * Logto issue #7373: numbers outside mainland China go through the international app when one is
 * set. Tencent needs no signature for them, so none is sent unless one is configured.
 */
export const chooseSender = (config: PreparedTencentConfig, mainland: boolean) =>
  mainland
    ? { sdkAppId: config.sdkAppId, signName: config.signName }
    : { sdkAppId: config.overseasSdkAppId ?? config.sdkAppId, signName: config.overseasSignName };
