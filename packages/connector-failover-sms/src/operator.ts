/**
 * For operator tools (`duanxin check failover`, `duanxin send failover --dry-run`): each listed
 * provider's own operator functions, with the entry's name in front of what they say.
 */
import type { SendMessageData } from '@logto/connector-kit';
import {
  checkItem,
  templateTypes,
  type CheckItem,
  type PreparedSend,
  type TemplateChoice,
} from '@duanxin/shared';

import { readConfig, type PreparedFailover } from './config.js';
import { connectors } from './connectors.js';
import { providersFor } from './route.js';

/** The request the first provider for this number would receive (circuits aside). */
export const buildSendRequest = (data: SendMessageData, inputConfig: unknown): PreparedSend => {
  const [first] = providersFor(readConfig(inputConfig), data.to);
  if (!first) {
    throw new Error('a failover config lists at least one provider');
  }
  return connectors[first.provider].operator.buildSendRequest(data, first.config);
};

/** Per usage type, each provider's template: `aliyun SMS_1 · tencent 100001 (Generic)`. */
export const templateChoices = (inputConfig: unknown): TemplateChoice[] => {
  const listed = readConfig(inputConfig).entries.map((entry) => ({
    name: entry.name,
    choices: connectors[entry.provider].operator.templateChoices(entry.config),
  }));
  return templateTypes.map((usageType) => {
    const picks = listed.map(({ name, choices }) => ({
      name,
      choice: choices.find((choice) => choice.usageType === usageType),
    }));
    const allFellBack = picks.every(({ choice }) => choice?.fellBackToGeneric);
    return {
      usageType,
      template: picks
        .map(({ name, choice }) => {
          const marked = choice?.fellBackToGeneric && !allFellBack ? ' (Generic)' : '';
          return `${name} ${choice?.template ?? '—'}${marked}`;
        })
        .join(' · '),
      fellBackToGeneric: allFellBack,
    };
  });
};

const describeOrder = (config: PreparedFailover) => {
  const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name).join(' → ');
  const routes = config.routes.map(
    (route) => `${route.countries.join(', ')}: ${names(route.order)}`
  );
  const rest = `${routes.length > 0 ? 'other numbers' : 'every number'}: ${names(config.entries)}`;
  const skip =
    config.cooldownMs > 0
      ? `a refusing provider skipped ${config.cooldownMs / 1000} s`
      : 'no skipping';
  return [...routes, rest, skip].join('; ');
};

/**
 * Every provider's own check, prefixed with its name; one that cannot be asked (unreachable)
 * is a problem of its own, and the others are still checked.
 */
export const checkConfig = async (inputConfig: unknown): Promise<CheckItem[]> => {
  const config = readConfig(inputConfig);
  const checked = await Promise.all(
    config.entries.map(async (entry) => {
      try {
        const items = await connectors[entry.provider].operator.checkConfig(entry.config);
        return items.map((item) => ({ ...item, subject: `${entry.name}: ${item.subject}` }));
      } catch (error: unknown) {
        const description = (error as { data?: { errorDescription?: unknown } }).data
          ?.errorDescription;
        return [
          checkItem(
            `${entry.name}`,
            'problem',
            typeof description === 'string' ? description : String(error)
          ),
        ];
      }
    })
  );
  return [checkItem('order', 'ok', describeOrder(config)), ...checked.flat()];
};
