/**
 * Connector configs that work against the emulator's default seed: what the demo uses, and what
 * `pnpm emulator` prints to paste into a connector form. Usage types without a template of their
 * own fall back to Generic, as in a typical Logto config.
 */
import { aliyunEmulatorConfig } from '@duanxin/connector-aliyun-sms/emulator';
import { tencentEmulatorConfig } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianEmulatorConfig } from '@duanxin/connector-yunpian-sms/emulator';

export const emulatorConnectorConfigs = (endpoint: string) => ({
  aliyun: aliyunEmulatorConfig(endpoint),
  tencent: tencentEmulatorConfig(endpoint),
  yunpian: yunpianEmulatorConfig(endpoint),
});
