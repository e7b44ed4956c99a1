import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeShare, inProse, isAddress, looksLikeCode, nonProseSpans } from '../../glossary/prose';

/** The addresses found in `text`, as the strings they cover. */
const addresses = (text: string) => nonProseSpans(text).map(([start, end]) => text.slice(start, end));

/** A mention of `word` (its first occurrence from `from`) in `text`. */
const at = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} is not in ${text}`);
  return { word, start, end: start + word.length };
};
/** The words of `words` that are in prose in `text` (each looked up at its first occurrence). */
const kept = (text: string, ...words: string[]) =>
  inProse(
    text,
    words.map((w) => at(text, w)),
  ).map((m) => m.word);

describe('what is not prose', () => {
  it('finds URLs, domain names, e-mail addresses, paths, handles and hashtags in running text', () => {
    expect(
      addresses(
        'See https://www.ilo.org/global/topics/forced-labour/lang--en/index.htm, write to info@iom.int, ' +
          'follow @UNODC and #EndHumanTrafficking, visit unodc.org or www.osce.org/cthb, read ' +
          '/reports/greta-2023.pdf, C:\\Reports\\GRETA.docx, ./greta/report.html and GRETA_2023_report.pdf.',
      ),
    ).toEqual([
      'https://www.ilo.org/global/topics/forced-labour/lang--en/index.htm',
      'info@iom.int',
      '@UNODC',
      '#EndHumanTrafficking',
      'unodc.org',
      'www.osce.org/cthb',
      '/reports/greta-2023.pdf',
      'C:\\Reports\\GRETA.docx',
      './greta/report.html',
      'GRETA_2023_report.pdf',
    ]);
  });

  it('leaves the sentence’s punctuation out of a URL, and keeps brackets the URL opened', () => {
    expect(addresses('Read https://www.ilo.org/forced-labour. GRETA agreed.')).toEqual([
      'https://www.ilo.org/forced-labour',
    ]);
    expect(addresses('the ILO (https://www.ilo.org/forced-labour) and GRETA')).toEqual([
      'https://www.ilo.org/forced-labour',
    ]);
    expect(addresses('see https://en.wikipedia.org/wiki/GRETA_(Council_of_Europe)).')).toEqual([
      'https://en.wikipedia.org/wiki/GRETA_(Council_of_Europe)',
    ]);
    expect(addresses('« https://www.unodc.org/ », “unodc.org”, <https://www.ilo.org>; info@iom.int!')).toEqual([
      'https://www.unodc.org/',
      'unodc.org',
      'https://www.ilo.org',
      'info@iom.int',
    ]);
  });

  it('does not take abbreviations, dotted acronyms, legal references or prose slashes for addresses', () => {
    for (const prose of [
      'U.N. General Assembly',
      'e.g. the ILO, i.e. the Office, etc.',
      'The UN.GIFT initiative',
      'p.ex. la convention',
      "la convention 29 de l'OIT.",
      "l'OIT.Elle",
      'resolution A/RES/64/293 of the General Assembly',
      'UNODC/ILO and/or the IOM, 1/2 of the victims',
      'Article 3(a); CETS No. 197; n° 29.',
      'C# and F# are languages; issue #29; the 2.5 million victims',
      'the end.The next sentence',
    ])
      expect(addresses(prose), prose).toEqual([]);
    // Domains in capitals are recognised only with a generic top-level domain.
    expect(addresses('UN.ORG and UNODC.org')).toEqual(['UN.ORG', 'UNODC.org']);
  });

  it('keeps the mentions in prose and drops those inside an address', () => {
    const text =
      'The ILO page https://www.ilo.org/global/topics/forced-labour/ describes forced labour; GRETA (www.coe.int/greta) too.';
    expect(
      inProse(text, [at(text, 'ILO'), at(text, 'forced-labour'), at(text, 'forced labour'), at(text, 'GRETA')]).map(
        (m) => m.word,
      ),
    ).toEqual(['ILO', 'forced labour', 'GRETA']);
    expect(inProse(text, [at(text, 'greta')])).toEqual([]);
  });

  it('keeps a name right after a URL, and the prose around e-mail addresses and handles', () => {
    expect(kept('https://www.unodc.org/ UNODC said', 'UNODC said')).toEqual(['UNODC said']);
    expect(kept('Source: https://www.ilo.org/forced-labour.\nGRETA replied.', 'GRETA')).toEqual(['GRETA']);
    expect(kept('Write to info@iom.int: the IOM answers.', 'iom', 'IOM')).toEqual(['IOM']);
    expect(kept('@UNODC: UNODC welcomes #GRETA and GRETA', '@UNODC', 'UNODC welcomes', '#GRETA', 'GRETA')).toEqual([
      'UNODC welcomes',
    ]);
    expect(kept('UN.GIFT and the U.N. and the UN', 'UN.GIFT', 'U.N.', 'UN')).toEqual(['UN.GIFT', 'U.N.', 'UN']);
  });

  it('says whether a whole text is one address (a link that shows its URL)', () => {
    expect(isAddress(' https://www.ilo.org/forced-labour/ ')).toBe(true);
    expect(isAddress('www.ilo.org/global/…/forced-labour')).toBe(true);
    expect(isAddress('info@iom.int')).toBe(true);
    expect(isAddress('unodc.org')).toBe(true);
    expect(isAddress('the ILO at www.ilo.org')).toBe(false);
    expect(isAddress('Forced labour')).toBe(false);
    expect(isAddress('')).toBe(false);
  });
});

describe('whether preformatted text is code', () => {
  it('finds code in the usual languages', () => {
    const samples = [
      'const agency = "UNODC";\nif (agency === "UNODC") {\n  report(agency);\n}',
      'def greta(report):\n    return report.summary\n\nprint(greta(r))',
      'import { UNODC } from "./agencies";\nexport default UNODC;',
      '#include <stdio.h>\nint main(void) {\n  puts("GRETA");\n}',
      '.greta { color: red; }\n.unodc { color: blue; }',
      '{\n  "agency": "UNODC",\n  "body": "GRETA"\n}',
      '$ curl https://www.unodc.org/\n$ grep GRETA report.txt',
      'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4',
      'for f in *.txt; do\n  grep -l "$f" GRETA\ndone',
      '<p>UNODC</p>\n<p>GRETA</p>',
      'x = 1',
    ];
    for (const code of samples) expect(looksLikeCode(code), code).toBe(true);
  });

  it('takes prose for prose: the source document, a hard-wrapped treaty article, a poem, an e-mail', () => {
    const source = readFileSync(
      resolve(import.meta.dirname, '../../glossary/source/france-diplomatie-2013.txt'),
      'utf8',
    );
    expect(codeShare(source)).toBe(0);
    const samples = [
      source,
      [
        'Article 3',
        'Use of terms',
        'For the purposes of this Protocol:',
        '(a) "Trafficking in persons" shall mean the recruitment, transportation,',
        'transfer, harbouring or receipt of persons, by means of the threat or use',
        'of force or other forms of coercion, of abduction, of fraud, of deception,',
        'for the purpose of exploitation;',
        '(b) The consent of a victim of trafficking in persons to the intended',
        'exploitation set forth in subparagraph (a) of this article shall be',
        'irrelevant where any of the means set forth in subparagraph (a) have been used;',
      ].join('\n'),
      'The rose is red,\n  the violet blue;\nthe ILO is in Geneva,\n  and GRETA in Strasbourg too.',
      'Dear colleagues,\n\n> Did UNODC reply?\n\nYes: UNODC and the IOM replied on 3/4 (see the annex).\n\nBest,\nA.',
      '',
    ];
    for (const prose of samples) expect(looksLikeCode(prose), prose.slice(0, 40)).toBe(false);
  });
});
