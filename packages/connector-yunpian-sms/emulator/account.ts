import { demoSignatures, type ProviderAccount } from '@duanxin/shared';

/** The built-in account; `yunpianEmulatorConfig` is a connector config that works against it. */
export const YUNPIAN_DEFAULT_APIKEY = 'duanxin-demo-apikey-0000000000000';

export const yunpianDefaultAccount = (): ProviderAccount => ({
  credentials: [
    { id: YUNPIAN_DEFAULT_APIKEY },
    { id: 'duanxin-send-only-apikey-00000000', canQuery: false },
  ],
  signatures: demoSignatures(['approved', 'pending']),
  defaultSignature: 'duanxin',
  templates: [
    {
      id: '1',
      content: '【duanxin】您的验证码是#code#。如非本人操作，请忽略本短信',
      state: 'approved',
    },
    {
      id: '2',
      content: '【duanxin】Your verification code is #code#.',
      state: 'approved',
      international: true,
    },
    { id: '3', content: '【duanxin】您的验证码是#code#，#minutes#分钟内有效', state: 'approved' },
    { id: '4', content: '【duanxin】您的登录验证码是#code#', state: 'pending' },
    {
      id: '5',
      content: '【duanxin】亲爱的#name#，您的订单已发货',
      state: 'rejected',
      kind: 'notification',
    },
  ],
  balance: 1_000_000,
  international: true,
  // Account-configurable defaults of docs/providers.md §3.4.
  flowControl: [
    // Same text to the same number (codes 8, 9); per number whatever the text (22, 17).
    { seconds: 30, max: 1, code: '8', perKey: true },
    { seconds: 300, max: 3, code: '9', perKey: true },
    { seconds: 3600, max: 3, code: '22' },
    { seconds: 86_400, max: 10, code: '17' },
  ],
});

/** Usage types without a template of their own fall back to Generic, as in a typical config. */
export const yunpianEmulatorConfig = (endpoint: string) => ({
  apikey: YUNPIAN_DEFAULT_APIKEY,
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
});
