/**
 * The providers as the CLI drives them: the registry's operator objects (`@duanxin/providers`),
 * each with a config that works against the emulator. Nothing here names a provider.
 */
import { providers as operators } from '@duanxin/providers';
import { emulatorConfigs } from '@duanxin/providers/emulator';
import type { SmsOperator } from '@duanxin/shared';

export type ProviderEntry = SmsOperator & {
  /** A config that works against the emulator's default seed (the demo uses it). */
  emulatorConfig: (endpoint: string) => Record<string, unknown>;
};

export type ProviderName = string;

const noEmulatorConfig = (provider: string) => (): never => {
  throw new Error(`${provider} has no config for the emulator`);
};

export const providers: Readonly<Record<ProviderName, ProviderEntry>> = Object.fromEntries(
  operators.map((operator) => [
    operator.provider,
    {
      ...operator,
      emulatorConfig: (emulatorConfigs[operator.provider] ??
        noEmulatorConfig(operator.provider)) as (endpoint: string) => Record<string, unknown>,
    },
  ])
);

export const providerNames: readonly ProviderName[] = operators.map(({ provider }) => provider);

export const isProviderName = (name: unknown): name is ProviderName =>
  typeof name === 'string' && Object.hasOwn(providers, name);

export const providerEntry = (name: ProviderName): ProviderEntry => {
  const entry = providers[name];
  if (!entry) {
    throw new Error(`unknown provider ${name}`);
  }
  return entry;
};

/** Providers with a per-message status query. */
export const statusProviderNames = providerNames.filter((name) => providerEntry(name).queryStatus);

/** `Aliyun, Tencent Cloud and YunPian`: the providers' titles as help texts name them. */
export const providerTitles = (names: readonly ProviderName[] = providerNames): string => {
  const titles = names.map((name) => providerEntry(name).title);
  return titles.length > 1
    ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`
    : (titles[0] ?? '');
};
