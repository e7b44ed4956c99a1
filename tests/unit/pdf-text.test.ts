import { describe, expect, it } from 'vitest';
import { isPdfAddress } from '../../components/popup/popup-state';
import { glossary } from '../../glossary';
import { compileMatcher } from '../../glossary/matcher';
import { DocumentMentions } from '../../page/pdf-mentions';
import { joinPieces, looksLikePdf, mentionsByPiece, type TextPiece } from '../../page/pdf-text';

/** Pieces of lines: each inner array is one line at its own baseline, 14 units apart; '' in the outer array is a blank line. */
function lines(...rows: (string[] | '')[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let y = 700;
  for (const row of rows) {
    if (row !== '')
      for (const [i, str] of row.entries()) pieces.push({ str, hasEOL: i === row.length - 1, y, height: 11 });
    y -= 14;
  }
  return pieces;
}

const matcher = compileMatcher(glossary);

describe('joining a PDF page’s text pieces', () => {
  it('puts a space at a line break, nothing between pieces of one line, and keeps each piece’s place', () => {
    const page = joinPieces(lines(['the Group of Experts on ', 'Action'], ['against Trafficking in Human Beings.']));
    expect(page.text).toBe('the Group of Experts on Action against Trafficking in Human Beings.');
    expect(page.ranges.map((r) => page.text.slice(r.start, r.end))).toEqual([
      'the Group of Experts on ',
      'Action',
      'against Trafficking in Human Beings.',
    ]);
    expect(page.paragraphs).toEqual([[0, page.text.length]]);
  });

  it('drops a hyphen at a line’s end before a lower-case letter, keeps it before a capital', () => {
    const page = joinPieces(lines(['human traf-'], ['ficking and the anti-'], ['Slavery Convention']));
    expect(page.text).toBe('human trafficking and the anti-Slavery Convention');
    expect(page.ranges[0]).toMatchObject({ start: 0, end: 10, dehyphenated: true });
  });

  it('cuts paragraphs where the gap between lines is wider than line spacing, and skips empty pieces', () => {
    const page = joinPieces([
      ...lines(['GRETA visits.'], '', ['UNODC reports.']),
      { str: '', hasEOL: true, y: 0, height: 0 },
    ]);
    expect(page.paragraphs.map(([s, e]) => page.text.slice(s, e))).toEqual(['GRETA visits.', 'UNODC reports.']);
  });

  it('finds a name broken across lines as one mention and cuts it back into its pieces', () => {
    const page = joinPieces(
      lines(['In 2010 the Group of Experts on Action against'], ['Trafficking in Human Beings (GRETA) met.']),
    );
    const mentions = new DocumentMentions(matcher).read(1, page);
    const greta = mentions.filter((m) => m.id === 'greta');
    expect(greta.map((m) => page.text.slice(m.start, m.end))).toEqual([
      'Group of Experts on Action against Trafficking in Human Beings',
      'GRETA',
    ]);
    const shares = mentionsByPiece(page, mentions);
    const strs = ['In 2010 the Group of Experts on Action against', 'Trafficking in Human Beings (GRETA) met.'];
    expect(
      shares.map((s) => s.mentions.map((m, k) => [strs[s.piece]?.slice(m.start, m.end), s.indices[k], s.continued[k]])),
    ).toEqual([
      [['Group of Experts on Action against', 0, false]],
      [
        ['Trafficking in Human Beings', 0, true],
        ['GRETA', 1, false],
      ],
    ]);
  });

  it('takes the dropped hyphen into the highlight of a word broken across lines', () => {
    const page = joinPieces(lines(['the UN Office on Drugs and Cri-'], ['me (UNODC) said']));
    const mentions = new DocumentMentions(matcher).read(1, page);
    const [first] = mentionsByPiece(page, mentions);
    const office = first?.mentions[0];
    expect('the UN Office on Drugs and Cri-'.slice(office?.start, office?.end)).toBe('UN Office on Drugs and Cri-');
  });
});

describe('the mentions of a whole document', () => {
  it('lists entries by page, counts them, keeps each entry’s first place, and decides a collision-prone term with the document’s evidence', () => {
    const doc = new DocumentMentions(matcher);
    // GRETA alone on page 1 has no evidence yet; GRETA's full name on page 2 gives it.
    doc.read(1, joinPieces(lines(['GRETA published its report.'])));
    doc.read(
      2,
      joinPieces(
        lines(['The Group of Experts on Action against Trafficking in Human Beings and UNODC.'], '', ['UNODC again.']),
      ),
    );
    expect(doc.page(1)?.mentions).toEqual([]);
    expect(doc.recheck()).toEqual([1]);
    expect(doc.recheck()).toEqual([]);
    expect([...doc.pagesByEntry()]).toEqual([
      ['greta', [1, 2]],
      ['unodc', [2]],
    ]);
    expect(doc.counts().get('unodc')).toBe(2);
    expect(doc.firsts().get('unodc')).toEqual({ page: 2, index: 1 });
  });
});

describe('what the reader accepts', () => {
  it('knows a PDF by its header, anywhere in the first kilobyte', () => {
    expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n...'))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode('<html>%PDF-'.padStart(1100, ' ')))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('Palermo Protocol'))).toBe(false);
  });

  it('offers the reader for http(s) addresses whose path ends in .pdf', () => {
    expect(isPdfAddress('https://rm.coe.int/greta-2023-report.PDF?download=1#page=3')).toBe(true);
    expect(isPdfAddress('http://127.0.0.1:8080/a/b.pdf')).toBe(true);
    expect(isPdfAddress('https://example.org/report.pdf.html')).toBe(false);
    expect(isPdfAddress('file:///home/me/report.pdf')).toBe(false);
    expect(isPdfAddress(undefined)).toBe(false);
    expect(isPdfAddress('not a url.pdf')).toBe(false);
  });
});
