// @vitest-environment jsdom
/**
 * The popup and the options page's full glossary search the glossary alike: the same query lists
 * the same entries, in the same order, on both pages as rendered (the one search, glossary/search.ts).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GlossarySection } from '../../components/options/GlossarySection';
import { PopupPage } from '../../components/popup/PopupPage';
import { entryById, glossary } from '../../glossary';

let container: HTMLDivElement;

beforeEach(() => {
  fakeBrowser.reset();
  // The UI text is not under test: every message reads as its key.
  fakeBrowser.i18n.getMessage = () => '';
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

async function type(input: HTMLInputElement, query: string) {
  await act(() => {
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The entries each page lists for each query. */
async function listed(queries: readonly string[]) {
  await act(() => render(<PopupPage />, container));
  const popupInput = container.querySelector<HTMLInputElement>('#pp-search');
  const popup: string[][] = [];
  for (const query of queries) {
    await type(popupInput as HTMLInputElement, query);
    popup.push(
      [...container.querySelectorAll('.pp-results [data-entry-id]')].map(
        (e) => e.getAttribute('data-entry-id') as string,
      ),
    );
  }
  await act(() => render(<GlossarySection lang="en" entries={glossary} lookup={entryById} />, container));
  const optionsInput = container.querySelector<HTMLInputElement>('#glossary-search');
  const options: string[][] = [];
  for (const query of queries) {
    await type(optionsInput as HTMLInputElement, query);
    options.push([...container.querySelectorAll('.op-glossary__entry')].map((e) => e.id.replace(/^entry-/, '')));
  }
  return { popup, options };
}

describe('the popup and the options glossary', () => {
  it('list the same entries for the same queries', async () => {
    const queries = [
      'labor organization',
      'ungift',
      'UN.GIFT',
      'traite des etres humains',
      'traite des êtres humains',
      'TRAITE DES ÊTRES HUMAINS',
      'conseil des droits de l’homme',
      "conseil des droits de l'homme",
      'ONUDC',
      'Strasbourg',
      'co-operation',
      'zzzz',
    ];
    const { popup, options } = await listed(queries);
    expect(options).toEqual(popup);
    const first = Object.fromEntries(queries.map((q, i) => [q, popup[i]?.[0]]));
    expect(first).toEqual({
      'labor organization': 'ilo',
      ungift: 'un-gift',
      'UN.GIFT': 'un-gift',
      'traite des etres humains': 'trafficking-in-human-beings',
      'traite des êtres humains': 'trafficking-in-human-beings',
      'TRAITE DES ÊTRES HUMAINS': 'trafficking-in-human-beings',
      'conseil des droits de l’homme': 'hrc',
      "conseil des droits de l'homme": 'hrc',
      ONUDC: 'unodc',
      Strasbourg: 'coe',
      'co-operation': 'osce',
      zzzz: undefined,
    });
    // Accents and apostrophes make no difference at all, not just to the first entry.
    expect(popup[3]).toEqual(popup[4]);
    expect(popup[6]).toEqual(popup[7]);
  });

  it('show for a blank query what each page needs: nothing for the popup, every entry for the options', async () => {
    const { popup, options } = await listed(['', '  ']);
    expect(popup).toEqual([[], []]);
    expect(options).toEqual([glossary.map((e) => e.id), glossary.map((e) => e.id)]);
  });
});
