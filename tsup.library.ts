import { fileURLToPath } from 'node:url';

import { defineConfig, type Options } from 'tsup';

/**
 * Type declarations built from the workspace sources: the root `paths` resolve from the
 * repository root (tsup would take them from the package directory), so the types of a bundled
 * workspace package are inlined, while a package in `dependencies` or `peerDependencies` stays
 * an import.
 */
export const workspaceTypes = {
  compilerOptions: { baseUrl: fileURLToPath(new URL('.', import.meta.url)) },
};

/**
 * The build of every library package: ESM in `lib/` with type declarations, for Node 20. A
 * package lists in `dependencies` or `peerDependencies` exactly the imports left external, and
 * nothing it bundles. Another entry (such as `./http`) is one more key in `entry` and one more
 * key in the package's `exports`.
 */
export const libraryBuild = (overrides: Options = {}) =>
  defineConfig({
    entry: { index: 'src/index.ts' },
    outDir: 'lib',
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: true,
    dts: workspaceTypes,
    sourcemap: false,
    ...overrides,
  });
