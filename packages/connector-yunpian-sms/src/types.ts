import { z } from 'zod';
import {
  commonConfigShape,
  genericTemplateIssue,
  regionalGuard,
  requireGenericTemplate,
} from '@duanxin/shared';

import { contentTemplateIssue } from './content.js';

const contentGuard = z.string().superRefine((content, context) => {
  const issue = contentTemplateIssue(content);
  if (issue) {
    context.addIssue({ code: 'custom', message: issue });
  }
});

const templateGuard = z.object({
  usageType: z.string().min(1),
  /**
   * The text as sent, `{{code}}` where the approved template has `#code#`; or
   * `{ china, overseas }`, since YunPian approves domestic and international templates separately.
   */
  content: regionalGuard(contentGuard),
});

export type YunpianTemplate = z.infer<typeof templateGuard>;

/** A superset of `@logto/connector-yunpian-sms`'s config: every official config works unchanged. */
export const yunpianSmsConfigGuard = z.object({
  apikey: z.string().min(1),
  templates: z.array(templateGuard).refine(requireGenericTemplate, genericTemplateIssue),
  enableInternational: z.boolean().optional(),
  unsupportedCountriesMsg: z.string().optional(),
  ...commonConfigShape,
});

export type YunpianSmsConfig = z.infer<typeof yunpianSmsConfigGuard>;
