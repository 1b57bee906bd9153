import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alignPair, analyseReuse, DEFAULT_THRESHOLD, ReuseAccumulator, reuseInput, sameAgency, type ReuseInput, type ReuseResult } from '../../../pipeline/products/reuse.js';
import { runCorpus } from '../../../pipeline/run.js';
import { CORPUS, cpSlice, tempDir, type Report } from '../../helpers.js';

const S000 = '000_ed984b15d838caf1';
const S001 = '001_544a990a81849d15';
const S002 = '002_267a395295e5cc3a';
const S004 = '004_9311060f705e9724';

// Paragraphs a re-publisher adds of its own; each edited copy gets a different one, so two copies
// of different articles only share what their sources share (and, for light copy i and heavy copy
// i+2, one added paragraph, which makes those negatives harder, not easier).
const ADDED = [
  'Political scientist Andrei Petrov told our correspondent that the meeting would shape the regional agenda for the coming year, although he did not expect any concrete agreements to be signed.',
  'Observers in the region note that the number of delegations has grown every year since the forum was first convened, which the organisers present as proof of its relevance.',
  'Our newsroom will follow the discussions in the Belarusian capital and publish the main statements of the speakers as soon as the transcripts become available.',
  'Several European diplomats declined to comment on the event, saying that their governments had not received an official invitation from the organisers this year.',
  'Readers can find the full programme of the forum on the website of the organisers, together with the list of registered participants and the schedule of the sessions.',
];

const SENTENCE = /(?<=[.!?]["”’']?)\s+(?=["“‘']?[A-Z])/;

/**
 * A re-publication of a seed, made from its raw text: every third sentence of each paragraph
 * dropped, the first two paragraphs swapped, a paragraph of the re-publisher's own added after the
 * last one; `heavy` also keeps only the first half of the paragraphs.
 */
function republish(raw: string, added: string, heavy: boolean): string {
  const lines = raw.split('\n');
  const paras = lines.map((l, i) => (l.trim().length >= 200 ? i : -1)).filter((i) => i >= 0);
  const kept = heavy ? paras.slice(0, Math.ceil(paras.length / 2)) : paras;
  const text = new Map<number, string>();
  for (const i of kept) text.set(i, lines[i]!.split(SENTENCE).filter((_, k) => k % 3 !== 2).join(' '));
  const [p0, p1] = kept;
  if (p0 !== undefined && p1 !== undefined) [text.get(p0), text.get(p1)].forEach((t, k) => text.set(k ? p0 : p1, t!));
  const last = kept[kept.length - 1]!;
  text.set(last, `${text.get(last)}\n\n${added}`);
  return lines.flatMap((l, i) => (paras.includes(i) ? (text.has(i) ? [text.get(i)!] : []) : [l])).join('\n');
}

const seedIds = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
const family = (id: string) => id.replace(/^r[12]_/, '');
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

let seeds: ReuseResult;
let experiment: ReuseResult;
let reports: Map<string, Report>;

beforeAll(async () => {
  const dir = tempDir('framescope-reuse-');
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const manifest = readFileSync(join(CORPUS, 'manifest.csv'), 'utf8').trimEnd().split('\n');
  seedIds.forEach((id, i) => {
    copyFileSync(join(CORPUS, `${id}.txt`), join(corpus, `${id}.txt`));
    const raw = readFileSync(join(CORPUS, `${id}.txt`), 'utf8');
    writeFileSync(join(corpus, `r1_${id}.txt`), republish(raw, ADDED[i % 5]!, false));
    writeFileSync(join(corpus, `r2_${id}.txt`), republish(raw, ADDED[(i + 2) % 5]!, true));
    // Each copy has an outlet of its own, so no site template is shared with its source.
    manifest.push(`r1_${id},Light Republisher ${i},,,en`, `r2_${id},Heavy Republisher ${i},,,en`);
  });
  writeFileSync(join(corpus, 'manifest.csv'), `${manifest.join('\n')}\n`);
  await runCorpus({ corpus, out: join(dir, 'out'), workers: 0, lexicons: [], force: true });
  // The seeds alone, as a corpus of their own (IDF and pairs over the five only).
  const only = join(dir, 'seeds');
  mkdirSync(only);
  for (const id of seedIds) copyFileSync(join(dir, 'out', 'reports', `${id}.json`), join(only, `${id}.json`));
  seeds = analyseReuse(only);
  experiment = analyseReuse(join(dir, 'out', 'reports'));
  reports = new Map(seedIds.map((id) => [id, JSON.parse(readFileSync(join(only, `${id}.json`), 'utf8')) as Report]));
}, 60_000);

describe('framescope reuse', () => {
  it('finds the Belarusian Foreign Ministry statement shared by TASS (002) and Supremacy (004)', () => {
    const p = seeds.passages.filter((x) => x.a === S002 && x.b === S004);
    expect(p.length, JSON.stringify(seeds.passages.map((x) => [x.a, x.b, x.aText]))).toBeGreaterThan(0);
    const best = p.reduce((x, y) => (y.words > x.words ? y : x));
    expect(best.words).toBeGreaterThanOrEqual(8);
    const phrase = 'existing world order crisis, chronic military and political contradictions between key global players';
    expect(best.aText).toContain(phrase);
    expect(best.bText).toContain(phrase);
    // 002 has "the aim of the conference "is to have a frank…"; 004 has "…was to foster a 'frank…":
    // the passage starts where the wording meets again and runs to the end of the quotation.
    expect(best.aText).toMatch(/^a frank and inclusive discussion/);
    expect(best.bText).toMatch(/^a 'frank and inclusive discussion/);
    expect(best.aText).toMatch(/lack of communication between them$/);
    expect(best.words).toBe(38);
  });

  it('gives spans as code points into each report text', () => {
    expect(seeds.passages.length).toBeGreaterThan(0);
    for (const p of [...seeds.passages, ...experiment.passages.slice(0, 50)]) {
      const a = reports.get(p.a) ?? null;
      if (a) expect(cpSlice(a.text as string, p.aStart, p.aEnd)).toBe(p.aText);
      const b = reports.get(p.b) ?? null;
      if (b) expect(Array.from(b.text as string).slice(p.bStart, p.bEnd).join('')).toBe(p.bText);
      expect(p.a < p.b).toBe(true);
    }
    // Deterministic order: by a, b, aStart.
    const keys = seeds.passages.map((p) => [p.a, p.b, String(p.aStart).padStart(9, '0')].join(' '));
    expect(keys).toEqual([...keys].sort());
  });

  it('maps offsets past astral characters and diacritics to code points', () => {
    const dir = tempDir('framescope-reuse-cp-');
    const shared = 'Le ministre a déclaré que la coopération régionale restait la priorité absolue du gouvernement';
    const texts = { x: `🇧🇾🇷🇺 Intro 𝒜 text. ${shared}. End.`, y: `Other start ${shared.replace('déclaré', 'declare').normalize('NFD')}, he said.` };
    for (const [id, text] of Object.entries(texts)) {
      const n = Array.from(text).length;
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ id, outlet: id, text, metadata: { agency: null }, body: { blocks: [{ kind: 'paragraph', start: 0, end: n }] }, entities: [] }));
    }
    const r = analyseReuse(dir);
    expect(r.passages).toHaveLength(1);
    const p = r.passages[0]!;
    expect(p.words).toBe(14);
    expect(p.aText).toBe(shared);
    expect(cpSlice(texts.x, p.aStart, p.aEnd)).toBe(shared);
    expect(cpSlice(texts.y, p.bStart, p.bEnd)).toBe(p.bText);
  });

  // Regression (found by make fuzz): two documents repeating one sentence thousands of times paired
  // every occurrence with every other, and the reuse step ran for minutes on one such pair.
  it('finds the passage two looping documents share from the first occurrences of their n-grams', () => {
    const dir = tempDir('framescope-reuse-loop-');
    const loop = 'Officials said the bridge would reopen next week after repairs. '.repeat(2000);
    const texts = { p: `Opening words of the first page. ${loop}`, q: `Another page starts here today. ${loop}Closing words.` };
    for (const [id, text] of Object.entries(texts)) {
      const n = Array.from(text).length;
      writeFileSync(join(dir, `${id}.json`), JSON.stringify({ id, outlet: id, text, metadata: { agency: null }, body: { blocks: [{ kind: 'paragraph', start: 0, end: n }] }, entities: [] }));
    }
    const r = analyseReuse(dir);
    // The whole loop aligns as one passage; no alignment from a later occurrence is reported twice.
    const longest = Math.max(...r.passages.map((p) => p.words));
    expect(longest).toBe(2000 * 10);
    expect(r.passages.length).toBeLessThanOrEqual(9);
  });

  it('bridges a changed word but not a rewritten clause', () => {
    const A = 'the minister said the talks were frank and useful and would continue next week in minsk'.split(' ');
    const B = 'the minister said the talks had been frank and useful and would continue in minsk soon'.split(' ');
    const starts: Array<[number, number]> = [[0, 0], [7, 8]];
    const spans = alignPair(A, B, starts, 5);
    expect(spans).toHaveLength(1);
    // "were" ↔ "had been" bridged; the passage ends before "next week in minsk" ↔ "in minsk soon".
    expect(spans[0]).toEqual({ a0: 0, a1: 12, b0: 0, b1: 13, words: 11 });
  });

  it('links a report declared as based on TASS materials to the TASS story', () => {
    expect(reports.get(S001)!.metadata.agency).toBe('TASS');
    const link = seeds.syndication.find((l) => l.document === S001);
    expect(link).toEqual({ document: S001, agency: 'TASS', declaredIn: 'metadata', agencyDocuments: [S002] });
    // TASS's own story is not a re-publication of itself.
    expect(seeds.syndication.find((l) => l.document === S002)).toBeUndefined();
    expect(sameAgency('TASS Russian News Agency', 'TASS')).toBe(true);
    expect(sameAgency('Agence France-Presse', 'AFP')).toBe(true);
    expect(sameAgency('Agência Brasil', 'agencia brasil')).toBe(true);
    expect(sameAgency('Interfax-Ukraine', 'Interfax')).toBe(false);
    expect(sameAgency('Supremacy', 'TASS')).toBe(false);
  });

  it('ranks the TASS story and its rewrite as the most similar seeds', () => {
    expect(seeds.similar).toHaveLength(10);
    expect([seeds.similar[0]!.a, seeds.similar[0]!.b]).toEqual([S001, S002]);
    const sims = seeds.similar.map((p) => p.similarity);
    expect(sims).toEqual([...sims].sort((x, y) => y - x));
    // Different articles about the same conference: none is flagged as the same story.
    expect(seeds.similar.filter((p) => p.aboveThreshold)).toEqual([]);
    expect(seeds.threshold).toBe(DEFAULT_THRESHOLD);
    console.log('seed pairs:', seeds.similar.map((p) => `${p.a.slice(0, 3)}-${p.b.slice(0, 3)} ${p.similarity.toFixed(3)}`).join(', '));
  });

  it('threshold experiment: re-publications are above the default threshold, other articles on the topic below', () => {
    const positive: number[] = [];
    const negative: number[] = [];
    const rewrite: number[] = [];
    const quoting: number[] = [];
    for (const p of experiment.similar) {
      const [fa, fb] = [family(p.a), family(p.b)].sort();
      if (fa === fb) {
        if (p.a === fa || p.b === fa) positive.push(p.similarity); // seed vs its own copy
        continue; // two copies of one seed: not a pair the experiment is about
      }
      if (fa === S001 && fb === S002) rewrite.push(p.similarity);
      else negative.push(p.similarity);
      if (fa === S002 && fb === S004) quoting.push(p.similarity);
    }
    const f = (xs: number[]) => `${xs.length} pairs, ${Math.min(...xs).toFixed(3)} … ${Math.max(...xs).toFixed(3)}`;
    console.log(`re-publications: ${f(positive)}; different articles: ${f(negative)}; TASS rewrite: ${f(rewrite)}; 002/004 sharing a quotation: ${f(quoting)}`);
    expect(positive).toHaveLength(10);
    expect(negative).toHaveLength(81);
    expect(rewrite).toHaveLength(9);
    // The threshold separates them with a margin on both sides (numbers in DEFAULT_THRESHOLD's comment).
    expect(DEFAULT_THRESHOLD).toBe(0.5);
    expect(Math.min(...positive)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD + 0.1);
    expect(Math.max(...negative)).toBeLessThan(DEFAULT_THRESHOLD - 0.15);
    // A paraphrase of the wire story is closer than other articles on average, yet not a copy.
    expect(Math.max(...rewrite)).toBeLessThan(DEFAULT_THRESHOLD - 0.05);
    expect(mean(rewrite)).toBeGreaterThan(mean(negative));
    expect(experiment.similar.filter((p) => p.aboveThreshold).map((p) => [family(p.a), family(p.b)]).every(([x, y]) => x === y)).toBe(true);
    // A re-publication also shows as long reused passages.
    const copied = experiment.passages.filter((p) => p.a === S004 && p.b === `r1_${S004}`);
    expect(copied.reduce((n, p) => n + p.words, 0)).toBeGreaterThan(200);
  });
});

describe('reuse accumulator', () => {
  it('finds the same passages, pairs and links whatever order the documents arrive in', () => {
    const shared = 'the ministry said on monday that the talks on the security guarantees had reached a dead end after three rounds';
    const doc = (id: string, outlet: string, agency: string | null, text: string): [string, ReuseInput] => {
      const r = { id, outlet, text, metadata: { agency }, body: { blocks: [{ start: 0, end: Array.from(text).length }] }, entities: [{ name: 'Ministry', mentions: [{ in: 'body' }] }] };
      return [id, reuseInput(r)!];
    };
    const docs = [
      doc('a1', 'TASS', null, `Moscow. ${shared}, officials added.`),
      doc('b2', 'Daily', 'TASS', `Reports say ${shared} while markets fell.`),
      doc('c3', 'Other', null, 'Nothing in common with the others here at all, only weather and sport.'),
    ];
    const inOrder = new ReuseAccumulator();
    for (const [id, d] of docs) inOrder.add(id, d);
    const reversed = new ReuseAccumulator();
    for (const [id, d] of [...docs].reverse()) reversed.add(id, d);
    const a = inOrder.result();
    expect(a.passages).toHaveLength(1);
    expect(a.passages[0]).toMatchObject({ a: 'a1', b: 'b2', words: 20 });
    expect(a.syndication).toEqual([{ document: 'b2', agency: 'TASS', declaredIn: 'metadata', agencyDocuments: ['a1'] }]);
    expect(JSON.stringify(reversed.result())).toBe(JSON.stringify(a));
  });
});
