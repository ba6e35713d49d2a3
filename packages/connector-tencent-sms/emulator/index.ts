/**
 * Tencent Cloud SMS (API 3.0, TC3-HMAC-SHA256) as a provider of the duanxin emulator, and what
 * tests and tools need around it: the default account, a connector config that works against it,
 * the signature verifier and how Tencent reads a number. The package's `./emulator` entry: none
 * of it is in `lib/index.js`, the connector Logto runs.
 */
export { tencentProvider } from './provider.js';
export { tencentDefaultAccount, tencentEmulatorConfig } from './account.js';
export { parseTc3Authorization, verifyTencentTc3 } from '../src/signing.js';
export { readTencentNumber } from '../src/phone.js';
