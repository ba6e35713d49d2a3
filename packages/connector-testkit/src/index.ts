export {
  expectNothingSensitive,
  testConnector,
  type ConnectorUnderTest,
  type ErrorFamily,
} from './conformance.js';
export { defaultHostKits, testLogtoLoading, type LogtoLoadingOptions } from './logto-loading.js';
export { findModuleDir, installAsLogto, loadAsLogto, packConnector } from './logto-loader.js';
