import { createConfigCache } from '@duanxin/shared';

import { defaultEndpoint } from './constant.js';
import { tencentSmsConfigGuard, type TencentSmsConfig } from './types.js';

/** Everything a request needs that depends only on the config: computed once per distinct config. */
const prepareConfig = (config: TencentSmsConfig) => ({
  ...config,
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
