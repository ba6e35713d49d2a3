import { defineConfig, type Options } from 'tsup';

import { workspaceTypes } from './tsup.library.js';

/**
 * One bundled `lib/index.js` per connector, as Logto loads it: Logto never installs a
 * connector's dependencies, so everything but what a Logto install provides is bundled.
 * connector-kit stays external so `instanceof ConnectorError` holds in Logto's error handler.
 * `lib/index.d.ts` carries the types of what is bundled. An extra entry (`./emulator`) is one
 * more key in `entry` and one more key in the package's `exports`.
 */
export const connectorBuild = (overrides: Options = {}) =>
  defineConfig({
    entry: { index: 'src/index.ts' },
    outDir: 'lib',
    format: ['esm'],
    platform: 'node',
    target: 'node18',
    clean: true,
    dts: workspaceTypes,
    sourcemap: false,
    splitting: false,
    // Shorter syntax (dead branches dropped, constants folded), still one statement a line with
    // every name kept: a stack trace in Logto's log still reads.
    minifySyntax: true,
    external: ['@logto/connector-kit', 'got', 'zod'],
    // Every workspace package it imports: shared, and the connectors a failover connector drives.
    noExternal: [/^@duanxin\//, 'libphonenumber-js', 'hpagent', 'proxy-from-env'],
    // Bundled CommonJS (hpagent, proxy-from-env) requires Node built-ins.
    banner: {
      js: "import { createRequire as __duanxinCreateRequire } from 'node:module';\nconst require = __duanxinCreateRequire(import.meta.url);",
    },
    ...overrides,
  });
