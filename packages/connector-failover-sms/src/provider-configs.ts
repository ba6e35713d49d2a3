/**
 * For tools holding a failover config before it is validated (the CLI hides each provider's
 * secrets, points every provider at an emulator): the listed providers' configs, read leniently.
 */
import { isFailoverProvider, type FailoverProvider } from './connectors.js';

type Listed = { provider: FailoverProvider; config: Record<string, unknown> };

const listedOf = (entry: unknown): Listed | undefined => {
  const { provider, config } = (entry ?? {}) as { provider?: unknown; config?: unknown };
  return isFailoverProvider(provider) && typeof config === 'object' && config !== null
    ? { provider, config: config as Record<string, unknown> }
    : undefined;
};

const entriesOf = (config: unknown): unknown[] => {
  const providers = (config as { providers?: unknown } | null)?.providers;
  return Array.isArray(providers) ? providers : [];
};

export const providerConfigs = (config: unknown): Listed[] =>
  entriesOf(config).flatMap((entry) => {
    const listed = listedOf(entry);
    return listed ? [listed] : [];
  });

/** The config with `change` applied to each listed provider's config. */
export const mapProviderConfigs = (
  config: Record<string, unknown>,
  change: (config: Record<string, unknown>, provider: FailoverProvider) => Record<string, unknown>
): Record<string, unknown> =>
  Array.isArray(config.providers)
    ? {
        ...config,
        providers: config.providers.map((entry: unknown) => {
          const listed = listedOf(entry);
          return listed
            ? { ...(entry as object), config: change(listed.config, listed.provider) }
            : entry;
        }),
      }
    : config;
