import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/) in real browsers. One file at a time: the
// machines have two cores and each file starts its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    // One retry: real browsers on a noisy two-core machine occasionally stumble (a protocol error,
    // a slow start); a real bug fails twice.
    retry: 1,
    hookTimeout: 60_000,
  },
});
