import type { ProviderDefinition } from '../types.js';
import { aliyunProvider } from '@duanxin/connector-aliyun-sms/emulator';
import { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianProvider } from './yunpian.js';

export { aliyunProvider, aliyunDefaultAccount } from '@duanxin/connector-aliyun-sms/emulator';
export { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
export { yunpianProvider } from './yunpian.js';

/** Always served; `startEmulator({ providers })` adds to (or replaces) these. */
export const builtinProviders: readonly ProviderDefinition[] = [
  aliyunProvider,
  tencentProvider,
  yunpianProvider,
];
