/**
 * The content script, in every frame of every page: its first look (page/first-look.ts), which
 * carries only the words each term requires and loads the highlighter into the frame when the
 * frame holds all of some term's, or when the popup or a shortcut asks. It runs under WXT's `ctx`, which
 * stops it when the extension is updated or removed.
 */
import lookTerms from 'virtual:look-terms';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startFirstLook } from '../../page/first-look';
import { startPart } from '../../page/parts';

export default defineContentScript({
  // Not in the manifest: the background registers it for every page, or puts it into a tab when
  // the user asks ("only when I ask"), lib/content-scripts.ts. WXT adds `matches` to the
  // manifest's host permissions.
  registration: 'runtime',
  matches: ['<all_urls>'],
  // WXT's context announces a new content script with an event on the document; without this, a
  // `postMessage` too, which every frame's own message listeners would receive (and some break on).
  noScriptStartedPostMessage: true,
  main(ctx) {
    if (!document.body) return;
    startPart('highlighting', () => startFirstLook(ctx, lookTerms));
  },
});
