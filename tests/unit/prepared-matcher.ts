/** `virtual:prepared-matcher` for unit tests (vitest.config.ts): what the build computes (wxt.config.ts). */
import { glossary } from '../../glossary';
import { prepareMatcher } from '../../glossary/prepare-matcher';

export default prepareMatcher(glossary);
