import { demoSignatures, type ProviderAccount } from '@duanxin/shared';

import { readTencentNumber } from '../src/phone.js';

export const TENCENT_DEFAULT_SECRET_ID = 'AKID-duanxin-demo';
export const TENCENT_DEFAULT_SECRET_KEY = 'duanxin-demo-secret';

/** The built-in account; `tencentEmulatorConfig` is a connector config that works against it. */
export const tencentDefaultAccount = (): ProviderAccount => ({
  credentials: [
    { id: TENCENT_DEFAULT_SECRET_ID, secret: TENCENT_DEFAULT_SECRET_KEY },
    { id: 'AKID-duanxin-send-only', secret: 'duanxin-send-only-secret', canQuery: false },
    {
      id: 'AKID-duanxin-temporary',
      secret: 'duanxin-temporary-secret',
      token: 'duanxin-temporary-token',
    },
  ],
  apps: [{ id: '1400000001' }, { id: '2400000001', international: true }],
  regions: ['ap-guangzhou', 'ap-beijing', 'ap-nanjing', 'ap-singapore'],
  signatures: demoSignatures(),
  templates: [
    { id: '100001', content: '{1}为您的验证码，请于5分钟内填写。', state: 'approved' },
    { id: '100002', content: '{1}为您的验证码，请于{2}分钟内填写。', state: 'approved' },
    {
      id: '200001',
      content: 'Your verification code is {1}.',
      state: 'approved',
      international: true,
    },
    { id: '100003', content: '{1}为您的登录验证码。', state: 'pending' },
    {
      id: '100004',
      content: '尊敬的用户{1}，您有一条新通知。',
      state: 'rejected',
      kind: 'notification',
    },
  ],
  balance: 1_000_000,
  international: true,
  // Default frequency policy, docs/providers.md §2.6: same content 1/30 s, 5/h, 10/calendar day.
  flowControl: [
    // Same content within 30 s; the hourly and daily caps count every message to the number.
    { seconds: 30, max: 1, code: 'LimitExceeded.PhoneNumberThirtySecondLimit', perKey: true },
    { seconds: 3600, max: 5, code: 'LimitExceeded.PhoneNumberOneHourLimit' },
    { seconds: 86_400, max: 10, code: 'LimitExceeded.PhoneNumberDailyLimit' },
  ],
});

/**
 * A connector config that works against the default account: what the demo uses, and what the
 * emulator prints to paste into a connector form. Usage types without a template of their own
 * fall back to Generic, as in a typical Logto config.
 */
export const tencentEmulatorConfig = (endpoint: string) => ({
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
});

export type TencentNumber = {
  /** E.164, e.g. `+8613800138000`. */
  e164: string;
  domestic: boolean;
  countryCode: string;
  subscriber: string;
  isoCode: string;
};

/** Country calling codes the emulator names; Tencent answers `DEF` for unrecognised ones. */
const ISO_CODES: [prefix: string, iso: string][] = [
  ['852', 'HK'],
  ['853', 'MO'],
  ['886', 'TW'],
  ['65', 'SG'],
  ['60', 'MY'],
  ['66', 'TH'],
  ['81', 'JP'],
  ['82', 'KR'],
  ['84', 'VN'],
  ['91', 'IN'],
  ['93', 'AF'],
  ['44', 'GB'],
  ['49', 'DE'],
  ['33', 'FR'],
  ['61', 'AU'],
  ['1', 'US'],
];

/**
 * Tencent's reading (docs/providers.md §2.1): domestic numbers may come as `+86…`, `0086…`, `86…`
 * or bare 11 digits; others must be E.164. Returns undefined for
 * `InvalidParameterValue.IncorrectPhoneNumber`.
 */
export const normaliseTencentNumber = (input: string): TencentNumber | undefined => {
  const number = readTencentNumber(input);
  if (!number) return undefined;
  const digits = number.e164.slice(1);
  const [prefix, isoCode] = number.mainland
    ? ['86', 'CN']
    : (ISO_CODES.find(([p]) => digits.startsWith(p)) ?? [digits.slice(0, 2), 'DEF']);
  return {
    e164: number.e164,
    domestic: number.mainland,
    countryCode: prefix,
    subscriber: digits.slice(prefix.length),
    isoCode,
  };
};
