/**
 * What in a text is prose. A name inside an address is part of the address, not a mention: the
 * "forced-labour" of https://www.ilo.org/global/topics/forced-labour/, the "GRETA" of
 * /reports/greta-2023.pdf or of #GRETA. `nonProseSpans` finds the addresses in a text (URLs,
 * domain names, e-mail addresses, file paths, @handles, #hashtags); `looksLikeCode` decides
 * whether preformatted text is code, which is never highlighted. Pure: no DOM.
 */

/** [start, end) in a text. */
export type Span = readonly [start: number, end: number];

/** Letters, marks and digits. */
const ALNUM = String.raw`\p{L}\p{M}\p{N}`;
/** What an address runs on to: anything but white space and the quotes and brackets that close one. */
const ADDRESS_CHARS = String.raw`[^\s<>"«»“”]`;

const FILE_EXTENSIONS =
  'pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|tsv|json|xml|ya?ml|md|html?|php|aspx?|jsp|js|ts|css|py|png|jpe?g|gif|svg|webp|mp[34]|zip|gz|tar|epub';

/**
 * The expressions of addresses, built the first time a mention touches a run of text that may be
 * one: building each Unicode class of letters costs the engine 1-5 ms, which every page with a
 * mention paid when the highlighter loaded, most of them for nothing.
 */
let addressExpressionsBuilt:
  | Record<'url' | 'email' | 'handle' | 'hashtag' | 'domain' | 'rootedPath' | 'file', RegExp>
  | undefined;
const addressExpressions = () =>
  (addressExpressionsBuilt ??= {
    url: new RegExp(String.raw`(?:[a-z][a-z\d+.-]*://|mailto:|www\.)${ADDRESS_CHARS}*`, 'giu'),
    email: new RegExp(String.raw`[${ALNUM}._%+-]+@[${ALNUM}-]+(?:\.[${ALNUM}-]+)+`, 'gu'),
    handle: new RegExp(`(?<![${ALNUM}_@])@[${ALNUM}_]+`, 'gu'),
    hashtag: new RegExp(String.raw`(?<![${ALNUM}_&#])#[${ALNUM}_]*\p{L}[${ALNUM}_]*`, 'gu'),
    /** Labels and a top-level domain (checked in code), then an optional path, port, query or fragment. */
    domain: new RegExp(
      String.raw`(?<![${ALNUM}_@.-])((?:[${ALNUM}](?:[${ALNUM}-]*[${ALNUM}])?\.)+)(\p{L}{2,})(?![${ALNUM}_-])(?:[/:?#]${ADDRESS_CHARS}*)?`,
      'gu',
    ),
    /** A path from the root, the current or parent folder, the home folder, or a Windows drive. */
    rootedPath: new RegExp(String.raw`(?<![${ALNUM}_/.~])(?:\.{0,2}/|~/|[A-Za-z]:\\)${ADDRESS_CHARS}+`, 'gu'),
    /** A file name, in a folder or not: "greta-2023.pdf", "docs/UNODC_report.pdf". */
    file: new RegExp(String.raw`^[${ALNUM}_.~/\\-]*[${ALNUM}_-]\.(?:${FILE_EXTENSIONS})$`, 'iu'),
  });

/**
 * Top-level domains written in lower case (any two letters is a country's); in capitals, only the
 * generic ones. So "unodc.org", "UN.ORG" and "ilo.ch" are domains, and "UN.GIFT" (an acronym),
 * "e.g." and "U.N." are not.
 */
const GENERIC_TLDS = new Set([
  'com',
  'org',
  'net',
  'int',
  'edu',
  'gov',
  'mil',
  'info',
  'biz',
  'app',
  'dev',
  'ngo',
  'ong',
]);
const CAPITAL_TLDS = new Set(['COM', 'ORG', 'NET', 'INT', 'EDU', 'GOV']);
const isTopLevelDomain = (tld: string) =>
  tld === tld.toLowerCase() ? /^[a-z]{2}$/.test(tld) || GENERIC_TLDS.has(tld) : CAPITAL_TLDS.has(tld);

/** Closing punctuation that ends the sentence around an address rather than the address. */
const TRAILING = new Set([...'.,;:!?\'"’”»…>']);
const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** The end of an address that starts at `start` and runs to `end` at most, without its trailing punctuation. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start) {
    const last = text[end - 1] as string;
    const opening = CLOSING[last];
    if (opening) {
      // A closing bracket belongs to the address when it closes one opened in it (a Wikipedia URL).
      const inside = text.slice(start, end);
      if (inside.split(opening).length > inside.split(last).length - 1) break;
    } else if (!TRAILING.has(last)) break;
    end--;
  }
  return end;
}

function addMatches(
  text: string,
  re: RegExp,
  spans: [number, number][],
  accept: (m: RegExpExecArray) => boolean = () => true,
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!accept(m)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const end = trimEnd(text, m.index, m.index + m[0].length);
    if (end > m.index) spans.push([m.index, end]);
  }
}

/** The addresses in one run of text without white space, as spans of that run. */
function addressesIn(word: string): [number, number][] {
  const { url, email, handle, hashtag, domain, rootedPath, file } = addressExpressions();
  const spans: [number, number][] = [];
  addMatches(word, url, spans);
  addMatches(word, email, spans);
  addMatches(word, handle, spans);
  addMatches(word, hashtag, spans);
  addMatches(word, domain, spans, (m) => {
    const labels = (m[1] as string).slice(0, -1).split('.');
    // "p.ex." is not a domain: the label before the top-level domain has two characters at least.
    return (labels.at(-1) as string).length >= 2 && isTopLevelDomain(m[2] as string);
  });
  addMatches(word, rootedPath, spans, (m) => /[/\\.].*\p{L}|\p{L}.*[/\\.]/u.test(m[0].slice(1)));
  // A file name is the whole word, less the punctuation around it.
  const start = word.search(/[^([{"'«“‘]/u);
  const end = trimEnd(word, start, word.length);
  if (start >= 0 && file.test(word.slice(start, end))) spans.push([start, end]);
  return spans;
}

/** Characters that every address holds one of: a word without any is prose. */
const ADDRESS_MARK = /[/@#.:\\]/;

/** The spans of `text` that are addresses, not prose: sorted, merged where they overlap. */
export function nonProseSpans(text: string): Span[] {
  const spans: [number, number][] = [];
  for (const word of text.matchAll(/\S+/gu)) {
    if (!ADDRESS_MARK.test(word[0])) continue;
    for (const [start, end] of addressesIn(word[0])) spans.push([word.index + start, word.index + end]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Whether the whole of `text` (white space around it aside) is one address: a link that shows its URL. */
export function isAddress(text: string): boolean {
  const trimmed = text.trim();
  const spans = nonProseSpans(trimmed);
  return trimmed.length > 0 && spans.length === 1 && spans[0]?.[0] === 0 && spans[0][1] === trimmed.length;
}

const SPACE = /\s/u;
/**
 * What a run of text holding an address has inside it: a slash, @, # or backslash, or a full stop
 * or colon followed by more of the run (a full stop or colon that ends a run ends a sentence).
 */
const ADDRESS_INSIDE = /[/@#\\]|[.:](?=\S)/u;

/**
 * The mentions of `text` that are in prose: those that overlap no address. An address lies within
 * a run of text without white space, so only the runs a mention touches are looked at, not the
 * whole text (most of a paragraph's words hold a full stop or a colon).
 */
export function inProse<T extends { start: number; end: number }>(text: string, mentions: T[]): T[] {
  if (!ADDRESS_MARK.test(text)) return mentions;
  return mentions.filter((m) => {
    let from = m.start;
    while (from > 0 && !SPACE.test(text[from - 1] as string)) from--;
    let to = m.end;
    while (to < text.length && !SPACE.test(text[to] as string)) to++;
    const around = text.slice(from, to);
    if (!ADDRESS_INSIDE.test(around)) return true;
    return !nonProseSpans(around).some(([start, end]) => m.start < from + end && m.end > from + start);
  });
}

/**
 * Signs that a line is code, one expression each: it opens a block, or only closes one; it ends a
 * statement with `;` after an assignment or a call (not the "(a) … ;" of a treaty); an operator or
 * an assignment; a one-line block with `:` or `;` in it (CSS, an object); a comment, directive,
 * shell prompt or markup tag at its start; a function, import or class; a JSON key; an indented
 * YAML key; a shell variable; a shell block's end.
 */
const CODE_LINE = [
  /[{[(]\s*$/,
  /^\s*[)\]}]+[;,)]*\s*$/,
  /(?:=|[A-Za-z_$][\w$]*\([^()]*\))\s*;\s*$/,
  /[\w)\]'"]\s*(?:===?|!==?|=>|->|\+=|-=|\|\||&&|:=|::)\s*[\w([{'"$-]/,
  /[\w\])]\s*=\s*[\w([{'"$`-]/,
  /\{[^{}]*[:;][^{}]*\}/,
  /^\s*(?:\/\/|\/\*|\*\/|#!|#\s*(?:include|define|if|ifn?def|endif|else|elif|pragma|undef)\b|\$ |>>> |<\/?[A-Za-z][\w:-]*(?:\s[^>]*)?\/?>)/,
  /^\s*(?:def|fn|func|function)\s+[\w$]+\s*\(/,
  /^\s*(?:import\s+[\w.{*]|from\s+[\w.]+\s+import\b|class\s+\w+.*:\s*$)/,
  /^\s*"[^"]*"\s*:/,
  /^(?:\s+|\s*- )[a-z_][\w.-]*:(?:\s|$)/,
  /\$(?:\{|\(|[A-Za-z_]\w*)/,
  /^\s*(?:fi|done|esac|then|do|;;)\s*$/,
];
/**
 * Measured on 65 prose texts (the source document; the 19 corpus texts, as paragraphs and
 * hard-wrapped at 72 columns; 17 software licences; 9 READMEs with a few commands: at most 6% of
 * their lines) and 180 source files (C, CSS, Go, HTML, JS, TS, JSON, Python, shell, YAML: 4 under
 * 15%, all comment-heavy).
 */
const CODE_SHARE = 0.15;

/** The share of the non-blank lines of `text` (the first 200) that show a sign of code. */
export function codeShare(text: string): number {
  const lines = text
    .split('\n', 200)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim());
  if (lines.length === 0) return 0;
  return lines.filter((line) => CODE_LINE.some((re) => re.test(line))).length / lines.length;
}

/**
 * Whether preformatted text is code rather than prose (a plain-text treaty, a poem, a report):
 * 15% of its lines or more show a sign of code.
 */
export const looksLikeCode = (text: string): boolean => codeShare(text) >= CODE_SHARE;
