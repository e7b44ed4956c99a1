/**
 * The options page in the built extension (Chromium): its settings reach open tabs at once and
 * survive a restart, settings files are imported and exported (custom entries:
 * custom-entries.e2e.test.ts), the live preview follows the settings, the
 * page speaks French under a French browser, and axe-core finds nothing in light and dark.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { entryTitle } from '../../components/EntryView';
import { entryById } from '../../glossary';
import type { Entry } from '../../glossary/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { type ExtensionBrowser, launchChromium } from './chromium';
import { axeViolations, openOptions as openOptionsPage, store, stored } from './extension-pages';
import { open, setSettings, startHarness } from './harness';

const h = startHarness();

const CUSTOM = resolve(import.meta.dirname, '../fixtures/custom');
const fixture = (name: string) => join(CUSTOM, name);
const storedSettings = (b: ExtensionBrowser = h.browser) =>
  stored(b, 'sync', 'settings') as Promise<Settings | undefined>;
const openOptions = (b: ExtensionBrowser = h.browser, hash = '') => openOptionsPage(b, hash);

/** Whether each highlight matching `selector` is drawn (underlined or tinted). */
const drawn = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return style.textDecorationLine !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    }),
  );

afterEach(async () => {
  await setSettings(h, {});
  await store(h.browser, 'local', { customEntries: [] });
  for (const page of h.browser.context.pages()) await page.close();
});

describe('options page: settings (Chromium, built extension)', () => {
  it('turns a category off and on in an already open tab, without reloading it', async () => {
    const { page: demo } = await open(h, '/demo.html');
    const marks = await demo.locator('[data-glossary-id]').count();
    const bodies = '[data-glossary-category="bodies"]';
    expect(await drawn(demo, bodies)).not.toContain(false);

    const { page, errors } = await openOptions();
    const checkbox = page.getByRole('checkbox', { name: 'Bodies', exact: true });
    await checkbox.uncheck();
    await demo.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      bodies,
    );
    expect(await drawn(demo, bodies)).not.toContain(true);
    expect(await drawn(demo, '[data-glossary-category="instruments"]:not([data-glossary-inner])')).not.toContain(false);
    expect((await storedSettings())?.categories.bodies.enabled).toBe(false);

    await checkbox.check();
    await demo.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine !== 'none',
      bodies,
    );
    expect(await drawn(demo, bodies)).not.toContain(false);
    // The same page and the same highlights: no reload, no new pass over the page.
    expect(await demo.locator('[data-glossary-id]').count()).toBe(marks);
    expect(await demo.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('keeps the settings after the browser restarts with the same profile', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'palermo-lens-options-'));
    try {
      const first = await launchChromium({ profile, keepProfile: true });
      try {
        const { page } = await openOptions(first);
        await page.getByRole('radio', { name: 'Background', exact: true }).check();
        await page.getByRole('checkbox', { name: 'Civil society', exact: true }).uncheck();
        await page.getByLabel('Add a site').fill('https://www.Example.org/some/page');
        await page.getByRole('button', { name: 'Add', exact: true }).click();
        await page.locator('.op-sites__host', { hasText: 'example.org' }).waitFor();
        await page.getByRole('radio', { name: 'Only on the listed sites' }).check();
        await expect
          .poll(() => storedSettings(first))
          .toMatchObject({
            highlightStyle: 'background',
            siteMode: 'only',
            sites: ['example.org'],
            categories: { 'civil-society': { enabled: false } },
          });
      } finally {
        await first.close();
      }

      const second = await launchChromium({ profile, keepProfile: true });
      try {
        expect(await storedSettings(second)).toMatchObject({ highlightStyle: 'background', sites: ['example.org'] });
        const { page } = await openOptions(second);
        expect(await page.getByRole('radio', { name: 'Background', exact: true }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: 'Only on the listed sites' }).isChecked()).toBe(true);
        expect(await page.getByRole('checkbox', { name: 'Civil society', exact: true }).isChecked()).toBe(false);
        expect(await page.getByRole('checkbox', { name: 'Bodies', exact: true }).isChecked()).toBe(true);
        expect(await page.locator('.op-sites__host').allTextContents()).toEqual(['example.org']);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('refuses a host name that is not one, and removes a listed site', async () => {
    const { page } = await openOptions();
    const field = page.getByLabel('Add a site');
    await field.fill('not a host');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('#site-error').textContent()).toContain('This is not a host name');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await storedSettings())?.sites ?? []).toEqual([]);
    await field.fill('unodc.org');
    await field.press('Enter');
    await expect.poll(async () => (await storedSettings())?.sites).toEqual(['unodc.org']);
    await field.fill('www.unodc.org');
    await field.press('Enter');
    await expect.poll(() => page.locator('#site-error').textContent()).toContain('unodc.org is already in the list');
    await page.getByRole('button', { name: 'Remove unodc.org' }).click();
    await expect.poll(async () => (await storedSettings())?.sites).toEqual([]);
  });

  it('shows hidden entries by title, and shows one again', async () => {
    await setSettings(h, { hiddenEntries: ['greta', 'eu'] });
    const { page } = await openOptions();
    const hidden = page.locator('#hidden');
    expect(await hidden.locator('.op-list__name').allTextContents()).toEqual([
      'Group of Experts on Action against Trafficking in Human Beings',
      'European Union',
    ]);
    // The preview draws no hidden entry.
    expect(await drawn(page, '#preview-text [data-glossary-id="greta"]')).not.toContain(true);
    await hidden.getByRole('button', { name: /^Show again European Union/ }).click();
    await expect.poll(async () => (await storedSettings())?.hiddenEntries).toEqual(['greta']);
  });

  it('lists the keyboard shortcuts, each with its key or "Not set"', async () => {
    const { page } = await openOptions();
    const rows = page.locator('#shortcuts tbody tr');
    await rows.first().waitFor();
    const commands = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-command')));
    expect(commands).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
    const next = page.locator('#shortcuts tr[data-command="next-mention"] td');
    expect(await next.nth(0).textContent()).toBe('Go to the next highlight and open its card');
    expect(await next.nth(1).textContent()).toMatch(/^(Alt\+Shift\+N|Not set)$/);
    await page.getByRole('button', { name: 'Change the shortcuts' }).waitFor();
  });

  it('updates the live preview at once when a setting changes', async () => {
    const { page } = await openOptions();
    const greta = '#preview-text palermo-mark[data-glossary-id="greta"]';
    const look = () =>
      page.$$eval(greta, (els) =>
        els.map((el) => {
          const s = getComputedStyle(el);
          return { line: s.textDecorationLine, color: s.textDecorationColor, background: s.backgroundColor };
        }),
      );
    // The name in full, then GRETA three times (the last ones once the pass has read the evidence).
    await expect.poll(async () => (await look()).length).toBe(4);
    const before = await look();
    expect(before[0]).toMatchObject({ line: 'underline', background: 'rgba(0, 0, 0, 0)' });

    // Style: a background, no underline.
    await page.getByRole('radio', { name: 'Background', exact: true }).check();
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      greta,
    );
    const background = (await look())[0];
    expect(background?.background).not.toBe('rgba(0, 0, 0, 0)');

    // Colour: the category's new colour.
    await page.getByRole('radio', { name: 'Underline', exact: true }).check();
    await page.getByLabel('Colour for Monitoring mechanisms and mandates').fill('#00ff00');
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationColor === 'rgb(0, 255, 0)',
      greta,
    );
    await expect.poll(async () => (await storedSettings())?.categories.mechanisms.color).toBe('#00ff00');

    // First mention only: the acronyms after the name are no longer drawn.
    await page.getByRole('checkbox', { name: /first mention/ }).check();
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelectorAll(sel)[1] as Element).textDecorationLine === 'none',
      greta,
    );
    expect(await drawn(page, greta)).toEqual([true, false, false, false]);

    // Category off: none of them.
    await page.getByRole('checkbox', { name: 'Monitoring mechanisms and mandates', exact: true }).uncheck();
    await page.waitForFunction(
      (sel) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine === 'none',
      greta,
    );
    expect(await drawn(page, greta)).toEqual([false, false, false, false]);

    // Card language: the card preview in French.
    await page.getByRole('radio', { name: 'French', exact: true }).check();
    await expect.poll(() => page.locator('#preview-card .pl-entry').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#preview-card .pl-badge').textContent()).toContain('Mécanismes de suivi et mandats');
  });
});

describe('options page: settings files and reset', () => {
  it('refuses a bad settings file, changing nothing, and imports a good one', async () => {
    const { page } = await openOptions();
    await setSettings(h, { hoverDelayMs: 400 });
    await expect.poll(() => page.locator('#hover-delay').inputValue()).toBe('400');
    const before = await storedSettings();

    await page.setInputFiles('#import-settings', fixture('settings-bad.json'));
    const notice = page.locator('#settings-files-notice');
    await expect.poll(() => notice.textContent()).toContain('The settings file was refused; nothing was changed.');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('categories.instruments.color: must be a colour like #1f6feb');
    expect(text).toContain('hoverDelayMs');
    expect(await storedSettings()).toEqual(before);

    // The custom entries' format is not a settings file.
    await page.setInputFiles('#import-settings', fixture('valid.json'));
    await expect.poll(() => notice.textContent()).toContain('field format: must be "palermo-lens-settings"');
    expect(await storedSettings()).toEqual(before);

    await page.setInputFiles('#import-settings', fixture('settings-good.json'));
    await expect.poll(() => notice.textContent()).toContain('The settings were imported.');
    const good = JSON.parse(readFileSync(fixture('settings-good.json'), 'utf8')).settings;
    // Exported before the activation setting existed: it takes its default.
    expect(await storedSettings()).toEqual({ ...good, activation: 'always' });
    expect(await page.getByRole('radio', { name: 'Underline and background' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Bodies', exact: true }).isChecked()).toBe(false);
    expect(await page.locator('#hover-delay').inputValue()).toBe('600');
  });

  it('exports the settings as a file that imports again', async () => {
    await setSettings(h, { highlightStyle: 'both', sites: ['example.net'] });
    const { page } = await openOptions();
    await expect.poll(() => page.locator('.op-sites__host').allTextContents()).toEqual(['example.net']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the settings' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^palermo-lens-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file).toEqual({
      format: 'palermo-lens-settings',
      version: 1,
      settings: { ...DEFAULT_SETTINGS, highlightStyle: 'both', sites: ['example.net'] },
    });
    await setSettings(h, {});
    await page.setInputFiles('#import-settings', path);
    await expect.poll(async () => (await storedSettings())?.sites).toEqual(['example.net']);
  });

  it('resets to the defaults only after confirmation', async () => {
    await setSettings(h, { firstMentionOnly: true, hoverDelayMs: 900 });
    const { page } = await openOptions();
    await page.getByRole('button', { name: 'Reset the settings to their defaults' }).click();
    const confirm = page.getByRole('button', { name: 'Confirm reset' });
    // The focus moves to the confirmation; nothing has changed yet.
    await expect.poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await storedSettings()).toMatchObject({ firstMentionOnly: true, hoverDelayMs: 900 });
    // Cancel changes nothing either.
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedSettings()).toMatchObject({ firstMentionOnly: true });
    await page.getByRole('button', { name: 'Reset the settings to their defaults' }).click();
    await confirm.click();
    await expect.poll(() => storedSettings()).toEqual(DEFAULT_SETTINGS);
    await expect.poll(() => page.locator('#settings-files-notice').textContent()).toContain('reset to their defaults');
  });
});

describe('options page: full glossary, language and accessibility', () => {
  it('scrolls to #entry=ID and follows related entries', async () => {
    const { page } = await openOptions(h.browser, '#entry=coe');
    const top = (id: string) =>
      page.evaluate((i) => document.getElementById(`entry-${i}`)?.getBoundingClientRect().top, id);
    await expect.poll(async () => Math.abs((await top('coe')) ?? 999)).toBeLessThan(40);
    await page.locator('#entry-coe .pl-related__button[data-entry-id="greta"]').click();
    await expect.poll(async () => Math.abs((await top('greta')) ?? 999)).toBeLessThan(40);
    expect(await page.evaluate(() => location.hash)).toBe('#entry=greta');
    // The search filters the glossary…
    const search = page.getByLabel('Search the glossary');
    await search.fill('Strasbourg');
    await expect.poll(() => page.locator('.op-glossary__entry').count()).toBe(1);
    expect(await page.locator('#entry-coe').count()).toBe(1);
    // …and a related entry that it filtered out comes back when chosen.
    await page.locator('#entry-coe .pl-related__button[data-entry-id="greta"]').click();
    await expect.poll(async () => Math.abs((await top('greta')) ?? 999)).toBeLessThan(40);
    expect(await search.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe('entry-greta');
  });

  it("is opened at an entry by the background (the card's link), which ignores what is not an id", async () => {
    const { page: sender } = await openOptions();
    type Runtime = { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
    const send = (message: object) =>
      sender.evaluate((m) => (globalThis as unknown as Runtime).chrome.runtime.sendMessage(m), message);
    expect(await send({ type: 'open-glossary', id: '"><img src=x>' })).toBeUndefined();
    const opened = h.browser.context.waitForEvent('page');
    await send({ type: 'open-glossary', id: 'greta' });
    const page = await opened;
    await page.locator('#entry-greta').waitFor();
    expect(page.url()).toBe(`chrome-extension://${h.browser.extensionId}/options.html#entry=greta`);
    await expect
      .poll(() =>
        page.evaluate(() => Math.abs(document.getElementById('entry-greta')?.getBoundingClientRect().top ?? 999)),
      )
      .toBeLessThan(40);
  });

  it('speaks French under a French browser', async () => {
    // "fr", not "fr-FR": with --lang=fr-FR this headless Chromium reports a French UI language
    // (getUILanguage) but serves the extension's English messages (no fallback from fr_FR to fr).
    const fr = await launchChromium({ locale: 'fr' });
    try {
      const { page, errors } = await openOptions(fr);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await page.locator('h1').textContent()).toBe('Palermo Lens Paramètres');
      expect(await page.locator('.op-section__title').allTextContents()).toEqual([
        'Surlignage',
        'Fiche',
        'Sites',
        'Entrées masquées',
        'Raccourcis clavier',
        'Aperçu',
        'Importer, exporter, réinitialiser',
        'Vos propres entrées',
        'Glossaire complet',
      ]);
      await page.getByRole('checkbox', { name: 'Organismes', exact: true }).waitFor();
      // The full glossary in French.
      expect(await page.locator('#entry-coe .pl-entry__title').textContent()).toBe(
        entryTitle(entryById('coe') as Entry, 'fr').text,
      );
      expect(await page.locator('#entry-coe .pl-entry').getAttribute('lang')).toBe('fr');
      expect(errors).toEqual([]);
    } finally {
      await fr.close();
    }
  });

  it('has no axe-core violations, in light and dark', async () => {
    await setSettings(h, { sites: ['example.org'], hiddenEntries: ['eu'] });
    const { page } = await openOptions();
    await page.setInputFiles('#import-entries', fixture('valid.json'));
    await expect.poll(() => page.locator('#custom-notice').textContent()).toBe('2 entries were imported.');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    // With errors on show: a refused file and a refused form.
    await page.setInputFiles('#import-entries', fixture('short-name.json'));
    await expect.poll(() => page.locator('#custom-notice').textContent()).toContain('refused');
    await page.locator('.op-entry-form').getByRole('button', { name: 'Add the entry' }).click();
    await page.locator('.op-form-summary li').first().waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `${colorScheme}, with errors`).toEqual([]);
    }
  });
});
