/**
 * For operator tools (the `duanxin` CLI): a check of the config that sends no SMS, on the config
 * as the core prepared it. EXAMPLE: the example protocol has no read-only API, so every item is
 * "unverified"; ask the provider's query APIs here if it has some (see the Aliyun connector).
 */
import { checkItem, regionalRoles, type CheckItem, type Prepared } from '@duanxin/shared';

import type { __Pascal__SmsConfig } from './types.js';

const unverified = 'the provider offers no read-only API to ask';

export const check__Pascal__Account = (config: Prepared<__Pascal__SmsConfig>): CheckItem[] => {
  const templateIds = new Set(
    config.templates.flatMap((template) =>
      regionalRoles(template.templateId).map(({ value, role }) =>
        role === 'both' ? value : `${value} (${role})`
      )
    )
  );
  return [
    checkItem('credentials', 'unverified', unverified),
    checkItem(`signName "${config.signName}"`, 'unverified', unverified),
    ...[...templateIds].map((id) => checkItem(`template ${id}`, 'unverified', unverified)),
  ];
};
