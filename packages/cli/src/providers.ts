import type { ConnectorMetadata, CreateConnector, SmsConnector } from '@logto/connector-kit';
import type { ZodTypeAny } from 'zod';
import createAliyunConnector, * as aliyun from '@duanxin/connector-aliyun-sms';
import createTencentConnector, * as tencent from '@duanxin/connector-tencent-sms';
import createYunpianConnector, * as yunpian from '@duanxin/connector-yunpian-sms';
import createHuaweiConnector, * as huawei from '@duanxin/connector-huawei-sms';
import { huaweiEmulatorConfig, huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { emulatorConnectorConfigs, type ProviderDefinition } from '@duanxin/emulator';
import {
  aliyunErrorTable,
  tencentErrorTable,
  yunpianErrorTable,
  type ConnectorOperator,
  type ProviderErrorTable,
} from '@duanxin/shared';

/** A connector as the CLI drives it: Logto's default export plus the operator functions. */
export type ProviderEntry = ConnectorOperator & {
  /** The provider's name in help texts, e.g. Tencent Cloud. */
  title: string;
  create: CreateConnector<SmsConnector>;
  configGuard: ZodTypeAny;
  metadata: ConnectorMetadata;
  errorTable: ProviderErrorTable;
  /** Name of the message id in the provider's own words, e.g. BizId. */
  messageIdName: string;
  /** A config that works against the emulator's default seed (the demo uses it). */
  emulatorConfig: (endpoint: string) => Record<string, unknown>;
  /** The provider's emulation, for providers the emulator does not ship. */
  emulatorProvider?: ProviderDefinition;
};

export const providers = {
  aliyun: {
    title: 'Aliyun',
    create: createAliyunConnector,
    configGuard: aliyun.aliyunSmsConfigGuard,
    metadata: aliyun.defaultMetadata,
    errorTable: aliyunErrorTable,
    messageIdName: 'BizId',
    buildSendRequest: aliyun.buildSendRequest,
    templateChoices: aliyun.templateChoices,
    checkConfig: aliyun.checkConfig,
    emulatorConfig: (endpoint: string) => emulatorConnectorConfigs(endpoint).aliyun,
    queryStatus: aliyun.queryStatus,
  },
  tencent: {
    title: 'Tencent Cloud',
    create: createTencentConnector,
    configGuard: tencent.tencentSmsConfigGuard,
    metadata: tencent.defaultMetadata,
    errorTable: tencentErrorTable,
    messageIdName: 'SerialNo',
    buildSendRequest: tencent.buildSendRequest,
    templateChoices: tencent.templateChoices,
    checkConfig: tencent.checkConfig,
    emulatorConfig: (endpoint: string) => emulatorConnectorConfigs(endpoint).tencent,
    queryStatus: tencent.queryStatus,
  },
  yunpian: {
    title: 'YunPian',
    create: createYunpianConnector,
    configGuard: yunpian.yunpianSmsConfigGuard,
    metadata: yunpian.defaultMetadata,
    errorTable: yunpianErrorTable,
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
    messageIdName: 'smsMsgId',
    buildSendRequest: huawei.buildSendRequest,
    templateChoices: huawei.templateChoices,
    checkConfig: huawei.checkConfig,
    emulatorConfig: huaweiEmulatorConfig,
    emulatorProvider: huaweiProvider,
  },
} satisfies Record<string, ProviderEntry>;

/** Emulations of registered providers the emulator does not ship. */
export const extraEmulatorProviders = (): ProviderDefinition[] =>
  Object.values(providers).flatMap((entry: ProviderEntry) =>
    entry.emulatorProvider ? [entry.emulatorProvider] : []
  );

export type ProviderName = keyof typeof providers;

export const providerNames = Object.keys(providers) as ProviderName[];

export const providerEntry = (name: ProviderName): ProviderEntry => providers[name];

/** Providers with a per-message status query. */
export const statusProviderNames = providerNames.filter((name) => providerEntry(name).queryStatus);

/** `Aliyun, Tencent Cloud and YunPian`: the providers' titles as help texts name them. */
export const providerTitles = (names: readonly ProviderName[] = providerNames): string => {
  const titles = names.map((name) => providerEntry(name).title);
  return titles.length > 1
    ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1) ?? ''}`
    : (titles[0] ?? '');
};
