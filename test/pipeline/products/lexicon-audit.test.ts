import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../../pipeline/data-file.js';
import { readGold } from '../../../pipeline/products/gold-match.js';
import { LexiconAuditor, type LexiconAudit, type PatternAudit } from '../../../pipeline/products/lexicon-audit.js';
import { runCorpus } from '../../../pipeline/run.js';
import { cli, outputFiles, tempDir } from '../../helpers.js';

// Four invented articles from three outlets. What the shipped lexicons find in them (checked in the
// first test): "collective West" three times (twice in a1, once in a2; pattern `collective west`),
// "The West" once (a2, `the =West`), "invasion of Ukraine" (a1) and a bare "invasion" (a3);
// the rhetoric marker `intensifier` once ("unprecedented", a4).
const ARTICLES: Record<string, [string, string]> = {
  a1: ['Outlet A', 'Pressure on Moscow\n\nThe collective West keeps pressing Moscow with new demands, the commentator wrote in his column. Analysts expect the invasion of Ukraine to dominate the summit next week. For now the collective West is not listening.\n'],
  a2: ['Outlet B', 'Talks stall again\n\nOfficials said the collective West had rejected every proposal for talks on security. The West answered with another round of sanctions on Friday.\n'],
  a3: ['Outlet C', 'Third week of fighting\n\nThe invasion continued for a third week, the newspaper reported on Monday. Residents of the eastern towns fled westwards by train.\n'],
  a4: ['Outlet A', 'Harvest news\n\nFarmers in the region expect an unprecedented grain harvest this autumn after a warm and wet summer, the agriculture ministry reported.\n'],
};

// Invented gold in the format of the shared evaluation (the fields its scorer needs besides frames are
// left empty). a2 lists no phrase for "The West", so that hit is a false positive; a1 lists a phrase
// no pattern finds and one the text does not hold; "ghost" has no report; a3 and a4 have no gold.
const goldFile = (id: string, frames: object[], rhetoric: object[] = []) => ({
  id, metadata: {}, body: { starts: [''], ends: '', mustNotContain: [] }, headings: [], comments: [], entities: [], frames, rhetoric,
});
const GOLD = [
  goldFile('a1', [
    { frame: 'collective-west', text: 'collective West', voice: 'attributed', in: 'body' },
    { frame: 'invasion', text: 'invasion of Ukraine', voice: 'authorial', in: 'body' },
    { frame: 'western-hegemony', text: 'keeps pressing Moscow with new demands', voice: 'authorial', in: 'body' },
    { frame: 'occupation', text: 'annexed territories', voice: 'authorial', in: 'body' },
  ], [{ marker: 'loaded-language', text: 'keeps pressing' }]),
  goldFile('a2', [{ frame: 'collective-west', text: 'collective West', voice: 'attributed', in: 'body' }]),
  goldFile('ghost', [{ frame: 'invasion', text: 'invasion', voice: 'authorial', in: 'body' }]),
];

const SCORER = join(PACKAGE_ROOT, '..', 'shared', 'eval', 'score.mjs');

const pattern = (a: LexiconAudit, frame: string, source: string): PatternAudit => {
  const p = a.frames.find((f) => f.id === frame)?.patterns.find((x) => x.pattern === source);
  if (!p) throw new Error(`no pattern "${source}" of ${frame} in the audit: ${JSON.stringify(a.frames.map((f) => [f.id, f.patterns.map((x) => x.pattern)]))}`);
  return p;
};

describe('framescope lexicon-audit', () => {
  const dir = tempDir('framescope-audit-');
  const out = join(dir, 'out');
  const gold = join(dir, 'gold');
  const readJson = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as LexiconAudit;

  beforeAll(async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'manifest.csv'), `id,outlet\n${Object.entries(ARTICLES).map(([id, [outlet]]) => `${id},${outlet}`).join('\n')}\n`);
    for (const [id, [, text]] of Object.entries(ARTICLES)) writeFileSync(join(corpus, `${id}.txt`), text);
    await runCorpus({ corpus, out, workers: 0, lexicons: [], force: true });
    mkdirSync(gold);
    for (const g of GOLD) writeFileSync(join(gold, `${g.id}.json`), JSON.stringify(g, null, 2));
  });

  it('counts hits, documents, outlets and voices per pattern, and writes nothing into the run folder', async () => {
    const before = outputFiles(out);
    const json = join(dir, 'audit.json');
    const r = await cli(['lexicon-audit', out, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    expect(outputFiles(out)).toEqual(before);
    const a = readJson(json);
    expect(a.reports).toBe(4);
    expect(a.gold).toBeNull();

    const cw = a.frames.find((f) => f.id === 'collective-west')!;
    expect(cw).toMatchObject({ kind: 'frame', family: 'narrative', hits: 4, documents: 2, outlets: 2 });
    // Patterns by hits, most first.
    expect(cw.patterns.map((p) => [p.pattern, p.hits])).toEqual([['collective west', 3], ['the =West', 1]]);
    expect(pattern(a, 'collective-west', 'collective west')).toMatchObject({ hits: 3, documents: 2, outlets: 2 });
    expect(pattern(a, 'collective-west', 'collective west').byVoice).toEqual({ attributed: 2, authorial: 1 });
    expect(pattern(a, 'collective-west', 'the =West')).toMatchObject({ hits: 1, documents: 1, outlets: 1, byVoice: { authorial: 1 } });
    const inv = a.frames.find((f) => f.id === 'invasion')!;
    expect(inv).toMatchObject({ family: 'counter-frame', hits: 2, documents: 2, outlets: 2 });
    expect(inv.patterns.map((p) => p.pattern)).toEqual(['invasion', 'invasion of|on|against ukraine']);
    // Frames sorted by id, rhetoric markers after the frames.
    const frameIds = a.frames.filter((f) => f.kind === 'frame').map((f) => f.id);
    expect(frameIds).toEqual([...frameIds].sort());
    expect(a.frames.slice(frameIds.length).map((f) => [f.kind, f.id, f.family, f.hits, f.patterns.map((p) => p.pattern)])).toEqual([['rhetoric', 'intensifier', 'rhetoric', 1, ['unprecedented']]]);

    // Each example is the hit in its sentence, marked.
    const ex = pattern(a, 'collective-west', 'the =West').examples;
    expect(ex).toEqual([expect.objectContaining({ document: 'a2', outlet: 'Outlet B', voice: 'authorial', context: '«The West» answered with another round of sanctions on Friday.' })]);

    // The text table: frame header, pattern rows, examples.
    expect(r.stdout).toMatch(/^framescope lexicon-audit: 4 reports; 3 example\(s\) per pattern$/m);
    expect(r.stdout).toMatch(/^collective-west \(narrative\): 4 hits in 2 documents, 2 outlets$/m);
    expect(r.stdout).toMatch(/^ +3 +2 +2 +1 +2 +0 +0  collective west$/m);
    expect(r.stdout).toContain('e.g. a2 (Outlet B), authorial: «The West» answered with another round of sanctions on Friday.');
  });

  it('spreads examples over outlets before taking a second from one outlet', async () => {
    const json = join(dir, 'two.json');
    const r = await cli(['lexicon-audit', out, '--examples', '2', '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const ex = pattern(readJson(json), 'collective-west', 'collective west').examples;
    expect(ex.map((e) => e.outlet)).toEqual(['Outlet A', 'Outlet B']);
    const none = await cli(['lexicon-audit', out, '--examples', '0']);
    expect(none.stdout).not.toContain('e.g.');
  });

  it('keeps one example per outlet first, however many hits one outlet has', () => {
    // Invented reports: twenty hits in one outlet's document, one in another's.
    const text = 'The collective West. '.repeat(20).trim();
    const hit = (i: number) => ({ frame: 'collective-west', family: 'narrative', start: 4 + 21 * i, end: 19 + 21 * i, in: 'body', voice: 'authorial', pattern: 'collective west' });
    const a = new LexiconAuditor({ examples: 2 });
    a.add({ id: 'many', outlet: 'Outlet A', text, frames: { hits: Array.from({ length: 20 }, (_, i) => hit(i)) }, rhetoric: null });
    a.add({ id: 'one', outlet: 'Outlet B', text, frames: { hits: [hit(7)] }, rhetoric: null });
    const p = a.result().frames[0]!.patterns[0]!;
    expect(p).toMatchObject({ hits: 21, documents: 2, outlets: 2 });
    expect(p.examples.map((e) => e.document)).toEqual(['many', 'one']);
    expect(p.examples[1]!.context).toBe('The «collective West».');
  });

  it('counts the matches a pattern\'s condition set aside, apart from its hits', () => {
    const a = new LexiconAuditor({ examples: 1 });
    const text = 'The West and Moscow talked. The invasion went on.';
    const aside = { frame: 'collective-west', family: 'narrative', start: 0, end: 8, in: 'body', voice: 'authorial', pattern: 'the =West', reason: 'narrative-leaning: 0 other narrative hit(s), 1 counter-frame hit(s)' };
    const invasion = { frame: 'invasion', family: 'counter-frame', start: 32, end: 40, in: 'body', voice: 'authorial', pattern: 'invasion' };
    a.add({ id: 'd', outlet: 'Outlet A', text, frames: { hits: [invasion], setAside: [aside] }, rhetoric: null });
    const cw = a.result().frames.find((f) => f.id === 'collective-west')!;
    expect(cw).toMatchObject({ family: 'narrative', hits: 0, setAside: 1 });
    expect(cw.patterns.map((p) => [p.pattern, p.hits, p.setAside])).toEqual([['the =West', 0, 1]]);
  });

  it('gives the same bytes on every run and whatever order the reports come in', async () => {
    const [r1, r2] = [await cli(['lexicon-audit', out, '--gold', gold, '--json', join(dir, 'd1.json')]), await cli(['lexicon-audit', out, '--gold', gold, '--json', join(dir, 'd2.json')])];
    expect(r1.stdout).toBe(r2.stdout);
    expect(readFileSync(join(dir, 'd1.json'), 'utf8')).toBe(readFileSync(join(dir, 'd2.json'), 'utf8'));
    // The combiner itself, fed in two different orders (as shards or worker outputs would arrive).
    const reports = readdirSync(join(out, 'reports')).sort().map((f) => JSON.parse(readFileSync(join(out, 'reports', f), 'utf8')));
    const audit = (list: typeof reports) => {
      const a = new LexiconAuditor({ examples: 1, gold: readGold(gold) });
      for (const rep of list) a.add(rep);
      return JSON.stringify(a.result());
    };
    expect(audit([...reports].reverse())).toBe(audit(reports));
    expect(audit([reports[2], reports[0], reports[3], reports[1]])).toBe(audit(reports));
  });

  it('with --gold: precision per frame and pattern, false positives, and the gold phrases nothing found', async () => {
    const json = join(dir, 'gold.json');
    const r = await cli(['lexicon-audit', out, '--gold', gold, '--json', json]);
    expect(r.code, r.stderr).toBe(0);
    const a = readJson(json);
    // Judged: a1's two "collective West" and its "invasion of Ukraine", a2's "collective West" and "The West".
    // a3's "invasion" has no gold and is not judged.
    expect(a.gold).toEqual({ documents: 3, documentsWithReport: 2, missingReports: ['ghost'], judged: 5, matched: 4, precision: 0.8 });
    expect(pattern(a, 'collective-west', 'collective west').gold).toEqual({ judged: 3, matched: 3, precision: 1 });
    expect(pattern(a, 'collective-west', 'the =West').gold).toEqual({ judged: 1, matched: 0, precision: 0 });
    expect(a.frames.find((f) => f.id === 'collective-west')!.gold).toEqual({ judged: 4, matched: 3, precision: 0.75 });
    expect(pattern(a, 'invasion', 'invasion of|on|against ukraine').gold).toEqual({ judged: 1, matched: 1, precision: 1 });
    expect(pattern(a, 'invasion', 'invasion').gold).toEqual({ judged: 0, matched: 0, precision: null });
    expect(pattern(a, 'collective-west', 'the =West').falsePositives).toEqual([expect.objectContaining({ document: 'a2', context: '«The West» answered with another round of sanctions on Friday.' })]);
    expect(pattern(a, 'collective-west', 'collective west').falsePositives).toEqual([]);

    expect(a.unmatchedGold.map((g) => [g.kind, g.id, g.document, g.phrase, g.reason])).toEqual([
      ['frame', 'occupation', 'a1', 'annexed territories', 'not-in-text'],
      ['frame', 'western-hegemony', 'a1', 'keeps pressing Moscow with new demands', 'no-hit'],
      ['rhetoric', 'loaded-language', 'a1', 'keeps pressing', 'no-hit'],
    ]);
    expect(a.unmatchedGold[1]!.context).toBe('The collective West «keeps pressing Moscow with new demands», the commentator wrote in his column.');

    expect(r.stdout).toMatch(/^gold: 3 documents, 2 with a report; precision 0\.800 \(4 of 5 counted frame hits overlap a gold phrase of their frame\)$/m);
    expect(r.stdout).toContain('gold documents without a report: ghost');
    expect(r.stdout).toMatch(/ 0\/1 0\.000 +the =West\n.*\n +FP +a2 \(Outlet B\), authorial: «The West» answered/);
    expect(r.stdout).toMatch(/== gold frame phrases no hit found \(2\) ==\n  occupation\n    a1 \(Outlet A\) "annexed territories"  \[phrase not in the report's text\]\n  western-hegemony\n    a1 \(Outlet A\) "keeps pressing Moscow with new demands": The collective West «keeps pressing/);
  });

  it.skipIf(!existsSync(SCORER))('agrees with the shared scorer’s framePrecision on the same gold', async () => {
    const json = join(dir, 'scorer-check.json');
    await cli(['lexicon-audit', out, '--gold', gold, '--json', json]);
    const { stdout } = await promisify(execFile)(process.execPath, [SCORER, '--reports', join(out, 'reports'), '--gold', gold]);
    const scorer = Number(/framePrecision=([\d.]+)/.exec(stdout)![1]);
    expect(readJson(json).gold!.precision).toBe(scorer);
  });

  it('names an unreadable report on stderr and audits the rest', async () => {
    const copy = join(dir, 'damaged');
    cpSync(out, copy, { recursive: true });
    writeFileSync(join(copy, 'reports', 'broken.json'), '{"id": "broken", "text": ');
    writeFileSync(join(copy, 'reports', 'not-a-report.json'), '[1, 2, 3]');
    const r = await cli(['lexicon-audit', copy, '--json', join(dir, 'damaged.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped unreadable report .*broken\.json: .*JSON/);
    expect(r.stderr).toMatch(/skipped unreadable report .*not-a-report\.json: not a framescope report/);
    const a = readJson(join(dir, 'damaged.json'));
    expect(a.reports).toBe(4);
    expect(a.unreadable.map((u) => u.file)).toEqual(['broken.json', 'not-a-report.json']);
    expect(pattern(a, 'collective-west', 'collective west').hits).toBe(3);
    expect(r.stdout).toMatch(/^framescope lexicon-audit: 4 reports, 2 unreadable \(skipped\)/);
  });

  it('fails clearly on a missing run folder, reports folder or gold folder', async () => {
    const missing = await cli(['lexicon-audit', join(dir, 'nowhere')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/\[E043\] .*nowhere does not exist/);
    const empty = join(dir, 'empty-run');
    mkdirSync(empty);
    const noReports = await cli(['lexicon-audit', empty]);
    expect(noReports.code).not.toBe(0);
    expect(noReports.stderr).toMatch(/\[E040\] .*reports does not exist/);
    const noGold = await cli(['lexicon-audit', out, '--gold', join(dir, 'no-gold')]);
    expect(noGold.code).not.toBe(0);
    expect(noGold.stderr).toMatch(/\[E044\] the gold folder .*no-gold does not exist/);
  });
});
