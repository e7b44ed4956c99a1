/**
 * A PDF page's text as the matcher reads it. pdf.js gives a page's text as pieces (one per run of
 * text drawn at once: often a line, sometimes a word or a few letters), and its text layer has one
 * element per piece. A name broken across lines, or drawn in several runs, is one mention: the
 * pieces are joined into one text (a space at a line break, nothing between pieces of one line, a
 * hyphen at a line's end dropped before a lower-case letter: "traf-" + "ficking"), cut into
 * paragraphs where the gap between lines is wider than line spacing, and each mention found in it
 * is cut back into the pieces it covers. Pure: no DOM, no pdf.js.
 */
import type { Mention } from '../glossary/matcher';

/** What the joining needs of one of pdf.js's text items. */
export interface TextPiece {
  str: string;
  /** pdf.js's mark that a line ends after this piece. */
  hasEOL: boolean;
  /** The baseline's vertical position, in PDF units (transform[5]). */
  y: number;
  /** The font's height, in PDF units. */
  height: number;
}

/** Where a piece's text lies in the joined text: text[start, end) is `str.slice(0, end - start)`. */
export interface PieceRange {
  piece: number;
  start: number;
  end: number;
  /** The piece ends with a hyphen that the joined text leaves out ("traf-" before "ficking"). */
  dehyphenated: boolean;
}

export interface PageText {
  text: string;
  /** Pieces with text, in order. */
  ranges: PieceRange[];
  /** [start, end) of each paragraph in `text`. */
  paragraphs: [number, number][];
}

/** A gap between baselines wider than this many font heights starts a paragraph. */
const PARAGRAPH_GAP = 1.75;
/** A baseline moved by more than this share of the font height starts a new line. */
const NEW_LINE_SHIFT = 0.5;
/** A word hyphenated at a line's end: a letter and a hyphen, the next line starting in lower case. */
const HYPHENATED_END = /\p{L}[-\u00AD\u2010]$/u;
const LOWER_START = /^\p{Ll}/u;

export function joinPieces(pieces: readonly TextPiece[]): PageText {
  let text = '';
  const ranges: PieceRange[] = [];
  const paragraphs: [number, number][] = [];
  let paragraphStart = 0;
  let previous: { piece: TextPiece; range: PieceRange } | undefined;
  let lineEnded = false;

  for (const [index, piece] of pieces.entries()) {
    if (piece.str === '') {
      // pdf.js marks some line ends with an empty piece.
      lineEnded ||= piece.hasEOL;
      continue;
    }
    if (previous) {
      const last = previous.piece;
      const newLine = lineEnded || Math.abs(last.y - piece.y) > NEW_LINE_SHIFT * Math.max(last.height, piece.height);
      const gap = Math.abs(last.y - piece.y);
      if (newLine && gap > PARAGRAPH_GAP * Math.max(last.height, piece.height)) {
        paragraphs.push([paragraphStart, text.length]);
        text += '\n';
        paragraphStart = text.length;
      } else if (newLine && HYPHENATED_END.test(text) && LOWER_START.test(piece.str)) {
        text = text.slice(0, -1);
        previous.range.end -= 1;
        previous.range.dehyphenated = true;
      } else if (newLine && !/\s$/.test(text) && !/^\s/.test(piece.str) && !/[-\u2010]$/.test(text)) {
        text += ' ';
      }
    }
    const range: PieceRange = {
      piece: index,
      start: text.length,
      end: text.length + piece.str.length,
      dehyphenated: false,
    };
    text += piece.str;
    ranges.push(range);
    previous = { piece, range };
    lineEnded = piece.hasEOL;
  }
  if (text.length > paragraphStart) paragraphs.push([paragraphStart, text.length]);
  return { text, ranges, paragraphs };
}

/** `mention` (and those nested in it) clipped to one piece, in that piece's own offsets. */
function clip(mention: Mention, range: PieceRange): Mention | undefined {
  if (mention.end <= range.start || mention.start >= range.end) return undefined;
  // A mention that goes on past a dropped hyphen takes the hyphen into its highlight.
  const end = mention.end > range.end && range.dehyphenated ? range.end + 1 : Math.min(mention.end, range.end);
  return {
    ...mention,
    start: Math.max(mention.start, range.start) - range.start,
    end: end - range.start,
    inner: mention.inner.flatMap((inner) => clip(inner, range) ?? []),
  };
}

/** One piece's share of the page's mentions: what its text-layer element highlights. */
export interface PieceMentions {
  piece: number;
  mentions: Mention[];
  /** For each of `mentions`, its index among the page's mentions. */
  indices: number[];
  /** For each of `mentions`, whether it began in an earlier piece (a name broken across pieces). */
  continued: boolean[];
}

/** The page's mentions (offsets in `page.text`) cut into the pieces they cover, in order. */
export function mentionsByPiece(page: PageText, mentions: readonly Mention[]): PieceMentions[] {
  const out: PieceMentions[] = [];
  let first = 0;
  for (const range of page.ranges) {
    // Mentions are in order: those that ended before this piece never come back.
    while (first < mentions.length && (mentions[first] as Mention).end <= range.start) first++;
    const share: PieceMentions = { piece: range.piece, mentions: [], indices: [], continued: [] };
    for (let i = first; i < mentions.length; i++) {
      const mention = mentions[i] as Mention;
      if (mention.start >= range.end) break;
      const clipped = clip(mention, range);
      if (!clipped) continue;
      share.mentions.push(clipped);
      share.indices.push(i);
      share.continued.push(mention.start < range.start);
    }
    if (share.mentions.length) out.push(share);
  }
  return out;
}

/** Whether bytes start like a PDF: "%PDF-" within the first kilobyte, as readers accept it. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}
