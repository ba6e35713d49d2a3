import { createConfigCache, formPlaceholders, usableTemplates } from '@duanxin/shared';

import { defaultEndpoint, defaultMetadata } from './constant.js';
import { yunpianSmsConfigGuard, type YunpianSmsConfig } from './types.js';

const placeholders = formPlaceholders(defaultMetadata);

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: YunpianSmsConfig) => ({
  ...config,
  // A template left as the form's placeholder is none: its usage type falls back to Generic.
  templates: usableTemplates(config.templates, placeholders, 'yunpian'),
  origin: config.endpoint ?? defaultEndpoint,
});

export type PreparedYunpianConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('yunpian', yunpianSmsConfigGuard, prepareConfig);
