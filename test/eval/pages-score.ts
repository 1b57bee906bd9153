import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { runCorpus } from '../../pipeline/run.js';

/** The article-extraction benchmark's dev half, read in place (issue 12). */
export const PAGES = join(process.env.SHARED ?? join(PACKAGE_ROOT, '..', 'shared'), 'benchmarks', 'article-extraction');

export interface PageScores {
  path: 'html' | 'text';
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  empty: number;
  /** Per page, worst F1 first. */
  perPage: Array<{ id: string; precision: number | null; recall: number | null; f1: number }>;
}

export interface Peer {
  system: string;
  f1: number;
  precision: number;
  recall: number;
}

export function pagesAvailable(): boolean {
  return existsSync(join(PAGES, 'score.mjs')) && existsSync(join(PAGES, 'html')) && existsSync(join(PAGES, 'text'));
}

/**
 * Runs the real pipeline over one input path of the benchmark (html/ or text/) and scores the
 * reports with the benchmark's own scorer (score.mjs, the upstream metric), so the numbers are
 * the ones the peers' table was made with.
 */
export async function scorePages(path: 'html' | 'text', out: string): Promise<PageScores> {
  await runCorpus({ corpus: join(PAGES, path), out, workers: 0, force: true, lexicons: [] });
  const json = join(out, 'pages-score.json');
  const stdout = execFileSync(process.execPath, [join(PAGES, 'score.mjs'), '--gold', join(PAGES, 'ground-truth.json'), '--reports', join(out, 'reports'), '--json', json], { encoding: 'utf8' });
  const summary = /summary pages=(\d+) precision=([\d.]+) recall=([\d.]+) f1=([\d.]+)/.exec(stdout);
  const info = /info accuracy=([\d.]+) empty_predictions=(\d+)/.exec(stdout);
  if (!summary || !info) throw new Error(`score.mjs printed no summary:\n${stdout}`);
  const perPage = parsePerPage(JSON.parse(readFileSync(json, 'utf8')));
  return {
    path,
    pages: Number(summary[1]),
    precision: Number(summary[2]),
    recall: Number(summary[3]),
    f1: Number(summary[4]),
    accuracy: Number(info[1]),
    empty: Number(info[2]),
    perPage,
  };
}

// score.mjs --json writes per page the shares tp, fp and fn (of tp+fp+fn); precision is left out
// of the mean for an empty prediction, as the metric does.
function parsePerPage(data: { pages: Array<{ id: string; tp: number; fp: number; fn: number }> }): PageScores['perPage'] {
  return data.pages
    .map(({ id, tp, fp, fn }) => {
      const precision = tp + fp > 0 ? tp / (tp + fp) : null;
      const recall = tp + fn > 0 ? tp / (tp + fn) : null;
      const f1 = precision && recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { id, precision, recall, f1 };
    })
    .sort((a, b) => a.f1 - b.f1 || (a.id < b.id ? -1 : 1));
}

/** The published extractors' figures on the same pages, from the benchmark README's table. */
export function peers(): Peer[] {
  const readme = readFileSync(join(PAGES, 'README.md'), 'utf8');
  const out: Peer[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | system | version | F1 | precision | recall | accuracy |
    if (cells.length < 7) continue;
    const [f1, p, r] = [cells[3], cells[4], cells[5]].map((c) => Number(/^([\d.]+)\s*±/.exec(c ?? '')?.[1]));
    if ([f1, p, r].every((x) => Number.isFinite(x))) out.push({ system: cells[1]!, f1: f1!, precision: p!, recall: r! });
  }
  return out;
}
