import { glossary } from '../../glossary';
import { compileMatcher } from '../../glossary/matcher';
import { DEFAULT_LOOK, highlightCss } from './highlight-style';
import { Highlighter, UI_ATTRIBUTE } from './highlighter';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    if (!document.body) return;
    const style = document.createElement('style');
    style.setAttribute(UI_ATTRIBUTE, '');
    style.textContent = highlightCss(DEFAULT_LOOK);
    document.documentElement.append(style);

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const highlighter = new Highlighter({ matcher: compileMatcher(glossary), signal: controller.signal });
    void highlighter.start();
  },
});
