/**
 * PDFs made in the tests with pdf-lib: the source document (the demo page's text) with its lines
 * wrapped so that names break across lines, a long report for the benchmark, and the bad inputs
 * (damaged, encrypted, scanned without text). Only pdf-lib's standard fonts, which encode
 * WinAnsi: a character outside it is written as its closest WinAnsi form (accents dropped, or
 * '?'), listed in `mapped`. The source document needs none (its ’ and € are in WinAnsi).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFDocument, type PDFFont, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

export const SOURCE_TEXT = readFileSync(
  resolve(import.meta.dirname, '../../glossary/source/france-diplomatie-2013.txt'),
  'utf8',
);

const PAGE = { width: 612, height: 792, margin: 64 };
const FONT_SIZE = 11;
const LEADING = 14;

/** The text with every character the font cannot encode replaced, and the replacements made. */
export function encodable(text: string, font: PDFFont, mapped: Set<string>): string {
  const set = new Set(font.getCharacterSet());
  return [...text]
    .map((ch) => {
      if (set.has(ch.codePointAt(0) as number)) return ch;
      const plain = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      const out =
        [...plain].every((c) => set.has(c.codePointAt(0) as number)) && plain ? plain : /\s/.test(ch) ? ' ' : '?';
      mapped.add(`${ch}→${out}`);
      return out;
    })
    .join('');
}

/** Words of a paragraph into lines no wider than `width`. */
function wrap(paragraph: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, FONT_SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface MadePdf {
  bytes: Uint8Array;
  /** Every line drawn, page by page. */
  pages: string[][];
  mapped: string[];
}

/**
 * Paragraphs (split on blank lines) as wrapped lines of Helvetica, a blank line between them,
 * `repeat` times over, on as many pages as it takes. `width`: the lines' width in points.
 */
export async function textPdf(text: string, options: { width?: number; repeat?: number } = {}): Promise<MadePdf> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const mapped = new Set<string>();
  const width = options.width ?? PAGE.width - 2 * PAGE.margin;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => encodable(p.replace(/\s+/g, ' ').trim(), font, mapped))
    .filter(Boolean);
  const pages: string[][] = [];
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let lines: string[] = [];
  let y = PAGE.height - PAGE.margin;
  for (let r = 0; r < (options.repeat ?? 1); r++)
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, font, width)) {
        if (y < PAGE.margin) {
          pages.push(lines);
          page = doc.addPage([PAGE.width, PAGE.height]);
          lines = [];
          y = PAGE.height - PAGE.margin;
        }
        page.drawText(line, { x: PAGE.margin, y, size: FONT_SIZE, font });
        lines.push(line);
        y -= LEADING;
      }
      y -= LEADING;
    }
  pages.push(lines);
  return { bytes: await doc.save(), pages, mapped: [...mapped] };
}

/** Whether `name` is broken across two lines somewhere (its words end one line and start the next). */
export function brokenAcrossLines(pages: string[][], name: string): boolean {
  const words = name.split(' ');
  return pages.some((lines) =>
    lines.some((line, i) => {
      const next = lines[i + 1] ?? '';
      for (let cut = 1; cut < words.length; cut++)
        if (line.endsWith(words.slice(0, cut).join(' ')) && next.startsWith(words.slice(cut).join(' '))) return true;
      return false;
    }),
  );
}

/** A PDF whose only page is a drawn shape: no text at all, as a scan without OCR. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([PAGE.width, PAGE.height]);
  page.drawRectangle({ x: 100, y: 400, width: 300, height: 200, borderWidth: 3 });
  return doc.save();
}

/**
 * A PDF that says it is encrypted with a user password (the standard security handler, RC4 40
 * bits): its /U entry matches no password, so no reader opens it without asking for one.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([PAGE.width, PAGE.height]);
  const { context } = doc;
  const hex32 = (byte: string) => PDFHexString.of(byte.repeat(32));
  const encrypt = context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4 });
  encrypt.set(PDFName.of('O'), hex32('1a'));
  encrypt.set(PDFName.of('U'), hex32('2b'));
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of('0123456789abcdef'), PDFHexString.of('0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

/** The start of a PDF followed by bytes that are none: a file cut off or overwritten. */
export const damagedPdf = (): Uint8Array =>
  new Uint8Array([
    ...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog'),
    ...Buffer.alloc(2000, 0x5a),
  ]);

export const notPdf = (): Uint8Array =>
  new Uint8Array(Buffer.from('Palermo Protocol: this is plain text, not a PDF.\n'));
