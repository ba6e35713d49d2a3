import { ConnectorConfigFormItemType } from '@logto/connector-kit';
import { commonFormItems, connectorMetadata, templatesFormItem } from '@duanxin/shared';

export const defaultEndpoint = 'https://sms.yunpian.com';
/** YunPian's host for servers outside mainland China (same paths, docs/providers.md §3.3). */
export const overseasServerEndpoint = 'https://us.yunpian.com';
export const singleSendPath = '/v2/sms/single_send.json';

/** The official connector's default for `unsupportedCountriesMsg`. */
export const defaultUnsupportedCountriesMessage =
  'The administrator has not enabled international SMS services.';

const defaultContent = '您的验证码是 {{code}}。如非本人操作，请忽略本短信';

const templatesDescription =
  'One entry per usage type; only Generic is required (other types fall back to it). content must match an approved YunPian template exactly, with {{code}} where that template has #code#; no other placeholder is filled.';

export const defaultMetadata = connectorMetadata({
  // The official connector's id: a drop-in replacement keeps existing Logto configs working.
  id: 'yunpian-sms',
  target: 'yunpian-sms',
  name: {
    en: 'YunPian SMS Service (duanxin)',
    'zh-CN': '云片短信服务 (duanxin)',
  },
  description: {
    en: 'Sends verification codes through YunPian, with correct mainland and international numbers, timeouts and clear errors.',
    'zh-CN': '通过云片发送验证码：正确处理国内与国际号码，带超时设置与清晰的错误信息。',
  },
  formItems: [
    {
      key: 'apikey',
      label: 'API Key',
      type: ConnectorConfigFormItemType.Text,
      required: true,
      placeholder: '<api-key>',
      isConfidential: true,
      description: 'APIKEY (云片 → 账户设置 → 子帐户管理).',
    },
    templatesFormItem('content', defaultContent, templatesDescription, 'SMS Template'),
    {
      key: 'enableInternational',
      label: 'Enable International SMS',
      type: ConnectorConfigFormItemType.Switch,
      required: false,
      defaultValue: false,
      description:
        'Send to numbers outside mainland China (Hong Kong, Macau and Taiwan included). Needs approved international templates. Off: such numbers are refused and nothing is sent.',
    },
    {
      key: 'unsupportedCountriesMsg',
      label: 'Unsupported Countries Error Message',
      type: ConnectorConfigFormItemType.Text,
      required: false,
      placeholder: defaultUnsupportedCountriesMessage,
      description:
        'The error message when international SMS is off and a number outside mainland China is given.',
    },
    ...commonFormItems(
      defaultEndpoint,
      `Use ${overseasServerEndpoint} when this server runs outside mainland China.`
    ),
  ],
});
