import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { prepareLookTerms, prepareMatcher } from './glossary/prepare-matcher';
import { parseGlossary } from './glossary/schema';
import { GECKO_ID } from './lib/gecko-id';

const readGlossary = () =>
  parseGlossary(JSON.parse(readFileSync(new URL('./glossary/entries.json', import.meta.url), 'utf8')));

/**
 * The matcher's glossary-only work, done once at build time: `virtual:prepared-matcher` for the
 * highlighter (page/engine.ts), and `virtual:look-terms`, only the words each term requires, for the
 * content script's first look at a frame (glossary/look-words.ts, page/first-look.ts).
 */
function preparedMatcher(): Plugin {
  /** Prepared once per build (both modules come from the same glossary), again when a rebuild starts. */
  let prepared: { matcher?: ReturnType<typeof prepareMatcher>; look?: ReturnType<typeof prepareLookTerms> } = {};
  let glossary: ReturnType<typeof readGlossary> | undefined;
  const read = () => {
    glossary ??= readGlossary();
    return glossary;
  };
  const modules: Record<string, () => unknown> = {
    'virtual:prepared-matcher': () => (prepared.matcher ??= prepareMatcher(read())),
    'virtual:look-terms': () => (prepared.look ??= prepareLookTerms(read())),
  };
  return {
    name: 'palermo-lens:prepared-matcher',
    buildStart() {
      prepared = {};
      glossary = undefined;
    },
    resolveId: (source) => (Object.hasOwn(modules, source) ? `\0${source}` : undefined),
    load(resolved) {
      const make = modules[resolved.replace(/^\0/, '')];
      if (!resolved.startsWith('\0') || !make) return undefined;
      this.addWatchFile(new URL('./glossary/entries.json', import.meta.url).pathname);
      // The prepared matcher (150 KB) as a string for JSON.parse, which V8 reads faster than an
      // object literal of that size; the look's terms (8 KB) stay a literal.
      const json = JSON.stringify(make());
      return `export default ${json.length > 20_000 ? `JSON.parse(${JSON.stringify(json)})` : json};`;
    },
  };
}

export default defineConfig({
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // The content script is registered from the background (or put into a tab on request), and the
    // card's script into a frame at its first use: scripting, with host access to every page (the
    // access a manifest content script on <all_urls> implies, with the same install warning), and
    // activeTab, so that "only when I ask" works on a tab where that access was withdrawn
    // (lib/content-scripts.ts).
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: ['<all_urls>'],
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNext__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandPrevious__',
      },
      'highlight-page': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandHighlightPage__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140: the first version that knows data_collection_permissions (and the current ESR).
          strict_min_version: '140.0',
          // Nothing leaves the machine: declared for Firefox's data-collection consent.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  vite: () => ({
    plugins: [preparedMatcher()],
    build: {
      rollupOptions: {
        // jsonc-parser (reading imported files) builds tables when it is evaluated but changes
        // nothing else; its package does not say so, which kept it in every bundle that imports
        // a module next to it (the content script's, through lib/storage.ts), used or not.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/jsonc-parser/') },
      },
    },
  }),
  // The sources archive Firefox's review asks for: what builds the extension, not its pictures.
  zip: { excludeSources: ['screenshots/**', 'docs/**', 'bench-results/**', 'test-results/**'] },
  hooks: {
    // The content script runs in every frame of every page: there, `wxt/browser` is the browser's
    // own API (what WXT gives without the polyfill), since evaluating webextension-polyfill cost
    // about 7 ms of a page's start-up (a CPU profile of the plain article). The scripts it loads
    // when they are needed (engine.js, card-ui.js) and the extension's pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'content')) return;
      const plain = new URL('./node_modules/wxt/dist/browser.mjs', import.meta.url).pathname;
      config.resolve ??= {};
      const { alias } = config.resolve;
      if (Array.isArray(alias)) alias.unshift({ find: /^wxt\/browser$/, replacement: plain });
      else config.resolve.alias = { ...alias, 'wxt/browser': plain };
    },
    // A broken glossary entry fails the build, with a message naming the entry and field.
    'build:before': () => {
      readGlossary();
    },
  },
});
