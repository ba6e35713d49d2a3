/**
 * Connector configs that work against the emulator's default seed: what the demo uses, and what
 * `pnpm emulator` prints to paste into a connector form. Usage types without a template of their
 * own fall back to Generic, as in a typical Logto config.
 */
import { aliyunEmulatorConfig } from '@duanxin/connector-aliyun-sms/emulator';

export const emulatorConnectorConfigs = (endpoint: string) => ({
  aliyun: aliyunEmulatorConfig(endpoint),
  tencent: {
    accessKeyId: 'AKID-duanxin-demo',
    accessKeySecret: 'duanxin-demo-secret',
    signName: 'duanxin',
    sdkAppId: '1400000001',
    overseasSdkAppId: '2400000001',
    region: 'ap-guangzhou',
    templates: [
      { usageType: 'SignIn', templateCode: { china: '100001', overseas: '200001' } },
      {
        usageType: 'Register',
        templateCode: { china: '100002', overseas: '200001' },
        params: { china: ['5'], overseas: [] },
      },
      { usageType: 'ForgotPassword', templateCode: { china: '100001', overseas: '200001' } },
      { usageType: 'Generic', templateCode: { china: '100001', overseas: '200001' } },
    ],
    endpoint,
  },
  yunpian: {
    apikey: 'duanxin-demo-apikey-0000000000000',
    enableInternational: true,
    templates: [
      {
        usageType: 'Generic',
        content: {
          china: '【duanxin】您的验证码是{{code}}。如非本人操作，请忽略本短信',
          overseas: '【duanxin】Your verification code is {{code}}.',
        },
      },
      {
        usageType: 'SignIn',
        content: {
          china: '【duanxin】您的验证码是{{code}}，5分钟内有效',
          overseas: '【duanxin】Your verification code is {{code}}.',
        },
      },
    ],
    endpoint,
  },
});
