import { codePointMapper, utf16Indexer } from '../offsets.js';
import { EVALUATED_FRAMES, findsPhrase, isJudged, matchesGold, occurrences, type GoldDocument, type GoldPhrase, type Range } from './gold-match.js';
import { readReports } from '../reports.js';
import { sentenceBounds } from './sentence-around.js';
import { byCodeUnit } from '../sort.js';

/**
 * `framescope lexicon-audit`: what carries each frame and rhetoric marker in a run, pattern by
 * pattern (hits, documents, outlets, voices, example sentences), and with hand-annotated gold, how
 * often each pattern is right and which gold phrases no hit found. It is a combiner over the
 * reports: one report is added at a time and only counters and a bounded set of examples stay, so
 * a run of any size fits in memory, and nothing depends on the order reports come in, so the
 * output is the same bytes on every run.
 */

interface Hit {
  frame?: string;
  marker?: string;
  family?: string;
  start: number;
  end: number;
  in?: string;
  voice?: string;
  inName?: boolean;
  negated?: boolean;
  distancing?: string | null;
  pattern?: string;
}
interface Report {
  id?: unknown;
  outlet?: string | null;
  text?: string | null;
  frames?: { hits?: Hit[]; setAside?: Hit[] } | null;
  rhetoric?: { hits?: Hit[] } | null;
}

/** One hit shown in its sentence, the hit between « and ». */
export interface AuditExample {
  document: string;
  outlet: string | null;
  start: number;
  end: number;
  in: string;
  voice: string;
  context: string;
}

/** Counts shared by a frame and each of its patterns. */
export interface AuditCounts {
  hits: number;
  documents: number;
  /** Distinct outlets named in the reports (a report without an outlet adds none). */
  outlets: number;
  byVoice: Record<string, number>;
  byRegion: Record<string, number>;
  negated: number;
  distanced: number;
  inName: number;
  /** Matches held back because the document did not meet the pattern's condition (`frames.setAside`). */
  setAside: number;
  /** Against gold (null without --gold, or for an id the gold is not annotated with). */
  gold: { judged: number; matched: number; precision: number | null } | null;
}

/** One lexicon pattern of a frame or marker. */
export interface PatternAudit extends AuditCounts {
  pattern: string;
  examples: AuditExample[];
  /** Judged hits in gold documents that overlap no gold phrase of their frame (with --gold). */
  falsePositives: AuditExample[];
}

/** One frame or rhetoric marker. */
export interface FrameAudit extends AuditCounts {
  id: string;
  kind: 'frame' | 'rhetoric';
  family: string;
  patterns: PatternAudit[];
}

/** A gold phrase that no hit of its frame or marker found. */
export interface UnmatchedGold {
  kind: 'frame' | 'rhetoric';
  id: string;
  document: string;
  outlet: string | null;
  phrase: string;
  in: string | null;
  voice: string[];
  /** `not-in-text` when the phrase does not occur in the report's text (segmentation, decoding or the gold's quoting). */
  reason: 'no-hit' | 'not-in-text';
  /** Hits of other frames or markers over the phrase, as "id: pattern". */
  otherHits: string[];
  context: string | null;
}

/** The whole audit, as `--json` writes it. */
export interface LexiconAudit {
  schema: 'framescope.lexicon-audit/1';
  reports: number;
  /** Report files that could not be read or parsed. */
  unreadable: Array<{ file: string; reason: string }>;
  examplesPerPattern: number;
  gold: {
    documents: number;
    documentsWithReport: number;
    missingReports: string[];
    judged: number;
    matched: number;
    precision: number | null;
  } | null;
  frames: FrameAudit[];
  unmatchedGold: UnmatchedGold[];
}

/** How the audit is built: examples per pattern, the gold to judge against, who hears of skipped files. */
export interface AuditOptions {
  /** Example contexts kept per pattern (default 3). */
  examples?: number;
  gold?: Map<string, GoldDocument>;
  /** Hears of each report file skipped as unreadable. */
  onSkip?: (file: string, reason: string) => void;
}

// Context shown on each side of a hit; a "sentence" in a page without full stops can be a whole paragraph.
const CONTEXT_CHARS = 80;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** FNV-1a: a cheap, stable hash, so the examples are a fixed pseudo-random sample rather than the alphabetically first documents. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Candidate {
  rank: number;
  document: string;
  start: number;
  end: number;
  outlet: string | null;
  example: AuditExample;
}
const beforeCandidate = (a: Omit<Candidate, 'example'>, b: Omit<Candidate, 'example'>) =>
  a.rank - b.rank || byCodeUnit(a.document, b.document) || a.start - b.start || a.end - b.end;

/**
 * The N examples of a pattern, spread over outlets: the N outlets whose best-ranked hit ranks
 * highest each give that hit, and when there are fewer outlets the best-ranked remaining hits fill
 * in. Both sets are kept exactly while streaming in bounded memory (an outlet pushed out of the
 * per-outlet set can never get back in, since that set's worst rank only improves), so the choice
 * does not depend on the order of the reports.
 */
class ExamplePicker {
  private byOutlet = new Map<string, Candidate>();
  private best: Candidate[] = [];
  constructor(private readonly n: number) {}

  /** Offers a hit; `make` builds its example only when it is kept, so texts are not held. */
  offer(c: Omit<Candidate, 'example'>, make: () => AuditExample): void {
    if (this.n === 0) return;
    let example: AuditExample | null = null;
    const full = () => (example ??= make());
    const key = c.outlet ?? '\u0000none';
    const held = this.byOutlet.get(key);
    if (held) {
      if (beforeCandidate(c, held) < 0) this.byOutlet.set(key, { ...c, example: full() });
    } else if (this.byOutlet.size < this.n) {
      this.byOutlet.set(key, { ...c, example: full() });
    } else {
      let worstKey = '';
      let worst: Candidate | null = null;
      for (const [k, v] of this.byOutlet) if (!worst || beforeCandidate(v, worst) > 0) [worstKey, worst] = [k, v];
      if (worst && beforeCandidate(c, worst) < 0) {
        this.byOutlet.delete(worstKey);
        this.byOutlet.set(key, { ...c, example: full() });
      }
    }
    if (this.best.length < this.n || beforeCandidate(c, this.best[this.best.length - 1]!) < 0) {
      this.best.push({ ...c, example: full() });
      this.best.sort(beforeCandidate);
      if (this.best.length > this.n) this.best.pop();
    }
  }

  /** The chosen examples, by document id and position. */
  picked(): AuditExample[] {
    const chosen = [...this.byOutlet.values()].sort(beforeCandidate);
    for (const c of this.best) {
      if (chosen.length >= this.n) break;
      if (!chosen.some((x) => beforeCandidate(x, c) === 0)) chosen.push(c);
    }
    return chosen
      .sort((a, b) => byCodeUnit(a.document, b.document) || a.start - b.start || a.end - b.end)
      .map((c) => c.example);
  }
}

class Tally {
  hits = 0;
  documents = 0;
  outlets = new Set<string>();
  byVoice = new Map<string, number>();
  byRegion = new Map<string, number>();
  negated = 0;
  distanced = 0;
  inName = 0;
  setAside = 0;
  judged = 0;
  matched = 0;
  /** The number of the last report counted in `documents`, so a document counts once however many hits it has. */
  private lastReport = -1;

  add(h: Hit, r: Report, seq: number): void {
    this.hits++;
    if (this.lastReport !== seq) {
      this.lastReport = seq;
      this.documents++;
    }
    if (r.outlet) this.outlets.add(r.outlet);
    const voice = h.voice ?? 'unknown';
    this.byVoice.set(voice, (this.byVoice.get(voice) ?? 0) + 1);
    const region = h.in ?? 'body';
    this.byRegion.set(region, (this.byRegion.get(region) ?? 0) + 1);
    if (h.negated) this.negated++;
    if (h.distancing) this.distanced++;
    if (h.inName) this.inName++;
  }

  counts(gold: 'judged' | 'not judged' | 'no gold'): AuditCounts {
    const sorted = (m: Map<string, number>) => Object.fromEntries([...m].sort((a, b) => byCodeUnit(a[0], b[0])));
    return {
      hits: this.hits,
      documents: this.documents,
      outlets: this.outlets.size,
      byVoice: sorted(this.byVoice),
      byRegion: sorted(this.byRegion),
      negated: this.negated,
      distanced: this.distanced,
      inName: this.inName,
      setAside: this.setAside,
      gold: gold === 'judged' ? { judged: this.judged, matched: this.matched, precision: this.judged ? round3(this.matched / this.judged) : null } : null,
    };
  }
}

class PatternTally extends Tally {
  falsePositives: AuditExample[] = [];
  constructor(readonly examples: ExamplePicker) {
    super();
  }
}

class FrameTally extends Tally {
  families = new Set<string>();
  patterns = new Map<string, PatternTally>();
  constructor(readonly id: string, readonly kind: 'frame' | 'rhetoric') {
    super();
  }
}

/** Builds the audit from hits one report at a time (create, add, result). */
export class LexiconAuditor {
  private frames = new Map<string, FrameTally>();
  private reports = 0;
  private unreadable: Array<{ file: string; reason: string }> = [];
  private goldSeen = new Set<string>();
  private judged = 0;
  private matched = 0;
  private unmatched: UnmatchedGold[] = [];
  private readonly n: number;

  constructor(private readonly opts: AuditOptions = {}) {
    this.n = opts.examples ?? 3;
  }

  /** Records a report file that could not be read. */
  skip(file: string, reason: string): void {
    this.unreadable.push({ file, reason });
    this.opts.onSkip?.(file, reason);
  }

  add(r: Report & { id: string }): void {
    const id = r.id;
    this.reports++;
    const text = typeof r.text === 'string' ? r.text : '';
    // Offsets are code points; JavaScript slices UTF-16. Built only when an example or gold needs them.
    let at: ((cp: number) => number) | null = null;
    const utf16 = (cp: number) => (at ??= utf16Indexer(text))(cp);
    const example = (h: Hit): AuditExample => ({
      document: id, outlet: r.outlet ?? null, start: h.start, end: h.end, in: h.in ?? 'body', voice: h.voice ?? 'unknown',
      context: markInSentence(text, utf16(h.start), utf16(h.end)),
    });

    const gold = this.opts.gold?.get(id);
    const located = gold ? this.locate(gold, text) : null;
    if (gold) this.goldSeen.add(id);

    const lists: Array<['frame' | 'rhetoric', Hit[]]> = [['frame', r.frames?.hits ?? []], ['rhetoric', r.rhetoric?.hits ?? []]];
    for (const [kind, hits] of lists) {
      for (const h of hits) {
        const fid = (kind === 'frame' ? h.frame : h.marker) ?? '(no id)';
        const key = `${kind}\u0000${fid}`;
        const frame = this.frames.get(key) ?? this.frames.set(key, new FrameTally(fid, kind)).get(key)!;
        frame.families.add(kind === 'rhetoric' ? 'rhetoric' : h.family ?? '(none)');
        const source = h.pattern ?? '(no pattern)';
        const pattern = frame.patterns.get(source) ?? frame.patterns.set(source, new PatternTally(new ExamplePicker(this.n))).get(source)!;
        frame.add(h, r, this.reports);
        pattern.add(h, r, this.reports);
        pattern.examples.offer({ rank: fnv1a(`${id}\u0000${h.start}\u0000${h.end}`), document: id, start: h.start, end: h.end, outlet: r.outlet ?? null }, () => example(h));
        if (located && kind === 'frame' && isJudged(fid, h)) {
          frame.judged++;
          pattern.judged++;
          this.judged++;
          if (matchesGold(fid, h, located)) {
            frame.matched++;
            pattern.matched++;
            this.matched++;
          } else {
            pattern.falsePositives.push(example(h));
          }
        }
      }
    }
    for (const h of r.frames?.setAside ?? []) {
      const fid = h.frame ?? '(no id)';
      const key = `frame\u0000${fid}`;
      const frame = this.frames.get(key) ?? this.frames.set(key, new FrameTally(fid, 'frame')).get(key)!;
      const source = h.pattern ?? '(no pattern)';
      const pattern = frame.patterns.get(source) ?? frame.patterns.set(source, new PatternTally(new ExamplePicker(this.n))).get(source)!;
      frame.families.add(h.family ?? '(none)');
      frame.setAside++;
      pattern.setAside++;
    }
    if (gold && located) this.findGaps(r, id, text, located, lists, utf16);
  }

  private locate(gold: GoldDocument, text: string): Array<{ phrase: GoldPhrase; at: Range[] }> {
    const toCp = codePointMapper(text);
    return gold.phrases.map((phrase) => ({ phrase, at: occurrences(text, phrase.text, toCp) }));
  }

  /** The gold phrases of one document that no hit of their frame or marker found. */
  private findGaps(r: Report, id: string, text: string, located: Array<{ phrase: GoldPhrase; at: Range[] }>, lists: Array<['frame' | 'rhetoric', Hit[]]>, utf16: (cp: number) => number): void {
    const all = lists.flatMap(([kind, hits]) => hits.map((h) => ({ kind, id: (kind === 'frame' ? h.frame : h.marker) ?? '(no id)', h })));
    for (const { phrase, at } of located) {
      if (all.some((x) => x.kind === phrase.kind && findsPhrase(phrase, at, x.id, x.h))) continue;
      const over = all.filter((x) => !(x.kind === phrase.kind && x.id === phrase.id) && at.some((o) => o[0] < x.h.end && x.h.start < o[1]));
      this.unmatched.push({
        kind: phrase.kind, id: phrase.id, document: id, outlet: r.outlet ?? null, phrase: phrase.text, in: phrase.in, voice: phrase.voice,
        reason: at.length ? 'no-hit' : 'not-in-text',
        otherHits: [...new Set(over.map((x) => `${x.id}: ${x.h.pattern ?? '(no pattern)'}`))].sort(byCodeUnit),
        context: at.length ? markInSentence(text, utf16(at[0]![0]), utf16(at[0]![1])) : null,
      });
    }
  }

  result(): LexiconAudit {
    const gold = this.opts.gold;
    const frames = [...this.frames.values()]
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'frame' ? -1 : 1) || byCodeUnit(a.id, b.id))
      .map((f): FrameAudit => {
        const judgedHere = !gold ? 'no gold' : f.kind === 'frame' && EVALUATED_FRAMES.has(f.id) ? 'judged' : 'not judged';
        return {
          id: f.id,
          kind: f.kind,
          family: [...f.families].sort(byCodeUnit).join(','),
          ...f.counts(judgedHere),
          patterns: [...f.patterns]
            .sort((a, b) => b[1].hits - a[1].hits || byCodeUnit(a[0], b[0]))
            .map(([pattern, p]) => ({
              pattern,
              ...p.counts(judgedHere),
              examples: p.examples.picked(),
              falsePositives: [...p.falsePositives].sort((a, b) => byCodeUnit(a.document, b.document) || a.start - b.start || a.end - b.end),
            })),
        };
      });
    const missing = gold ? [...gold.keys()].filter((id) => !this.goldSeen.has(id)).sort(byCodeUnit) : [];
    return {
      schema: 'framescope.lexicon-audit/1',
      reports: this.reports,
      unreadable: [...this.unreadable].sort((a, b) => byCodeUnit(a.file, b.file)),
      examplesPerPattern: this.n,
      gold: gold
        ? { documents: gold.size, documentsWithReport: this.goldSeen.size, missingReports: missing, judged: this.judged, matched: this.matched, precision: this.judged ? round3(this.matched / this.judged) : null }
        : null,
      frames,
      unmatchedGold: [...this.unmatched].sort((a, b) =>
        (a.kind === b.kind ? 0 : a.kind === 'frame' ? -1 : 1) || byCodeUnit(a.id, b.id) || byCodeUnit(a.document, b.document) || byCodeUnit(a.phrase, b.phrase)),
    };
  }
}

/** Audits every report in a reports folder, read one at a time. */
export function auditLexicon(reportsDir: string, opts: AuditOptions = {}): LexiconAudit {
  const auditor = new LexiconAuditor(opts);
  for (const r of readReports<Report & { id: string }>(reportsDir, undefined, (f, reason) => auditor.skip(f, reason))) auditor.add(r);
  return auditor.result();
}

/** The hit's sentence on one line, the hit between « and », cut to CONTEXT_CHARS on each side. */
export function markInSentence(text: string, start: number, end: number): string {
  const [a, b] = sentenceBounds(text, start, end);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let before = flat(text.slice(a, start)).trimStart();
  let after = flat(text.slice(end, b)).trimEnd();
  if (before.length > CONTEXT_CHARS) before = '…' + before.slice(before.length - CONTEXT_CHARS).replace(/^\S*\s/, '');
  if (after.length > CONTEXT_CHARS) after = after.slice(0, CONTEXT_CHARS).replace(/\s\S*$/, '') + '…';
  return `${before}«${flat(text.slice(start, end))}»${after}`;
}
