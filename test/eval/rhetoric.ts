import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { createProcessor } from '../../pipeline/process.js';

/**
 * `make eval-rhetoric`: rhetoric markers against the SemEval-2020 Task 11 propaganda-technique
 * spans (PTC) in ../shared/benchmarks/ptc-dev, read in place and never copied. Each article runs
 * through the whole pipeline; a predicted span counts for precision when it overlaps a gold span of
 * the technique its marker stands for, a gold span counts for recall when some such prediction
 * overlaps it. Skips cleanly when the data is not there.
 */

// Our marker ids → the PTC technique they measure. Markers without a PTC counterpart are listed apart:
// `absolute` counts absolutist words (always, never, everyone), a measure of its own that PTC's
// Exaggeration annotators rarely mark, and `us-vs-them` has no PTC technique.
export const TECHNIQUE: Record<string, string> = {
  'loaded-language': 'Loaded_Language',
  'name-calling': 'Name_Calling,Labeling',
  intensifier: 'Exaggeration,Minimisation',
  doubt: 'Doubt',
  distancing: 'Doubt',
  'appeal-to-fear': 'Appeal_to_fear-prejudice',
  'flag-waving': 'Flag-Waving',
};
const TECHNIQUES = ['Loaded_Language', 'Name_Calling,Labeling', 'Exaggeration,Minimisation', 'Doubt', 'Appeal_to_fear-prejudice', 'Flag-Waving'];

/**
 * Which half of PTC an article falls in, fixed by a hash of its id: markers are tuned on half A and
 * judged on half B, so a phrase that only fits the articles it was read from shows up as a gap.
 */
export function half(id: string): 'A' | 'B' {
  return createHash('sha1').update(id).digest()[0]! % 2 ? 'B' : 'A';
}

export interface Span {
  start: number;
  end: number;
  technique: string;
}

export interface Tally {
  predicted: number;
  predictedHit: number;
  gold: number;
  goldHit: number;
}

/** Overlap counts for one article, added into `t` per technique. */
export function scoreArticle(pred: Span[], gold: Span[], t: Map<string, Tally>): void {
  const overlaps = (a: Span, b: Span) => a.technique === b.technique && a.start < b.end && b.start < a.end;
  for (const tech of TECHNIQUES) {
    const row = t.get(tech) ?? t.set(tech, { predicted: 0, predictedHit: 0, gold: 0, goldHit: 0 }).get(tech)!;
    const p = pred.filter((s) => s.technique === tech);
    const g = gold.filter((s) => s.technique === tech);
    row.predicted += p.length;
    row.predictedHit += p.filter((s) => g.some((x) => overlaps(s, x))).length;
    row.gold += g.length;
    row.goldHit += g.filter((x) => p.some((s) => overlaps(s, x))).length;
  }
}

export function prf(r: Tally): { p: number; r: number; f1: number } {
  const p = r.predicted ? r.predictedHit / r.predicted : 0;
  const rec = r.gold ? r.goldHit / r.gold : 0;
  return { p, r: rec, f1: p + rec ? (2 * p * rec) / (p + rec) : 0 };
}

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(PACKAGE_ROOT, '..', 'shared', 'benchmarks', 'ptc-dev'));
  const articles = join(dir, 'train-articles');
  const labels = join(dir, 'train-labels-task2-technique-classification');
  if (!existsSync(articles) || !existsSync(labels)) {
    console.log(`eval-rhetoric: no PTC data at ${dir}; skipped`);
    return;
  }
  const run = createProcessor({ lexicons: [] });
  const tally = new Map<string, Tally>();
  const unmapped = new Map<string, number>();
  const only = process.argv[3]?.toUpperCase();
  const files = readdirSync(articles).filter((f) => f.endsWith('.txt') && (!only || half(f.replace(/^article|\.txt$/g, '')) === only)).sort();
  for (const f of files) {
    const id = f.replace(/^article|\.txt$/g, '');
    const labelFile = join(labels, `article${id}.task2-TC.labels`);
    const gold: Span[] = existsSync(labelFile)
      ? readFileSync(labelFile, 'utf8').split('\n').filter(Boolean).map((l) => {
          const [, technique, start, end] = l.split('\t');
          return { technique: technique!, start: Number(start), end: Number(end) };
        })
      : [];
    const done = run({ id, bytes: readFileSync(join(articles, f)), source: { path: f, outlet: null, url: null, date: null, language: 'en' } });
    const r = JSON.parse(done.json) as { rhetoric: { hits: Array<{ marker: string; start: number; end: number; in: string }> } | null };
    const pred: Span[] = [];
    for (const h of r.rhetoric?.hits ?? []) {
      if (h.in === 'comment') continue;
      const technique = TECHNIQUE[h.marker];
      if (technique) pred.push({ start: h.start, end: h.end, technique });
      else unmapped.set(h.marker, (unmapped.get(h.marker) ?? 0) + 1);
    }
    scoreArticle(pred, gold, tally);
  }
  console.log(`PTC (SemEval-2020 Task 11), ${files.length} articles${only ? ` (half ${only})` : ''} in ${dir}; span overlap, technique must agree\n`);
  console.log(`${'technique'.padEnd(28)} ${'gold'.padStart(5)} ${'pred'.padStart(5)}  precision  recall     F1`);
  const all: Tally = { predicted: 0, predictedHit: 0, gold: 0, goldHit: 0 };
  for (const tech of TECHNIQUES) {
    const row = tally.get(tech)!;
    const { p, r, f1 } = prf(row);
    for (const k of Object.keys(all) as Array<keyof Tally>) all[k] += row[k];
    console.log(`${tech.padEnd(28)} ${String(row.gold).padStart(5)} ${String(row.predicted).padStart(5)}  ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f1.toFixed(3).padStart(5)}`);
  }
  const s = prf(all);
  console.log(`${'all six'.padEnd(28)} ${String(all.gold).padStart(5)} ${String(all.predicted).padStart(5)}  ${s.p.toFixed(3).padStart(9)}  ${s.r.toFixed(3).padStart(6)}  ${s.f1.toFixed(3).padStart(5)}`);
  if (unmapped.size) console.log(`\nmarkers with no PTC counterpart (not scored): ${[...unmapped].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`\nsummary eval-rhetoric articles=${files.length} precision=${s.p.toFixed(3)} recall=${s.r.toFixed(3)} f1=${s.f1.toFixed(3)}`);
}

if (process.argv[1]?.endsWith('rhetoric.js')) await main();
