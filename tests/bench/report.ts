/** The benchmark's arithmetic and formatting: medians, targets, Markdown tables. */

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

export const fmt = (n: number | undefined, digits = 1): string =>
  n === undefined || Number.isNaN(n) ? 'n/a' : n.toFixed(digits);
/** A difference, with its sign. */
export const signed = (n: number, digits = 1): string => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(digits)}`;

export const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');

/**
 * A target: `value` against `limit`, lower is better. The run fails when one is missed by more
 * than NOISE_MARGIN of its limit: repeated runs on the two-core machines vary by up to about a
 * fifth, so a smaller miss is reported but not taken as a regression.
 */
export interface Check {
  target: string;
  value: number;
  limit: number;
  shown: string;
}
export const NOISE_MARGIN = 0.25;
export const met = (c: Check): boolean => c.value <= c.limit;
export const beyondNoise = (c: Check): boolean => c.value > c.limit * (1 + NOISE_MARGIN);

export const checkList = (checks: Check[]): string =>
  checks.map((c) => `- ${met(c) ? 'met' : '**missed**'}: ${c.target}: ${c.shown}`).join('\n');
