/** Production hosts, which the emulator's `redirectTls` sends to the emulator. */
export const aliyunHosts = [
  'dysmsapi.aliyuncs.com',
  'dysmsapi.ap-southeast-1.aliyuncs.com',
] as const;

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
