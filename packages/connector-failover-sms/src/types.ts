import { z } from 'zod';
import { allowedCountriesGuard } from '@duanxin/shared';

import { connectors, type FailoverProvider, type ProviderConfigs } from './connectors.js';

/** How a route, a result and an error name a provider of the list. */
const nameGuard = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be lower-case letters, digits and dashes, e.g. aliyun-2');

/** One provider of the list; its `config` is validated by that connector's own guard. */
const entryGuard = <P extends FailoverProvider, G extends z.ZodTypeAny>(provider: P, config: G) =>
  z
    .object({
      provider: z.literal(provider),
      /** Default: the provider. Needed only when one provider is listed twice (two accounts). */
      name: nameGuard.optional(),
      config,
    })
    .strict();

const providerEntryGuard = z.discriminatedUnion('provider', [
  entryGuard('aliyun', connectors.aliyun.configGuard),
  entryGuard('tencent', connectors.tencent.configGuard),
  entryGuard('yunpian', connectors.yunpian.configGuard),
  entryGuard('huawei', connectors.huawei.configGuard),
]);

const routeGuard = z
  .object({
    /** ISO 3166 codes (`CN` is mainland China only), as an array or `"HK,MO,TW"`. */
    countries: allowedCountriesGuard.refine((codes) => codes.length > 0, 'name a country'),
    /** Names of listed providers, in the order they are tried for these countries. */
    order: z.array(nameGuard).min(1),
  })
  .strict();

export const entryName = (entry: { provider: string; name?: string }) =>
  entry.name ?? entry.provider;

type ListedProvider = {
  [P in FailoverProvider]: {
    provider: P;
    name?: string;
    config: ProviderConfigs[P];
  };
}[FailoverProvider];

export type FailoverSmsConfig = {
  providers: ListedProvider[];
  routes?: { countries: string[]; order: string[] }[];
  cooldownSeconds?: number;
};

const guard = z
  .object({
    /** Tried in this order (unless a route says otherwise); at most 8. */
    providers: z.array(providerEntryGuard).min(1).max(8),
    /** The first route naming a number's country sets its order. */
    routes: z.array(routeGuard).optional(),
    /**
     * Seconds a provider is skipped after it refused for now or may not have sent (default 60;
     * 0 turns skipping off). Fractions are allowed.
     */
    cooldownSeconds: z.number().min(0).max(3600).optional(),
  })
  .strict()
  .superRefine((config, context) => {
    const names = config.providers.map(entryName);
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['providers', index, 'name'],
          message: `${name} is listed twice: give each entry its own name`,
        });
      }
    });
    const routed = new Set<string>();
    config.routes?.forEach((route, index) => {
      route.order.forEach((name, position) => {
        if (!names.includes(name) || route.order.indexOf(name) !== position) {
          context.addIssue({
            code: 'custom',
            path: ['routes', index, 'order', position],
            message: names.includes(name)
              ? `${name} is in this order twice`
              : `no provider is named ${name} (names: ${names.join(', ')})`,
          });
        }
      });
      for (const country of route.countries) {
        if (routed.has(country)) {
          context.addIssue({
            code: 'custom',
            path: ['routes', index, 'countries'],
            message: `${country} is in an earlier route already`,
          });
        }
        routed.add(country);
      }
    });
  });

/** Declared by its output type: the inferred one would spell out all four connectors' guards. */
export const failoverSmsConfigGuard: z.ZodType<FailoverSmsConfig, z.ZodTypeDef, unknown> = guard;
