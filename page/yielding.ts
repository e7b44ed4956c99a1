/**
 * When the highlighter works: its passes start after the browser has painted, and each slice of a
 * pass is a task of its own, queued behind the page's work.
 */

/**
 * Resolves after the browser's next frame: by then it has styled what the page just added, so
 * our visibility checks do not force that work early. Hidden tabs do not paint: a timeout stands in.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Resolves in a new task queued behind the page's own work (its timers, input, rendering). Not
 * `scheduler.yield()`: its continuation runs ahead of the page's timers, which then starved for
 * the whole pass (a page ticking every 10 ms saw no tick for a second). Not `setTimeout(0)`
 * either: nested, it waits 4 ms each time. A message to ourselves is a plain task.
 */
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];
export const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
