import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // The build computes them in wxt.config.ts; the tests that import the content scripts get the same.
  resolve: {
    alias: {
      'virtual:prepared-matcher': resolve(import.meta.dirname, 'tests/unit/prepared-matcher.ts'),
      'virtual:look-terms': resolve(import.meta.dirname, 'tests/unit/look-terms.ts'),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
  },
});
