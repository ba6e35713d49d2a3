/**
 * The `./emulator` entry: a failover config over every provider's emulation, for the demo, the
 * tests and the emulator's banner. None of it is in `lib/index.js`, the connector Logto runs.
 */
import { aliyunEmulatorConfig } from '@duanxin/connector-aliyun-sms/emulator';
import { huaweiEmulatorConfig } from '@duanxin/connector-huawei-sms/emulator';
import { tencentEmulatorConfig } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianEmulatorConfig } from '@duanxin/connector-yunpian-sms/emulator';

/** Every provider, Tencent first, except mainland numbers: Aliyun first. */
export const failoverEmulatorConfig = (endpoint: string): Record<string, unknown> => ({
  providers: [
    { provider: 'tencent', config: tencentEmulatorConfig(endpoint) },
    { provider: 'aliyun', config: aliyunEmulatorConfig(endpoint) },
    { provider: 'yunpian', config: yunpianEmulatorConfig(endpoint) },
    { provider: 'huawei', config: huaweiEmulatorConfig(endpoint) },
  ],
  routes: [{ countries: ['CN'], order: ['aliyun', 'tencent', 'yunpian', 'huawei'] }],
});
