import { ConnectorConfigFormItemType } from '@logto/connector-kit';
import {
  accessKeyFormItems,
  commonFormItems,
  connectorMetadata,
  templatesFormItem,
} from '@duanxin/shared';

export const defaultEndpoint = 'https://sms.tencentcloudapi.com';
export const apiVersion = '2021-01-11';
/** The scope service of the TC3 signature: always `sms`, whatever host the endpoint names. */
export const signingService = 'sms';
export const defaultRegion = 'ap-guangzhou';

/** `X-TC-Region` values the SMS API serves (docs/providers.md §2.3). */
export const tencentRegions = [
  'ap-guangzhou',
  'ap-beijing',
  'ap-nanjing',
  'ap-shanghai',
  'ap-chengdu',
  'ap-chongqing',
  'ap-hongkong',
  'ap-singapore',
  'ap-bangkok',
  'ap-jakarta',
  'ap-mumbai',
  'ap-seoul',
  'ap-tokyo',
  'na-ashburn',
  'na-siliconvalley',
  'eu-frankfurt',
] as const;

const templatesDescription =
  'One entry per usage type; only Generic is required (other types fall back to it, as does an entry left as <template-code>). templateCode is a template ID or { "china": …, "overseas": … } (Hong Kong, Macau and Taiwan are overseas). The code fills {1}; optional "params" fills {2}, {3}…, e.g. ["5"] for "{1}为您的验证码，请于{2}分钟内填写".';

export const defaultMetadata = connectorMetadata({
  // The official connector's id: a drop-in replacement keeps existing Logto configs working.
  id: 'tencent-short-message-service',
  target: 'tencent-sms',
  name: {
    en: 'Tencent Short Message Service (duanxin)',
    'zh-CN': '腾讯云短信服务 (duanxin)',
  },
  description: {
    en: 'Sends verification codes through Tencent Cloud SMS, with international numbers, a separate international app, timeouts and clear errors.',
    'zh-CN':
      '通过腾讯云短信发送验证码：支持国际号码与独立的国际短信应用，带超时设置与清晰的错误信息。',
  },
  formItems: [
    ...accessKeyFormItems({
      id: 'SecretId (访问管理 → API密钥管理).',
      secret: 'SecretKey of the same key pair.',
    }),
    {
      key: 'signName',
      label: 'Signature Name',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<sign-name>',
      description:
        'An approved signature content (签名内容, not its id), used for mainland numbers.',
    },
    {
      key: 'sdkAppId',
      label: 'SDK App ID',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '1400000000',
      description: 'SmsSdkAppId (短信 → 应用管理 → 应用列表).',
    },
    {
      key: 'region',
      label: 'Region',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      defaultValue: defaultRegion,
      placeholder: defaultRegion,
      description: `X-TC-Region, one of ${tencentRegions.join(', ')}.`,
    },
    templatesFormItem('templateCode', '<template-code>', templatesDescription),
    {
      key: 'token',
      label: 'Session token (STS)',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      isConfidential: true,
      description: 'Only for temporary credentials: sent as X-TC-Token.',
    },
    {
      key: 'overseasSdkAppId',
      label: 'International SDK App ID',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: '1400000001',
      description:
        'A separate app for international SMS (国际/港澳台短信). When set, numbers outside mainland China are sent through it; otherwise through SDK App ID.',
    },
    {
      key: 'overseasSignName',
      label: 'International Signature Name',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      description:
        'Signature for numbers outside mainland China. Tencent does not require one there: when empty, none is sent.',
    },
    ...commonFormItems(defaultEndpoint),
  ],
});
