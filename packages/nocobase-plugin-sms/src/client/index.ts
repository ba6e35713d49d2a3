/**
 * The legacy admin app's plugin (`dist/client/index.js`, NocoBase at `/`): a settings form for
 * each provider in the SMS OTP verifier's drawer.
 */
import { Plugin, SchemaComponent } from '@nocobase/client';
import React, { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { catalog } from '../admin/catalog.js';
import { JsonInput } from '../admin/json-input.js';
import { translateText } from '../admin/translate.js';
import type { VerificationClientPlugin } from '../admin/types.js';
import { createSettingsCheck } from '../admin/validation.js';
import type { ProviderDescription } from '../catalog.js';
import { namespace } from '../namespace.js';
import { settingsSchema } from './schema.js';

type ProviderOptions = { components: { AdminSettingsForm: React.ComponentType } };

class PluginDuanxinSmsClient extends Plugin {
  override async load(): Promise<void> {
    const verification = this.app.pm.get(
      'verification'
    ) as VerificationClientPlugin<ProviderOptions>;
    for (const provider of catalog) {
      verification.smsOTPProviderManager.registerProvider(provider.type, {
        components: { AdminSettingsForm: this.settingsForm(provider) },
      });
    }
  }

  private settingsForm(provider: ProviderDescription): React.ComponentType {
    const check = createSettingsCheck(
      this.app.apiClient,
      provider.type,
      provider.fields.map((field) => field.key)
    );
    const SettingsForm = () => {
      const { t } = useTranslation(namespace);
      const schema = useMemo(
        () => settingsSchema(provider.fields, (text) => translateText(t, text), check),
        [t]
      );
      return React.createElement(SchemaComponent, {
        schema,
        components: { DuanxinJsonInput: JsonInput },
      });
    };
    return SettingsForm;
  }
}

export default PluginDuanxinSmsClient;
