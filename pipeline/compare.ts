import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import { utf16Indexer } from './offsets.js';
import { prng } from './prng.js';
import { readReports } from './reports.js';
import { STOP_WORDS, wordsIn } from './words.js';
import { byCodeUnit } from './sort.js';

/**
 * `framescope compare`: how groups of documents (outlets, months, languages, agencies) differ.
 * Frame rates per group come with 95% bootstrap intervals over documents; distinctive words and
 * frames per group are ranked by the log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), each group against all the others.
 */

export type GroupBy = 'outlet' | 'month' | 'year' | 'language' | 'agency';
export const GROUP_BY: GroupBy[] = ['outlet', 'month', 'year', 'language', 'agency'];

export interface Rate {
  group: string;
  frame: string;
  documents: number;
  count: number;
  words: number;
  /** Hits per 1,000 words over the group's documents taken together, and its 95% bootstrap interval. */
  rate: number;
  lo: number;
  hi: number;
}

export interface Distinctive {
  group: string;
  kind: 'term' | 'frame';
  term: string;
  countGroup: number;
  countRest: number;
  logOdds: number;
  z: number;
}

export interface Comparison {
  by: GroupBy;
  groups: Array<{ key: string; documents: number; words: number }>;
  rates: Rate[];
  distinctive: Distinctive[];
}

interface Doc {
  group: string;
  words: number;
  frames: Map<string, number>;
}

/**
 * The pooled rate (hits per 1,000 words over all the documents) and its percentile bootstrap
 * interval: documents are resampled with replacement `reps` times.
 */
export function bootstrapRate(docs: Array<{ count: number; words: number }>, reps = 2000, seed = 20081): { rate: number; lo: number; hi: number } {
  const sum = (xs: Array<{ count: number; words: number }>) => xs.reduce((a, d) => [a[0]! + d.count, a[1]! + d.words], [0, 0]);
  const [c, w] = sum(docs);
  const rate = w ? (c! / w!) * 1000 : 0;
  if (docs.length < 2 || !w) return { rate, lo: rate, hi: rate };
  const rnd = prng(seed);
  const stats: number[] = [];
  for (let r = 0; r < reps; r++) {
    let cc = 0;
    let ww = 0;
    for (let k = 0; k < docs.length; k++) {
      const d = docs[Math.floor(rnd() * docs.length)]!;
      cc += d.count;
      ww += d.words;
    }
    stats.push(ww ? (cc / ww) * 1000 : 0);
  }
  stats.sort((a, b) => a - b);
  const at = (q: number) => stats[Math.min(stats.length - 1, Math.max(0, Math.floor(q * stats.length)))]!;
  return { rate, lo: at(0.025), hi: at(0.975) };
}

/**
 * Fightin' Words for one group against the rest: counts y (group) and yr (rest) of each term, with
 * the prior alpha_w = alpha0 * (share of w in the whole corpus). Returns log-odds and z-score per term.
 */
export function fightinWords(group: Map<string, number>, rest: Map<string, number>, alpha0: number): Array<{ term: string; countGroup: number; countRest: number; logOdds: number; z: number }> {
  const total = new Map<string, number>();
  for (const m of [group, rest]) for (const [t, c] of m) total.set(t, (total.get(t) ?? 0) + c);
  const nAll = [...total.values()].reduce((a, b) => a + b, 0);
  const ni = [...group.values()].reduce((a, b) => a + b, 0);
  const nj = [...rest.values()].reduce((a, b) => a + b, 0);
  const out = [];
  for (const [term, yw] of total) {
    const a = (alpha0 * yw) / nAll;
    const yi = group.get(term) ?? 0;
    const yj = rest.get(term) ?? 0;
    const delta = Math.log((yi + a) / (ni + alpha0 - yi - a)) - Math.log((yj + a) / (nj + alpha0 - yj - a));
    const variance = 1 / (yi + a) + 1 / (yj + a);
    out.push({ term, countGroup: yi, countRest: yj, logOdds: delta, z: delta / Math.sqrt(variance) });
  }
  return out.sort((x, y) => y.z - x.z || byCodeUnit(x.term, y.term));
}

function groupKey(r: Record<string, unknown>, by: GroupBy): string {
  const md = (r.metadata ?? {}) as { date?: string | null; agency?: string | null };
  const v = by === 'outlet' ? r.outlet : by === 'language' ? r.language : by === 'agency' ? md.agency : by === 'month' ? md.date?.slice(0, 7) : md.date?.slice(0, 4);
  return typeof v === 'string' && v ? v : '(none)';
}

export function compare(reportsDir: string, by: GroupBy, opts: { ids?: string[]; alpha0?: number; top?: number } = {}): Comparison {
  const docs: Doc[] = [];
  const terms = new Map<string, Map<string, number>>();
  const frameIds = new Set<string>();
  for (const r of readReports<Record<string, unknown>>(reportsDir, opts.ids)) {
    const stats = r.stats as { words: number } | null;
    const text = r.text as string | null;
    if (!stats || !text || r.status === 'failed') continue;
    const group = groupKey(r, by);
    const frames = new Map<string, number>();
    for (const [id, s] of Object.entries({ ...((r.frames as { scores?: object } | null)?.scores ?? {}), ...((r.rhetoric as { scores?: object } | null)?.scores ?? {}) }) as Array<[string, { count: number }]>) {
      frames.set(id, s.count);
      frameIds.add(id);
    }
    docs.push({ group, words: stats.words, frames });
    // Body words only: comments are the readers', not the outlet's.
    const at = utf16Indexer(text);
    const bag = terms.get(group) ?? terms.set(group, new Map()).get(group)!;
    for (const b of ((r.body as { blocks?: Array<{ start: number; end: number }> } | null)?.blocks ?? [])) {
      for (const { w } of wordsIn(text, at(b.start), at(b.end))) if (!STOP_WORDS.has(w) && w.length > 2) bag.set(w, (bag.get(w) ?? 0) + 1);
    }
  }
  const keys = [...new Set(docs.map((d) => d.group))].sort();
  const groups = keys.map((key) => {
    const ds = docs.filter((d) => d.group === key);
    return { key, documents: ds.length, words: ds.reduce((a, d) => a + d.words, 0) };
  });
  const rates: Rate[] = [];
  for (const g of groups) {
    const ds = docs.filter((d) => d.group === g.key);
    for (const frame of [...frameIds].sort()) {
      const per = ds.map((d) => ({ count: d.frames.get(frame) ?? 0, words: d.words }));
      const b = bootstrapRate(per);
      rates.push({ group: g.key, frame, documents: ds.length, count: per.reduce((a, d) => a + d.count, 0), words: g.words, rate: round(b.rate), lo: round(b.lo), hi: round(b.hi) });
    }
  }
  const distinctive: Distinctive[] = [];
  const top = opts.top ?? 15;
  for (const g of groups) {
    const rest = new Map<string, number>();
    for (const k of keys) if (k !== g.key) for (const [t, c] of terms.get(k) ?? []) rest.set(t, (rest.get(t) ?? 0) + c);
    const restFrames = new Map<string, number>();
    const groupFrames = new Map<string, number>();
    for (const d of docs) for (const [f, c] of d.frames) (d.group === g.key ? groupFrames : restFrames).set(f, ((d.group === g.key ? groupFrames : restFrames).get(f) ?? 0) + c);
    const alphaTerms = opts.alpha0 ?? 1000;
    for (const [kind, fw] of [['term', fightinWords(terms.get(g.key) ?? new Map(), rest, alphaTerms)], ['frame', fightinWords(groupFrames, restFrames, opts.alpha0 ?? 100)]] as const) {
      for (const x of fw.filter((y) => y.countGroup > 0).slice(0, top)) distinctive.push({ group: g.key, kind, term: x.term, countGroup: x.countGroup, countRest: x.countRest, logOdds: round(x.logOdds), z: round(x.z) });
    }
  }
  return { by, groups, rates, distinctive };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Writes the comparison as two tables next to the corpus tables. */
export function writeComparison(tablesDir: string, c: Comparison): string[] {
  const rates = join(tablesDir, `compare_${c.by}_rates.csv`);
  const terms = join(tablesDir, `compare_${c.by}_distinctive.csv`);
  writeFileAtomic.sync(rates, stringify(c.rates, { header: true, columns: ['group', 'frame', 'documents', 'count', 'words', 'rate', 'lo', 'hi'] }));
  writeFileAtomic.sync(terms, stringify(c.distinctive, { header: true, columns: ['group', 'kind', 'term', 'countGroup', 'countRest', 'logOdds', 'z'] }));
  return [rates, terms];
}

/** The screen summary: per group, its most frequent frames with intervals and its most distinctive words. */
export function formatComparison(c: Comparison, topFrames = 4, topTerms = 8): string {
  const lines = [`compare by ${c.by}: ${c.groups.length} group(s); rates are hits per 1,000 words [95% bootstrap interval over documents]`];
  for (const g of c.groups) {
    lines.push('', `${g.key}  (${g.documents} document(s), ${g.words} words)`);
    const rs = c.rates.filter((r) => r.group === g.key && r.count > 0).sort((a, b) => b.rate - a.rate || byCodeUnit(a.frame, b.frame)).slice(0, topFrames);
    for (const r of rs) lines.push(`  ${r.frame.padEnd(28)} ${r.rate.toFixed(2).padStart(7)}  [${r.lo.toFixed(2)}, ${r.hi.toFixed(2)}]`);
    const ts = c.distinctive.filter((d) => d.group === g.key && d.kind === 'term').slice(0, topTerms);
    if (ts.length) lines.push(`  distinctive words: ${ts.map((t) => `${t.term} (z ${t.z.toFixed(1)})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
