/** `virtual:look-terms` for unit tests (vitest.config.ts): what the build computes (wxt.config.ts). */
import { glossary } from '../../glossary';
import { prepareLookTerms } from '../../glossary/prepare-matcher';

export default prepareLookTerms(glossary);
