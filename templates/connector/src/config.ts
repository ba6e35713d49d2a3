import { createConfigCache, formPlaceholders, usableTemplates } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { __camel__SmsConfigGuard, type __Pascal__SmsConfig } from './types.js';

const placeholders = formPlaceholders(defaultMetadata);

/**
 * Everything a request needs that depends only on the config, computed once per distinct config:
 * Logto creates the connector anew for every code, so per-instance work would be redone per SMS.
 */
const prepareConfig = (config: __Pascal__SmsConfig) => ({
  ...config,
  // A template left as the form's placeholder is none: its usage type falls back to Generic.
  templates: usableTemplates(config.templates, placeholders, '__name__'),
  origin: config.endpoint ?? defaultEndpoint,
});

export type Prepared__Pascal__Config = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('__name__', __camel__SmsConfigGuard, prepareConfig);
