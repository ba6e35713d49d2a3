/** What is measured: every client a user could pick instead of duanxin, per provider. */
export const providers = ['aliyun', 'tencent', 'yunpian'] as const;
export type Provider = (typeof providers)[number];

export const clientKinds = ['https-floor', 'got-floor', 'logto', 'sdk', 'duanxin'] as const;
export type ClientKind = (typeof clientKinds)[number];

export type Pair = { client: ClientKind; provider: Provider };

/** YunPian publishes no Node SDK. */
export const hasSdk = (provider: Provider): boolean => provider !== 'yunpian';

export const isFloor = (client: ClientKind): boolean =>
  client === 'https-floor' || client === 'got-floor';

export const allPairs: readonly Pair[] = providers.flatMap((provider) =>
  clientKinds
    .filter((client) => client !== 'sdk' || hasSdk(provider))
    .map((client) => ({ client, provider }))
);

export const clientLabels: Record<ClientKind, Record<Provider, string>> = {
  'https-floor': {
    aliyun: 'node:https floor',
    tencent: 'node:https floor',
    yunpian: 'node:https floor',
  },
  'got-floor': { aliyun: 'got floor', tencent: 'got floor', yunpian: 'got floor' },
  logto: {
    aliyun: '@logto/connector-aliyun-sms',
    tencent: '@logto/connector-tencent-sms',
    yunpian: '@logto/connector-yunpian-sms',
  },
  sdk: {
    aliyun: '@alicloud/dysmsapi20170525',
    tencent: 'tencentcloud-sdk-nodejs-sms',
    yunpian: '(no SDK)',
  },
  duanxin: {
    aliyun: '@duanxin/connector-aliyun-sms',
    tencent: '@duanxin/connector-tencent-sms',
    yunpian: '@duanxin/connector-yunpian-sms',
  },
};

export const pairName = ({ client, provider }: Pair): string => `${client}/${provider}`;
