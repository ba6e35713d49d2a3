import { fileURLToPath } from 'node:url';

import { emulatorConnectorConfigs } from '@duanxin/emulator';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import createAliyunSmsConnector from '../src/index.js';

const withGeneric = (templateCode: string, params?: Record<string, string>) => [
  { usageType: 'Generic', templateCode, ...(params && { params }) },
];

testConnector({
  name: 'aliyun',
  create: createAliyunSmsConnector,
  config: (endpoint) => emulatorConnectorConfigs(endpoint).aliyun,
  secrets: (config) => [String(config.accessKeySecret)],
  ownTemplates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'],
  // Signature errors echo the string to sign; any message may echo parameters.
  echoingRefusal: (echo) => ({
    status: 200,
    body: { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: `模板不合法 ${echo}`, RequestId: echo },
  }),
  errorFamilies: [
    {
      name: 'bad signature (wrong secret)',
      arrange: ({ config }) => ({ ...config, accessKeySecret: 'not-the-secret' }),
      code: 'invalid_config',
      providerCode: 'SignatureDoesNotMatch',
    },
    {
      name: 'unknown key',
      arrange: ({ config }) => ({ ...config, accessKeyId: 'LTAI-nobody' }),
      code: 'invalid_config',
      providerCode: 'InvalidAccessKeyId.NotFound',
    },
    {
      name: 'unapproved signature',
      arrange: ({ config }) => ({ ...config, signName: 'pending-sign' }),
      code: 'invalid_config',
      providerCode: 'isv.SMS_SIGNATURE_ILLEGAL',
    },
    {
      name: 'unknown template',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('SMS_999999') }),
      code: 'invalid_config',
      providerCode: 'isv.SMS_TEMPLATE_ILLEGAL',
    },
    {
      name: 'template variable left unfilled',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('SMS_100003') }),
      code: 'invalid_config',
      providerCode: 'isv.TEMPLATE_MISSING_PARAMETERS',
    },
    {
      name: 'no balance',
      arrange: ({ account }) => {
        account.balance = 0;
      },
      code: 'usage_limit_exceeded',
      providerCode: 'isv.AMOUNT_NOT_ENOUGH',
    },
    {
      name: 'international template for a mainland number',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('SMS_100002') }),
      code: 'invalid_config',
      providerCode: 'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
    },
  ],
});

testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: 'aliyun',
  config: (endpoint) => emulatorConnectorConfigs(endpoint).aliyun,
});
