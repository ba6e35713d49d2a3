import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import base from '../../vitest.config.js';

/**
 * `pnpm test:nocobase` (test/nocobase/): installs a NocoBase server from npm and runs the plugin
 * in it, so it takes minutes the first time and npm's registry; `pnpm test` leaves it out.
 */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('../../', import.meta.url)),
  test: {
    ...base.test,
    include: ['packages/nocobase-plugin-sms/test/nocobase/**/*.e2e.ts'],
    exclude: [],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 1_800_000,
  },
});
