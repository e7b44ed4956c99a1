/**
 * Text that names no glossary entry, for the pages where the extension has nothing to highlight:
 * sentences put together from neutral parts (local news, a technical specification), picked by a
 * deterministic sequence so that every run measures the same page.
 */

/** A deterministic sequence of pseudo-random integers (a linear congruential generator). */
export function* sequence(seed: number): Generator<number, never> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

/** Picks one of `items` with the next number of `rnd`. */
export const pick = <T>(rnd: Generator<number, never>, items: readonly T[]): T =>
  items[rnd.next().value % items.length] as T;

const SUBJECTS = [
  'The council',
  'A spokesperson for the museum',
  'Local residents',
  'The new library',
  'Engineers on the bridge project',
  'The weather service',
  'Most shops in the old town',
  'The school board',
  'A group of volunteers',
  'The regional orchestra',
  'Farmers in the valley',
  'The harbour authority',
  'Visitors to the botanical garden',
  'The cycling club',
  'City planners',
];
const VERBS = [
  'announced',
  'discussed',
  'postponed',
  'welcomed',
  'reviewed',
  'questioned',
  'celebrated',
  'described',
  'approved',
  'examined',
];
const OBJECTS = [
  'a plan to repair the old railway station',
  'the budget for the coming year',
  'changes to the bus timetable',
  'the results of a survey on parking',
  'a new exhibition of maps and navigation instruments',
  'the opening hours of the public pool',
  'a proposal for more trees along the avenue',
  'the schedule of the summer festival',
  'the cost of heating in public buildings',
  'the design of a footbridge over the canal',
];
const TAILS = [
  'on Tuesday',
  'after a long meeting',
  'in a short statement',
  'despite the rain',
  'before the holidays',
  'at the town hall',
  'with some reservations',
  'for the third time this year',
  'in front of a small audience',
  'without further comment',
];

/** One sentence of local news. */
export const newsSentence = (rnd: Generator<number, never>) =>
  `${pick(rnd, SUBJECTS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, TAILS)}.`;

/** A paragraph of `n` sentences, one of them with a link and one with emphasis. */
export function newsParagraph(rnd: Generator<number, never>, n: number): string {
  const sentences = Array.from({ length: n }, () => newsSentence(rnd));
  sentences[0] = sentences[0]?.replace(/ (\w+)\.$/, ' <a href="#more">$1</a>.') ?? '';
  sentences[n - 1] = sentences[n - 1]?.replace(/^(\S+ \S+)/, '<em>$1</em>') ?? '';
  return `<p>${sentences.join(' ')}</p>`;
}

const TERMS = [
  'header value',
  'byte sequence',
  'code point',
  'position variable',
  'token',
  'buffer',
  'stream',
  'URL record',
  'ordered map',
  'task queue',
  'boundary point',
  'event target',
  'tree order',
  'child node',
  'attribute list',
  'timer handle',
];
const VARIABLES = ['input', 'position', 'result', 'value', 'name', 'length', 'index', 'item', 'key', 'target', 'count'];
const ACTIONS = [
  'parsing',
  'serializing',
  'normalizing',
  'splitting',
  'collecting',
  'decoding',
  'validating',
  'cloning',
];
const VALUES = ['null', 'true', 'false', 'failure', '0', 'the empty string', 'an empty list'];

/** One step of a specification's algorithm: short runs of text between many inline elements. */
export function specStep(rnd: Generator<number, never>): string {
  const [v, w] = [pick(rnd, VARIABLES), pick(rnd, VARIABLES)];
  const term = pick(rnd, TERMS);
  const id = term.replace(/ /g, '-');
  switch (rnd.next().value % 4) {
    case 0:
      return `<li>Let <var>${v}</var> be the result of <a href="#${id}">${pick(rnd, ACTIONS)} a ${term}</a> given <var>${w}</var>.</li>`;
    case 1:
      return `<li>If <var>${v}</var> is <code>${pick(rnd, VALUES)}</code>, then return <var>${w}</var>.</li>`;
    case 2:
      return `<li>Set <var>${v}</var>’s <a href="#${id}">${term}</a> to <var>${w}</var> and increase <var>position</var> by 1.</li>`;
    default:
      return `<li>Assert: <var>${v}</var> is a <a href="#${id}">${term}</a> whose length is at most <var>${w}</var>.</li>`;
  }
}

/** A paragraph of a specification's prose, with a definition and a few references. */
export function specProse(rnd: Generator<number, never>): string {
  const term = pick(rnd, TERMS);
  return `<p>A <dfn id="${term.replace(/ /g, '-')}">${term}</dfn> is a value that the user agent keeps while ${pick(rnd, ACTIONS)} a <a href="#">${pick(rnd, TERMS)}</a>. Unless stated otherwise it is <code>${pick(rnd, VALUES)}</code>; implementations may store it in any form, as long as the observable behaviour of <a href="#">${pick(rnd, TERMS)}</a> is the same.</p>`;
}
