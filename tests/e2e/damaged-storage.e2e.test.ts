/**
 * Damaged storage never stops highlighting (issue 9). Values no version of the extension writes
 * (garbage, wrong types, fields from a future version) go into every key it keeps, the settings,
 * the user's entries and WXT's version keys, through the service worker, as another tool or a
 * sync conflict could. The demo page still gets its built-in highlights without an error, the
 * popup still lists them and searches, and the options page says what it left out.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../glossary/schema';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { entry, names } from '../unit/helpers';
import { type ExtensionBrowser, launchChromium } from './chromium';
import { openTab, store, worker } from './extension-pages';
import { startHarness, waitForPass } from './harness';

const h = startHarness();

const mine: Entry = entry('custom-damage-tests', {
  names: { en: names('Friends of the Damaged Tests'), fr: [] },
  definition: { en: 'A valid entry stored next to damaged ones.', fr: 'Une entrée valide.' },
});

/** Entries no version of the extension writes: wrong types, a field from a future version. */
const wrongTypes = { ...mine, id: 'custom-wrong', names: { en: 'Wrong Types', fr: null }, related: 'x' };
const newer = { ...mine, id: 'custom-newer', addedLater: true };

/** What each key holds in one case: settings, the user's entries and both version keys. */
interface Damage {
  settings: unknown;
  customEntries: unknown;
  meta: unknown;
}
const DAMAGE: Record<string, Damage> = {
  'a garbage string': { settings: 'garbage{"', customEntries: '[{"id": "custom-', meta: 'v1?' },
  'a number': { settings: 42, customEntries: 7, meta: -1 },
  'an array of junk': { settings: ['x', null, 3], customEntries: ['x', null, 3, [], {}], meta: [null] },
  'wrong types': {
    settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 'slow', categories: 'all', sites: 'example.org', siteMode: 1 },
    customEntries: [wrongTypes],
    meta: { v: 'one' },
  },
  'unknown future fields': {
    settings: { ...DEFAULT_SETTINGS, addedLater: { colour: 'ultraviolet' } },
    customEntries: [newer],
    meta: { v: 99, addedLater: true },
  },
};

async function damage(b: ExtensionBrowser, d: Damage) {
  await store(b, 'sync', { settings: d.settings, settings$: d.meta });
  await store(b, 'local', { customEntries: d.customEntries, customEntries$: d.meta });
}
async function repair(b: ExtensionBrowser) {
  await worker(b).evaluate(async () => {
    type Area = { clear(): Promise<void> };
    const { storage } = (globalThis as unknown as { chrome: { storage: { sync: Area; local: Area } } }).chrome;
    await Promise.all([storage.sync.clear(), storage.local.clear()]);
  });
}

/**
 * What a page reports: its uncaught errors and the extension's console errors (its content
 * script's included; the page's own, such as a missing favicon, are not the extension's).
 */
function watch(page: Page) {
  const errors: string[] = [];
  const messages: ConsoleMessage[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    messages.push(m);
    if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(m.text());
  });
  const fromExtension = (type: string) =>
    messages
      .filter((m) => m.type() === type && m.location().url.startsWith('chrome-extension://'))
      .map((m) => m.text());
  return { errors, fromExtension };
}

const highlightedIds = (page: Page) =>
  page.$$eval('[data-glossary-id]', (els) => [...new Set(els.map((el) => el.getAttribute('data-glossary-id')))]);

afterEach(async () => {
  await repair(h.browser);
  for (const page of h.browser.context.pages()) await page.close();
});

describe('damaged storage (Chromium, built extension)', () => {
  it.each(Object.entries(DAMAGE))('still highlights the demo page with %s in every key', async (_, d) => {
    await damage(h.browser, d);
    const page = await h.browser.context.newPage();
    const seen = watch(page);
    await page.goto(h.server.url('/demo.html'));
    await waitForPass(page);
    expect(await highlightedIds(page)).toEqual(expect.arrayContaining(['unodc', 'greta', 'iom', 'palermo-protocol']));
    expect(await page.locator('[data-glossary-id]').count()).toBeGreaterThan(50);
    // The content script said what it repaired and left out (so its console is heard here).
    expect(seen.fromExtension('warning')).toEqual([
      expect.stringMatching(/^Palermo Lens: the stored settings were damaged: default values replace /),
      expect.stringMatching(/^Palermo Lens: \d+ stored custom entr(y was|ies were) damaged and left out: #?/),
    ]);
    expect(seen.errors).toEqual([]);
  });

  it('keeps the valid entries of a partly damaged list: the popup lists the page and searches', async () => {
    await store(h.browser, 'local', { customEntries: ['junk', mine, wrongTypes, newer] });
    await store(h.browser, 'sync', { settings: 'garbage' });
    const { page, tabId } = await openTab(h.browser, h.server.url('/demo.html'));
    const pageSeen = watch(page);
    await page.reload(); // again, with its errors watched
    await waitForPass(page);

    const popup = await h.browser.context.newPage();
    const seen = watch(popup);
    await popup.goto(`chrome-extension://${h.browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.pp-entries [data-entry-id]');
    const listed = await popup.$$eval('.pp-entries [data-entry-id]', (els) =>
      els.map((el) => el.getAttribute('data-entry-id')),
    );
    expect(listed).toEqual(await highlightedIds(page));
    expect(listed).toEqual(expect.arrayContaining(['unodc', 'greta', 'iom']));

    const search = popup.getByRole('searchbox');
    await search.fill('greta');
    await popup.locator('.pp-results [data-entry-id="greta"]').waitFor();
    // The valid entry of the user's is searched; the damaged ones are not there.
    await search.fill('damaged tests');
    await popup.locator(`.pp-results [data-entry-id="${mine.id}"]`).click();
    expect(await popup.locator('#pp-entry-title').textContent()).toBe('Friends of the Damaged Tests');
    await search.fill('wrong types');
    await popup.getByText('No entry matches “wrong types”.').waitFor();
    expect(seen.errors).toEqual([]);
    expect(pageSeen.errors).toEqual([]);
  });

  it('says on the options page which stored entries it left out, until the entries change', async () => {
    await store(h.browser, 'local', { customEntries: [mine, 'junk', wrongTypes, newer] });
    const page = await h.browser.context.newPage();
    const seen = watch(page);
    await page.goto(`chrome-extension://${h.browser.extensionId}/options.html`);
    const notice = page.locator('#stored-entries-notice');
    await notice.locator('.op-notice__text').waitFor();
    expect(await notice.locator('.op-notice__text').textContent()).toBe(
      '3 stored entries of your own were damaged and are left out (changing your entries removes them from storage):',
    );
    const details = await notice.locator('.op-notice__details li').allTextContents();
    expect(details).toEqual([
      expect.stringMatching(/^#2 \(Invalid type: Expected Object but received "junk"\)$/),
      expect.stringMatching(/^#3 "custom-wrong" \(field names\.en: Invalid type: Expected Array/),
      expect.stringMatching(/^#4 "custom-newer" \(field addedLater: Invalid key/),
    ]);
    // Announced, and the valid entry is the only one listed.
    expect(await notice.locator('[role="alert"] .op-notice__text').count()).toBe(1);
    expect(
      await page
        .locator('.op-custom-list [data-entry-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-entry-id'))),
    ).toEqual([mine.id]);

    // The storage warning names them in the page's console too.
    expect(seen.fromExtension('warning')).toContainEqual(
      expect.stringMatching(/^Palermo Lens: 3 stored custom entries were damaged and left out: #2 /),
    );
    expect(seen.errors).toEqual([]);

    // Once the entries are saved again (here by another options page, through storage), the notice goes.
    await store(h.browser, 'local', { customEntries: [mine] });
    await notice.locator('.op-notice__text').waitFor({ state: 'detached' });
  });
});

describe('damaged storage, in French (Chromium with a French UI)', () => {
  let fr: ExtensionBrowser;
  beforeAll(async () => {
    fr = await launchChromium({ locale: 'fr' });
  });
  afterAll(() => fr?.close());

  it('says in French what it left out', async () => {
    await store(fr, 'local', { customEntries: [mine, 'junk'] });
    const page = await fr.context.newPage();
    const seen = watch(page);
    await page.goto(`chrome-extension://${fr.extensionId}/options.html`);
    const text = page.locator('#stored-entries-notice .op-notice__text');
    await text.waitFor();
    expect(await text.textContent()).toBe(
      '1 de vos entrées enregistrées était endommagée et est écartée (modifier vos entrées la supprime du stockage)\u00a0:',
    );
    await store(fr, 'local', { customEntries: 'garbage' });
    await page.getByText(/^Vos entrées enregistrées étaient endommagées/).waitFor();
    expect(seen.errors).toEqual([]);
  });
});
