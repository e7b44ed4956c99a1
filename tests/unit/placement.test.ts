import { describe, expect, it } from 'vitest';
import { lineRectAt } from '../../page/placement';

const rect = (top: number, left: number, right: number) => ({ top, bottom: top + 17, left, right });
const lines = [rect(362, 499, 553), rect(384, 440, 509), rect(407, 440, 543), rect(474, 440, 545)];

describe('lineRectAt', () => {
  it('picks the line under the pointer', () => {
    expect(lineRectAt(lines, { x: 443, y: 482 })).toBe(lines[3]);
    expect(lineRectAt(lines, { x: 520, y: 370 })).toBe(lines[0]);
  });
  it('picks the nearest line when the pointer is between lines or beside them', () => {
    expect(lineRectAt(lines, { x: 445, y: 402 })).toBe(lines[1]);
    expect(lineRectAt(lines, { x: 600, y: 410 })).toBe(lines[2]);
  });
  it('uses the first line without a pointer (keyboard), and skips empty rects', () => {
    expect(lineRectAt([rect(0, 5, 5), ...lines], null)).toBe(lines[0]);
    expect(lineRectAt([], { x: 0, y: 0 })).toBeUndefined();
  });
});
