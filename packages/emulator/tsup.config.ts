import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/index.js` (the library) and `lib/cli.js` (what `bin/duanxin-emulator.js` runs). The
 * providers' emulations (each connector's `./emulator` entry) and the signature verifiers and
 * number readers they use are bundled, and nothing else of the workspace (the connectors and the
 * HTTP transport are shaken out). The number readers parse with libphonenumber-js and refuse
 * with connector-kit's errors, so both are dependencies of the emulator.
 */
export default libraryBuild({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts' } },
  noExternal: [/^@duanxin\//],
  external: ['@logto/connector-kit', 'got', 'hpagent', 'libphonenumber-js', 'proxy-from-env'],
  treeshake: { preset: 'smallest' },
});
