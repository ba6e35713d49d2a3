import { defineConfig } from 'vitest/config';

import base from './vitest.config.js';

/**
 * `pnpm test:release` (test/release/): publishes to a local registry and installs from it as
 * users do, so it takes minutes and npm's registry for public dependencies; `pnpm test` leaves
 * it out.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/release/**/*.test.ts'],
    exclude: [],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
