import { ConnectorConfigFormItemType, type ConnectorMetadata } from '@logto/connector-kit';
import { commonFormItems, templateTypes } from '@duanxin/shared';

// EXAMPLE protocol: replace the host and path with the provider's (link its API doc here).
export const defaultEndpoint = 'https://sms.example.com';
export const sendPath = '/example/v1/sms/send';

const defaultTemplates = templateTypes.map((usageType) => ({
  usageType,
  templateId: '<template-id>',
}));

export const defaultMetadata: ConnectorMetadata = {
  // Reuse the official Logto connector's id if there is one: existing configs keep working.
  id: '__name__-sms',
  target: '__name__-sms',
  platform: null,
  name: {
    en: '__Title__ SMS (duanxin)',
    'zh-CN': '__Title__ 短信 (duanxin)',
  },
  logo: './logo.svg',
  logoDark: null,
  description: {
    en: 'Sends verification codes through __Title__, with correct international numbers, timeouts and clear errors.',
    'zh-CN': '通过 __Title__ 发送验证码：正确处理国际号码，带超时设置与清晰的错误信息。',
  },
  readme: './README.md',
  formItems: [
    {
      key: 'accessKeyId',
      label: 'Access Key ID',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<access-key-id>',
      description: 'The API key id (where to find it in the __Title__ console).',
    },
    {
      key: 'accessKeySecret',
      label: 'Access Key Secret',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<access-key-secret>',
      isConfidential: true,
      description: 'The secret of the same key.',
    },
    {
      key: 'signName',
      label: 'Signature Name',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<sign-name>',
      description: 'An approved SMS signature (签名).',
    },
    {
      key: 'templates',
      label: 'Templates',
      type: ConnectorConfigFormItemType.Json,
      required: true,
      defaultValue: defaultTemplates,
      description:
        'One entry per usage type; only Generic is required (other types fall back to it, as does an entry left as <template-id>). templateId is a template ID or { "china": …, "overseas": … } (Hong Kong, Macau and Taiwan are overseas). The code fills the first variable; optional "params" fill the next ones.',
    },
    ...commonFormItems(defaultEndpoint),
  ],
};
