import { z } from 'zod';
import { commonConfigShape, regionalGuard, templatesGuard } from '@duanxin/shared';

import { contentTemplateIssue } from './content.js';

const contentGuard = z.string().superRefine((content, context) => {
  const issue = contentTemplateIssue(content);
  if (issue) {
    context.addIssue({ code: 'custom', message: issue });
  }
});

/** A superset of `@logto/connector-yunpian-sms`'s config: every official config works unchanged. */
export const yunpianSmsConfigGuard = z.object({
  apikey: z.string().min(1),
  templates: templatesGuard({
    /**
     * The text as sent, `{{code}}` where the approved template has `#code#`; or `{ china,
     * overseas }`, since YunPian approves domestic and international templates separately.
     */
    content: regionalGuard(contentGuard),
  }),
  enableInternational: z.boolean().optional(),
  unsupportedCountriesMsg: z.string().optional(),
  ...commonConfigShape,
});

export type YunpianSmsConfig = z.infer<typeof yunpianSmsConfigGuard>;

export type YunpianTemplate = YunpianSmsConfig['templates'][number];
