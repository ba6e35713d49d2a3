import { defineConfig } from 'tsup';

/**
 * One `lib/cli.js` with the connectors, shared helpers and emulator bundled from sources; only the
 * CLI's own dependencies stay external. The shebang of `src/cli.ts` is kept (and made executable).
 */
export default defineConfig({
  entry: ['src/cli.ts'],
  outDir: 'lib',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  dts: false,
  sourcemap: false,
  external: ['@logto/connector-kit', 'commander', 'got', 'zod'],
  noExternal: [/^@duanxin\//, 'libphonenumber-js', 'hpagent', 'proxy-from-env', 'selfsigned'],
  // Bundled CommonJS (hpagent, proxy-from-env, selfsigned) requires Node built-ins.
  banner: {
    js: "import { createRequire as __duanxinCreateRequire } from 'node:module';\nconst require = __duanxinCreateRequire(import.meta.url);",
  },
});
