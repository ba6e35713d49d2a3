import {
  ConnectorConfigFormItemType,
  type ConnectorConfigFormItem,
  type ConnectorMetadata,
} from '@logto/connector-kit';

import { templateTypes } from './templates.js';

/**
 * The `templates` a connector's form pre-fills: one entry a usage type, its template field set to
 * `value`. A `<…>` value is a placeholder (`formPlaceholders` reads it back): saved unedited, it
 * names no template.
 */
export const defaultTemplates = (field: string, value: string): Record<string, string>[] =>
  templateTypes.map((usageType) => ({ usageType, [field]: value }));

/** The `templates` form item: JSON, required, pre-filled by `defaultTemplates(field, value)`. */
export const templatesFormItem = (
  field: string,
  value: string,
  description: string,
  label = 'Templates'
): ConnectorConfigFormItem => ({
  key: 'templates',
  label,
  type: ConnectorConfigFormItemType.Json,
  required: true,
  defaultValue: defaultTemplates(field, value),
  description,
});

/**
 * A connector's metadata: the logo and README are its package's `logo.svg` and `README.md`; no
 * platform, no dark logo.
 */
export const connectorMetadata = ({
  id,
  target,
  name,
  description,
  formItems,
}: Pick<
  ConnectorMetadata,
  'id' | 'target' | 'name' | 'description' | 'formItems'
>): ConnectorMetadata => ({
  id,
  target,
  platform: null,
  name,
  logo: './logo.svg',
  logoDark: null,
  description,
  readme: './README.md',
  formItems,
});

/**
 * The `accessKeyId` / `accessKeySecret` pair of a cloud API key, with `descriptions` of where
 * the provider's console shows them.
 */
export const accessKeyFormItems = (descriptions?: {
  id: string;
  secret: string;
}): ConnectorConfigFormItem[] => [
  {
    key: 'accessKeyId',
    label: 'Access Key ID',
    type: ConnectorConfigFormItemType.Text,
    required: true,
    placeholder: '<access-key-id>',
    ...(descriptions && { description: descriptions.id }),
  },
  {
    key: 'accessKeySecret',
    label: 'Access Key Secret',
    type: ConnectorConfigFormItemType.Text,
    required: true,
    placeholder: '<access-key-secret>',
    isConfidential: true,
    ...(descriptions && { description: descriptions.secret }),
  },
];

/**
 * Form items for the optional fields of `commonConfigShape`, appended to each connector's form;
 * `endpointHint` is added to the endpoint's description.
 */
export const commonFormItems = (
  defaultEndpoint: string,
  endpointHint?: string
): ConnectorConfigFormItem[] => [
  {
    key: 'allowedCountries',
    label: 'Allowed countries',
    type: ConnectorConfigFormItemType.Text,
    required: false,
    placeholder: 'CN,HK,MO,TW',
    description:
      'ISO country codes, comma-separated. Numbers elsewhere are refused and nothing is sent (protection against SMS pumping). Empty: all countries.',
  },
  {
    key: 'endpoint',
    label: 'Endpoint',
    type: ConnectorConfigFormItemType.Text,
    required: false,
    placeholder: defaultEndpoint,
    description: `API origin (scheme://host[:port], no path). Default ${defaultEndpoint}.${endpointHint === undefined ? '' : ` ${endpointHint}`}`,
  },
  {
    key: 'timeout',
    label: 'Timeout (ms)',
    type: ConnectorConfigFormItemType.Number,
    required: false,
    placeholder: '10000',
    description:
      'Timeout of one attempt, from sending to the last byte of the answer, in milliseconds. Default 10000.',
  },
  {
    key: 'maxRetries',
    label: 'Max retries',
    type: ConnectorConfigFormItemType.Number,
    required: false,
    placeholder: '1',
    description:
      'Retries only when the request provably never left this server (DNS failure, connection refused). A send that may have arrived is never retried. Default 1.',
  },
  {
    key: 'proxy',
    label: 'Proxy',
    type: ConnectorConfigFormItemType.Text,
    required: false,
    placeholder: 'http://proxy.internal:3128',
    description: 'Outbound HTTP(S) proxy. Without it, HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply.',
  },
];
