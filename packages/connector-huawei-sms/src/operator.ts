/**
 * For operator tools (the `duanxin` CLI): what a config check can say. MSGSMS offers no read-only call with APP_Key/APP_Secret (its template and
 * signature APIs take an IAM token and project id), so every item is "unverified", with where
 * to look in the console; `duanxin send` to a test number is the real check.
 */
import { checkItem, regionalRoles, type CheckItem } from '@duanxin/shared';

import type { HuaweiSmsConfig } from './types.js';

const unverified = 'MSGSMS has no read-only API for app credentials';

export const checkHuaweiApp = (config: HuaweiSmsConfig): CheckItem[] => {
  const templateIds = new Set(
    config.templates.flatMap((template) =>
      regionalRoles(template.templateId).map(({ value, role }) =>
        role === 'both' ? value : `${value} (${role})`
      )
    )
  );
  const senders = [config.sender, config.overseasSender].filter(Boolean);
  return [
    checkItem('credentials', 'unverified', unverified, {
      hint: 'Compare appKey with APP_Key in 短信控制台 → 应用管理.',
    }),
    ...senders.map((sender) =>
      checkItem(`sender ${sender}`, 'unverified', unverified, {
        hint: 'It must be a channel number (通道号) of the app, in 签名管理.',
      })
    ),
    ...(config.signature
      ? [
          checkItem(`signature "${config.signature}"`, 'unverified', unverified, {
            hint: 'It must be an approved signature of the app (签名管理).',
          }),
        ]
      : []),
    ...[...templateIds].map((id) =>
      checkItem(`template ${id}`, 'unverified', unverified, {
        hint: 'It must be an approved template of the app (模板管理).',
      })
    ),
  ];
};
