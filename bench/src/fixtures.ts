/**
 * The accounts every client sends with, and the emulator seed that accepts them all. The seed adds
 * its own credentials and templates to the emulator's defaults, so a change of the default seed
 * cannot turn the benchmark into one of failing requests.
 */
import type { EmulatorSeedInput } from '@duanxin/emulator';

import type { Provider } from './matrix.js';

/**
 * As Logto passes it: digits with the country code, no `+`. A new mainland mobile per send, so
 * that no client could profit from having seen a number before.
 */
export const phoneFor = (sequence: number): string =>
  `86138${String(sequence % 100_000_000).padStart(8, '0')}`;

/** Logto's SMS payload: the code and the experience language. */
export const payloadFor = (sequence: number) => ({
  code: String(100_000 + (sequence % 900_000)),
  locale: 'zh-CN',
});

export const aliyunAccount = {
  accessKeyId: 'LTAI-duanxin-bench',
  accessKeySecret: 'duanxin-bench-secret',
  signName: 'duanxin',
  templateCode: 'SMS_900001',
};

export const tencentAccount = {
  secretId: 'AKID-duanxin-bench',
  secretKey: 'duanxin-bench-secret',
  signName: 'duanxin',
  sdkAppId: '1400900001',
  region: 'ap-guangzhou',
  templateId: '900001',
};

export const yunpianAccount = {
  apikey: 'duanxin-bench-apikey-000000000000',
  /** In the connectors' syntax; the seeded template says `#code#` (providers.md §C). */
  content: '【duanxin】您的验证码是{{code}}。如非本人操作，请忽略本短信',
};

export const benchSeed: EmulatorSeedInput = {
  aliyun: {
    credentials: [{ id: aliyunAccount.accessKeyId, secret: aliyunAccount.accessKeySecret }],
    signatures: [{ name: aliyunAccount.signName, state: 'approved' }],
    templates: [
      {
        id: aliyunAccount.templateCode,
        content: '您的验证码为${code}，5分钟内有效。',
        state: 'approved',
      },
    ],
  },
  tencent: {
    credentials: [{ id: tencentAccount.secretId, secret: tencentAccount.secretKey }],
    apps: [{ id: tencentAccount.sdkAppId }],
    signatures: [{ name: tencentAccount.signName, state: 'approved' }],
    templates: [
      {
        id: tencentAccount.templateId,
        content: '{1}为您的验证码，请于5分钟内填写。',
        state: 'approved',
      },
    ],
  },
  yunpian: {
    credentials: [{ id: yunpianAccount.apikey }],
    signatures: [{ name: 'duanxin', state: 'approved' }],
    templates: [
      {
        id: '900001',
        content: yunpianAccount.content.replace('{{code}}', '#code#'),
        state: 'approved',
      },
    ],
  },
};

const usageTypes = ['SignIn', 'Register', 'ForgotPassword', 'Generic'];

/** Configs of Logto's official connectors, as an admin fills them in. */
export const logtoConfigs: Record<Provider, Record<string, unknown>> = {
  aliyun: {
    accessKeyId: aliyunAccount.accessKeyId,
    accessKeySecret: aliyunAccount.accessKeySecret,
    signName: aliyunAccount.signName,
    templates: usageTypes.map((usageType) => ({
      usageType,
      templateCode: aliyunAccount.templateCode,
    })),
  },
  tencent: {
    accessKeyId: tencentAccount.secretId,
    accessKeySecret: tencentAccount.secretKey,
    signName: tencentAccount.signName,
    sdkAppId: tencentAccount.sdkAppId,
    region: tencentAccount.region,
    templates: usageTypes.map((usageType) => ({
      usageType,
      templateCode: tencentAccount.templateId,
    })),
  },
  yunpian: {
    apikey: yunpianAccount.apikey,
    templates: usageTypes.map((usageType) => ({ usageType, content: yunpianAccount.content })),
  },
};

/**
 * duanxin reads the official configs unchanged, and no `endpoint`: it sends to the production
 * host, redirected like every other client.
 */
export const duanxinConfigs = logtoConfigs;
