export { startEmulator, type Emulator, type EmulatorOptions } from './server.js';
export { FlowControl } from './flow-control.js';
export { stopWithParent } from './lifecycle.js';
export { loadSeed, type EmulatorSeedInput } from './seed.js';
export type { InboxFilter } from './inbox.js';
export {
  aliyunDefaultAccount,
  aliyunProvider,
  builtinProviders,
  tencentProvider,
} from './providers/index.js';
export type * from './types.js';
export { emulatorConnectorConfigs } from './connector-configs.js';
export { providerHosts, redirectTls } from './redirect-tls.js';
export { describeEmulator } from './banner.js';
