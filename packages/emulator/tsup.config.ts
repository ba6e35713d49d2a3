import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/index.js` (the library) and `lib/cli.js` (what `bin/duanxin-emulator.js` runs). The
 * signature verifiers of `@duanxin/shared` are bundled: installing the emulator must not pull
 * in a connector's dependencies.
 */
export default libraryBuild({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts' } },
  noExternal: ['@duanxin/shared'],
});
