/** `virtual:look-terms` for unit tests (vitest.config.ts): what the build computes (wxt.config.ts). */
import preparedMatcher from './prepared-matcher';

export default preparedMatcher.lookTerms.join('\n');
