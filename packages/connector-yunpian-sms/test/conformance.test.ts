import { fileURLToPath } from 'node:url';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import { yunpianEmulatorConfig } from '../emulator/index.js';
import createYunpianSmsConnector from '../src/index.js';

const withGeneric = (content: string) => [{ usageType: 'Generic', content }];

testConnector({
  name: 'yunpian',
  create: createYunpianSmsConnector,
  config: (endpoint) => yunpianEmulatorConfig(endpoint),
  secrets: (config) => [String(config.apikey)],
  ownTemplates: ['SignIn', 'Generic'],
  // `detail` repeats the parameter it refuses, with its value (docs/providers.md §6).
  echoingRefusal: (echo) => ({
    status: 400,
    body: {
      http_status_code: 400,
      code: 2,
      msg: '请求参数格式错误',
      detail: `参数格式不正确，${echo}`,
    },
  }),
  errorFamilies: [
    {
      name: 'unknown apikey',
      arrange: ({ config }) => ({ ...config, apikey: 'not-an-apikey' }),
      code: 'invalid_config',
      providerCode: '-1',
    },
    {
      name: 'unapproved signature',
      arrange: ({ config }) => ({
        ...config,
        templates: withGeneric('【pending-sign】您的验证码是{{code}}。如非本人操作，请忽略本短信'),
      }),
      code: 'invalid_config',
      providerCode: '15',
    },
    {
      name: 'text matching no approved template',
      arrange: ({ config }) => ({ ...config, templates: withGeneric('【duanxin】code: {{code}}') }),
      code: 'invalid_config',
      providerCode: '5',
    },
    {
      name: 'no balance',
      arrange: ({ account }) => {
        account.balance = 0;
      },
      code: 'usage_limit_exceeded',
      providerCode: '3',
    },
    {
      name: 'international not enabled on the account',
      arrange: ({ account }) => {
        account.international = false;
      },
      to: '85291234567',
      code: 'invalid_request_parameters',
      providerCode: '20',
    },
  ],
});

testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: 'yunpian',
  config: (endpoint) => yunpianEmulatorConfig(endpoint),
});
