import { ConnectorConfigFormItemType, type ConnectorConfigFormItem } from '@logto/connector-kit';

/** Form items for the optional fields of `commonConfigShape`, appended to each connector's form. */
export const commonFormItems = (defaultEndpoint: string): ConnectorConfigFormItem[] => [
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
    description: `API origin (scheme://host[:port], no path). Default ${defaultEndpoint}.`,
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
