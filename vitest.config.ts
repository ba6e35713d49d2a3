import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('packages/', import.meta.url));

export default defineConfig({
  resolve: {
    // Workspace packages are tested from their sources: no previous build is needed.
    alias: [
      {
        find: /^@duanxin\/([a-z0-9-]+)\/emulator$/,
        replacement: `${packages}$1/emulator/index.ts`,
      },
      {
        find: /^@duanxin\/verification\/http$/,
        replacement: `${packages}verification/src/http.ts`,
      },
      { find: /^@duanxin\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/index.ts` },
    ],
  },
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/emulator/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // pnpm test:release (vitest.release.config.ts).
    exclude: [...configDefaults.exclude, 'test/release/**'],
    setupFiles: ['packages/shared/test/loopback-guard.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
