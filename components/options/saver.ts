/**
 * Saving settings as they change, without flooding storage: a slider or a colour picker can
 * change many times a second, and storage.sync allows 120 writes a minute. The latest value is
 * written at once, then at most once per interval; values in between are dropped, never reordered.
 * No browser APIs: the write function is given.
 */
export interface ThrottledSaver<T> {
  /** Saves `value` now, or as soon as the interval allows (only the latest value waits). */
  save(value: T): void;
  /** Saves `value` now, dropping any waiting value; the promise settles with the write. */
  saveNow(value: T): Promise<void>;
  /** Writes a waiting value at once (the page is closing). */
  flush(): void;
  /** Whether a value is waiting or being written: storage echoes of older values are stale then. */
  busy(): boolean;
}

export function createThrottledSaver<T>(
  write: (value: T) => Promise<void>,
  options: { intervalMs: number; onError: (error: unknown) => void; onSaved?: () => void; now?: () => number },
): ThrottledSaver<T> {
  const now = options.now ?? (() => Date.now());
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing = 0;
  let lastWrite = Number.NEGATIVE_INFINITY;

  const start = (value: T): Promise<void> => {
    lastWrite = now();
    writing++;
    return write(value).finally(() => {
      writing--;
    });
  };
  const run = () => {
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    start(value).then(() => options.onSaved?.(), options.onError);
  };
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    save(value) {
      waiting = { value };
      if (timer !== null) return;
      const wait = lastWrite + options.intervalMs - now();
      if (wait <= 0) run();
      else
        timer = setTimeout(() => {
          timer = null;
          run();
        }, wait);
    },
    saveNow(value) {
      clearTimer();
      waiting = null;
      return start(value);
    },
    flush() {
      clearTimer();
      run();
    },
    busy: () => waiting !== null || timer !== null || writing > 0,
  };
}
