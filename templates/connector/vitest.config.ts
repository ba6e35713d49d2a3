import { defineConfig } from 'vitest/config';

// Inside the duanxin repository the root config runs these tests instead.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
