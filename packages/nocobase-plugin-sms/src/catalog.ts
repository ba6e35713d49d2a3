/**
 * The providers, created once: the server sends through them, and the build writes their
 * descriptions (title, form) into the admin clients, which cannot run connectors.
 */
import type { SmsConnector } from '@logto/connector-kit';

import { settingsFieldsOf, type SettingsField } from './fields.js';
import { providers, type ProviderEntry } from './providers.js';

export type LoadedProvider = {
  type: string;
  connector: SmsConnector;
  fields: SettingsField[];
};

/** What a client needs to show a provider: no code, only data. */
export type ProviderDescription = {
  type: string;
  /** The connector's own name, `en` and `zh-CN`. */
  title: { en: string; 'zh-CN': string };
  fields: SettingsField[];
};

// The config always comes with the send, as the verifier's settings.
const noStoredConfig = async (): Promise<never> => {
  throw new Error('[duanxin] the config is passed with each send');
};

export const loadProviders = async (
  entries: readonly ProviderEntry[] = providers
): Promise<LoadedProvider[]> =>
  Promise.all(
    entries.map(async ({ type, createConnector }) => {
      const connector = await createConnector({ getConfig: noStoredConfig });
      return { type, connector, fields: settingsFieldsOf(connector.metadata.formItems ?? []) };
    })
  );

export const describeProvider = ({
  type,
  connector,
  fields,
}: LoadedProvider): ProviderDescription => {
  const { name } = connector.metadata;
  return { type, title: { en: name.en, 'zh-CN': name['zh-CN'] ?? name.en }, fields };
};
