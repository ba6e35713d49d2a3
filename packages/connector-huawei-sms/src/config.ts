import { createConfigCache, formPlaceholders, usableTemplates } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { huaweiSmsConfigGuard, type HuaweiSmsConfig } from './types.js';

const placeholders = formPlaceholders(defaultMetadata);

/**
 * Everything a request needs that depends only on the config, computed once per distinct config:
 * Logto creates the connector anew for every code, so per-instance work would be redone per SMS.
 */
const prepareConfig = (config: HuaweiSmsConfig) => ({
  ...config,
  // A template left as the form's placeholder is none: its usage type falls back to Generic.
  templates: usableTemplates(config.templates, placeholders, 'huawei'),
  origin: config.endpoint ?? defaultEndpoint,
});

export type PreparedHuaweiConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('huawei', huaweiSmsConfigGuard, prepareConfig);

/**
 * Mainland numbers go through the mainland app and channel; all others through the international
 * (国际/港澳台) ones when configured. The signature only serves mainland general templates.
 */
export const chooseSender = (config: PreparedHuaweiConfig, mainland: boolean) =>
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
