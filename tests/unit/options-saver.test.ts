import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottledSaver } from '../../components/options/saver';

describe('throttled saver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (fail = false) => {
    const written: number[] = [];
    const errors: unknown[] = [];
    const saver = createThrottledSaver<number>(
      async (value) => {
        written.push(value);
        if (fail) throw new Error('quota');
      },
      { intervalMs: 500, onError: (e) => errors.push(e), now: () => Date.now() },
    );
    return { saver, written, errors };
  };

  it('writes the first value at once, then the latest one per interval', async () => {
    const { saver, written } = setup();
    saver.save(1);
    expect(written).toEqual([1]);
    for (let v = 2; v <= 30; v++) {
      saver.save(v);
      await vi.advanceTimersByTimeAsync(20);
    }
    // 29 changes over 580 ms: one write when the interval ended, the last one still waiting.
    expect(written).toEqual([1, 26]);
    expect(saver.busy()).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(written).toEqual([1, 26, 30]);
    expect(saver.busy()).toBe(false);
    // After a quiet interval, the next change is written at once again.
    await vi.advanceTimersByTimeAsync(500);
    saver.save(31);
    expect(written).toEqual([1, 26, 30, 31]);
  });

  it('saveNow drops the waiting value, and flush writes it at once', async () => {
    const { saver, written } = setup();
    saver.save(1);
    saver.save(2);
    await saver.saveNow(99);
    saver.save(3);
    expect(written).toEqual([1, 99]);
    saver.flush();
    expect(written).toEqual([1, 99, 3]);
    // The dropped value 2 is never written.
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual([1, 99, 3]);
  });

  it('reports failed writes', async () => {
    const { saver, errors } = setup(true);
    saver.save(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(String(errors[0])).toMatch(/quota/);
    await expect(saver.saveNow(2)).rejects.toThrow('quota');
  });
});
