import { defineConfig, type Options } from 'tsup';

/**
 * One bundled `lib/index.js` per connector, as Logto loads it: Logto never installs a
 * connector's dependencies, so everything but what a Logto install provides is bundled.
 * connector-kit stays external so `instanceof ConnectorError` holds in Logto's error handler.
 */
export const connectorBuild = (overrides: Options = {}) =>
  defineConfig({
    entry: ['src/index.ts'],
    outDir: 'lib',
    format: ['esm'],
    platform: 'node',
    target: 'node18',
    clean: true,
    dts: false,
    sourcemap: false,
    external: ['@logto/connector-kit', 'got', 'zod', '@silverhand/essentials'],
    noExternal: ['@duanxin/shared', 'libphonenumber-js', 'hpagent', 'proxy-from-env'],
    // Bundled CommonJS (hpagent, proxy-from-env) requires Node built-ins.
    banner: {
      js: "import { createRequire as __duanxinCreateRequire } from 'node:module';\nconst require = __duanxinCreateRequire(import.meta.url);",
    },
    ...overrides,
  });
