import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/index.js` (the library) and `lib/cli.js` (what `bin/duanxin-emulator.js` runs). The
 * signature verifiers of `@duanxin/shared` are bundled, and nothing else of it: the rest of
 * shared (HTTP, phone numbers, connector errors) is external and shaken out, so installing the
 * emulator pulls in none of a connector's dependencies.
 */
export default libraryBuild({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts' } },
  noExternal: ['@duanxin/shared'],
  external: ['@logto/connector-kit', 'got', 'hpagent', 'libphonenumber-js', 'proxy-from-env'],
  treeshake: { preset: 'smallest' },
});
