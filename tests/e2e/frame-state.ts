import { FIRST_LOOK_MEASURE } from '../../page/first-look';
import { MEASURE_NAME } from '../../page/highlighter';

/** The measures `isSettled` reads, its argument. */
export const SETTLED_MEASURES = { pass: MEASURE_NAME, look: FIRST_LOOK_MEASURE };

/**
 * Read in a page: whether the extension is done with it as loaded (a highlight pass has finished,
 * or the content script's first look found nothing and left the highlighter unloaded).
 */
export const isSettled = ({ pass, look }: typeof SETTLED_MEASURES) =>
  performance.getEntriesByName(pass).length > 0 ||
  performance.getEntriesByName(look).some((m) => (m as PerformanceMeasure).detail?.candidate === false);

/**
 * What a frame shows of the content script, read in the frame (Playwright's or Puppeteer's
 * `frame.evaluate(contentScriptState, FIRST_LOOK_MEASURE)`): whether it ran there (its first
 * look's measure, recorded on every page, whether it names something or not) and how many
 * highlights the frame has.
 */
export const contentScriptState = (firstLook: string) => ({
  started: performance.getEntriesByName(firstLook).length > 0,
  highlights: document.querySelectorAll('palermo-mark').length,
});
