import { parsePhoneNumberForSms } from '@duanxin/shared';

import type { PreparedEntry, PreparedFailover } from './config.js';

/**
 * The number's country as the connectors read it without `allowedCountries` (country code and
 * digits first, docs/providers.md §0.1). Undefined when it is no number: it then goes the default
 * way and its first provider refuses it with its own error.
 */
const countryOf = (to: unknown): string | undefined => {
  try {
    return parsePhoneNumberForSms(to, { provider: 'failover' }).country;
  } catch {
    return undefined;
  }
};

/** The providers to try for this number, in order: its country's route, else the list. */
export const providersFor = (config: PreparedFailover, to: unknown): PreparedEntry[] => {
  if (config.routes.length === 0) {
    return config.entries;
  }
  const country = countryOf(to);
  const route = country && config.routes.find((candidate) => candidate.countries.includes(country));
  return route ? route.order : config.entries;
};
