/**
 * The providers as the admin clients know them: data written in by the build (tsup.config.ts),
 * since a browser cannot run the connectors that describe them.
 */
import type { ProviderDescription } from '../catalog.js';

declare const __DUANXIN_CATALOG__: ProviderDescription[];

export const catalog: readonly ProviderDescription[] = __DUANXIN_CATALOG__;
