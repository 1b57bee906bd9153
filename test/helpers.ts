import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../pipeline/data-file.js';
import type { SourceInfo } from '../pipeline/document.js';
import { createProcessor } from '../pipeline/process.js';

/** Every span-like object in a report (anything with text/start/end). */
export { spans } from './report-spans.js';

export const CORPUS = join(PACKAGE_ROOT, 'corpus');
export const CLI = join(PACKAGE_ROOT, 'dist', 'pipeline', 'cli.js');

/** A report as the tests read it (loosely typed: the schema test checks its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Report = Record<string, any>;

let processor: ReturnType<typeof createProcessor> | null = null;

/** Runs the whole pipeline in this thread over one text and returns the parsed report. */
export function analyse(text: string | Uint8Array, source: Partial<SourceInfo> = {}, id = 'doc'): Report {
  processor ??= createProcessor({ lexicons: [] });
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const done = processor({ id, bytes, source: { path: `${id}.txt`, outlet: null, url: null, date: null, language: null, ...source } });
  return JSON.parse(done.json) as Report;
}

/** A seed article's text, as shipped in corpus/. */
export function seed(prefix: string): string {
  const f = readdirSync(CORPUS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(CORPUS, f), 'utf8');
}

/** The manifest outlet of a seed, so segmentation sees what a real run sees. */
export function seedOutlet(prefix: string): string | null {
  const line = readFileSync(join(CORPUS, 'manifest.csv'), 'utf8').split('\n').find((l) => l.startsWith(prefix));
  return line?.split(',')[1] ?? null;
}

/** Slices by code points, as Python and the report contract do. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export function tempDir(prefix = 'framescope-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const run = promisify(execFile);

/** Runs the built CLI; resolves with exit code and output, never throws on a non-zero exit. */
export async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Every file under a run's output folder, by path relative to it, with its bytes. */
export function outputFiles(out: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(out, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else found.set(p, readFileSync(join(out, p)));
    }
  };
  walk('');
  return found;
}
