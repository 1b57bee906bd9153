import { utf16Indexer } from '../offsets.js';
import { readReports } from '../reports.js';
import { STOP_WORDS, wordsIn } from './words.js';
import { byCodeUnit } from '../sort.js';
import { BUILT_IN_FIELDS, comparisonLabel, fieldName, fieldValue, UNMAPPED, type GroupedReport, type GroupMapping } from './compare-groups.js';
import { per1000, voiceCounts, type ReportHit, type VoiceCounts } from './voice-counts.js';

/**
 * `framescope compare`: how groups of documents (outlets, months, any manifest column, or groups of
 * them from a mapping file) differ. Frame rates per group come with 95% intervals over documents
 * (see ratioInterval); distinctive words and frames per group are ranked by the log-odds ratio with an
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
  /** Hits per 1,000 words over the group's documents taken together, and its 95% interval over documents. */
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

/**
 * Fightin' Words of one group against all the others, from the group's counts and the corpus
 * totals: the same scores as fightinWords(group, total − group), for the group's own terms only.
 */
export function versusRest(group: Map<string, number>, total: Map<string, number>, alpha0: number): Array<{ term: string; countGroup: number; countRest: number; logOdds: number; z: number }> {
  let nAll = 0;
  for (const c of total.values()) nAll += c;
  let ni = 0;
  for (const c of group.values()) ni += c;
  const nj = nAll - ni;
  const out = [];
  for (const [term, yi] of group) {
    if (yi <= 0) continue;
    const yw = total.get(term) ?? yi;
    const yj = yw - yi;
    const a = (alpha0 * yw) / nAll;
    const delta = Math.log((yi + a) / (ni + alpha0 - yi - a)) - Math.log((yj + a) / (nj + alpha0 - yj - a));
    out.push({ term, countGroup: yi, countRest: yj, logOdds: delta, z: delta / Math.sqrt(1 / (yi + a) + 1 / (yj + a)) });
  }
  return out.sort((x, y) => y.z - x.z || byCodeUnit(x.term, y.term));
}

/** What one document gives the comparison: its grouping fields, its words, its hits by voice, its body terms. */
export interface CompareInput {
  grouping: GroupedReport;
  /** Null for a document that is not compared (failed, or without a text): only its manifest columns count. */
  words: number | null;
  counts: Array<[string, VoiceCounts]>;
  terms: Array<[string, number]>;
}

/** A report as compare reads it. */
export interface CompareReport extends GroupedReport {
  status?: string;
  text?: string | null;
  stats?: { words: number } | null;
  body?: { blocks?: Array<{ start: number; end: number }> } | null;
  frames?: { hits?: ReportHit[] } | null;
  rhetoric?: { hits?: ReportHit[] } | null;
}

/** The comparison's part of a report: computed once per document, in the worker that made the report. */
export function compareInput(r: CompareReport): CompareInput {
  const grouping: GroupedReport = { outlet: r.outlet ?? null, language: r.language ?? null, metadata: { date: r.metadata?.date ?? null, agency: r.metadata?.agency ?? null }, manifest: r.manifest ?? null };
  const text = r.text;
  if (!r.stats || !text || r.status === 'failed') return { grouping, words: null, counts: [], terms: [] };
  const counts = [...voiceCounts([...(r.frames?.hits ?? []), ...(r.rhetoric?.hits ?? [])])].sort((a, b) => byCodeUnit(a[0], b[0]));
  // Body words only: comments are the readers', not the outlet's.
  const at = utf16Indexer(text);
  const bag = new Map<string, number>();
  for (const b of r.body?.blocks ?? []) {
    for (const { w } of wordsIn(text, at(b.start), at(b.end))) if (!STOP_WORDS.has(w) && w.length > 2) bag.set(w, (bag.get(w) ?? 0) + 1);
  }
  return { grouping, words: r.stats.words, counts, terms: [...bag].sort((a, b) => byCodeUnit(a[0], b[0])) };
}

/** Sums over a group's documents of one frame's count c against words w: what the rate's interval needs. */
interface FrameSums {
  c: number;
  cc: number;
  cw: number;
}

interface FrameState {
  own: FrameSums;
  all: FrameSums;
  attributed: number;
  quoted: number;
  scareQuoted: number;
  negated: number;
  distanced: number;
}

interface GroupState {
  documents: number;
  words: number;
  /** Sum of squared document lengths. */
  ww: number;
  frames: Record<string, FrameState>;
  terms: Record<string, number>;
}

/** The accumulator's saved form: plain JSON, merged by adding. */
export interface CompareState {
  by: string;
  columns: string[];
  members: Record<string, number>;
  groups: Record<string, GroupState>;
}

const newSums = (): FrameSums => ({ c: 0, cc: 0, cw: 0 });
const newFrame = (): FrameState => ({ own: newSums(), all: newSums(), attributed: 0, quoted: 0, scareQuoted: 0, negated: 0, distanced: 0 });
// Terms and frame ids are keys of plain records (the saved form is JSON): without a prototype, a
// body word such as "constructor" is a key like any other, not Object's inherited function.
const newGroup = (): GroupState => ({ documents: 0, words: 0, ww: 0, frames: Object.create(null) as GroupState['frames'], terms: Object.create(null) as GroupState['terms'] });

/**
 * The comparison as documents arrive: per group only sums (documents, words, squared words, and per
 * frame the counts, their squares and their products with words), the term counts, and the value →
 * group members. Every sum is of integers, so the result is exact and the same in any order, and
 * two accumulators (two shards of a corpus) merge by adding.
 */
export class CompareAccumulator {
  readonly field: string;
  private columns = new Set<string>();
  private members = new Map<string, number>();
  private groups = new Map<string, GroupState>();

  constructor(
    by: string,
    private mapping: GroupMapping | null = null,
  ) {
    this.field = fieldName(by);
  }

  add(input: CompareInput): void {
    for (const k of Object.keys(input.grouping.manifest ?? {})) this.columns.add(k);
    if (input.words === null) return;
    const value = fieldValue(input.grouping, this.field);
    this.members.set(value, (this.members.get(value) ?? 0) + 1);
    const key = this.groupOf(value);
    const g = this.groups.get(key) ?? this.groups.set(key, newGroup()).get(key)!;
    const w = input.words;
    g.documents++;
    g.words += w;
    g.ww += w * w;
    for (const [frame, c] of input.counts) {
      const f = (g.frames[frame] ??= newFrame());
      addSums(f.own, c.authorial, w);
      addSums(f.all, c.all, w);
      f.attributed += c.attributed;
      f.quoted += c.quoted;
      f.scareQuoted += c.scareQuoted;
      f.negated += c.negated;
      f.distanced += c.distanced;
    }
    for (const [t, n] of input.terms) g.terms[t] = (g.terms[t] ?? 0) + n;
  }

  /** Adds the saved state of another accumulator by the same field (another shard of the corpus). */
  merge(other: CompareState): void {
    if (other.by !== this.field) throw new Error(`[E044] cannot merge a comparison by ${other.by} into one by ${this.field}`);
    for (const c of other.columns) this.columns.add(c);
    for (const [v, n] of Object.entries(other.members)) this.members.set(v, (this.members.get(v) ?? 0) + n);
    for (const [key, o] of Object.entries(other.groups)) {
      const g = this.groups.get(key) ?? this.groups.set(key, newGroup()).get(key)!;
      g.documents += o.documents;
      g.words += o.words;
      g.ww += o.ww;
      for (const [frame, f] of Object.entries(o.frames)) {
        const m = (g.frames[frame] ??= newFrame());
        for (const k of ['own', 'all'] as const) (m[k].c += f[k].c), (m[k].cc += f[k].cc), (m[k].cw += f[k].cw);
        for (const k of ['attributed', 'quoted', 'scareQuoted', 'negated', 'distanced'] as const) m[k] += f[k];
      }
      for (const [t, n] of Object.entries(o.terms)) g.terms[t] = (g.terms[t] ?? 0) + n;
    }
  }

  /** The saved form, with every key in code-unit order so equal states serialise to equal bytes. */
  toJSON(): CompareState {
    const sorted = <T>(m: Iterable<[string, T]>) => Object.fromEntries([...m].sort((a, b) => byCodeUnit(a[0], b[0])));
    return {
      by: this.field,
      columns: [...this.columns].sort(byCodeUnit),
      members: sorted(this.members),
      groups: sorted([...this.groups].map(([k, g]) => [k, { ...g, frames: sorted(Object.entries(g.frames)), terms: sorted(Object.entries(g.terms)) }] as [string, GroupState])),
    };
  }

  private groupOf(value: string): string {
    return this.mapping ? (this.mapping.groups.get(value) ?? UNMAPPED) : value;
  }

  /** The comparison; throws (E041/E043) when the field or the mapping fits no document. */
  result(opts: { alpha0?: number; top?: number } = {}): Comparison {
    const { field, mapping } = this;
    if (!(BUILT_IN_FIELDS as readonly string[]).includes(field) && !this.columns.has(field)) {
      const known = [...BUILT_IN_FIELDS, ...[...this.columns].sort(byCodeUnit).filter((c) => !(BUILT_IN_FIELDS as readonly string[]).includes(c))];
      throw new Error(`[E041] --by "${field}": no report has that field or manifest column; choose one of ${known.join(', ')}`);
    }
    if (mapping && this.members.size && ![...this.members.keys()].some((v) => this.groupOf(v) !== UNMAPPED)) {
      throw new Error(`[E043] --groups ${mapping.file}: none of the ${this.members.size} value(s) of ${field} in the reports is in its first column ("${mapping.valueColumn}"); is --by ${field} the field it maps?`);
    }
    const keys = [...this.groups.keys()].sort(byCodeUnit);
    const state = (k: string) => this.groups.get(k)!;
    const groups = keys.map((key) => ({ key, documents: state(key).documents, words: state(key).words }));
    const frameIds = [...new Set(keys.flatMap((k) => Object.keys(state(k).frames)))].sort(byCodeUnit);
    const rates: Rate[] = [];
    for (const key of keys) for (const frame of frameIds) rates.push(groupRate(key, state(key), frame));
    const distinctive: Distinctive[] = [];
    const top = opts.top ?? 15;
    const terms = new Map(keys.map((k) => [k, new Map(Object.entries(state(k).terms).sort((a, b) => byCodeUnit(a[0], b[0])))]));
    const termsOf = (k: string) => terms.get(k)!;
    // Distinctive frames, like the headline rate, count only what the outlets say in their own voice.
    const own = new Map(keys.map((k) => [k, new Map(frameIds.map((f) => [f, state(k).frames[f]?.own.c ?? 0] as [string, number]).filter(([, c]) => c > 0))]));
    const ownOf = (k: string) => own.get(k)!;
    // One corpus-wide total; each group is scored against it minus itself, and only over its own
    // terms (a term the group never uses is never among its distinctive ones).
    const total = new Map<string, number>();
    const totalFrames = new Map<string, number>();
    for (const k of keys) {
      for (const [t, c] of termsOf(k)) total.set(t, (total.get(t) ?? 0) + c);
      for (const [f, c] of ownOf(k)) totalFrames.set(f, (totalFrames.get(f) ?? 0) + c);
    }
    for (const key of keys) {
      for (const [kind, fw] of [['term', versusRest(termsOf(key), total, opts.alpha0 ?? 1000)], ['frame', versusRest(ownOf(key), totalFrames, opts.alpha0 ?? 100)]] as const) {
        for (const x of fw.slice(0, top)) distinctive.push({ group: key, kind, term: x.term, countGroup: x.countGroup, countRest: x.countRest, logOdds: round(x.logOdds), z: round(x.z) });
      }
    }
    const members = [...this.members].map(([value, documents]) => ({ value, group: this.groupOf(value), documents })).sort((a, b) => byCodeUnit(a.group, b.group) || byCodeUnit(a.value, b.value));
    return {
      by: field,
      mapping: mapping ? { file: mapping.file, valueColumn: mapping.valueColumn, groupColumn: mapping.groupColumn, unused: [...mapping.groups.keys()].filter((v) => !this.members.has(v)).sort(byCodeUnit) } : null,
      label: comparisonLabel(field, mapping),
      groups,
      members,
      rates,
      distinctive,
    };
  }
}

function addSums(s: FrameSums, c: number, w: number): void {
  s.c += c;
  s.cc += c * c;
  s.cw += c * w;
}

/**
 * Compares the groups of the reports in `reportsDir` (`framescope compare`). `by` is a report field
 * or a manifest column; with `groups`, its values are mapped onto the file's groups and values the
 * file does not list go to the group UNMAPPED.
 */
export function compare(reportsDir: string, by: string, opts: { ids?: string[]; alpha0?: number; top?: number; groups?: GroupMapping | null } = {}): Comparison {
  const acc = new CompareAccumulator(by, opts.groups ?? null);
  for (const r of readReports<CompareReport>(reportsDir, opts.ids)) acc.add(compareInput(r));
  return acc.result(opts);
}

/** One group's rates of one frame: the headline with its interval, the reported voices, all voices with theirs. */
function groupRate(key: string, g: GroupState, frame: string): Rate {
  const f = g.frames[frame] ?? newFrame();
  const a = ratioInterval(f.own, g);
  const b = ratioInterval(f.all, g);
  return {
    group: key, frame, documents: g.documents, words: g.words,
    authorialCount: f.own.c, authorialRate: round(a.rate), authorialLo: round(a.lo), authorialHi: round(a.hi),
    attributedRate: per1000(f.attributed, g.words), quotedRate: per1000(f.quoted, g.words), scareQuotedRate: per1000(f.scareQuoted, g.words), negated: f.negated, distanced: f.distanced,
    count: f.all.c, rate: round(b.rate), lo: round(b.lo), hi: round(b.hi),
  };
}

/**
 * The pooled rate (hits per 1,000 words over the group's documents taken together) and its 95%
 * interval from the ratio estimator's linearised variance with documents as clusters (Cochran,
 * Sampling Techniques, 1977, ch. 6): var(R) = n/(n-1) · Σ(c_i - R·w_i)² / W², computed from sums.
 * Like a bootstrap over documents it widens when the hits bunch in a few documents; unlike one it
 * keeps no per-document list, so memory does not grow with the corpus and shards merge exactly.
 */
export function ratioInterval(s: FrameSums, g: { documents: number; words: number; ww: number }): { rate: number; lo: number; hi: number } {
  const W = g.words;
  const R = W ? s.c / W : 0;
  const rate = R * 1000;
  if (g.documents < 2 || !W || !s.c) return { rate, lo: rate, hi: rate };
  const resid = Math.max(0, s.cc - 2 * R * s.cw + R * R * g.ww);
  const se = Math.sqrt(((g.documents / (g.documents - 1)) * resid) / (W * W)) * 1000;
  return { rate, lo: Math.max(0, rate - 1.96 * se), hi: rate + 1.96 * se };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
