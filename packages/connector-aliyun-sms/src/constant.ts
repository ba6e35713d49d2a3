import { ConnectorConfigFormItemType } from '@logto/connector-kit';
import {
  accessKeyFormItems,
  commonFormItems,
  connectorMetadata,
  templatesFormItem,
} from '@duanxin/shared';

export const defaultEndpoint = 'https://dysmsapi.aliyuncs.com';
export const apiVersion = '2017-05-25';
export const defaultRegionId = 'cn-hangzhou';

/**
 * Regions and their Dysmsapi hosts, from the official SDK's endpoint map (docs/providers.md §1.3).
 * The mainland regions share the central host.
 */
export const regionHosts: Readonly<Record<string, string>> = {
  'cn-hangzhou': 'dysmsapi.aliyuncs.com',
  'cn-shanghai': 'dysmsapi.aliyuncs.com',
  'cn-shenzhen': 'dysmsapi.aliyuncs.com',
  'cn-qingdao': 'dysmsapi.aliyuncs.com',
  'cn-zhangjiakou': 'dysmsapi.aliyuncs.com',
  'cn-chengdu': 'dysmsapi.aliyuncs.com',
  'cn-huhehaote': 'dysmsapi.aliyuncs.com',
  'cn-beijing': 'dysmsapi-proxy.cn-beijing.aliyuncs.com',
  'cn-hongkong': 'dysmsapi-xman.cn-hongkong.aliyuncs.com',
  'ap-southeast-1': 'dysmsapi.ap-southeast-1.aliyuncs.com',
  'ap-southeast-5': 'dysmsapi.ap-southeast-5.aliyuncs.com',
  'eu-central-1': 'dysmsapi.eu-central-1.aliyuncs.com',
  'us-east-1': 'dysmsapi.us-east-1.aliyuncs.com',
};

const templatesDescription =
  'One entry per usage type; only Generic is required (other types fall back to it, as does an entry left as <template-code>). templateCode is a code or { "china": …, "overseas": … } (Hong Kong, Macau and Taiwan are overseas). Optional "params" adds static template variables, e.g. { "time": "5" }.';

export const defaultMetadata = connectorMetadata({
  // The official connector's id: a drop-in replacement keeps existing Logto configs working.
  id: 'aliyun-short-message-service',
  target: 'aliyun-sms',
  name: {
    en: 'Aliyun Short Message Service (duanxin)',
    'zh-CN': '阿里云短信服务 (duanxin)',
  },
  description: {
    en: 'Sends verification codes through Aliyun SMS, with correct international number handling, timeouts and clear errors.',
    'zh-CN': '通过阿里云短信服务发送验证码：正确处理国际号码，带超时设置与清晰的错误信息。',
  },
  formItems: [
    ...accessKeyFormItems(),
    {
      key: 'signName',
      label: 'Signature Name',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<signature-name>',
      description: 'An approved signature (签名名称), without 【】.',
    },
    templatesFormItem('templateCode', '<template-code>', templatesDescription),
    {
      key: 'strictPhoneRegionNumberCheck',
      label: 'Strict phone region check',
      type: ConnectorConfigFormItemType.Switch,
      required: false,
      defaultValue: false,
      description:
        'On: numbers must carry a country code. Off: a bare 11-digit mainland mobile (legacy rows) is read as +86 when it is not a valid number with a country code.',
    },
    {
      key: 'templateParamName',
      label: 'Code parameter name',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: 'code',
      description:
        'The template variable that receives the code, e.g. code for ${code}. Default code.',
    },
    {
      key: 'regionId',
      label: 'Region',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: defaultRegionId,
      description: `RegionId; also picks the regional host, e.g. ap-southeast-1 → dysmsapi.ap-southeast-1.aliyuncs.com. One of ${Object.keys(regionHosts).join(', ')}.`,
    },
    {
      key: 'securityToken',
      label: 'Security token (STS)',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      isConfidential: true,
      description: 'Only for temporary STS credentials.',
    },
    {
      key: 'signatureVersion',
      label: 'Signature version',
      type: ConnectorConfigFormItemType.Select,
      required: false,
      selectItems: [
        { value: 'v1', title: 'V1 (HMAC-SHA1, RPC)' },
        { value: 'v3', title: 'V3 (ACS3-HMAC-SHA256)' },
      ],
      description: 'Request signature scheme. Default V1, as the official connector.',
    },
    ...commonFormItems(defaultEndpoint),
  ],
});
