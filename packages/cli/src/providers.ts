import type { ConnectorMetadata, CreateConnector, SmsConnector } from '@logto/connector-kit';
import type { ZodTypeAny } from 'zod';
import createAliyunConnector, * as aliyun from '@duanxin/connector-aliyun-sms';
import { aliyunEmulatorConfig } from '@duanxin/connector-aliyun-sms/emulator';
import createTencentConnector, * as tencent from '@duanxin/connector-tencent-sms';
import createYunpianConnector, * as yunpian from '@duanxin/connector-yunpian-sms';
import createHuaweiConnector, * as huawei from '@duanxin/connector-huawei-sms';
import createFailoverConnector, * as failover from '@duanxin/connector-failover-sms';
import { huaweiEmulatorConfig, huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { tencentEmulatorConfig } from '@duanxin/connector-tencent-sms/emulator';
import { emulatorConnectorConfigs, type ProviderDefinition } from '@duanxin/emulator';
import {
  type ConnectorOperator,
  type ProviderErrorTable,
  type ProviderHints,
} from '@duanxin/shared';

/** A connector as the CLI drives it: Logto's default export plus the operator functions. */
export type ProviderEntry = ConnectorOperator & {
  /** The provider's name in help texts, e.g. Tencent Cloud. */
  title: string;
  create: CreateConnector<SmsConnector>;
  configGuard: ZodTypeAny;
  metadata: ConnectorMetadata;
  errorTable: ProviderErrorTable;
  /** The provider's own codes and advice per failure family (hints.ts). */
  hints?: ProviderHints;
  /** Name of the message id in the provider's own words, e.g. BizId. */
  messageIdName: string;
  /** A config that works against the emulator's default seed (the demo uses it). */
  emulatorConfig: (endpoint: string) => Record<string, unknown>;
  /** The provider's emulation, for providers the emulator does not ship. */
  emulatorProvider?: ProviderDefinition;
  /** A connector over others (failover): the configs of the providers its config lists. */
  listed?: {
    configs: (config: unknown) => { provider: string; config: Record<string, unknown> }[];
    map: typeof failover.mapProviderConfigs;
  };
};

export const providers = {
  aliyun: {
    title: 'Aliyun',
    create: createAliyunConnector,
    configGuard: aliyun.aliyunSmsConfigGuard,
    metadata: aliyun.defaultMetadata,
    errorTable: aliyun.aliyunErrorTable,
    hints: aliyun.aliyunHints,
    messageIdName: 'BizId',
    buildSendRequest: aliyun.buildSendRequest,
    templateChoices: aliyun.templateChoices,
    checkConfig: aliyun.checkConfig,
    emulatorConfig: aliyunEmulatorConfig,
    queryStatus: aliyun.queryStatus,
  },
  tencent: {
    title: 'Tencent Cloud',
    create: createTencentConnector,
    configGuard: tencent.tencentSmsConfigGuard,
    metadata: tencent.defaultMetadata,
    errorTable: tencent.tencentErrorTable,
    hints: tencent.tencentHints,
    messageIdName: 'SerialNo',
    buildSendRequest: tencent.buildSendRequest,
    templateChoices: tencent.templateChoices,
    checkConfig: tencent.checkConfig,
    emulatorConfig: tencentEmulatorConfig,
    queryStatus: tencent.queryStatus,
  },
  yunpian: {
    title: 'YunPian',
    create: createYunpianConnector,
    configGuard: yunpian.yunpianSmsConfigGuard,
    metadata: yunpian.defaultMetadata,
    errorTable: yunpian.yunpianErrorTable,
    hints: yunpian.yunpianSms.hints,
    messageIdName: 'sid',
    buildSendRequest: yunpian.buildSendRequest,
    templateChoices: yunpian.templateChoices,
    checkConfig: yunpian.checkConfig,
    emulatorConfig: (endpoint: string) => emulatorConnectorConfigs(endpoint).yunpian,
  },
  huawei: {
    title: 'Huawei Cloud',
    create: createHuaweiConnector,
    configGuard: huawei.huaweiSmsConfigGuard,
    metadata: huawei.defaultMetadata,
    errorTable: huawei.huaweiErrorTable,
    hints: {},
    messageIdName: 'smsMsgId',
    buildSendRequest: huawei.buildSendRequest,
    templateChoices: huawei.templateChoices,
    checkConfig: huawei.checkConfig,
    emulatorConfig: huaweiEmulatorConfig,
    emulatorProvider: huaweiProvider,
  },
  failover: {
    title: 'failover',
    create: createFailoverConnector,
    configGuard: failover.failoverSmsConfigGuard,
    metadata: failover.defaultMetadata,
    // None of its own: each answer in its errors is its provider's (failure.ts).
    errorTable: {},
    messageIdName: 'message id',
    buildSendRequest: failover.buildSendRequest,
    templateChoices: failover.templateChoices,
    checkConfig: failover.checkConfig,
    emulatorConfig: (endpoint: string): Record<string, unknown> => failoverEmulatorConfig(endpoint),
    listed: { configs: failover.providerConfigs, map: failover.mapProviderConfigs },
  },
} satisfies Record<string, ProviderEntry>;

/** Every provider, Tencent first, except mainland numbers: Aliyun first. */
const failoverEmulatorConfig = (endpoint: string): Record<string, unknown> => ({
  providers: (['tencent', 'aliyun', 'yunpian', 'huawei'] as const).map((provider) => ({
    provider,
    config: providerEntry(provider).emulatorConfig(endpoint),
  })),
  routes: [{ countries: ['CN'], order: ['aliyun', 'tencent', 'yunpian', 'huawei'] }],
});

/** Emulations of registered providers the emulator does not ship. */
export const extraEmulatorProviders = (): ProviderDefinition[] =>
  Object.values(providers).flatMap((entry: ProviderEntry) =>
    entry.emulatorProvider ? [entry.emulatorProvider] : []
  );

export type ProviderName = keyof typeof providers;

export const providerNames = Object.keys(providers) as ProviderName[];

export const providerEntry = (name: ProviderName): ProviderEntry => providers[name];

export const isProviderName = (name: unknown): name is ProviderName =>
  typeof name === 'string' && Object.hasOwn(providers, name);

/** Providers with a per-message status query. */
export const statusProviderNames = providerNames.filter((name) => providerEntry(name).queryStatus);

/** `Aliyun, Tencent Cloud and YunPian`: the providers' titles as help texts name them. */
export const providerTitles = (names: readonly ProviderName[] = providerNames): string => {
  const titles = names.map((name) => providerEntry(name).title);
  return titles.length > 1
    ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`
    : (titles[0] ?? '');
};
