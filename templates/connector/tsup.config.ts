import { defineConfig } from 'tsup';

/**
 * `lib/index.js` is what Logto loads. Logto never installs a connector's dependencies, so
 * everything but what a Logto install provides is bundled: @duanxin/shared with
 * libphonenumber-js, hpagent and proxy-from-env. connector-kit stays external so that
 * `instanceof ConnectorError` holds in Logto's error handler. `lib/emulator.js` (the emulator
 * provider, for tests and tools) is a separate entry so that none of it ends up in what Logto
 * runs. The type declarations inline the types of what is bundled.
 */
export default defineConfig({
  entry: { index: 'src/index.ts', emulator: 'emulator/index.ts' },
  outDir: 'lib',
  format: ['esm'],
  platform: 'node',
  target: 'node18',
  clean: true,
  dts: { resolve: [/^@duanxin\//] },
  sourcemap: false,
  splitting: false,
  external: ['@logto/connector-kit', 'got', 'zod'],
  noExternal: ['@duanxin/shared', 'libphonenumber-js', 'hpagent', 'proxy-from-env'],
  // Bundled CommonJS (hpagent, proxy-from-env) requires Node built-ins.
  banner: {
    js: "import { createRequire as __duanxinCreateRequire } from 'node:module';\nconst require = __duanxinCreateRequire(import.meta.url);",
  },
});
