/**
 * Connector configs that work against the emulator's default seed: what the demo uses, and what
 * `pnpm emulator` prints to paste into a connector form. Usage types without a template of their
 * own fall back to Generic, as in a typical Logto config.
 */
import { aliyunEmulatorConfig } from '@duanxin/connector-aliyun-sms/emulator';
import { tencentEmulatorConfig } from '@duanxin/connector-tencent-sms/emulator';

export const emulatorConnectorConfigs = (endpoint: string) => ({
  aliyun: aliyunEmulatorConfig(endpoint),
  tencent: tencentEmulatorConfig(endpoint),
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
