import { ConnectorConfigFormItemType, type ConnectorMetadata } from '@logto/connector-kit';

import { defaultCooldownSeconds } from './config.js';

/** What the form starts with: two providers, each with its own connector's config. */
const exampleProviders = [
  {
    provider: 'aliyun',
    config: {
      accessKeyId: '<access-key-id>',
      accessKeySecret: '<access-key-secret>',
      signName: '<signature>',
      templates: [{ usageType: 'Generic', templateCode: '<template-code>' }],
    },
  },
  {
    provider: 'tencent',
    config: {
      accessKeyId: '<secret-id>',
      accessKeySecret: '<secret-key>',
      signName: '<signature>',
      sdkAppId: '<sdk-app-id>',
      region: 'ap-guangzhou',
      templates: [{ usageType: 'Generic', templateCode: '<template-id>' }],
    },
  },
];

export const defaultMetadata: ConnectorMetadata = {
  // No official connector does this: an id of its own.
  id: 'duanxin-failover-sms',
  target: 'duanxin-failover-sms',
  platform: null,
  name: {
    en: 'SMS failover (duanxin)',
    'zh-CN': '短信多服务商切换 (duanxin)',
  },
  logo: './logo.svg',
  logoDark: null,
  description: {
    en: 'Sends through Aliyun, Tencent Cloud, YunPian or Huawei Cloud in the order you set, moving to the next provider only when the previous one provably did not send the code.',
    'zh-CN':
      '按设定顺序通过阿里云、腾讯云、云片或华为云发送验证码；仅当前一个服务商确定没有发出时，才切换到下一个。',
  },
  readme: './README.md',
  formItems: [
    {
      key: 'providers',
      label: 'Providers',
      type: ConnectorConfigFormItemType.Json,
      required: true,
      defaultValue: exampleProviders,
      description:
        'Tried in this order: [{ "provider": "aliyun" | "tencent" | "yunpian" | "huawei", "config": { …that connector\'s own config… } }, …]. Add "name" to list one provider twice (two accounts).',
    },
    {
      key: 'routes',
      label: 'Routes by country',
      type: ConnectorConfigFormItemType.Json,
      required: false,
      placeholder: '[{ "countries": ["CN"], "order": ["aliyun", "tencent"] }]',
      description:
        'Another order for some countries (ISO codes; CN is mainland China only), e.g. mainland numbers to Aliyun first while the list puts Tencent first. Other numbers follow the list.',
    },
    {
      key: 'cooldownSeconds',
      label: 'Skip a refusing provider for (seconds)',
      type: ConnectorConfigFormItemType.Number,
      required: false,
      placeholder: String(defaultCooldownSeconds),
      description: `After flow control, an exhausted balance, an outage or a timeout, the provider is skipped for this long (per Logto process). Default ${defaultCooldownSeconds}; 0 never skips.`,
    },
  ],
};
