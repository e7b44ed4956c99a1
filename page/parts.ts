/**
 * The content script runs as separate parts (highlighting, the card, the keyboard path, the
 * popup's messages), each failing on its own: an error in one is logged with its name and the
 * others keep working, as Refined GitHub does for its features. A page that breaks the card must
 * not take its highlights away, nor must damaged settings silence the popup.
 */

/** Logs a part's failure, for whoever opens the console of a page where something is missing. */
export function reportFailure(part: string, error: unknown): void {
  console.error('Palermo Lens:', `${part} failed:`, error);
}

/**
 * Starts one part. A throw, or the rejection of the promise it returns, is reported and gives
 * undefined: the parts that use it check for it.
 */
export function startPart<T>(part: string, start: () => Promise<T>): Promise<T | undefined>;
export function startPart<T>(part: string, start: () => T): T | undefined;
export function startPart<T>(part: string, start: () => T | Promise<T>): T | undefined | Promise<T | undefined> {
  try {
    const started = start();
    if (!(started instanceof Promise)) return started;
    return started.catch((error: unknown) => {
      reportFailure(part, error);
      return undefined;
    });
  } catch (error) {
    reportFailure(part, error);
    return undefined;
  }
}

/** A callback of a part (a message or storage listener) whose throw is reported, not spread. */
export function guarded<A extends unknown[], R>(
  part: string,
  callback: (...args: A) => R,
): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return callback(...args);
    } catch (error) {
      reportFailure(part, error);
      return undefined;
    }
  };
}
