/**
 * The v2 admin app's plugin (`dist/client-v2/index.js`, NocoBase at `/v/`): a settings form for
 * each provider in the SMS OTP verifier's drawer, as antd fields under `options.settings`
 * (docs/nocobase.md §4).
 */
import { EnvVariableInput, Plugin } from '@nocobase/client-v2';
import { Form, Select, Switch } from 'antd';
import React from 'react';
import { useTranslation } from 'react-i18next';

import { JsonInput } from '../admin/json-input.js';
import { registerSettingsForms } from '../admin/register.js';
import { translateText } from '../admin/translate.js';
import type { SettingsCheck } from '../admin/validation.js';
import type { ProviderDescription } from '../catalog.js';
import type { SettingsField } from '../fields.js';
import { namespace } from '../namespace.js';

const h = React.createElement;

/** Text fields take `{{$env.X}}` too; what it renders to is read as the field's type. */
const inputOf = (field: SettingsField) => {
  const placeholder = field.placeholder ? { placeholder: field.placeholder } : {};
  switch (field.kind) {
    case 'secret':
      return h(EnvVariableInput, { password: true, ...placeholder });
    case 'switch':
      return h(Switch);
    case 'select':
    case 'multiselect':
      return h(Select, {
        options: field.options ?? [],
        allowClear: !field.required,
        ...(field.kind === 'multiselect' && { mode: 'multiple' as const }),
      });
    case 'json':
      return h(JsonInput, placeholder);
    default:
      return h(EnvVariableInput, placeholder);
  }
};

const settingsForm = (provider: ProviderDescription, check: SettingsCheck) => {
  const SettingsForm = () => {
    const { t } = useTranslation(namespace);
    const form = Form.useFormInstance();
    return h(
      React.Fragment,
      null,
      ...provider.fields.map((field) =>
        h(
          Form.Item,
          {
            key: field.key,
            name: ['options', 'settings', field.key],
            label: translateText(t, field.label),
            ...(field.description && { extra: translateText(t, field.description) }),
            required: field.required,
            ...(field.defaultValue !== undefined && { initialValue: field.defaultValue }),
            ...(field.kind === 'switch' && { valuePropName: 'checked' }),
            rules: [
              {
                validator: async () => {
                  const message = await check(
                    field.key,
                    form.getFieldValue(['options', 'settings'])
                  );
                  if (message) {
                    throw new Error(message);
                  }
                },
              },
            ],
          },
          inputOf(field)
        )
      )
    );
  };
  return SettingsForm;
};

class PluginDuanxinSmsClientV2 extends Plugin {
  override async load(): Promise<void> {
    registerSettingsForms(this.app, settingsForm, (form) => ({
      components: { AdminSettingsFormLoader: async () => ({ default: form }) },
    }));
  }
}

export default PluginDuanxinSmsClientV2;
