/**
 * Settings for each provider that work against the emulator's built-in accounts: the connector
 * configs the emulator publishes, as an admin would enter them in the verifier form.
 */
import { huaweiEmulatorConfig, huaweiProvider } from '@duanxin/connector-huawei-sms/emulator';
import { emulatorConnectorConfigs, startEmulator } from '@duanxin/emulator';

export const emulatorSettings = (url: string): Record<string, Record<string, unknown>> => {
  const configs = emulatorConnectorConfigs(url);
  return {
    'duanxin-aliyun': configs.aliyun,
    'duanxin-tencent': configs.tencent,
    'duanxin-yunpian': configs.yunpian,
    'duanxin-huawei': huaweiEmulatorConfig(url),
  };
};

/** The emulator with every provider this plugin offers. */
export const startEmulatorForPlugin = (options: { flowControl?: boolean } = {}) =>
  startEmulator({ port: 0, providers: [huaweiProvider], ...options });
