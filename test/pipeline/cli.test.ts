import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { CORPUS, cli, cpSlice, spans, tempDir, type Report } from '../helpers.js';

const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'stages', 'report', 'schema.json'), 'utf8'));
// strict: a schema keyword ajv would only warn about is an error here.
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const reportsIn = (out: string) => Object.fromEntries(readdirSync(join(out, 'reports')).sort().map((f) => [f, readFileSync(join(out, 'reports', f), 'utf8')]));

describe('framescope run over corpus/', () => {
  const out1 = tempDir();
  const out2 = tempDir();
  let first: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    [first] = await Promise.all([cli(['run', CORPUS, '--out', out1, '--workers', '1']), cli(['run', CORPUS, '--out', out2, '--workers', '2', '--quiet'])]);
  });

  it('succeeds and prints a one-screen summary', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/done 5, skipped \(report current\) 0, partial 0, failed 0/);
    expect(first.stdout).toMatch(/tokens\/s/);
  });

  it('writes a report per document that validates against the JSON Schema', () => {
    const reports = reportsIn(out1);
    expect(Object.keys(reports)).toHaveLength(5);
    for (const [f, json] of Object.entries(reports)) {
      const ok = validate(JSON.parse(json));
      expect(ok, `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('gives spans that slice out of text by code points', () => {
    for (const json of Object.values(reportsIn(out1))) {
      const r = JSON.parse(json) as Report;
      const all = spans(r);
      expect(all.length).toBeGreaterThan(20);
      for (const s of all) expect(cpSlice(r.text, s.start, s.end), s.where).toBe(s.text);
    }
  });

  it('writes byte-identical reports with 1 and 2 workers', () => {
    expect(reportsIn(out2)).toEqual(reportsIn(out1));
  });

  it('writes byte-identical corpus tables and visual report with 1 and 2 workers', () => {
    for (const f of ['documents.csv', 'frame_hits.csv', 'entities.csv', 'comments.csv', 'compare_outlet_rates.csv', 'compare_outlet_distinctive.csv', 'reuse_passages.csv', 'similar_pairs.csv', 'syndication.csv', 'datapackage.json', 'documents.parquet']) {
      expect(readFileSync(join(out2, 'tables', f)).equals(readFileSync(join(out1, 'tables', f))), f).toBe(true);
    }
    expect(readFileSync(join(out2, 'report.html'), 'utf8')).toBe(readFileSync(join(out1, 'report.html'), 'utf8'));
  });

  it('skips current reports on a re-run and redoes them with --force', async () => {
    const again = await cli(['run', CORPUS, '--out', out1, '--workers', '1']);
    expect(again.stdout).toMatch(/done 0, skipped \(report current\) 5/);
    const forced = await cli(['run', CORPUS, '--out', out1, '--workers', '1', '--force']);
    expect(forced.stdout).toMatch(/done 5, skipped \(report current\) 0/);
    const run = JSON.parse(readFileSync(join(out1, 'run.json'), 'utf8'));
    expect(run).toMatchObject({ total: 5, done: 5, skipped: 0, failed: 0 });
  });

  it('treats a report made with other lexicons as stale', async () => {
    const dir = tempDir();
    const lex = join(dir, 'mine.yaml');
    writeFileSync(lex, 'version: 1.0.0\nfamily: narrative\nframes:\n  - id: conference-talk\n    patterns: ["plenary session"]\n');
    const r = await cli(['run', CORPUS, '--out', out2, '--workers', '1', '--lexicon', lex]);
    expect(r.stdout).toMatch(/done 5, skipped \(report current\) 0/);
    const rep = JSON.parse(readFileSync(join(out2, 'reports', '001_544a990a81849d15.json'), 'utf8'));
    expect(rep.frames.hits.some((h: { frame: string; text: string }) => h.frame === 'conference-talk' && h.text === 'plenary session')).toBe(true);
    expect(rep.provenance.data.map((d: { file: string }) => d.file)).toContain(lex);
  });
});

describe('framescope run over bad input', () => {
  const corpus = tempDir();
  const out = tempDir();
  let res: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    copyFileSync(join(CORPUS, '002_267a395295e5cc3a.txt'), join(corpus, 'good.txt'));
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(join(corpus, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    writeFileSync(join(corpus, 'latin1.txt'), Buffer.concat([Buffer.from('Minsk hosted the Eurasian security conference on Thursday. The caf'), Buffer.from([0xe9]), Buffer.from(' near the venue was full of delegates and reporters.\n')]));
    writeFileSync(join(corpus, 'bomcrlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Lavrov arrives in Minsk\r\n\r\nRussian Foreign Minister Sergey Lavrov arrived in Minsk on Thursday to attend the conference.\r\n')]));
    mkdirSync(join(corpus, 'a'));
    mkdirSync(join(corpus, 'b'));
    writeFileSync(join(corpus, 'a', 'twin.txt'), 'One text that shares its id with another file in the corpus.');
    writeFileSync(join(corpus, 'b', 'twin.txt'), 'Another text that shares its id with the first file in the corpus.');
    writeFileSync(join(corpus, 'manifest.csv'), 'id,outlet,url,date,language\ngood,TASS,,2024-10-31,en\nghost,"Outlet, with comma",,,en\nphantom,X,,,*\nempty,X,,,qaa\nbinary,X,,,eng\n');
    symlinkSync(join(corpus, 'nowhere.txt'), join(corpus, 'dangling.txt'));
    // A sparse 65 MB file: a dump, not an article; refused before it is read.
    writeFileSync(join(corpus, 'dump.txt'), '');
    truncateSync(join(corpus, 'dump.txt'), 65 * 2 ** 20);
    res = await cli(['run', corpus, '--out', out, '--workers', '2']);
  });
  const report = (id: string) => JSON.parse(readFileSync(join(out, 'reports', `${id}.json`), 'utf8')) as Report;

  it('finishes the batch, exits non-zero, and lists every failure with its reason', () => {
    expect(res.code).toBe(1);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.failures.map((f: { id: string; code: string }) => [f.id, f.code])).toEqual([
      ['binary', 'decode/binary'],
      ['dangling', 'input/unreadable'],
      ['dump', 'input/too-large'],
      ['empty', 'decode/empty'],
      ['ghost', 'input/missing-file'],
      ['phantom', 'input/missing-file'],
      ['twin', 'input/duplicate-id'],
    ]);
    expect(res.stdout).toMatch(/FAILED binary: \[decode\/binary\]/);
  });

  it.each([
    ['dangling', 'input/unreadable'],
    ['dump', 'input/too-large'],
    ['empty', 'decode/empty'],
    ['binary', 'decode/binary'],
    ['ghost', 'input/missing-file'],
    // Regression (found by make fuzz): a manifest language that is no language code broke the schema.
    ['phantom', 'input/missing-file'],
    ['twin', 'input/duplicate-id'],
  ])('writes a failed report for %s saying why', (id, code) => {
    const r = report(id);
    expect(r.status).toBe('failed');
    expect(r.error.code).toBe(code);
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
  });

  // Regression (found by make fuzz): a document that fails to decode kept its manifest language
  // as written ("eng", "qaa"), which broke the schema.
  it('gives a document that failed to decode the manifest language read as the language stage reads it', () => {
    expect(report('binary').language).toBe('en');
    expect(report('empty').language).toBe('und');
  });

  it('processes the good documents fully, with manifest data and decoding diagnostics', () => {
    expect(report('good')).toMatchObject({ status: 'ok', outlet: 'TASS', metadata: { date: '2024-10-31', agency: 'TASS' } });
    expect(report('latin1').diagnostics.map((d: { code: string }) => d.code)).toContain('decode/invalid-utf8');
    const bom = report('bomcrlf');
    expect(bom.text.startsWith('Lavrov arrives')).toBe(true);
    expect(bom.text).not.toContain('\r');
    expect(bom.metadata.title).toBe('Lavrov arrives in Minsk');
  });
});

describe('framescope run with a per-document time budget', () => {
  it('stops a document that overruns it, records pipeline/timeout, and finishes the batch', async () => {
    const out = tempDir();
    // A budget no document can meet stands in for a pathological page: the mechanism is what is tested.
    const r = await cli(['run', CORPUS, '--out', out, '--workers', '1', '--timeout', '0.001']);
    expect(r.code).toBe(1);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(run.failures.map((f: { code: string }) => f.code)).toEqual(Array(5).fill('pipeline/timeout'));
    for (const f of readdirSync(join(out, 'reports'))) {
      const rep = JSON.parse(readFileSync(join(out, 'reports', f), 'utf8'));
      expect(rep.error.code).toBe('pipeline/timeout');
      expect(validate(rep), JSON.stringify(validate.errors)).toBe(true);
    }
    // The failed reports are redone by the next run with a sane budget.
    const again = await cli(['run', CORPUS, '--out', out, '--workers', '1']);
    expect(again.stdout).toMatch(/done 5, skipped \(report current\) 0/);
  });
});
