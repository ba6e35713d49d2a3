import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/cli.js` (what `bin/duanxin.js` runs) and `lib/index.js` (the provider registry), with the
 * connectors, shared helpers and emulator bundled from sources; only the CLI's own dependencies
 * stay external.
 */
export default libraryBuild({
  entry: { cli: 'src/cli.ts', index: 'src/index.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts' } },
  external: ['@logto/connector-kit', 'commander', 'got', 'zod'],
  noExternal: [/^@duanxin\//, 'libphonenumber-js', 'hpagent', 'proxy-from-env', 'selfsigned'],
  // Bundled CommonJS (hpagent, proxy-from-env, selfsigned) requires Node built-ins.
  banner: {
    js: "import { createRequire as __duanxinCreateRequire } from 'node:module';\nconst require = __duanxinCreateRequire(import.meta.url);",
  },
});
