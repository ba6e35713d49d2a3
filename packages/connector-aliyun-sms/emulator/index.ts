/**
 * The `./emulator` entry: Aliyun Dysmsapi as a provider of the duanxin emulator, which serves it
 * by default (`startEmulator({ providers: [aliyunProvider] })` for an emulator of one's own), with
 * what tests and tools need beside it. None of it is in `lib/index.js`, the connector Logto runs.
 */
export { aliyunDefaultAccount, aliyunProvider } from './provider.js';
export { verifyAliyunAcs3 } from '../src/signing/acs3.js';
export { verifyAliyunRpc } from '../src/signing/rpc.js';
export { readAliyunNumber } from '../src/phone.js';

/** Production hosts, which the emulator's `redirectTls` sends to the emulator. */
export const aliyunHosts = [
  'dysmsapi.aliyuncs.com',
  'dysmsapi.ap-southeast-1.aliyuncs.com',
] as const;

/** Aliyun's names for a credential's id, secret and token, as the emulator's banner prints them. */
export const aliyunCredentialLabels: [id: string, secret: string, token: string] = [
  'AccessKeyId',
  'AccessKeySecret',
  'SecurityToken',
];

/**
 * A connector config that works against `aliyunDefaultAccount`. Usage types without a template of
 * their own fall back to Generic, as in a typical Logto config.
 */
export const aliyunEmulatorConfig = (endpoint: string) => ({
  accessKeyId: 'LTAI-duanxin-demo',
  accessKeySecret: 'duanxin-demo-secret',
  signName: 'duanxin',
  templates: [
    { usageType: 'SignIn', templateCode: { china: 'SMS_100001', overseas: 'SMS_100002' } },
    { usageType: 'Register', templateCode: { china: 'SMS_100001', overseas: 'SMS_100002' } },
    {
      usageType: 'ForgotPassword',
      templateCode: { china: 'SMS_100001', overseas: 'SMS_100002' },
    },
    { usageType: 'Generic', templateCode: { china: 'SMS_100001', overseas: 'SMS_100002' } },
  ],
  endpoint,
});
