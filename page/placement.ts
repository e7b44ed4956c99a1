/**
 * Where the card points: the line box of a highlight under the pointer. A highlight that wraps
 * over several lines has one client rect per line, and the card belongs next to the one the reader
 * is looking at (Floating UI's `inline` middleware spans all lines when they touch).
 */
export interface Point {
  x: number;
  y: number;
}

type RectLike = Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right'>;

/** The rect under the point, else the one nearest to it vertically, else undefined for none. */
export function lineRectAt<R extends RectLike>(rects: readonly R[], point: Point | null): R | undefined {
  const boxes = rects.filter((r) => r.right > r.left && r.bottom > r.top);
  if (!point) return boxes[0];
  const distance = (r: R) =>
    Math.max(r.top - point.y, 0, point.y - r.bottom) * 1000 + Math.max(r.left - point.x, 0, point.x - r.right);
  return boxes.reduce<R | undefined>(
    (best, r) => (best === undefined || distance(r) < distance(best) ? r : best),
    undefined,
  );
}
