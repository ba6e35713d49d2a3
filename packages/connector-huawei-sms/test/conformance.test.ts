import { fileURLToPath } from 'node:url';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import { huaweiEmulatorConfig, huaweiProvider } from '../emulator/index.js';
import createHuaweiSmsConnector from '../src/index.js';

// The emulator serves Huawei next to the built-in providers.
const emulator = { providers: [huaweiProvider] };

const withGeneric = (templateId: string) => [{ usageType: 'Generic', templateId }];

testConnector({
  name: 'huawei',
  create: createHuaweiSmsConnector,
  config: huaweiEmulatorConfig,
  secrets: (config) => [String(config.appSecret), String(config.overseasAppSecret)],
  ownTemplates: ['SignIn', 'Register', 'Generic'],
  echoingRefusal: (echo) => ({
    status: 400,
    body: { code: 'E000503', description: `Invalid parameter: ${echo}` },
  }),
  emulator,
  errorFamilies: [
    {
      name: 'wrong appSecret (PasswordDigest mismatch)',
      arrange: ({ config }) => ({ ...config, appSecret: 'not-the-secret' }),
      code: 'invalid_config',
      providerCode: 'E000101',
    },
    {
      name: 'unknown appKey',
      arrange: ({ config }) => ({ ...config, appKey: 'nobody' }),
      code: 'invalid_config',
      providerCode: 'E000111',
    },
    {
      name: 'sender that is no channel of the app',
      arrange: ({ config }) => ({ ...config, sender: 'csms00000000' }),
      code: 'invalid_config',
      providerCode: 'E200018',
    },
    {
      name: 'unapproved signature',
      arrange: ({ config }) => ({ ...config, signature: 'pending-sign' }),
      code: 'invalid_config',
      providerCode: 'E200020',
    },
    {
      name: 'template under review',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('tpl-pending') }),
      code: 'invalid_config',
      providerCode: 'E200030',
    },
    {
      name: 'template variable left unfilled',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('tpl-minutes') }),
      code: 'invalid_config',
      providerCode: 'E200028',
    },
    {
      name: 'general template without a signature',
      arrange: ({ config }) => ({ ...config, signature: undefined }),
      code: 'invalid_request_parameters',
      providerCode: 'E000503',
    },
    {
      name: 'account frozen for arrears',
      arrange: ({ account }) => {
        account.balance = 0;
      },
      code: 'usage_limit_exceeded',
      providerCode: 'E000112',
    },
    {
      name: 'international SMS not enabled',
      arrange: ({ account }) => {
        account.international = false;
      },
      to: '85291234567',
      code: 'invalid_request_parameters',
      providerCode: 'E200024',
    },
  ],
});

testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: 'huawei',
  config: huaweiEmulatorConfig,
  emulator,
});
