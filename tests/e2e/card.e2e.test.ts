import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { open, setSettings, startHarness } from './harness';
import { restPoint } from './pointer';
import { FIXTURES } from './server';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";
const h = startHarness({
  '/strict-csp.html': {
    body: readFileSync(resolve(FIXTURES, 'demo.html'), 'utf8').replace(/<style>[\s\S]*?<\/style>/, ''),
    headers: { 'content-security-policy': CSP },
  },
});
afterEach(() => setSettings(h, {}));

const CARD = 'palermo-lens-card .pl-card';
const title = (page: Page) => page.locator(`${CARD} .pl-entry__title`).textContent();
const cardOpen = (page: Page) =>
  page
    .locator(CARD)
    .count()
    .then((n) => n > 0);

/**
 * Rests the pointer on the first highlight of an entry (inside `within`, if given), on its own
 * text rather than on a name nested in it.
 */
async function restOn(page: Page, id: string, within = 'body') {
  const mark = page.locator(`${within} [data-glossary-id="${id}"]`).first();
  await mark.scrollIntoViewIfNeeded();
  const point = await restPoint(mark);
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector(CARD, { timeout: 3000 });
  return mark;
}

describe('hover card (Chromium, built extension)', () => {
  it('opens on the entry the pointer rests on, with its content', async () => {
    const { page } = await open(h, '/demo.html');
    await restOn(page, 'greta');
    expect(await title(page)).toBe('Group of Experts on Action against Trafficking in Human Beings');
    const text = await page.locator(CARD).textContent();
    expect(text).toContain('GRETA');
    expect(text).toContain('Monitoring mechanisms and mandates');
    expect(await page.locator(`${CARD} [role="note"]`).count()).toBe(1); // the document's imprecision
    expect(await page.getAttribute('palermo-lens-card', 'data-palermo-lens-ui')).toBe('');
    await page.close();
  });

  it('opens nothing when the pointer sweeps slowly along a long highlight, longer than the hover delay', async () => {
    // A long hover delay, so that a slow machine cannot stretch one step of the sweep into a rest.
    const delay = 1000;
    await setSettings(h, { hoverDelayMs: delay });
    const { page } = await open(h, '/demo.html');
    const mark = page.locator('[data-glossary-id="coe-convention"]').first();
    await mark.scrollIntoViewIfNeeded();
    const line = await mark.evaluate((el) => {
      const r = el.getClientRects()[0] as DOMRect;
      return { x: r.x, y: r.y + r.height / 2, width: r.width };
    });
    // 3 px every 40 ms: a reader's pointer gliding along the line, never resting on it.
    let onMark = 0;
    let longestStep = 0;
    const started = Date.now();
    let last = started;
    for (let x = line.x + 2; x < line.x + line.width - 2 && Date.now() - started < 2.5 * delay; x += 3) {
      await page.mouse.move(x, line.y);
      longestStep = Math.max(longestStep, Date.now() - last);
      last = Date.now();
      const hit = await page.evaluate(
        ([px, py]) => !!document.elementFromPoint(px as number, py as number)?.closest('[data-glossary-id]'),
        [x, line.y],
      );
      if (hit) onMark++;
      await page.waitForTimeout(40);
    }
    expect(Date.now() - started).toBeGreaterThan(2 * delay);
    expect(longestStep, 'no step of the sweep may last as long as the hover delay').toBeLessThan(delay / 2);
    expect(onMark).toBeGreaterThan(20); // the pointer really was on highlights the whole way
    expect(await cardOpen(page)).toBe(false);
    // Resting at the end opens it: the sweep did not just miss the highlights.
    await page.waitForSelector(CARD, { timeout: delay + 3000 });
    await page.close();
  });

  it('stays open while the pointer travels to the card, and closes after leaving both', async () => {
    const { page } = await open(h, '/demo.html');
    await restOn(page, 'unodc');
    const card = await page.locator(CARD).boundingBox();
    if (!card) throw new Error('no card');
    await page.mouse.move(card.x + card.width / 2, card.y + 20, { steps: 6 });
    await page.waitForTimeout(500);
    expect(await cardOpen(page)).toBe(true);
    await page.mouse.move(card.x + card.width / 2, card.y + card.height + 120);
    await page.waitForFunction(
      (sel) => !document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector(sel),
      '.pl-card',
    );
    await page.close();
  });

  it('closes on Escape and on a click outside; a pin or a click on the highlight keeps it', async () => {
    const { page } = await open(h, '/demo.html');
    await restOn(page, 'ilo');
    await page.keyboard.press('Escape');
    expect(await cardOpen(page)).toBe(false);
    await page.mouse.move(5, 5);

    await restOn(page, 'ilo');
    await page.mouse.click(5, 5);
    expect(await cardOpen(page)).toBe(false);

    const mark = await restOn(page, 'ilo');
    await mark.click();
    await page.mouse.move(5, 700);
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);

    await restOn(page, 'osce');
    await page.locator(`${CARD} button[aria-pressed]`).click();
    expect(await page.locator(`${CARD} button[aria-pressed="true"]`).count()).toBe(1);
    await page.mouse.move(5, 700);
    await page.waitForTimeout(700);
    expect(await cardOpen(page)).toBe(true);
    await page.close();
  });

  it('shows a related entry in the same card, with a way back', async () => {
    const { page } = await open(h, '/demo.html');
    await restOn(page, 'greta');
    await page.locator(`${CARD} .pl-related__button`, { hasText: 'Council of Europe Convention' }).click();
    expect(await title(page)).toBe('Council of Europe Convention on Action against Trafficking in Human Beings');
    await page.locator(`${CARD} button`, { hasText: 'Back' }).click();
    expect(await title(page)).toBe('Group of Experts on Action against Trafficking in Human Beings');
    await page.close();
  });

  it('shows French content on a French page, English content in English text', async () => {
    const { page } = await open(h, '/demo-fr.html');
    await restOn(page, 'unodc', '#fr-1');
    expect(await title(page)).toBe('Office des Nations unies contre la drogue et le crime');
    expect(await page.locator(CARD).getAttribute('lang')).toBe('fr');
    await page.keyboard.press('Escape');
    await restOn(page, 'unodc', '#en-in-fr');
    expect(await title(page)).toBe('United Nations Office on Drugs and Crime');
    // The setting overrides the page's language.
    await page.keyboard.press('Escape');
    await setSettings(h, { cardLanguage: 'en' });
    await restOn(page, 'greta', '#fr-2');
    expect(await title(page)).toBe('Group of Experts on Action against Trafficking in Human Beings');
    await page.close();
  });

  it('stays inside the viewport at all four edges and next to the hovered line', async () => {
    const { page } = await open(h, '/edges.html');
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    for (const corner of ['#top-left', '#top-right', '#bottom-left', '#bottom-right']) {
      await restOn(page, 'unodc', corner);
      const card = await page.locator(CARD).boundingBox();
      expect(card, corner).not.toBeNull();
      if (!card) continue;
      expect(card.x, corner).toBeGreaterThanOrEqual(0);
      expect(card.y, corner).toBeGreaterThanOrEqual(0);
      expect(card.x + card.width, corner).toBeLessThanOrEqual(viewport.width);
      expect(card.y + card.height, corner).toBeLessThanOrEqual(viewport.height);
      await page.keyboard.press('Escape');
      await page.mouse.move(viewport.width / 2, 120); // nothing there
    }
    // A highlight that wraps over lines: the card sits by the line under the pointer.
    const rects = await page
      .locator('#wrap [data-glossary-id="coe-convention"]')
      .evaluate((el) => [...el.getClientRects()].map((r) => r.toJSON()));
    expect(rects.length).toBeGreaterThan(2);
    const last = rects[rects.length - 1] as DOMRect;
    const point = { x: last.x + 3, y: last.y + last.height / 2 };
    await page.mouse.move(point.x, point.y);
    await page.waitForSelector(CARD);
    // The line box of the highlight under the pointer (it may be a name nested in the convention's).
    const line = await page.evaluate(({ x, y }) => {
      const mark = document.elementFromPoint(x, y)?.closest('palermo-mark');
      const rect = [...(mark?.getClientRects() ?? [])].find((r) => r.top <= y && y <= r.bottom);
      return rect?.toJSON() as DOMRect;
    }, point);
    const card = await page.locator(CARD).boundingBox();
    if (!card || !line) throw new Error('no card or line');
    const gap = Math.min(Math.abs(card.y - line.bottom), Math.abs(card.y + card.height - line.top));
    expect(gap).toBeLessThan(12);
    await page.close();
  });

  it('moves to the next highlight and opens its card from the keyboard path, Escape returns focus', async () => {
    const { page } = await open(h, '/demo.html');
    // Focus starts on a control of the page, which must get it back after Escape.
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '#start', id: 'start', textContent: 'Start' });
      document.body.prepend(link);
      link.focus();
    });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    const worker = h.browser.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker');
    // What the next-mention command does: the background sends step-mention to the tab.
    const step = (direction: 1 | -1) =>
      worker.evaluate(async (dir) => {
        type Tabs = {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, m: object, o: object): Promise<unknown>;
        };
        const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.sendMessage(tab?.id as number, { type: 'step-mention', direction: dir }, { frameId: 0 });
      }, direction);
    /** The index of the highlight the card is open on, among the outer highlights. */
    const active = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('palermo-mark:not([data-glossary-inner])')].findIndex((m) =>
          m.hasAttribute('data-glossary-active'),
        ),
      );
    /** Steps and waits until the card is open on highlight `index`. */
    const stepTo = async (direction: 1 | -1, index: number) => {
      expect(await step(direction)).toBe(true);
      await page.waitForFunction(
        (i) =>
          [...document.querySelectorAll('palermo-mark:not([data-glossary-inner])')].findIndex((m) =>
            m.hasAttribute('data-glossary-active'),
          ) === i,
        index,
      );
      expect(await page.locator('[data-glossary-active]').count()).toBe(1);
    };
    const last = (await page.locator('palermo-mark:not([data-glossary-inner])').count()) - 1;
    expect(last).toBeGreaterThan(2);
    expect(await active()).toBe(-1);
    await stepTo(1, 0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('PALERMO-LENS-CARD');
    await stepTo(1, 1);
    await stepTo(-1, 0);
    await stepTo(-1, last); // from the first, back wraps round to the last
    expect(await page.locator(CARD).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector('.pl-card'),
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    await page.close();
  });

  it('closes without errors when its highlight disappears', async () => {
    const { page, errors } = await open(h, '/demo.html');
    const mark = await restOn(page, 'greta');
    await mark.click();
    await page.evaluate(() => document.querySelector('[data-glossary-id="greta"]')?.closest('p')?.remove());
    await page.waitForFunction(
      () => !document.querySelector('palermo-lens-card')?.shadowRoot?.querySelector('.pl-card'),
      null,
      {
        timeout: 3000,
      },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no axe violations, light and dark, English and French', async () => {
    for (const [path, id, scheme] of [
      ['/demo.html', 'greta', 'light'],
      ['/demo.html', 'hrc', 'dark'],
      ['/demo-fr.html', 'coe-convention', 'light'],
      ['/demo-fr.html', 'iom', 'dark'],
    ] as const) {
      const { page } = await open(h, path);
      await page.emulateMedia({ colorScheme: scheme });
      const mark = await restOn(page, id);
      await mark.click(); // pinned: the pointer may move away during the check
      await page.locator(`${CARD} details`).evaluateAll((ds) => {
        for (const d of ds) (d as HTMLDetailsElement).open = true;
      });
      await page.addScriptTag({ path: resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(
        `axe.run({ include: [{ fromShadowDom: ['palermo-lens-card', '.pl-card'] }] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
      );
      expect(violations, `${path} ${id} ${scheme}`).toEqual([]);
      await page.close();
    }
  });

  it('works on a page with a strict Content-Security-Policy and Trusted Types', async () => {
    const { page, errors } = await open(h, '/strict-csp.html');
    expect(await page.locator('[data-glossary-id="greta"]').count()).toBeGreaterThan(0);
    await restOn(page, 'greta');
    const styled = await page
      .locator(CARD)
      .evaluate((el) => ({ bg: getComputedStyle(el).backgroundColor, radius: getComputedStyle(el).borderRadius }));
    expect(styled.radius).toBe('10px'); // the card's own style sheet applied in the shadow root
    expect(styled.bg).not.toBe('rgba(0, 0, 0, 0)');
    const underline = await page
      .locator('[data-glossary-id="unodc"]')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(underline).toBe('underline'); // the highlights' style sheet applied too
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays next to its highlight and inside the viewport on a zoomed page', async () => {
    const { page } = await open(h, '/demo.html');
    await page.evaluate(() => {
      document.documentElement.style.zoom = '1.6';
    });
    const mark = await restOn(page, 'unodc');
    const card = await page.locator(CARD).boundingBox();
    const line = await mark.evaluate((el) => el.getClientRects()[0]?.toJSON() as DOMRect);
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    if (!card) throw new Error('no card');
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
    expect(card.y + card.height).toBeLessThanOrEqual(viewport.height);
    const gap = Math.min(Math.abs(card.y - line.bottom), Math.abs(card.y + card.height - line.top));
    expect(gap).toBeLessThan(12);
    await page.close();
  });

  it('shows above a page element in fullscreen', async () => {
    const { page } = await open(h, '/demo.html');
    // A reader puts part of the page in fullscreen (the page's own code, on a click).
    await page.evaluate(() => {
      document.body.addEventListener('dblclick', () => document.querySelector('main')?.requestFullscreen(), {
        once: true,
      });
    });
    await page.dblclick('h1');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    await restOn(page, 'trafficking-in-human-beings', 'h1'); // near the top of the fullscreen element
    // The card's host is in the top layer, opened after the fullscreen element: drawn above it.
    const state = await page.evaluate(() => ({
      fullscreen: document.fullscreenElement?.tagName,
      topLayer: document.querySelector('palermo-lens-card')?.matches(':popover-open'),
    }));
    expect(state).toEqual({ fullscreen: 'MAIN', topLayer: true });
    const box = await page.locator(CARD).boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    await page.close();
  });

  it('opens inside a frame, next to the highlight there', async () => {
    const { page } = await open(h, '/frames.html');
    const frame = page.frame({ url: /frame-child/ });
    if (!frame) throw new Error('no frame');
    const mark = frame.locator('#in-frame [data-glossary-id="coe-convention"]');
    await mark.waitFor();
    const point = await restPoint(mark);
    const offset = await page.locator('#child').boundingBox();
    if (!offset) throw new Error('no iframe box');
    await page.mouse.move(offset.x + point.x, offset.y + point.y);
    await frame.waitForSelector(CARD);
    expect(await frame.locator(`${CARD} .pl-entry__title`).textContent()).toBe(
      'Council of Europe Convention on Action against Trafficking in Human Beings',
    );
    await page.close();
  });

  it('opens inside a srcdoc frame, which has no address of its own', async () => {
    const { page } = await open(h, '/iframes.html');
    const iframe = page.locator('iframe[title="frame 0"]');
    const frame = await (await iframe.elementHandle())?.contentFrame();
    if (!frame) throw new Error('no srcdoc frame');
    const mark = frame.locator('[data-glossary-id="unodc"]');
    await mark.waitFor();
    const point = await restPoint(mark);
    const offset = await iframe.boundingBox();
    if (!offset) throw new Error('no iframe box');
    await page.mouse.move(offset.x + point.x, offset.y + point.y);
    await frame.waitForSelector(CARD);
    expect(await frame.locator(`${CARD} .pl-entry__title`).textContent()).toBe(
      'United Nations Office on Drugs and Crime',
    );
    // Only that frame has a card.
    expect(await page.locator('palermo-lens-card').count()).toBe(0);
    await page.close();
  });
});
