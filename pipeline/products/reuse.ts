import { readReports } from '../reports.js';
import { utf16Indexer } from '../offsets.js';

/**
 * Text reuse across a corpus of reports: what one outlet copied from another, and how close whole
 * articles are.
 *
 * 1. Reused passages, as Passim does for newspapers: the body words of every document are
 *    normalised (lowercase, diacritics folded, apostrophes dropped, everything else that is not a
 *    letter or digit treated as a word break, so quote and dash styles never matter), word 5-grams
 *    shared by two documents seed an alignment, and each seed is extended both ways into a maximal
 *    passage, bridging gaps of at most two words on either side (a changed, dropped or inserted
 *    word) when at least three identical words follow. A passage with at least `minWords` aligned
 *    words is reported once per pair, with code-point spans into both texts.
 * 2. Declared syndication: a report whose metadata names a wire agency ("Based on TASS materials")
 *    is linked to the documents of the corpus that the agency itself published.
 * 3. Similarity of every pair of documents: TF-IDF cosine over the folded body words (no stop
 *    words) plus the canonical names of the entities mentioned outside comments, as extra
 *    features.
 *
 * Scale. Both the n-gram index and the similarity accumulate over inverted lists, so only pairs
 * that share a 5-gram (passages) or a feature (similarity) are ever looked at; memory is linear in
 * the corpus plus the output (an n-gram shared by more than MAX_DF documents seeds nothing, see
 * there). Measured on 2,000 synthetic documents of 700 words (Zipf-distributed vocabulary, a third
 * of them sharing one of 50 passages): 8.5 s, 0.8 GB resident, 2 million pairs in `similar`
 * (5.6 s and 0.2 million pairs with minSimilarity 0.2). The output is the real limit: nearly every
 * pair of documents shares some word, so `similar` holds about n²/2 pairs, 4.5 million for 3,000
 * documents (over 1 GB). Beyond a few thousand documents pass `minSimilarity` (e.g. 0.2) to keep
 * only pairs worth reading.
 */

export interface ReusedPassage {
  a: string;
  b: string;
  /** Code-point offsets into each report's `text`, from the first word's start to the last word's end. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Aligned (identical normalised) words in the passage. */
  words: number;
  aText: string;
  bText: string;
}

export interface SyndicationLink {
  document: string;
  agency: string;
  declaredIn: 'metadata';
  /** Documents of the corpus published by that agency (its outlet matches the agency's name or acronym). */
  agencyDocuments: string[];
}

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
  aboveThreshold: boolean;
}

export interface ReuseResult {
  passages: ReusedPassage[];
  syndication: SyndicationLink[];
  similar: SimilarPair[];
  threshold: number;
  method: string;
}

export interface ReuseOptions {
  /** Fewest aligned words for a reused passage (default 8). */
  minWords?: number;
  /** Cosine at or above which a pair is flagged as likely the same story (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Pairs below this cosine are left out of `similar` (default 0: every pair sharing a feature). */
  minSimilarity?: number;
  /** Only these documents (a run's corpus); by default every report in the folder. */
  ids?: string[];
}

/**
 * Default cosine for "likely the same story / reused", set by the experiment in
 * test/pipeline/products/reuse.test.ts on the five seed articles. All five are about the Minsk conference on
 * Eurasian security, so every pair of different seeds is "same topic, different article". Each
 * seed was re-published twice by script from its raw text: lightly edited (every third sentence of
 * each paragraph dropped, the first two paragraphs swapped, a paragraph of the re-publisher's own
 * added) and heavily edited (only the first half of the paragraphs kept, then the same edits, so
 * about a third of the source survives). With all 15 documents run through the pipeline as one
 * corpus:
 *   re-publications, seed vs its copy (10 pairs):       0.633 … 0.928
 *     light edits 0.851 … 0.928, heavy edits 0.633 … 0.830
 *   different articles on the same topic (81 pairs):    0.074 … 0.311
 *     of which TASS 2024 (002) vs Supremacy 2025 (004) and their copies, sharing a 38-word
 *     quotation of the Belarusian Foreign Ministry:      0.172 … 0.286
 *   TASS story vs its "Based on TASS materials" rewrite (001 vs 002 and their copies, a
 *   paraphrase, not a copy; 9 pairs):                   0.251 … 0.418
 * Seeds alone: 001–002 0.374 is the top pair, the other nine 0.121 … 0.326.
 * 0.5 sits in the gap between 0.418 and 0.633: 0.08 above the closest rewrite and 0.13 below the
 * most heavily cut copy. A rewrite overlaps different articles (0.251 < 0.311), so no threshold
 * can flag it by wording; the syndication link and the reused passages are what find it. In a
 * larger corpus topic words get a higher IDF, which pulls different same-topic articles further
 * apart, not closer.
 */
export const DEFAULT_THRESHOLD = 0.5;
const NGRAM = 5;
const MAX_GAP = 2;
const RESUME = 3;
/**
 * An n-gram found in more documents than this seeds no alignment (as Passim's max document
 * frequency): it is formula or boilerplate ("the Ministry of Foreign Affairs of"), and pairing all
 * its documents would cost time quadratic in their number. Passages that contain such n-grams are
 * still found, from a rarer n-gram they share; only a passage made of nothing but common n-grams is not.
 */
const MAX_DF = 100;
/**
 * Only the first occurrences of an n-gram in one document seed alignments. Two documents that
 * repeat one sentence thousands of times (a comment flood, a looping scrape) would otherwise pair
 * every occurrence with every other, quadratic in the repeats (found by make fuzz: one batch's
 * reuse step ran for over ten minutes); an alignment from the first occurrences still covers them.
 */
const MAX_PER_DOCUMENT = 3;

const STOP = new Set(
  (
    'a an the and or but nor of to in on at by for with from as into onto over under about after before between through during without within against ' +
    'is are was were be been being am it its this that these those he she they we you i his her their our your them us him me my mine theirs ours ' +
    'not no so than then there here which who whom whose what when where why how all any some such each both either neither other another ' +
    'can could would should will shall may might must do does did done has have had having also just more most very too only own same ' +
    'said says say while if because until up down out off again further once s t'
  ).split(' '),
);

export interface RawReport {
  id?: string;
  outlet?: string | null;
  text?: string | null;
  metadata?: { agency?: string | null } | null;
  body?: { blocks?: Array<{ start: number; end: number }> | null } | null;
  entities?: Array<{ name: string; mentions?: Array<{ in?: string }> }> | null;
}

interface Doc {
  id: string;
  outlet: string | null;
  agency: string | null;
  /** The report's text: passages are cut from it. */
  text: string;
  /** Normalised body words (as ids of the accumulator's dictionary) and their code-point spans in `text`. */
  words: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  entities: Map<string, number>;
}

/** What text reuse needs of one document, made in the worker with its report (the digest's `reuse`). */
export interface ReuseInput {
  outlet: string | null;
  agency: string | null;
  text: string;
  words: string[];
  starts: number[];
  ends: number[];
  entities: Array<[string, number]>;
}

// A word: letters, digits and combining marks, with inner apostrophes (Russia's, Belarus’s).
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;

/** Folds one word: no apostrophes, no diacritics, lowercase. */
export function foldWord(w: string): string {
  return w.replace(/['’ʼ]/g, '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Folds a name for comparison: diacritics and case gone, punctuation to single spaces. */
function foldName(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’ʼ]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Normalised words of the given code-point ranges of `text`, with their code-point spans. */
export function bodyWords(text: string, blocks: Array<{ start: number; end: number }>): { words: string[]; starts: number[]; ends: number[] } {
  const cps = Array.from(text);
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sorted = [...blocks].sort((x, y) => x.start - y.start);
  let done = 0;
  for (const b of sorted) {
    const from = Math.max(b.start, done);
    const to = Math.min(b.end, cps.length);
    if (to <= from) continue;
    done = to;
    const slice = cps.slice(from, to);
    const s = slice.join('');
    // UTF-16 index in `s` → code point index in `slice`.
    const cpAt = new Int32Array(s.length + 1);
    for (let i = 0, u = 0; i < slice.length; i++) {
      cpAt[u] = i;
      if (slice[i]!.length === 2) cpAt[u + 1] = i;
      u += slice[i]!.length;
      cpAt[u] = i + 1;
    }
    for (const m of s.matchAll(WORD)) {
      const w = foldWord(m[0]);
      if (!w) continue;
      words.push(w);
      starts.push(from + cpAt[m.index!]!);
      ends.push(from + cpAt[m.index! + m[0].length]!);
    }
  }
  return { words, starts, ends };
}

/** The reuse part of a report's digest; null for a document without a text (failed, or not a report). */
export function reuseInput(r: RawReport): ReuseInput | null {
  if (typeof r.text !== 'string' || !r.id) return null;
  const { words, starts, ends } = bodyWords(r.text, r.body?.blocks ?? []);
  const entities = new Map<string, number>();
  for (const e of r.entities ?? []) {
    const n = (e.mentions ?? []).filter((m) => m.in !== 'comment').length;
    const name = foldName(e.name ?? '');
    if (n > 0 && name) entities.set(name, (entities.get(name) ?? 0) + n);
  }
  return { outlet: r.outlet ?? null, agency: r.metadata?.agency ?? null, text: r.text, words, starts, ends, entities: [...entities].sort((x, y) => cmp(x[0], y[0])) };
}

/**
 * Text reuse as documents arrive: each document's words become ids of one dictionary and its offsets
 * typed arrays, about 12 bytes a word plus the text, and nothing is read back from the reports.
 * `result` then compares them all. Memory grows with the corpus here, and only here: a run bounds
 * it by the number of documents it hands over (see CorpusProducts).
 */
export class ReuseAccumulator {
  private docs: Doc[] = [];
  private dictionary = new Map<string, number>();
  /** Per word id: whether it is a similarity feature (not a stop word, a number or one letter). */
  private feature: boolean[] = [];
  private vocabulary: string[] = [];
  /** The n-gram index, built as documents arrive (in id order, as a run hands them over). */
  private index = new Map<number, number[]>();
  private inOrder = true;

  add(id: string, input: ReuseInput): void {
    const words = new Int32Array(input.words.length);
    input.words.forEach((w, i) => {
      let k = this.dictionary.get(w);
      if (k === undefined) {
        this.dictionary.set(w, (k = this.vocabulary.length));
        this.vocabulary.push(w);
        this.feature.push(!(w.length < 2 || STOP.has(w) || /^\d+$/.test(w)));
      }
      words[i] = k;
    });
    const d: Doc = { id, outlet: input.outlet, agency: input.agency, text: input.text, words, starts: Int32Array.from(input.starts), ends: Int32Array.from(input.ends), entities: new Map(input.entities) };
    const last = this.docs[this.docs.length - 1];
    if (last && cmp(last.id, id) >= 0) this.inOrder = false;
    if (this.inOrder) indexNgrams(this.index, d, this.docs.length, NGRAM);
    this.docs.push(d);
  }

  get size(): number {
    return this.docs.length;
  }

  result(opts: ReuseOptions = {}): ReuseResult {
    const minWords = Math.max(1, opts.minWords ?? 8);
    const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    const docs = this.inOrder ? this.docs : [...this.docs].sort((x, y) => cmp(x.id, y.id));
    // The index built on arrival holds 5-grams of the documents in id order; otherwise it is built here.
    const built = this.inOrder && Math.min(NGRAM, minWords) === NGRAM ? this.index : undefined;
    const similar = similarities(docs, this.feature, this.vocabulary, opts.minSimilarity ?? 0)
      .map(({ a, b, similarity }) => ({ a: docs[a]!.id, b: docs[b]!.id, similarity: Math.round(similarity * 1e6) / 1e6, aboveThreshold: similarity >= threshold }))
      .sort((x, y) => y.similarity - x.similarity || cmp(x.a, y.a) || cmp(x.b, y.b));
    return {
      passages: findPassages(docs, minWords, built),
      syndication: findSyndication(docs),
      similar,
      threshold,
      method:
        `passages: shared word ${Math.min(NGRAM, minWords)}-grams of normalised body words aligned into maximal passages ` +
        `(gaps of up to ${MAX_GAP} words bridged), at least ${minWords} aligned words; ` +
        'syndication: metadata.agency matched to outlets by folded name or acronym; ' +
        'similarity: TF-IDF cosine (sublinear tf, smoothed idf) over folded body words without stop words plus entity names',
    };
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Reused passages

interface Span {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  words: number;
}

function same(A: ArrayLike<unknown>, i: number, B: ArrayLike<unknown>, j: number, k: number): boolean {
  if (i + k > A.length || j + k > B.length) return false;
  for (let t = 0; t < k; t++) if (A[i + t] !== B[j + t]) return false;
  return true;
}

// Gap shapes tried when the words stop matching, smallest first: (skip in A, skip in B).
const GAPS: Array<[number, number]> = [];
for (let g = 1; g <= 2 * MAX_GAP; g++) for (let da = 0; da <= MAX_GAP; da++) if (g - da >= 0 && g - da <= MAX_GAP) GAPS.push([da, g - da]);

/**
 * Aligns two word sequences from their shared n-gram positions (i in A, j in B), each seed grown
 * into a maximal passage (word indices, half-open).
 */
export function alignPair(A: ArrayLike<unknown>, B: ArrayLike<unknown>, seeds: Array<[number, number]>, n = NGRAM): Span[] {
  const found: Span[] = [];
  const sorted = [...seeds].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [si, sj] of sorted) {
    if (found.some((p) => si >= p.a0 && si < p.a1 && sj >= p.b0 && sj < p.b1 && si - p.a0 - (sj - p.b0) <= MAX_GAP * 2 && sj - p.b0 - (si - p.a0) <= MAX_GAP * 2)) continue;
    if (!same(A, si, B, sj, n)) continue;
    let i = si;
    let j = sj;
    while (i > 0 && j > 0 && A[i - 1] === B[j - 1]) {
      i--;
      j--;
    }
    let p = si;
    let q = sj;
    let words = si - i;
    for (;;) {
      while (p < A.length && q < B.length && A[p] === B[q]) {
        p++;
        q++;
        words++;
      }
      const gap = GAPS.find(([da, db]) => same(A, p + da, B, q + db, RESUME));
      if (!gap) break;
      p += gap[0];
      q += gap[1];
    }
    found.push({ a0: i, a1: p, b0: j, b1: q, words });
  }
  return found;
}

/**
 * Adds document `di`'s n-grams to the index: n-gram → postings (doc index, word position), in
 * document order. The key is a hash of the n word ids (a number, far smaller than the joined
 * words); a collision only adds a seed that alignPair drops, since it checks the words themselves.
 */
function indexNgrams(index: Map<number, number[]>, d: Doc, di: number, n: number): void {
  const seen = new Map<number, number>();
  for (let i = 0; i + n <= d.words.length; i++) {
    let key = 0;
    for (let t = 0; t < n; t++) key = (key * 1000003 + d.words[i + t]!) % 9007199254740881;
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times > MAX_PER_DOCUMENT) continue;
    let post = index.get(key);
    if (!post) index.set(key, (post = []));
    post.push(di, i);
  }
}

function findPassages(docs: Doc[], minWords: number, built?: Map<number, number[]>): ReusedPassage[] {
  const n = Math.max(1, Math.min(NGRAM, minWords));
  let index = built;
  if (!index) {
    index = new Map<number, number[]>();
    for (const [di, d] of docs.entries()) indexNgrams(index, d, di, n);
  }
  // Pair key (da * docs + db) → seeds.
  const seeds = new Map<number, Array<[number, number]>>();
  for (const post of index.values()) {
    if (post.length < 4 || post[0] === post[post.length - 2]) continue; // one document only
    let df = 1;
    for (let x = 2; x < post.length && df <= MAX_DF; x += 2) if (post[x] !== post[x - 2]) df++;
    if (df > MAX_DF) continue;
    for (let x = 0; x < post.length; x += 2)
      for (let y = x + 2; y < post.length; y += 2) {
        if (post[x] === post[y]) continue;
        const key = post[x]! * docs.length + post[y]!;
        let s = seeds.get(key);
        if (!s) seeds.set(key, (s = []));
        s.push([post[x + 1]!, post[y + 1]!]);
      }
  }
  const out: ReusedPassage[] = [];
  const indexers = new Map<Doc, (cp: number) => number>();
  const at = (d: Doc) => indexers.get(d) ?? indexers.set(d, utf16Indexer(d.text)).get(d)!;
  for (const key of [...seeds.keys()].sort((x, y) => x - y)) {
    const A = docs[Math.floor(key / docs.length)]!;
    const B = docs[key % docs.length]!;
    for (const s of alignPair(A.words, B.words, seeds.get(key)!, n)) {
      if (s.words < minWords) continue;
      const aStart = A.starts[s.a0]!;
      const aEnd = A.ends[s.a1 - 1]!;
      const bStart = B.starts[s.b0]!;
      const bEnd = B.ends[s.b1 - 1]!;
      out.push({ a: A.id, b: B.id, aStart, aEnd, bStart, bEnd, words: s.words, aText: A.text.slice(at(A)(aStart), at(A)(aEnd)), bText: B.text.slice(at(B)(bStart), at(B)(bEnd)) });
    }
  }
  return out.sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b) || x.aStart - y.aStart || x.bStart - y.bStart);
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// 2. Declared syndication

const AGENCY_WORDS = new Set(['news', 'agency', 'press', 'wire', 'telegraph', 'information', 'service', 'newswire']);
const NAME_STOP = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'le', 'des', 'du']);

function acronym(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => w && !NAME_STOP.has(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Whether an outlet is the named agency: same folded name ("Agência Brasil" = "agencia brasil"),
 * one the acronym of the other ("AFP" = "Agence France-Presse"), or the agency's one-word name
 * followed by generic words ("TASS" = "TASS Russian News Agency", but "Interfax" ≠ "Interfax-Ukraine").
 */
export function sameAgency(outlet: string, agency: string): boolean {
  const o = foldName(outlet);
  const a = foldName(agency);
  if (!o || !a) return false;
  if (o === a || o.replace(/ /g, '') === a.replace(/ /g, '')) return true;
  const ow = o.split(' ');
  const aw = a.split(' ');
  if (ow.length > 1 && aw.length === 1 && acronym(o) === a && a.length >= 2) return true;
  if (aw.length > 1 && ow.length === 1 && acronym(a) === o && o.length >= 2) return true;
  const [short, long] = ow.length < aw.length ? [ow, aw] : [aw, ow];
  return short.length === 1 && long.length > 1 && long[0] === short[0] && long.slice(1).some((w) => AGENCY_WORDS.has(w));
}

function findSyndication(docs: Doc[]): SyndicationLink[] {
  const out: SyndicationLink[] = [];
  const byAgency = new Map<string, Doc[]>();
  for (const d of docs) {
    if (!d.agency) continue;
    // The agency's own story is not a re-publication of itself.
    if (d.outlet && sameAgency(d.outlet, d.agency)) continue;
    // Names are compared once per distinct outlet and agency, not once per pair of documents.
    let theirs = byAgency.get(d.agency);
    if (!theirs) {
      const outlets = new Set([...new Set(docs.map((o) => o.outlet))].filter((o): o is string => !!o && sameAgency(o, d.agency!)));
      byAgency.set(d.agency, (theirs = docs.filter((o) => o.outlet && outlets.has(o.outlet))));
    }
    const agencyDocuments = theirs.filter((o) => o !== d).map((o) => o.id);
    out.push({ document: d.id, agency: d.agency, declaredIn: 'metadata', agencyDocuments });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Similarity

function features(d: Doc, feature: boolean[], vocabulary: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const k of d.words) {
    if (!feature[k]) continue;
    const w = vocabulary[k]!;
    tf.set(w, (tf.get(w) ?? 0) + 1);
  }
  for (const [name, n] of d.entities) tf.set(`entity:${name}`, (tf.get(`entity:${name}`) ?? 0) + n);
  return tf;
}

/** TF-IDF (sublinear tf, smoothed idf) cosine of every pair of documents sharing a feature. */
function similarities(docs: Doc[], feature: boolean[], vocabulary: string[], minSimilarity: number): Array<{ a: number; b: number; similarity: number }> {
  const N = docs.length;
  const tfs = docs.map((d) => features(d, feature, vocabulary));
  const df = new Map<string, number>();
  for (const tf of tfs) for (const f of tf.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  // Inverted lists of L2-normalised weights: feature → [doc, weight, doc, weight, …].
  const post = new Map<string, number[]>();
  tfs.forEach((tf, di) => {
    const w = new Map<string, number>();
    let norm = 0;
    for (const [f, n] of tf) {
      const v = (1 + Math.log(n)) * (Math.log((1 + N) / (1 + df.get(f)!)) + 1);
      w.set(f, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    for (const [f, v] of w) {
      let p = post.get(f);
      if (!p) post.set(f, (p = []));
      p.push(di, v / norm);
    }
  });
  // For each document, dot products with every later document, via the lists.
  const byDoc: Array<Array<[string, number]>> = docs.map(() => []);
  for (const [f, p] of post) for (let x = 0; x < p.length; x += 2) byDoc[p[x]!]!.push([f, p[x + 1]!]);
  const acc = new Float64Array(N);
  const out: Array<{ a: number; b: number; similarity: number }> = [];
  for (let a = 0; a < N; a++) {
    const touched: number[] = [];
    for (const [f, wa] of byDoc[a]!) {
      const p = post.get(f)!;
      for (let x = 0; x < p.length; x += 2) {
        const b = p[x]!;
        if (b <= a) continue;
        if (acc[b] === 0) touched.push(b);
        acc[b] += wa * p[x + 1]!;
      }
    }
    for (const b of touched) {
      const s = Math.min(1, acc[b]!);
      if (s > 0 && s >= minSimilarity) out.push({ a, b, similarity: s });
      acc[b] = 0;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Reads every report in `reportsDir` and finds reused passages, declared syndication and similar pairs. */
export function analyseReuse(reportsDir: string, opts: ReuseOptions = {}): ReuseResult {
  const acc = new ReuseAccumulator();
  for (const r of readReports<RawReport>(reportsDir, opts.ids)) {
    const input = reuseInput(r);
    if (input) acc.add(r.id!, input);
  }
  return acc.result(opts);
}
