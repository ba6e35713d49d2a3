import { fileURLToPath } from 'node:url';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import { __camel__EmulatorConfig, __camel__Provider } from '../emulator/index.js';
import create__Pascal__SmsConnector from '../src/index.js';

// The emulator serves this provider next to the built-in ones.
const emulator = { providers: [__camel__Provider] };

const withGeneric = (templateId: string, params?: string[]) => [
  { usageType: 'Generic', templateId, ...(params && { params }) },
];

testConnector({
  name: '__name__',
  create: create__Pascal__SmsConnector,
  config: __camel__EmulatorConfig,
  secrets: (config) => [String(config.accessKeySecret)],
  ownTemplates: ['SignIn', 'Generic'],
  // The provider's refusal, its free text carrying `echo`: no secret may come through it.
  echoingRefusal: (echo) => ({
    status: 400,
    body: { code: 'TemplateNotApproved', message: `Refused: ${echo}`, requestId: echo },
  }),
  emulator,
  // One entry per family of provider errors: how to provoke it, and the Logto code it must map to.
  errorFamilies: [
    {
      name: 'unknown key',
      arrange: ({ config }) => ({ ...config, accessKeyId: 'nobody' }),
      code: 'invalid_config',
      providerCode: 'UnknownKey',
    },
    {
      name: 'wrong secret',
      arrange: ({ config }) => ({ ...config, accessKeySecret: 'not-the-secret' }),
      code: 'invalid_config',
      providerCode: 'InvalidSignature',
    },
    {
      name: 'unapproved signature',
      arrange: ({ config }) => ({ ...config, signName: 'pending-sign' }),
      code: 'invalid_config',
      providerCode: 'SignatureNotApproved',
    },
    {
      name: 'template under review',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('TPL_PENDING') }),
      code: 'invalid_config',
      providerCode: 'TemplateNotApproved',
    },
    {
      name: 'template variable left unfilled',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('TPL_CODE_MINUTES') }),
      code: 'invalid_config',
      providerCode: 'TemplateParamsMismatch',
    },
    {
      name: 'no balance',
      arrange: ({ account }) => {
        account.balance = 0;
      },
      code: 'usage_limit_exceeded',
      providerCode: 'InsufficientBalance',
    },
    {
      name: 'international SMS not enabled',
      arrange: ({ account }) => {
        account.international = false;
      },
      to: '85291234567',
      code: 'invalid_request_parameters',
      providerCode: 'InternationalNotEnabled',
    },
  ],
});

testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: '__name__',
  config: __camel__EmulatorConfig,
  emulator,
});
