import type { Locator } from 'playwright-core';

/**
 * A point on a highlight's own text (not on a name nested in it), in viewport coordinates:
 * where a reader would rest the pointer to read about it.
 */
export function restPoint(mark: Locator): Promise<{ x: number; y: number }> {
  return mark.evaluate((el) => {
    const own = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const range = document.createRange();
    if (own) range.selectNodeContents(own);
    const rect = (own ? range.getClientRects()[0] : el.getClientRects()[0]) as DOMRect;
    return { x: rect.x + Math.min(4, rect.width / 2), y: rect.y + rect.height / 2 };
  });
}
