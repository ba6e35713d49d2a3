import { providerEmulations } from '@duanxin/providers/emulator';

import type { ProviderDefinition } from '../types.js';

/**
 * Always served: every provider's emulation the registry lists (each connector package's
 * `./emulator` entry); `startEmulator({ providers })` adds to (or replaces) these.
 */
export const builtinProviders: readonly ProviderDefinition[] = providerEmulations;
