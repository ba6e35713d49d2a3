/**
 * Both admin apps register a settings form per provider with the verification plugin's
 * `smsOTPProviderManager`; they differ only in how the form is handed over (docs/nocobase.md §4).
 */
import type { ComponentType } from 'react';

import type { ProviderDescription } from '../catalog.js';
import { catalog } from './catalog.js';
import type { ApiClient, VerificationClientPlugin } from './types.js';
import { createSettingsCheck, type SettingsCheck } from './validation.js';

type AdminApp = { pm: { get(name: string): unknown }; apiClient: ApiClient };

export const registerSettingsForms = <Options>(
  app: AdminApp,
  settingsForm: (provider: ProviderDescription, check: SettingsCheck) => ComponentType,
  optionsOf: (form: ComponentType) => Options
): void => {
  const verification = app.pm.get('verification') as VerificationClientPlugin<Options>;
  for (const provider of catalog) {
    const check = createSettingsCheck(
      app.apiClient,
      provider.type,
      provider.fields.map((field) => field.key)
    );
    verification.smsOTPProviderManager.registerProvider(
      provider.type,
      optionsOf(settingsForm(provider, check))
    );
  }
};
