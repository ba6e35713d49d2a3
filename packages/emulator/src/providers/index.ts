import { aliyunProvider } from '@duanxin/connector-aliyun-sms/emulator';
import { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianProvider } from '@duanxin/connector-yunpian-sms/emulator';

import type { ProviderDefinition } from '../types.js';

export { aliyunProvider, aliyunDefaultAccount } from '@duanxin/connector-aliyun-sms/emulator';
export { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
export { yunpianProvider } from '@duanxin/connector-yunpian-sms/emulator';

/** Always served; `startEmulator({ providers })` adds to (or replaces) these. */
export const builtinProviders: readonly ProviderDefinition[] = [
  aliyunProvider,
  tencentProvider,
  yunpianProvider,
];
