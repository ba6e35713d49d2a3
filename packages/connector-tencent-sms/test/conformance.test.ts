import { fileURLToPath } from 'node:url';

import { emulatorConnectorConfigs } from '@duanxin/emulator';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import createTencentSmsConnector from '../src/index.js';

testConnector({
  name: 'tencent',
  create: createTencentSmsConnector,
  config: (endpoint) => emulatorConnectorConfigs(endpoint).tencent,
  secrets: (config) => [String(config.accessKeySecret)],
  ownTemplates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'],
  echoingRefusal: (echo) => ({
    status: 200,
    body: {
      Response: {
        Error: {
          Code: 'FailedOperation.TemplateIncorrectOrUnapproved',
          Message: `模板未审批 ${echo}`,
        },
        RequestId: echo,
      },
    },
  }),
  errorFamilies: [
    {
      name: 'bad signature (wrong secret)',
      arrange: ({ config }) => ({ ...config, accessKeySecret: 'not-the-secret' }),
      code: 'invalid_config',
      providerCode: 'AuthFailure.SignatureFailure',
    },
    {
      name: 'unknown key',
      arrange: ({ config }) => ({ ...config, accessKeyId: 'AKID-nobody' }),
      code: 'invalid_config',
      providerCode: 'AuthFailure.SecretIdNotFound',
    },
    {
      name: 'unapproved signature',
      arrange: ({ config }) => ({ ...config, signName: 'pending-sign' }),
      code: 'invalid_config',
      providerCode: 'FailedOperation.SignatureIncorrectOrUnapproved',
    },
    {
      name: 'unknown template',
      arrange: ({ config }) => ({
        ...config,
        templates: [{ usageType: 'Generic', templateCode: '999999' }],
      }),
      code: 'invalid_config',
      providerCode: 'FailedOperation.TemplateIncorrectOrUnapproved',
    },
    {
      name: 'wrong parameter count',
      arrange: ({ config }) => ({
        ...config,
        templates: [{ usageType: 'Generic', templateCode: '100002' }],
      }),
      code: 'invalid_config',
      providerCode: 'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    },
    {
      name: 'unknown sdkAppId',
      arrange: ({ config }) => ({ ...config, sdkAppId: '1400999999' }),
      code: 'invalid_config',
      providerCode: 'InvalidParameterValue.SdkAppIdNotExist',
    },
    {
      name: 'no balance',
      arrange: ({ account }) => {
        account.balance = 0;
      },
      code: 'usage_limit_exceeded',
      providerCode: 'FailedOperation.InsufficientBalanceInSmsPackage',
    },
    {
      name: 'international not enabled',
      arrange: ({ account }) => {
        account.international = false;
      },
      to: '85291234567',
      code: 'invalid_config',
      providerCode: 'UnsupportedOperation.UnsuportedRegion',
    },
  ],
});

testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: 'tencent',
  config: (endpoint) => emulatorConnectorConfigs(endpoint).tencent,
});
