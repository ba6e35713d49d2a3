/**
 * The registry's `./emulator` entry: every provider's emulation (each connector package's
 * `./emulator` entry), as the emulator serves them by default, and for every provider of the
 * main entry a connector config that works against the emulations' default accounts.
 */
import type { ProviderDefinition } from '@duanxin/shared';
import { aliyunEmulatorConfig, aliyunProvider } from '@duanxin/connector-aliyun-sms/emulator';
import { failoverEmulatorConfig } from '@duanxin/connector-failover-sms/emulator';
import { huaweiEmulatorConfig, huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { tencentEmulatorConfig, tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianEmulatorConfig, yunpianProvider } from '@duanxin/connector-yunpian-sms/emulator';

export const providerEmulations: readonly ProviderDefinition[] = [
  aliyunProvider,
  tencentProvider,
  yunpianProvider,
  huaweiProvider,
];

/** A config for each emulated provider that works against its default account. */
export const emulationConfigs = {
  aliyun: aliyunEmulatorConfig,
  tencent: tencentEmulatorConfig,
  yunpian: yunpianEmulatorConfig,
  huawei: huaweiEmulatorConfig,
};

/** …and for every provider of the registry, those over others (failover) included. */
export const emulatorConfigs: Readonly<Record<string, (endpoint: string) => object>> = {
  ...emulationConfigs,
  failover: failoverEmulatorConfig,
};
