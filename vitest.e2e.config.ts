import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/) in real browsers. One file at a time: the
// machines have two cores and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
