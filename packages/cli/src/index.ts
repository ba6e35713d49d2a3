export { providerEntry, providerNames, providers, type ProviderEntry } from './providers.js';
