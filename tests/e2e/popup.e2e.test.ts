import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entryTitle } from '../../components/EntryView';
import { entryById } from '../../glossary';
import { CATEGORIES } from '../../glossary/categories';
import { entry, names } from '../unit/helpers';
import { type ExtensionBrowser, launchChromium } from './chromium';
import { axeViolations, openPopup, openTab, store } from './extension-pages';
import { setSettings, startHarness, waitForPass } from './harness';

const h = startHarness();
afterEach(() => setSettings(h, {}));

/** The demo page, highlighted, and a popup for it. */
async function demoWithPopup() {
  const { page, tabId } = await openTab(h.browser, h.server.url('/demo.html'));
  await waitForPass(page);
  const { popup, errors } = await openPopup(h.browser, tabId);
  await popup.waitForSelector('.pp-entries [data-entry-id]');
  return { page, popup, errors, tabId };
}

/** [id, count] for each entry highlighted in the page, in order of first appearance. */
const pageCounts = (page: Page) =>
  page.$$eval('[data-glossary-id]', (els) => {
    const counts = new Map<string, number>();
    for (const el of els) {
      const id = el.getAttribute('data-glossary-id') as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts];
  });

/** [id, count] for each entry the popup lists. */
const popupCounts = (popup: Page) =>
  popup.$$eval('.pp-entries [data-entry-id]', (buttons) =>
    buttons.map((b) => [
      b.getAttribute('data-entry-id') as string,
      Number(b.querySelector('[data-count]')?.getAttribute('data-count')),
    ]),
  );

const drawnLine = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => getComputedStyle(el).textDecorationLine));

describe('the toolbar popup (Chromium, built extension)', () => {
  it('lists the page’s entries and categories with the page’s own counts, in order of first appearance', async () => {
    const { page, popup, errors } = await demoWithPopup();
    const expected = await pageCounts(page);
    expect(expected.length).toBeGreaterThan(10);
    await expect.poll(() => popupCounts(popup)).toEqual(expected);

    // Each entry under its title in the UI language (English here), behind its category's dot.
    const titles = await popup.$$eval('.pp-entries [data-entry-id] .pp-row__title', (els) =>
      els.map((el) => el.textContent),
    );
    expect(titles).toEqual(expected.map(([id]) => entryTitle(entryById(id) as never, 'en').text));

    // Category totals: the page's highlights per category.
    const perCategory = await page.$$eval('[data-glossary-category]', (els) => {
      const counts: Record<string, number> = {};
      for (const el of els) {
        const c = el.getAttribute('data-glossary-category') as string;
        counts[c] = (counts[c] ?? 0) + 1;
      }
      return counts;
    });
    const shown = await popup.$$eval('.pp-categories [data-category]', (rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute('data-category'),
          Number(r.querySelector('[data-count]')?.getAttribute('data-count')),
        ]),
      ),
    );
    expect(shown).toEqual(Object.fromEntries(CATEGORIES.map((c) => [c, perCategory[c] ?? 0])));

    // The counts are read out in words, not as bare numbers.
    const [firstId, firstCount] = expected[0] as [string, number];
    const button = popup.locator(`.pp-entries [data-entry-id="${firstId}"]`);
    expect(await button.textContent()).toContain(`${firstCount} mention`);
    expect(await button.evaluate((b) => b.tagName)).toBe('BUTTON');
    expect(await popup.locator('.pp-entries > li').count()).toBe(expected.length);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('goes to the next mention of an entry, scrolled into view and flashed, at each click', async () => {
    const { page, popup, errors } = await demoWithPopup();
    // The entry mentioned more than once whose first mention is furthest down the page.
    const target = await page.evaluate(() => {
      const first = new Map<string, number>();
      const count = new Map<string, number>();
      for (const el of document.querySelectorAll('[data-glossary-id]:not([data-glossary-inner])')) {
        const id = el.getAttribute('data-glossary-id') as string;
        count.set(id, (count.get(id) ?? 0) + 1);
        if (!first.has(id)) first.set(id, el.getBoundingClientRect().top + window.scrollY);
      }
      return [...first].filter(([id]) => (count.get(id) ?? 0) >= 2).sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    });
    expect(target).toBeTruthy();
    await page.evaluate(() => window.scrollTo(0, 0));
    /** Which of the entry's highlights is flashed (-1: none), and whether it is in the viewport. */
    const flashed = (id: string) =>
      page.evaluate((entry) => {
        const marks = [...document.querySelectorAll(`[data-glossary-id="${entry}"]`)];
        const index = marks.findIndex((m) => m.hasAttribute('data-glossary-flash'));
        const box = marks[index]?.getBoundingClientRect();
        const inView = !!box && box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
        return { index, inView, scrollY: window.scrollY };
      }, id);
    expect((await flashed(target)).index).toBe(-1);

    await popup.locator(`.pp-entries [data-entry-id="${target}"]`).click();
    await expect.poll(() => flashed(target)).toMatchObject({ index: 0, inView: true });
    expect((await flashed(target)).scrollY).toBeGreaterThan(0);
    // The flash goes away by itself.
    await expect.poll(() => flashed(target), { timeout: 5000 }).toMatchObject({ index: -1 });

    await popup.locator(`.pp-entries [data-entry-id="${target}"]`).click();
    await expect.poll(() => flashed(target)).toMatchObject({ index: 1, inView: true });
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('switches the site off and on again, at once in the open tab', async () => {
    const { page, popup, errors } = await demoWithPopup();
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const marks = await page.locator('[data-glossary-id]').count();
    const toggle = popup.getByRole('switch', { name: 'Highlight on this site' });
    expect(await toggle.isChecked()).toBe(true);
    expect(await popup.locator('#pp-site-host').textContent()).toBe('127.0.0.1');

    await toggle.click();
    await page.waitForFunction(() => document.querySelectorAll('[data-glossary-id]').length === 0);
    expect(await toggle.isChecked()).toBe(false);
    await popup.getByText('Highlighting is off on this site.').waitFor();
    expect(await popup.locator('.pp-entries').count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      expect(await axeViolations(popup), `${colorScheme}, site off`).toEqual([]);
    }

    await toggle.click();
    await page.bringToFront(); // as with a real popup, the page is visible behind it
    await page.waitForFunction((n) => document.querySelectorAll('[data-glossary-id]').length === n, marks);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await expect.poll(() => popupCounts(popup)).toEqual(await pageCounts(page));
    expect(await toggle.isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('turns a category off and on in the tab', async () => {
    const { page, popup, errors } = await demoWithPopup();
    const bodies = '[data-glossary-category="bodies"]:not([data-glossary-inner])';
    expect(await drawnLine(page, bodies)).not.toContain('none');
    const checkbox = popup.getByRole('checkbox', { name: 'Bodies' });
    expect(await checkbox.isChecked()).toBe(true);
    expect(await popup.locator('.pp-entries [data-entry-id="unodc"]').count()).toBe(1);

    await checkbox.click();
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((el) => getComputedStyle(el).textDecorationLine === 'none'),
      bodies,
    );
    expect(await drawnLine(page, '[data-glossary-category="instruments"]:not([data-glossary-inner])')).not.toContain(
      'none',
    );
    // The popup no longer offers the entries it hides; the category keeps its count.
    expect(await popup.locator('.pp-entries [data-entry-id="unodc"]').count()).toBe(0);
    expect(await popup.locator('[data-category="bodies"] [data-count]').getAttribute('data-count')).not.toBe('0');

    await checkbox.click();
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((el) => getComputedStyle(el).textDecorationLine !== 'none'),
      bodies,
    );
    await popup.locator('.pp-entries [data-entry-id="unodc"]').waitFor();
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('searches the glossary by acronym or name and shows the entry, with related entries', async () => {
    const { page, tabId } = await openTab(h.browser, h.server.url('/demo.html'));
    const { popup, errors } = await openPopup(h.browser, tabId);
    const search = popup.getByRole('searchbox', { name: 'Search the glossary' });

    await search.fill('ONUDC');
    const first = popup.locator('.pp-results [data-entry-id]').first();
    expect(await first.getAttribute('data-entry-id')).toBe('unodc');
    await popup
      .getByRole('status')
      .filter({ hasText: /entr(y|ies) found/ })
      .waitFor();
    await first.click();
    const title = popup.locator('#pp-entry-title');
    expect(await title.textContent()).toBe('United Nations Office on Drugs and Crime');
    // Focus goes to the entry's title, for keyboard and screen-reader users.
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('pp-entry-title');

    // A related entry, then back.
    const related = popup.locator('.pl-related__button').first();
    const relatedId = (await related.getAttribute('data-entry-id')) as string;
    await related.click();
    expect(await title.textContent()).toBe(entryTitle(entryById(relatedId) as never, 'en').text);
    await popup.getByRole('button', { name: 'Back', exact: true }).click();
    expect(await title.textContent()).toBe('United Nations Office on Drugs and Crime');
    await popup.getByRole('button', { name: 'Back to the results' }).click();
    expect(await popup.locator('#pp-entry-title').count()).toBe(0);
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('data-entry-id'))).toBe('unodc');

    // A name, lower case, with the keyboard: Enter opens the best result.
    await search.fill('palermo');
    expect(await popup.locator('.pp-results [data-entry-id]').first().getAttribute('data-entry-id')).toBe(
      'palermo-protocol',
    );
    expect(await popup.locator('.pp-results [data-entry-id="palermo-protocol"]').textContent()).toContain(
      'Palermo Protocol',
    );
    await search.press('Enter');
    expect(await popup.locator('#pp-entry-title').textContent()).toBe(
      entryTitle(entryById('palermo-protocol') as never, 'en').text,
    );

    await search.fill('zzzz');
    await popup.getByText('No entry matches “zzzz”.').waitFor();
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('searches the user’s own entries too', async () => {
    const mine = entry('friends-of-tests', {
      names: { en: names('Friends of the Tests'), fr: names('Amis des Tests') },
      acronyms: { en: [{ text: 'FOTT' }], fr: [] },
      definition: { en: 'A test association.', fr: 'Une association de test.' },
    });
    const setCustom = (value: unknown) => store(h.browser, 'local', { customEntries: value });
    await setCustom([mine]);
    try {
      const { popup, errors } = await openPopup(h.browser);
      await popup.getByRole('searchbox').fill('fott');
      await popup.locator('.pp-results [data-entry-id="friends-of-tests"]').click();
      expect(await popup.locator('#pp-entry-title').textContent()).toBe('Friends of the Tests');
      expect(await popup.locator('.pl-entry__definition').textContent()).toBe('A test association.');
      // Removed while the popup is open: it leaves the results.
      await setCustom([]);
      await popup.getByRole('searchbox').fill('amis des');
      await popup.getByText('No entry matches “amis des”.').waitFor();
      expect(errors).toEqual([]);
      await popup.close();
    } finally {
      await setCustom([]);
    }
  });

  it('says so on a page where it cannot run, and the search still works', async () => {
    const { page, tabId } = await openTab(h.browser, 'chrome://version');
    const { popup, errors } = await openPopup(h.browser, tabId);
    const message =
      'Palermo Lens cannot read this page (browser pages and the extension store are off limits). The glossary search below still works.';
    await popup.getByText(message).waitFor();
    expect(await popup.locator('.pp-entries, .pp-switch').count()).toBe(0);
    // The category toggles are still there (they apply to every site), without counts.
    expect(await popup.getByRole('checkbox').count()).toBe(CATEGORIES.length);
    expect(await popup.locator('.pp-categories [data-count]').count()).toBe(0);

    await popup.getByRole('searchbox').fill('onudc');
    await popup.locator('.pp-results [data-entry-id="unodc"]').click();
    expect(await popup.locator('#pp-entry-title').textContent()).toBe('United Nations Office on Drugs and Crime');
    expect(errors).toEqual([]);
    await popup.close();

    // Without the hook, the popup looks at the active tab: here its own page, an extension page.
    const own = await openPopup(h.browser);
    await own.popup.getByText(message).waitFor();
    expect(own.errors).toEqual([]);
    await own.popup.close();

    // A page without a content script that answers (about:blank) gives the same message, not an error.
    const blank = await openTab(h.browser, 'about:blank');
    const forBlank = await openPopup(h.browser, blank.tabId);
    await forBlank.popup.getByText(message).waitFor();
    expect(forBlank.errors).toEqual([]);
    await forBlank.popup.close();
    await blank.page.close();
    await page.close();
  });

  it('has no axe-core violations, in light and dark, with the page’s mentions and with an entry open', async () => {
    const { page, popup } = await demoWithPopup();
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      await popup.getByRole('searchbox').fill('');
      expect(await axeViolations(popup), `${colorScheme}, mentions`).toEqual([]);
      await popup.getByRole('searchbox').fill('greta');
      expect(await axeViolations(popup), `${colorScheme}, results`).toEqual([]);
      await popup.locator('.pp-results [data-entry-id="greta"]').click();
      await popup.locator('#pp-entry-title').waitFor();
      expect(await axeViolations(popup), `${colorScheme}, entry`).toEqual([]);
    }
    // A restricted page (the site switched off is checked with the switch).
    const restricted = await openTab(h.browser, 'chrome://version');
    const other = await openPopup(h.browser, restricted.tabId);
    await other.popup.locator('.pp-note--warning').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await other.popup.emulateMedia({ colorScheme });
      expect(await axeViolations(other.popup), `${colorScheme}, restricted`).toEqual([]);
    }
    await other.popup.close();
    await restricted.page.close();
    await popup.close();
    await page.close();
  });
});

describe('the toolbar popup in French (Chromium with a French UI)', () => {
  let fr: ExtensionBrowser;
  beforeAll(async () => {
    fr = await launchChromium({ locale: 'fr' });
  });
  afterAll(() => fr?.close());

  it('speaks French and shows the glossary in French', async () => {
    const popup = await fr.context.newPage();
    const errors: Error[] = [];
    popup.on('pageerror', (e) => errors.push(e));
    await popup.goto(`chrome-extension://${fr.extensionId}/popup.html`);
    await popup.getByText(/^Palermo Lens ne peut pas lire cette page/).waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await popup.getByRole('checkbox', { name: 'Organismes' }).isChecked()).toBe(true);
    const search = popup.getByRole('searchbox', { name: 'Rechercher dans le glossaire' });
    // Only the Council of Europe's definition names Strasbourg: one entry, said in the singular.
    await search.fill('Strasbourg');
    await popup.getByText('1 entrée trouvée').waitFor();
    // The acronym's entry first, then the entries whose definitions name it: the plural.
    await search.fill('UNODC');
    await popup.getByText(/^\d+ entrées trouvées$/).waitFor();
    const first = popup.locator('.pp-results [data-entry-id]').first();
    expect(await first.getAttribute('data-entry-id')).toBe('unodc');
    await first.click();
    expect(await popup.locator('#pp-entry-title').textContent()).toBe(
      entryTitle(entryById('unodc') as never, 'fr').text,
    );
    expect(await popup.getByRole('button', { name: 'Retour aux résultats' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
