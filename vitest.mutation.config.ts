import { defineConfig, mergeConfig } from 'vitest/config';
import { FailedFileAsFailedTest } from './tests/mutation/failed-file-as-failed-test';
import unit from './vitest.config';

// `npm run mutation` (stryker.config.json): the unit tests, with a test file that fails to load counted as failing.
export default mergeConfig(unit, defineConfig({ test: { reporters: ['default', new FailedFileAsFailedTest()] } }));
