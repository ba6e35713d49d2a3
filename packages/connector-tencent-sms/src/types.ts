import { z } from 'zod';
import {
  commonConfigShape,
  genericTemplateIssue,
  regionalGuard,
  requireGenericTemplate,
} from '@duanxin/shared';

import { tencentRegions } from './constant.js';

/** `{ china, overseas }`: Hong Kong, Macau and Taiwan numbers take the overseas template. */
const templateCodeGuard = regionalGuard(z.string().min(1));

const templateGuard = z.object({
  usageType: z.string().min(1),
  templateCode: templateCodeGuard,
  /** Static values for `{2}`, `{3}`…: `{1}` is always the code. */
  params: regionalGuard(z.array(z.string())).optional(),
});

export type TencentTemplate = z.infer<typeof templateGuard>;

/** A superset of `@logto/connector-tencent-sms`'s config: every official config works unchanged. */
export const tencentSmsConfigGuard = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  signName: z.string().min(1),
  sdkAppId: z.string().min(1),
  region: z.enum(tencentRegions),
  templates: z.array(templateGuard).refine(requireGenericTemplate, genericTemplateIssue),
  /** Temporary credentials (STS): sent as `X-TC-Token`. */
  token: z.string().min(1).optional(),
  /** Logto issue #7373: a separate international app, used for numbers outside mainland China. */
  overseasSdkAppId: z.string().min(1).optional(),
  overseasSignName: z.string().min(1).optional(),
  ...commonConfigShape,
});

export type TencentSmsConfig = z.infer<typeof tencentSmsConfigGuard>;
