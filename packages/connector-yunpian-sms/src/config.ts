import { createConfigCache } from '@duanxin/shared';

import { defaultEndpoint } from './constant.js';
import { yunpianSmsConfigGuard, type YunpianSmsConfig } from './types.js';

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: YunpianSmsConfig) => ({
  ...config,
  origin: config.endpoint ?? defaultEndpoint,
});

export type PreparedYunpianConfig = ReturnType<typeof prepareConfig>;

/** Validates a config (throwing `invalid_config` with readable issues) and prepares it, cached. */
export const readConfig = createConfigCache('yunpian', yunpianSmsConfigGuard, prepareConfig);
