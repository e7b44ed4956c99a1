import { readFileSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { parseGlossary } from './glossary/schema';

export const GECKO_ID = 'palermo-lens@palermo-lens.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } },
    }),
  }),
  hooks: {
    // A broken glossary entry fails the build, with a message naming the entry and field.
    'build:before': () => {
      parseGlossary(JSON.parse(readFileSync(new URL('./glossary/entries.json', import.meta.url), 'utf8')));
    },
  },
});
