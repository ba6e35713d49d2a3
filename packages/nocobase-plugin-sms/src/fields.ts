/**
 * The settings form of each provider, described once from the connector's own `formItems` (the
 * form Logto shows for it): the legacy and the v2 admin client both render this description.
 */
import { ConnectorConfigFormItemType, type ConnectorConfigFormItem } from '@logto/connector-kit';

export type FieldKind =
  'text' | 'secret' | 'multiline' | 'number' | 'switch' | 'select' | 'multiselect' | 'json';

export type SettingsField = {
  /** The config key: the field is saved as `options.settings.<key>`. */
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  placeholder?: string;
  defaultValue?: unknown;
  options?: { value: string; label: string }[];
};

const kindOf = (item: ConnectorConfigFormItem): FieldKind => {
  if (item.isConfidential) {
    return 'secret';
  }
  switch (item.type) {
    case ConnectorConfigFormItemType.Number:
      return 'number';
    case ConnectorConfigFormItemType.MultilineText:
      return 'multiline';
    case ConnectorConfigFormItemType.Switch:
      return 'switch';
    case ConnectorConfigFormItemType.Select:
      return 'select';
    case ConnectorConfigFormItemType.MultiSelect:
      return 'multiselect';
    case ConnectorConfigFormItemType.Json:
      return 'json';
    default:
      return 'text';
  }
};

const optionsOf = (item: ConnectorConfigFormItem) => {
  if (item.type === ConnectorConfigFormItemType.Select) {
    return item.selectItems.map(({ value, title }) => ({ value, label: title }));
  }
  if (item.type === ConnectorConfigFormItemType.MultiSelect) {
    return item.selectItems.map(({ value }) => ({ value, label: value }));
  }
  return undefined;
};

export const fieldOf = (item: ConnectorConfigFormItem): SettingsField => {
  const options = optionsOf(item);
  return {
    key: item.key,
    label: item.label,
    kind: kindOf(item),
    required: item.required ?? false,
    ...(item.description !== undefined && { description: item.description }),
    ...(item.placeholder !== undefined && { placeholder: item.placeholder }),
    ...(item.defaultValue !== undefined && { defaultValue: item.defaultValue }),
    ...(options && { options }),
  };
};

/**
 * The plugin's own setting, read before the connector sees the config: NocoBase passes the
 * number as the person typed it, and a number typed without `+` or `00` is a national number of
 * this country (docs/providers.md §0.2).
 */
export const defaultCountryField: SettingsField = {
  key: 'defaultCountry',
  label: 'Default country',
  kind: 'text',
  required: false,
  placeholder: 'CN',
  description:
    'ISO code of the country whose numbers people type without + or 00: with CN, 138 0013 8000 is a mainland mobile. Default CN.',
};

export const settingsFieldsOf = (
  formItems: readonly ConnectorConfigFormItem[]
): SettingsField[] => [...formItems.map(fieldOf), defaultCountryField];
