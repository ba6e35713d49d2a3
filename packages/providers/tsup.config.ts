import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/index.js` (the operator objects) and `lib/emulator.js` (the emulations), each importing
 * the connector packages it lists; only types come from `@duanxin/shared`.
 */
export default libraryBuild({
  entry: { index: 'src/index.ts', emulator: 'emulator/index.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts', emulator: 'emulator/index.ts' } },
});
