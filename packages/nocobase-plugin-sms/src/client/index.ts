/**
 * The legacy admin app's plugin (`dist/client/index.js`, NocoBase at `/`): a settings form for
 * each provider in the SMS OTP verifier's drawer.
 */
import { Plugin, SchemaComponent } from '@nocobase/client';
import React, { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { JsonInput } from '../admin/json-input.js';
import { registerSettingsForms } from '../admin/register.js';
import { translateText } from '../admin/translate.js';
import type { SettingsCheck } from '../admin/validation.js';
import type { ProviderDescription } from '../catalog.js';
import { namespace } from '../namespace.js';
import { settingsSchema } from './schema.js';

const settingsForm = (provider: ProviderDescription, check: SettingsCheck) => {
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
};

class PluginDuanxinSmsClient extends Plugin {
  override async load(): Promise<void> {
    registerSettingsForms(this.app, settingsForm, (AdminSettingsForm) => ({
      components: { AdminSettingsForm },
    }));
  }
}

export default PluginDuanxinSmsClient;
