/**
 * The clients the reliability matrix runs: duanxin's connectors and, for comparison, Logto's
 * official ones. All use the providers' production hosts; `redirectTls` routes them to the
 * emulator, so every client takes the same path.
 */
import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
import officialAliyun from '@logto/connector-aliyun-sms';
import officialTencent from '@logto/connector-tencent-sms';
import officialYunpian from '@logto/connector-yunpian-sms';

import createAliyun from '@duanxin/connector-aliyun-sms';
import createTencent from '@duanxin/connector-tencent-sms';
import createYunpian from '@duanxin/connector-yunpian-sms';
import { emulatorConnectorConfigs } from '@duanxin/emulator';

export type ProviderName = 'aliyun' | 'tencent' | 'yunpian';

export type Client = {
  label: string;
  provider: ProviderName;
  ours: boolean;
  create: CreateConnector<SmsConnector>;
  config: Record<string, unknown>;
  secrets: string[];
};

/** Ours: the emulator's demo config on the production host, a short timeout, one retry. */
const oursConfig = (provider: ProviderName) => {
  const { endpoint: _endpoint, ...config } = emulatorConnectorConfigs('https://unused.localhost')[
    provider
  ] as Record<string, unknown>;
  return { ...config, timeout: 1000, maxRetries: 1 };
};

const officialTemplates = <T>(template: T) =>
  ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({
    usageType,
    ...template,
  }));

const officialConfigs: Record<ProviderName, Record<string, unknown>> = {
  aliyun: {
    accessKeyId: 'LTAI-duanxin-demo',
    accessKeySecret: 'duanxin-demo-secret',
    signName: 'duanxin',
    templates: officialTemplates({ templateCode: { china: 'SMS_100001', overseas: 'SMS_100002' } }),
  },
  tencent: {
    accessKeyId: 'AKID-duanxin-demo',
    accessKeySecret: 'duanxin-demo-secret',
    signName: 'duanxin',
    sdkAppId: '1400000001',
    region: 'ap-guangzhou',
    templates: officialTemplates({ templateCode: '100001' }),
  },
  yunpian: {
    apikey: 'duanxin-demo-apikey-0000000000000',
    templates: officialTemplates({
      content: '【duanxin】您的验证码是{{code}}。如非本人操作，请忽略本短信',
    }),
  },
};

const secretsOf = (config: Record<string, unknown>) =>
  ['accessKeySecret', 'apikey'].flatMap((key) =>
    typeof config[key] === 'string' ? [config[key] as string] : []
  );

const ours: Record<ProviderName, CreateConnector<SmsConnector>> = {
  aliyun: createAliyun,
  tencent: createTencent,
  yunpian: createYunpian,
};

const official: Record<ProviderName, CreateConnector<SmsConnector>> = {
  aliyun: officialAliyun,
  tencent: officialTencent,
  yunpian: officialYunpian,
};

export const providers: ProviderName[] = ['aliyun', 'tencent', 'yunpian'];

export const ourClient = (provider: ProviderName): Client => {
  const config = oursConfig(provider);
  return {
    label: `duanxin ${provider}`,
    provider,
    ours: true,
    create: ours[provider],
    config,
    secrets: secretsOf(config),
  };
};

export const officialClient = (provider: ProviderName): Client => ({
  label: `Logto ${provider}`,
  provider,
  ours: false,
  create: official[provider],
  config: officialConfigs[provider],
  secrets: secretsOf(officialConfigs[provider]),
});
