import { z } from 'zod';
import { commonConfigShape, regionalGuard, templatesGuard } from '@duanxin/shared';

import { tencentRegions } from './constant.js';

/** A superset of `@logto/connector-tencent-sms`'s config: every official config works unchanged. */
export const tencentSmsConfigGuard = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  signName: z.string().min(1),
  sdkAppId: z.string().min(1),
  region: z.enum(tencentRegions),
  templates: templatesGuard({
    /** `{ china, overseas }`: Hong Kong, Macau and Taiwan numbers take the overseas template. */
    templateCode: regionalGuard(z.string().min(1)),
    /** Static values for `{2}`, `{3}`…: `{1}` is always the code. */
    params: regionalGuard(z.array(z.string())).optional(),
  }),
  /** Temporary credentials (STS): sent as `X-TC-Token`. */
  token: z.string().min(1).optional(),
  /** Logto issue #7373: a separate international app, used for numbers outside mainland China. */
  overseasSdkAppId: z.string().min(1).optional(),
  overseasSignName: z.string().min(1).optional(),
  ...commonConfigShape,
});

export type TencentSmsConfig = z.infer<typeof tencentSmsConfigGuard>;

export type TencentTemplate = TencentSmsConfig['templates'][number];
