import { z } from 'zod';
import { commonConfigShape, regionalGuard, templatesGuard } from '@duanxin/shared';

export const huaweiSmsConfigGuard = z
  .object({
    appKey: z.string().min(1),
    appSecret: z.string().min(1),
    /** 签名通道号, sent as `from`. */
    sender: z.string().min(1),
    /** 签名名称: needed with a general template (通用模板) for mainland numbers. */
    signature: z.string().min(1).optional(),
    templates: templatesGuard({
      /** 模板ID (1–32 characters); `{ china, overseas }` for a separate international template. */
      templateId: regionalGuard(z.string().min(1).max(32)),
      /**
       * Values of `${2}`, `${3}`…: `${1}` is always the code. The platform refuses an empty value
       * (E200028), so empty strings are refused here, before anything is sent.
       */
      params: regionalGuard(z.array(z.string().min(1))).optional(),
    }),
    /** Channel number of the international / HK-Macau-Taiwan app. */
    overseasSender: z.string().min(1).optional(),
    /** Credentials of that app when it is not the mainland one. */
    overseasAppKey: z.string().min(1).optional(),
    overseasAppSecret: z.string().min(1).optional(),
    ...commonConfigShape,
  })
  .superRefine((config, context) => {
    if ((config.overseasAppKey === undefined) !== (config.overseasAppSecret === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [config.overseasAppKey === undefined ? 'overseasAppKey' : 'overseasAppSecret'],
        message: 'overseasAppKey and overseasAppSecret go together',
      });
    }
  });

export type HuaweiSmsConfig = z.infer<typeof huaweiSmsConfigGuard>;

export type HuaweiTemplate = HuaweiSmsConfig['templates'][number];
