export {
  expectNothingSensitive,
  testConnector,
  type ConnectorUnderTest,
  type ErrorFamily,
} from './conformance.js';
export {
  defaultHostKits,
  expectLoadsAsLogto,
  testLogtoLoading,
  type LoadsAsLogtoOptions,
  type LogtoLoadingOptions,
} from './logto-loading.js';
export { findModuleDir, installAsLogto, loadAsLogto, packConnector } from './logto-loader.js';
export { fakeNow, fakeProviderContext } from './provider-context.js';
export { secretEncodings, secretForms, type SecretEncoding } from './secret-forms.js';
