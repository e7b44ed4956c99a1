/**
 * The content script's bundle: its size as built, and which modules it carries (from a second
 * build of the content script alone, with WXT's bundle analysis, in a temporary folder).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'wxt';
import { CHROME_BUILD } from '../e2e/chromium';

const ROOT = resolve(import.meta.dirname, '../..');

export interface Bundle {
  kb: number;
  gzipKb: number;
  /** Rendered size of each package (node_modules) or source file, before minification, largest first. */
  modules: { name: string; kb: number }[] | undefined;
}

interface Stats {
  nodeParts: Record<string, { renderedLength: number }>;
  nodeMetas: Record<string, { id: string; moduleParts: Record<string, string> }>;
}

/** node_modules/@scope/name/… and node_modules/name/… by package; our own files by path. */
function moduleName(id: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return inPackage ? (inPackage[1] as string) : id.replace(/^\0/, '').replace(/^\//, '');
}

type Logger = NonNullable<NonNullable<Parameters<typeof build>[0]>['logger']>;
const ignore = () => {};
const toStderr = (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`);
/** The analysis build's progress is not the benchmark's business; its problems are. */
const quiet: Logger = {
  debug: ignore,
  log: ignore,
  info: ignore,
  success: ignore,
  warn: ignore, // only that the other entrypoints are skipped
  error: toStderr,
  fatal: toStderr,
  level: 1,
};

/** WXT's build draws a progress spinner on stdout, which is the report's: silenced meanwhile. */
async function silently<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

async function moduleSizes(): Promise<Bundle['modules']> {
  const out = mkdtempSync(join(tmpdir(), 'palermo-lens-analysis-'));
  try {
    await silently(() =>
      build({
        root: ROOT,
        outDir: out,
        filterEntrypoints: ['content'],
        logger: quiet,
        analysis: { enabled: true, template: 'raw-data', outputFile: join(out, 'stats.json') },
      }),
    );
    const stats = JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as Stats;
    const sizes = new Map<string, number>();
    for (const meta of Object.values(stats.nodeMetas)) {
      const length = Object.values(meta.moduleParts).reduce(
        (n, uid) => n + (stats.nodeParts[uid]?.renderedLength ?? 0),
        0,
      );
      const name = moduleName(meta.id);
      sizes.set(name, (sizes.get(name) ?? 0) + length);
    }
    return [...sizes]
      .map(([name, length]) => ({ name, kb: length / 1024 }))
      .filter((m) => m.kb > 0)
      .sort((a, b) => b.kb - a.kb);
  } catch (error) {
    process.stderr.write(`bundle analysis unavailable: ${String(error)}\n`);
    return undefined;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function contentBundle(): Promise<Bundle> {
  const code = readFileSync(resolve(CHROME_BUILD, 'content-scripts/content.js'));
  return { kb: code.length / 1024, gzipKb: gzipSync(code).length / 1024, modules: await moduleSizes() };
}
