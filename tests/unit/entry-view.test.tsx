// @vitest-environment jsdom
import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryView, type EntryViewProps, entryAcronyms, entryTitle } from '../../components/EntryView';
import { formatDate, UI_TEXT } from '../../components/ui-text';
import { entryById, glossary } from '../../glossary';
import type { Entry, Language } from '../../glossary/schema';
import { entry as makeEntry, names } from './helpers';

let container: HTMLDivElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function get(id: string): Entry {
  const found = entryById(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

function show(props: Partial<EntryViewProps> & { entry: Entry }): HTMLElement {
  render(<EntryView lang="en" entryById={entryById} {...props} />, container);
  return container.querySelector('.pl-entry') as HTMLElement;
}

const text = (el: Element | null) => el?.textContent ?? '';

describe('formatDate', () => {
  it('formats full dates, months and years in both languages', () => {
    expect(formatDate('2000-11-15', 'en')).toBe('15 November 2000');
    expect(formatDate('2000-11-15', 'fr')).toBe('15 novembre 2000');
    expect(formatDate('2006-03-01', 'fr')).toBe('1er mars 2006');
    expect(formatDate('2006-03-01', 'en')).toBe('1 March 2006');
    expect(formatDate('2000-11', 'en')).toBe('November 2000');
    expect(formatDate('2000-11', 'fr')).toBe('novembre 2000');
    expect(formatDate('1997', 'en')).toBe('1997');
    expect(formatDate('1997', 'fr')).toBe('1997');
  });

  it('returns anything that is not a real date unchanged', () => {
    expect(formatDate('2001-02-30', 'en')).toBe('2001-02-30');
    expect(formatDate('2001-13', 'en')).toBe('2001-13');
    expect(formatDate('soon', 'fr')).toBe('soon');
  });

  it('formats every date of the glossary', () => {
    const dates = glossary.flatMap((e) => e.facts.flatMap((f) => (f.date ? [f.date] : [])));
    expect(dates.length).toBeGreaterThan(50);
    for (const date of dates)
      for (const lang of ['en', 'fr'] as const) expect(formatDate(date, lang)).toMatch(/\d{4}$/);
  });
});

describe('UI_TEXT', () => {
  it('has the same labels in both languages, French with typographic apostrophes', () => {
    expect(Object.keys(UI_TEXT.fr).sort()).toEqual(Object.keys(UI_TEXT.en).sort());
    const strings = (o: object): string[] =>
      Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'object' ? strings(v) : []));
    const french = strings(UI_TEXT.fr);
    expect(french.length).toBeGreaterThan(20);
    for (const s of french) expect(s).not.toContain("'");
    expect(UI_TEXT.en.franceRole).toBe('France’s role');
  });
});

describe('EntryView', () => {
  it('shows the title in the chosen language', () => {
    const unodc = get('unodc');
    const root = show({ entry: unodc, headingId: 'card-title' });
    const title = root.querySelector('h2');
    expect(text(title)).toBe('United Nations Office on Drugs and Crime');
    expect(title?.id).toBe('card-title');
    expect(root.getAttribute('lang')).toBe('en');

    const fr = show({ entry: unodc, lang: 'fr' });
    expect(text(fr.querySelector('h2'))).toBe('Office des Nations unies contre la drogue et le crime');
    expect(fr.getAttribute('lang')).toBe('fr');
    expect(text(fr.querySelector('.pl-entry__definition'))).toBe(unodc.definition.fr);
  });

  it('falls back to the English title, marked as English, when there is no French one', () => {
    const gift = get('un-gift');
    expect(gift.names.fr.filter((n) => n.display !== false)).toEqual([]);
    const title = show({ entry: gift, lang: 'fr' }).querySelector('h2');
    expect(text(title)).toBe(entryTitle(gift, 'en').text);
    expect(title?.getAttribute('lang')).toBe('en');
  });

  it('skips names that are only for matching', () => {
    const root = show({ entry: get('palermo-protocol') });
    expect(text(root.querySelector('h2'))).toMatch(/^Protocol to Prevent, Suppress and Punish Trafficking in Persons/);
    expect(text(root)).not.toContain('Palermo Protocol');
  });

  it('shows the acronyms of both languages, without repeats', () => {
    expect(text(show({ entry: get('unodc') }).querySelector('.pl-entry__acronyms'))).toBe('UNODC · ONUDC');
    expect(text(show({ entry: get('unodc'), lang: 'fr' }).querySelector('.pl-entry__acronyms'))).toBe('ONUDC · UNODC');
    const osce = makeEntry('osce-like', {
      names: { en: names('Organization'), fr: names('Organisation') },
      acronyms: { en: names('OSCE'), fr: names('OSCE') },
    });
    expect(entryAcronyms(osce, 'en').map((a) => a.text)).toEqual(['OSCE']);
    const root = show({ entry: get('iom'), lang: 'fr' });
    const other = [...root.querySelectorAll('.pl-entry__acronym')].find((a) => a.textContent === 'IOM');
    expect(other?.getAttribute('lang')).toBe('en');
  });

  it('shows the category with its colour on a border and dot, and the kind', () => {
    const root = show({ entry: get('unodc'), lang: 'fr' });
    const badge = root.querySelector<HTMLElement>('.pl-badge');
    expect(text(badge)).toBe('Organismes');
    expect(badge?.style.getPropertyValue('--category-color')).toBe('#8250df');
    expect(text(root.querySelector('.pl-entry__kind'))).toBe('Office des Nations unies');
  });

  it('lists the key facts with their kind, date, text and sources', () => {
    const protocol = get('palermo-protocol');
    const root = show({ entry: protocol });
    const facts = root.querySelectorAll('.pl-facts > li');
    expect(facts).toHaveLength(protocol.facts.length);
    const first = facts[0] as Element;
    expect(text(first.querySelector('.pl-fact__kind'))).toBe('Adopted');
    expect(text(first.querySelector('time'))).toBe('15 November 2000');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2000-11-15');
    expect(text(first)).toContain(protocol.facts[0]?.text.en);
    const links = [...first.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(protocol.facts[0]?.sources.map((s) => new URL(s).hostname));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(protocol.facts[0]?.sources);
  });

  it('shows a source link for every fact of every entry, in both languages and both layouts', () => {
    const total = glossary.reduce((n, e) => n + e.facts.length, 0);
    expect(total).toBeGreaterThanOrEqual(100);
    for (const [lang, compact] of [
      ['en', false],
      ['fr', true],
    ] as const) {
      let rendered = 0;
      for (const e of glossary) {
        const facts = [...show({ entry: e, lang, compact }).querySelectorAll('.pl-facts > .pl-fact')];
        expect(facts, e.id).toHaveLength(e.facts.length);
        facts.forEach((li, i) => {
          const hrefs = [...li.querySelectorAll('.pl-sources a')].map((a) => a.getAttribute('href'));
          expect(hrefs.length, `${e.id}, fact ${i + 1}`).toBeGreaterThan(0);
          expect(hrefs, `${e.id}, fact ${i + 1}`).toEqual(e.facts[i]?.sources);
          rendered++;
        });
      }
      expect(rendered).toBe(total);
    }
  });

  it('opens every link in a new tab without giving the page access to the opener', () => {
    const root = show({ entry: get('unodc') });
    const links = [...root.querySelectorAll('a')];
    expect(links.length).toBeGreaterThan(1);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')?.split(' ')).toContain('noopener');
      expect(a.getAttribute('rel')?.split(' ')).toContain('noreferrer');
    }
    const official = root.querySelector('.pl-link--official');
    expect(official?.getAttribute('href')).toBe('https://www.unodc.org/');
    expect(text(official)).toBe('Official site');
  });

  it('quotes the source document in English, then France’s role', () => {
    const unodc = get('unodc');
    const root = show({ entry: unodc, lang: 'fr' });
    const quotes = root.querySelectorAll('blockquote');
    expect(quotes).toHaveLength(unodc.documentPassages.length);
    expect(text(quotes[0] ?? null)).toBe(unodc.documentPassages[0]);
    for (const q of quotes) expect(q.getAttribute('lang')).toBe('en');
    expect(text(root.querySelector('.pl-france'))).toContain(unodc.franceRole?.fr);
    expect(text(root.querySelector('.pl-part--document h3'))).toBe('Dans le document source');
  });

  it('shows the correction as a note', () => {
    const hrc = get('hrc');
    const note = show({ entry: hrc }).querySelector('[role="note"]');
    expect(text(note?.querySelector('h3') ?? null)).toBe('Correction');
    expect(text(note)).toContain(hrc.correction?.en);
    const fr = show({ entry: hrc, lang: 'fr' }).querySelector('[role="note"]');
    expect(text(fr?.querySelector('h3') ?? null)).toBe('Rectification');
    expect(text(fr)).toContain(hrc.correction?.fr);
    expect(show({ entry: get('ilo-c029') }).querySelector('[role="note"]')).toBeNull();
  });

  it('offers the related entries as buttons that navigate', () => {
    const onNavigate = vi.fn();
    const hrc = get('hrc');
    const root = show({ entry: hrc, lang: 'fr', onNavigate });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.pl-related button')];
    expect(buttons.map((b) => b.getAttribute('type'))).toEqual(hrc.related.map(() => 'button'));
    expect(buttons.map((b) => b.textContent)).toEqual(hrc.related.map((id) => entryTitle(get(id), 'fr').text));
    expect(text(buttons[0] ?? null)).toBe("Commission des droits de l'homme");
    buttons[1]?.click();
    expect(onNavigate).toHaveBeenCalledWith(hrc.related[1]);
  });

  it('skips related ids it cannot find, and lists related entries as text without onNavigate', () => {
    const lonely = makeEntry('lonely', { names: { en: names('Lonely'), fr: [] }, related: ['hrc', 'nowhere'] });
    const root = show({ entry: lonely, onNavigate: () => {} });
    expect([...root.querySelectorAll('.pl-related button')].map((b) => b.textContent)).toEqual([
      'Human Rights Council',
    ]);
    const plain = show({ entry: lonely });
    expect(plain.querySelector('.pl-related button')).toBeNull();
    expect(text(plain.querySelector('.pl-related'))).toBe('Human Rights Council');
  });

  it('collapses facts, passages and sources in compact mode, keeping the rest visible', () => {
    const unodc = get('unodc');
    const root = show({ entry: unodc, compact: true, onNavigate: () => {} });
    expect(root.classList.contains('pl-entry--compact')).toBe(true);
    const facts = root.querySelector('details.pl-part--facts');
    expect(text(facts?.querySelector('summary') ?? null)).toBe(`Key facts (${unodc.facts.length})`);
    expect(facts?.querySelector('.pl-facts')).not.toBeNull();
    expect(root.querySelector('details.pl-part--document blockquote')).not.toBeNull();
    const sources = root.querySelectorAll('.pl-sources a');
    expect(sources.length).toBeGreaterThanOrEqual(unodc.facts.length);
    for (const a of sources) expect(a.closest('details')).not.toBeNull();
    const parts = root.querySelectorAll('details');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const d of parts) expect(d.open).toBe(false);
    expect(root.querySelector('.pl-entry__definition')?.closest('details')).toBeNull();
    expect(root.querySelector('[role="note"]')?.closest('details')).toBeNull();
    expect(root.querySelector('.pl-related button')?.closest('details')).toBeNull();
    expect(show({ entry: unodc }).querySelector('details')).toBeNull();
  });

  it('renders hostile text as text and links only http(s) addresses', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const hostile = makeEntry('hostile', {
      names: { en: names(payload), fr: names('<script>alert(1)</script>') },
      acronyms: { en: names('<b>X</b>'), fr: [] },
      kind: { en: payload, fr: payload },
      definition: { en: payload, fr: payload },
      facts: [
        {
          kind: 'other',
          date: '2000',
          text: { en: payload, fr: payload },
          sources: ['javascript:alert(1)', 'https://example.org/a'],
        },
      ],
      documentPassages: [payload],
      franceRole: { en: payload, fr: payload },
      correction: { en: payload, fr: payload },
      officialUrl: 'javascript:alert(1)',
    });
    for (const lang of ['en', 'fr'] as const) {
      const root = show({ entry: hostile, lang, compact: lang === 'fr' });
      expect(root.querySelector('img, script, b')).toBeNull();
      expect(text(root.querySelector('.pl-entry__definition'))).toBe(payload);
      expect(text(root.querySelector('h2'))).toBe(lang === 'en' ? payload : '<script>alert(1)</script>');
      const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual(['https://example.org/a']);
    }
  });

  it('starts afresh (collapsed) when it shows another entry', () => {
    show({ entry: get('unodc'), compact: true });
    const details = container.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    show({ entry: get('hrc'), compact: true });
    expect(container.querySelector('details')?.open).toBe(false);
  });

  it('renders every entry of the glossary in both languages', () => {
    for (const e of glossary)
      for (const lang of ['en', 'fr'] as const) {
        const root = show({ entry: e, lang, compact: lang === 'fr', onNavigate: () => {} });
        expect(text(root.querySelector('h2')).length).toBeGreaterThan(0);
        expect(root.querySelectorAll('.pl-related button')).toHaveLength(e.related.length);
      }
  });
});

describe('accessibility (axe-core)', () => {
  const cases: [string, Language, boolean][] = [];
  for (const id of ['unodc', 'hrc', 'palermo-protocol', 'un-gift'])
    for (const lang of ['en', 'fr'] as const) for (const compact of [false, true]) cases.push([id, lang, compact]);

  it('finds violations in jsdom (the check is not vacuous)', async () => {
    const button = document.createElement('button');
    button.type = 'button';
    const img = document.createElement('img');
    img.src = 'x.png';
    container.append(button, img);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['button-name', 'image-alt']));
  });

  it.each(cases)('%s in %s (compact: %s) has no violations', async (id, lang, compact) => {
    show({ entry: get(id), lang, compact, headingId: 'title', onNavigate: () => {} });
    for (const d of container.querySelectorAll('details')) d.open = true;
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
