import { defineConfig } from 'tsup';

/**
 * ESM with type declarations. `@duanxin/shared` (phone parsing) is bundled, so that only what
 * package.json declares is needed at run time; ioredis stays an optional peer, imported only by
 * `createRedisStore({ url })`.
 */
export default defineConfig({
  // `@duanxin/verification/http` is an entry of its own: apps without HTTP routes never load it.
  entry: ['src/index.ts', 'src/http.ts'],
  outDir: 'lib',
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  dts: true,
  sourcemap: false,
  treeshake: { preset: 'smallest' },
  noExternal: ['@duanxin/shared'],
  // What the bundled shared code imports but phone parsing does not need is left out entirely.
  external: [
    'ioredis',
    'libphonenumber-js',
    '@logto/connector-kit',
    'zod',
    'got',
    'hpagent',
    'proxy-from-env',
  ],
});
