import type { ProviderDefinition } from '../types.js';
import { aliyunProvider } from './aliyun.js';
import { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
import { yunpianProvider } from './yunpian.js';

export { aliyunProvider, aliyunDefaultAccount } from './aliyun.js';
export { tencentProvider } from '@duanxin/connector-tencent-sms/emulator';
export { yunpianProvider } from './yunpian.js';

/** Always served; `startEmulator({ providers })` adds to (or replaces) these. */
export const builtinProviders: readonly ProviderDefinition[] = [
  aliyunProvider,
  tencentProvider,
  yunpianProvider,
];
