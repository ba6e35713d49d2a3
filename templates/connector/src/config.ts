import { createConfigCache } from '@duanxin/shared';

import { defaultEndpoint } from './constant.js';
import { __camel__SmsConfigGuard, type __Pascal__SmsConfig } from './types.js';

/**
 * Everything a request needs that depends only on the config, computed once per distinct config:
 * Logto creates the connector anew for every code, so per-instance work would be redone per SMS.
 */
const prepareConfig = (config: __Pascal__SmsConfig) => ({
  ...config,
  origin: config.endpoint ?? defaultEndpoint,
});

export type Prepared__Pascal__Config = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('__name__', __camel__SmsConfigGuard, prepareConfig);
