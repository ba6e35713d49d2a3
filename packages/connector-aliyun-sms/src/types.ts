import { z } from 'zod';
import { commonConfigShape, regionalGuard, templatesGuard } from '@duanxin/shared';

import { regionHosts } from './constant.js';

/** A superset of `@logto/connector-aliyun-sms`'s config: every official config works unchanged. */
export const aliyunSmsConfigGuard = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  signName: z.string().min(1),
  templates: templatesGuard({
    /** Kept from the official connector's config (SmsTemplateType); not used when sending. */
    type: z.number().optional(),
    /** `{ china, overseas }`: Hong Kong, Macau and Taiwan numbers take the overseas template. */
    templateCode: regionalGuard(z.string().min(1)),
    /**
     * Static values for the template's other variables, e.g. `{ "time": "5" }` for `${time}`;
     * or `{ china, overseas }` when the two templates differ.
     */
    params: regionalGuard(z.record(z.string())).optional(),
  }),
  strictPhoneRegionNumberCheck: z.boolean().optional(),
  templateParamName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a template variable name such as code')
    .optional(),
  regionId: z
    .string()
    .refine(
      (region) => region in regionHosts,
      `must be one of ${Object.keys(regionHosts).join(', ')}`
    )
    .optional(),
  securityToken: z.string().min(1).optional(),
  signatureVersion: z.enum(['v1', 'v3']).optional(),
  ...commonConfigShape,
});

export type AliyunSmsConfig = z.infer<typeof aliyunSmsConfigGuard>;

export type AliyunTemplate = AliyunSmsConfig['templates'][number];
