/**
 * The `./emulator` entry: Aliyun Dysmsapi as a provider of the duanxin emulator, which serves it
 * by default (`startEmulator({ providers: [aliyunProvider] })` for an emulator of one's own), with
 * what tests and tools need beside it. None of it is in `lib/index.js`, the connector Logto runs.
 */
export { aliyunDefaultAccount, aliyunProvider } from './provider.js';
export { verifyAliyunAcs3 } from '../src/signing/acs3.js';
export { verifyAliyunAcs4 } from '../src/signing/acs4.js';
export { verifyAliyunRpc } from '../src/signing/rpc.js';
export { readAliyunNumber } from '../src/phone.js';
export { aliyunEmulatorConfig, aliyunHosts } from './config.js';
