import { fileURLToPath } from 'node:url';

import { testConnector, testLogtoLoading } from '@duanxin/connector-testkit';

import createFailoverSmsConnector, { mapProviderConfigs } from '../src/index.js';
import { emulatorOptions, failoverConfig, secretsOf } from './harness.js';

/** An Aliyun answer in place of the emulator's: a refusal no other provider would avoid. */
const aliyunRefuses = (code: string) => ({
  provider: 'aliyun',
  fault: {
    kind: 'malformed' as const,
    body: JSON.stringify({ RequestId: 'fault-0001', Code: code, Message: code }),
  },
});

// Aliyun first, Tencent behind it. Most of the suite's failures stop at Aliyun (bad input, a
// refused number, an answer that may mean it was sent); where both are asked (flow control, an
// untrusted certificate, a closed port) the error is Tencent's, as the suite expects of any.
testConnector({
  name: 'aliyun',
  create: createFailoverSmsConnector,
  config: (endpoint) => failoverConfig(endpoint),
  secrets: (config) => secretsOf(config as never),
  ownTemplates: ['SignIn', 'Register', 'ForgotPassword', 'Generic'],
  emulator: emulatorOptions,
  withSettings: (config, settings) =>
    mapProviderConfigs(config, (provider) => ({ ...provider, ...settings })),
  formTemplates: false,
  // Aliyun answers first; its refusal of the number stops the failover there.
  withSecret: (config, secret) =>
    mapProviderConfigs(config, (provider) => ({ ...provider, accessKeySecret: secret })),
  echoingRefusal: (echo) => ({
    status: 200,
    body: { RequestId: echo, Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: `号码格式错误 ${echo}` },
  }),
  errorFamilies: [
    {
      name: 'a number the provider refuses',
      arrange: ({ emulator }) => emulator.faults.inject(aliyunRefuses('isv.MOBILE_NUMBER_ILLEGAL')),
      code: 'invalid_request_parameters',
      providerCode: 'isv.MOBILE_NUMBER_ILLEGAL',
    },
    {
      name: 'parameters the provider refuses',
      arrange: ({ emulator }) => emulator.faults.inject(aliyunRefuses('isv.INVALID_PARAMETERS')),
      code: 'invalid_request_parameters',
      providerCode: 'isv.INVALID_PARAMETERS',
    },
  ],
});

// The packed lib/index.js bundles the four connectors: each signs and reads its answers there.
const all = ['aliyun', 'tencent', 'yunpian', 'huawei'] as const;
testLogtoLoading({
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  provider: 'aliyun',
  providers: [...all],
  config: (endpoint) => failoverConfig(endpoint, all),
  emulator: emulatorOptions,
});
