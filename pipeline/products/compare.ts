import { utf16Indexer } from '../offsets.js';
import { prng } from '../prng.js';
import { readReports } from '../reports.js';
import { STOP_WORDS, wordsIn } from './words.js';
import { byCodeUnit } from '../sort.js';
import { BUILT_IN_FIELDS, comparisonLabel, fieldName, fieldValue, UNMAPPED, type GroupedReport, type GroupMapping } from './compare-groups.js';
import { per1000, voiceCounts, type ReportHit, type VoiceCounts } from './voice-counts.js';

/**
 * `framescope compare`: how groups of documents (outlets, months, any manifest column, or groups of
 * them from a mapping file) differ. Frame rates per group come with 95% bootstrap intervals over
 * documents; distinctive words and frames per group are ranked by the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), each group against
 * all the others. The headline rate is the outlet's own framing (voice-counts.ts); the all-voices
 * rate and the reported voices stand beside it.
 */

/** One group × frame: the headline rate with its interval, the reported voices, and all voices together. */
export interface Rate {
  group: string;
  frame: string;
  documents: number;
  words: number;
  /** Hits in the outlet's own voice, not negated, not distanced: the rate groups are compared on. */
  authorialCount: number;
  authorialRate: number;
  authorialLo: number;
  authorialHi: number;
  attributedRate: number;
  quotedRate: number;
  scareQuotedRate: number;
  negated: number;
  distanced: number;
  /** Every counted hit, whatever its voice (what `rate` meant before the headline split). */
  count: number;
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

/** A value of the --by field and the group it went to (itself, without a mapping file). */
export interface Member {
  value: string;
  group: string;
  documents: number;
}

export interface Comparison {
  /** The --by field, lowercased. */
  by: string;
  /** The mapping file's name and columns, when groups came from one. */
  mapping: { file: string; valueColumn: string; groupColumn: string; unused: string[] } | null;
  /** The name part of the output files (comparisonLabel). */
  label: string;
  groups: Array<{ key: string; documents: number; words: number }>;
  members: Member[];
  rates: Rate[];
  distinctive: Distinctive[];
}

interface Doc {
  group: string;
  words: number;
  counts: Map<string, VoiceCounts>;
}

/**
 * The pooled rate (hits per 1,000 words over all the documents) and its percentile bootstrap
 * interval: documents are resampled with replacement `reps` times.
 */
export function bootstrapRate(docs: Array<{ count: number; words: number }>, reps = 2000, seed = 20081): { rate: number; lo: number; hi: number } {
  const sum = (xs: Array<{ count: number; words: number }>) => xs.reduce((a, d) => [a[0]! + d.count, a[1]! + d.words], [0, 0]);
  const [c, w] = sum(docs);
  const rate = w ? (c! / w!) * 1000 : 0;
  // Most frames are absent from most groups: every resample of zeros is zero, so skip drawing them.
  if (docs.length < 2 || !w || !c) return { rate, lo: rate, hi: rate };
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

/** A report as compare reads it. */
interface CompareReport extends GroupedReport {
  status?: string;
  text?: string | null;
  stats?: { words: number } | null;
  body?: { blocks?: Array<{ start: number; end: number }> } | null;
  frames?: { hits?: ReportHit[] } | null;
  rhetoric?: { hits?: ReportHit[] } | null;
}

/**
 * Compares the groups of the reports in `reportsDir`. `by` is a report field or a manifest column;
 * with `groups`, its values are mapped onto the file's groups and values the file does not list go
 * to the group UNMAPPED. Throws (code E041/E043) when the field or the mapping fits no report.
 */
export function compare(reportsDir: string, by: string, opts: { ids?: string[]; alpha0?: number; top?: number; groups?: GroupMapping | null } = {}): Comparison {
  const field = fieldName(by);
  const mapping = opts.groups ?? null;
  const docs: Doc[] = [];
  const terms = new Map<string, Map<string, number>>();
  const frameIds = new Set<string>();
  const columns = new Set<string>();
  const members = new Map<string, Member>();
  for (const r of readReports<CompareReport>(reportsDir, opts.ids)) {
    for (const k of Object.keys(r.manifest ?? {})) columns.add(k);
    const text = r.text;
    if (!r.stats || !text || r.status === 'failed') continue;
    const value = fieldValue(r, field);
    const group = mapping ? (mapping.groups.get(value) ?? UNMAPPED) : value;
    const m = members.get(value) ?? members.set(value, { value, group, documents: 0 }).get(value)!;
    m.documents++;
    const counts = voiceCounts([...(r.frames?.hits ?? []), ...(r.rhetoric?.hits ?? [])]);
    for (const id of counts.keys()) frameIds.add(id);
    docs.push({ group, words: r.stats.words, counts });
    // Body words only: comments are the readers', not the outlet's.
    const at = utf16Indexer(text);
    const bag = terms.get(group) ?? terms.set(group, new Map()).get(group)!;
    for (const b of r.body?.blocks ?? []) {
      for (const { w } of wordsIn(text, at(b.start), at(b.end))) if (!STOP_WORDS.has(w) && w.length > 2) bag.set(w, (bag.get(w) ?? 0) + 1);
    }
  }
  if (!(BUILT_IN_FIELDS as readonly string[]).includes(field) && !columns.has(field)) {
    const known = [...BUILT_IN_FIELDS, ...[...columns].sort(byCodeUnit).filter((c) => !(BUILT_IN_FIELDS as readonly string[]).includes(c))];
    throw new Error(`[E041] --by "${by}": no report has that field or manifest column; choose one of ${known.join(', ')}`);
  }
  if (mapping && docs.length && ![...members.values()].some((x) => x.group !== UNMAPPED)) {
    throw new Error(`[E043] --groups ${mapping.file}: none of the ${members.size} value(s) of ${field} in the reports is in its first column ("${mapping.valueColumn}"); is --by ${field} the field it maps?`);
  }
  const keys = [...new Set(docs.map((d) => d.group))].sort(byCodeUnit);
  const byGroup = new Map(keys.map((k) => [k, docs.filter((d) => d.group === k)]));
  const groups = keys.map((key) => ({ key, documents: byGroup.get(key)!.length, words: byGroup.get(key)!.reduce((a, d) => a + d.words, 0) }));
  const rates: Rate[] = [];
  for (const g of groups) {
    const ds = byGroup.get(g.key)!;
    for (const frame of [...frameIds].sort(byCodeUnit)) rates.push(groupRate(g, frame, ds));
  }
  const distinctive: Distinctive[] = [];
  const top = opts.top ?? 15;
  for (const g of groups) {
    const rest = new Map<string, number>();
    for (const k of keys) if (k !== g.key) for (const [t, c] of terms.get(k) ?? []) rest.set(t, (rest.get(t) ?? 0) + c);
    // Distinctive frames, like the headline rate, count only what the outlets say in their own voice.
    const restFrames = new Map<string, number>();
    const groupFrames = new Map<string, number>();
    for (const d of docs) {
      const into = d.group === g.key ? groupFrames : restFrames;
      for (const [f, c] of d.counts) if (c.authorial) into.set(f, (into.get(f) ?? 0) + c.authorial);
    }
    const alphaTerms = opts.alpha0 ?? 1000;
    for (const [kind, fw] of [['term', fightinWords(terms.get(g.key) ?? new Map(), rest, alphaTerms)], ['frame', fightinWords(groupFrames, restFrames, opts.alpha0 ?? 100)]] as const) {
      for (const x of fw.filter((y) => y.countGroup > 0).slice(0, top)) distinctive.push({ group: g.key, kind, term: x.term, countGroup: x.countGroup, countRest: x.countRest, logOdds: round(x.logOdds), z: round(x.z) });
    }
  }
  const memberList = [...members.values()].sort((a, b) => byCodeUnit(a.group, b.group) || byCodeUnit(a.value, b.value));
  return {
    by: field,
    mapping: mapping ? { file: mapping.file, valueColumn: mapping.valueColumn, groupColumn: mapping.groupColumn, unused: [...mapping.groups.keys()].filter((v) => !members.has(v)).sort(byCodeUnit) } : null,
    label: comparisonLabel(field, mapping),
    groups,
    members: memberList,
    rates,
    distinctive,
  };
}

/** One group's rates of one frame: the headline with its interval, the reported voices, all voices with theirs. */
function groupRate(g: { key: string; documents: number; words: number }, frame: string, ds: Doc[]): Rate {
  let attributed = 0, quoted = 0, scareQuoted = 0, negated = 0, distanced = 0;
  const own = [];
  const all = [];
  for (const d of ds) {
    const c = d.counts.get(frame);
    own.push({ count: c?.authorial ?? 0, words: d.words });
    all.push({ count: c?.all ?? 0, words: d.words });
    if (!c) continue;
    attributed += c.attributed;
    quoted += c.quoted;
    scareQuoted += c.scareQuoted;
    negated += c.negated;
    distanced += c.distanced;
  }
  const a = bootstrapRate(own);
  const b = bootstrapRate(all);
  return {
    group: g.key, frame, documents: g.documents, words: g.words,
    authorialCount: own.reduce((x, d) => x + d.count, 0), authorialRate: round(a.rate), authorialLo: round(a.lo), authorialHi: round(a.hi),
    attributedRate: per1000(attributed, g.words), quotedRate: per1000(quoted, g.words), scareQuotedRate: per1000(scareQuoted, g.words), negated, distanced,
    count: all.reduce((x, d) => x + d.count, 0), rate: round(b.rate), lo: round(b.lo), hi: round(b.hi),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
