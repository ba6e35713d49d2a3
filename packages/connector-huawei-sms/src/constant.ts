import { ConnectorConfigFormItemType } from '@logto/connector-kit';
import { commonFormItems, connectorMetadata, templatesFormItem } from '@duanxin/shared';

/**
 * APP接入地址 of the China site (华北-北京四); the international site serves the same paths.
 * https://support.huaweicloud.com/api-msgsms/sms_05_0001.html (发送短信)
 */
export const defaultEndpoint = 'https://smsapi.cn-north-4.myhuaweicloud.com';
export const internationalSiteEndpoint = 'https://smsapi.ap-southeast-1.myhuaweicloud.com';
export const batchSendPath = '/sms/batchSendSms/v1';

const templatesDescription =
  'One entry per usage type; only Generic is required (other types fall back to it, as does an entry left as <template-id>). templateId is a template ID or { "china": …, "overseas": … } (Hong Kong, Macau and Taiwan are overseas). The code fills ${1}; optional "params" fill ${2}, ${3}…, e.g. ["5"] for "您的验证码为${1}，${2}分钟内有效". Every variable needs a value.';

export const defaultMetadata = connectorMetadata({
  // Logto has no official Huawei Cloud connector whose id this could reuse.
  id: 'huawei-cloud-sms',
  target: 'huawei-cloud-sms',
  name: {
    en: 'Huawei Cloud SMS (duanxin)',
    'zh-CN': '华为云短信服务 (duanxin)',
  },
  description: {
    en: 'Sends verification codes through Huawei Cloud Message & SMS, with international numbers, timeouts and clear errors.',
    'zh-CN': '通过华为云消息&短信发送验证码：支持国际号码，带超时设置与清晰的错误信息。',
  },
  formItems: [
    {
      key: 'appKey',
      label: 'App Key',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<app-key>',
      description: 'APP_Key of the SMS app (短信控制台 → 应用管理).',
    },
    {
      key: 'appSecret',
      label: 'App Secret',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<app-secret>',
      isConfidential: true,
      description: 'APP_Secret of the same app.',
    },
    {
      key: 'sender',
      label: 'Sender (channel number)',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: 'csms12345678',
      description:
        'The signature channel number (签名通道号, 签名管理), sent as `from` for mainland numbers.',
    },
    {
      key: 'signature',
      label: 'Signature',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: '<signature-name>',
      description:
        'The approved signature name (签名名称). Required with a general template (通用模板) for mainland numbers; unused otherwise.',
    },
    templatesFormItem('templateId', '<template-id>', templatesDescription),
    {
      key: 'overseasSender',
      label: 'Overseas sender',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: 'isms12345678',
      description:
        'Channel number of the international / Hong Kong, Macau and Taiwan SMS app (国际/港澳台短信), for numbers outside mainland China. Default: sender.',
    },
    {
      key: 'overseasAppKey',
      label: 'Overseas App Key',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      description:
        'APP_Key of that international app, when it is a separate app from the mainland one. Default: appKey.',
    },
    {
      key: 'overseasAppSecret',
      label: 'Overseas App Secret',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      isConfidential: true,
      description: 'APP_Secret of the international app; required with overseasAppKey.',
    },
    ...commonFormItems(
      defaultEndpoint,
      `It is the APP接入地址 of the SMS app (短信应用 → 应用管理), e.g. ${internationalSiteEndpoint} on the international site.`
    ),
  ],
});
