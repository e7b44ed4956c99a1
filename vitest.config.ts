import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // The build computes it in wxt.config.ts; the tests that import the content script get the same.
  resolve: { alias: { 'virtual:prepared-matcher': resolve(import.meta.dirname, 'tests/unit/prepared-matcher.ts') } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
