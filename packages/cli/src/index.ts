export {
  extraEmulatorProviders,
  providerNames,
  providers,
  type ProviderEntry,
} from './providers.js';
