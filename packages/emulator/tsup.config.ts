import { libraryBuild, workspaceTypes } from '../../tsup.library.js';

/**
 * `lib/index.js` (the library) and `lib/cli.js` (what `bin/duanxin-emulator.js` runs). The
 * providers' emulations (each connector's `./emulator`) are bundled, with the signature verifiers
 * and number readers of `@duanxin/shared`, and nothing else of it (the HTTP transport is shaken
 * out). The number readers parse with libphonenumber-js and refuse with connector-kit's errors,
 * so both are dependencies of the emulator.
 */
export default libraryBuild({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  dts: { ...workspaceTypes, entry: { index: 'src/index.ts' } },
  noExternal: [
    '@duanxin/shared',
    '@duanxin/connector-aliyun-sms',
    '@duanxin/connector-tencent-sms',
  ],
  external: ['@logto/connector-kit', 'got', 'hpagent', 'libphonenumber-js', 'proxy-from-env'],
  treeshake: { preset: 'smallest' },
});
