import { defineConfig } from 'wxt';

export const GECKO_ID = 'palermo-lens@palermo-lens.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '128.0' },
    },
  },
});
