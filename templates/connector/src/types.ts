import { z } from 'zod';
import {
  commonConfigShape,
  genericTemplateIssue,
  regionalGuard,
  requireGenericTemplate,
} from '@duanxin/shared';

const templateGuard = z.object({
  usageType: z.string().min(1),
  /** `{ china, overseas }`: providers approve domestic and international templates separately. */
  templateId: regionalGuard(z.string().min(1)),
  /** Static values of the template's variables after the code (never payload keys). */
  params: z.array(z.string()).optional(),
});

export type __Pascal__Template = z.infer<typeof templateGuard>;

/** Keep the official Logto connector's field names, if there is one: its configs then carry over. */
export const __camel__SmsConfigGuard = z.object({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  signName: z.string().min(1),
  templates: z.array(templateGuard).refine(requireGenericTemplate, genericTemplateIssue),
  ...commonConfigShape,
});

export type __Pascal__SmsConfig = z.infer<typeof __camel__SmsConfigGuard>;
