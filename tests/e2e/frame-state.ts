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
