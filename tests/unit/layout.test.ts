/**
 * The layout's size rule: no TypeScript file over 400 lines (a longer one holds two things). The
 * import rules between folders are Biome's noRestrictedImports overrides (biome.json), and
 * glossary/'s freedom from the DOM is tsconfig.glossary.json; both run in `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;
const root = new URL('../../', import.meta.url);
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);

describe('layout', () => {
  it('finds the TypeScript files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain('glossary/matcher.ts');
  });

  it(`has no TypeScript file over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => [file, readFileSync(new URL(file, root), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > MAX_LINES)
      .map(([file, lines]) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });
});
