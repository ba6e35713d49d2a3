/**
 * For operator tools (the `duanxin` CLI): which template each usage type takes, and a check of
 * the config that sends no SMS. EXAMPLE: the example protocol has no read-only API, so every item
 * is "unverified"; ask the provider's query APIs here if it has some (see the Aliyun connector).
 */
import {
  checkItem,
  describeRegional,
  listTemplateChoices,
  regionalRoles,
  type CheckItem,
  type TemplateChoice,
} from '@duanxin/shared';

import { readConfig } from './config.js';

const provider = '__name__';

export const templateChoices = (inputConfig: unknown): TemplateChoice[] =>
  listTemplateChoices(
    readConfig(inputConfig).templates,
    (template) => describeRegional(template.templateId),
    provider
  );

export const checkConfig = async (inputConfig: unknown): Promise<CheckItem[]> => {
  const config = readConfig(inputConfig);
  const unverified = 'the provider offers no read-only API to ask';
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
