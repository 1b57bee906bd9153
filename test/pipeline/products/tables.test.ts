import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../../pipeline/run.js';
import { PACKAGE_ROOT } from '../../../pipeline/data-file.js';
import { CORPUS, tempDir } from '../../helpers.js';

// The tidy tables a run leaves for notebooks, over the seed corpus.
let tables = '';
let out = '';
let summary: Awaited<ReturnType<typeof runCorpus>>;
beforeAll(async () => {
  out = tempDir();
  summary = await runCorpus({ corpus: CORPUS, out, workers: 0, lexicons: [], force: true });
  tables = join(out, 'tables');
}, 120_000);

const csv = (name: string): Array<Record<string, string>> => parse(readFileSync(join(tables, `${name}.csv`)), { columns: true });
const pkg = () => JSON.parse(readFileSync(join(tables, 'datapackage.json'), 'utf8')) as { resources: Array<{ name: string; path: string; schema: { fields: Array<{ name: string; type: string }> } }> };

describe('corpus tables', () => {
  it('writes one documents row per seed with its rates, and one frame_hits row per hit with the sentence', () => {
    const docs = csv('documents');
    expect(docs.map((d) => d.id)).toEqual(['000_ed984b15d838caf1', '001_544a990a81849d15', '002_267a395295e5cc3a', '003_0b14773e3d19957c', '004_9311060f705e9724']);
    const seed4 = docs.find((d) => d.id === '004_9311060f705e9724')!;
    expect(Number(seed4.rate_collective_west)).toBeGreaterThan(0);
    expect(Number(seed4.comments)).toBe(5);
    const hit = csv('frame_hits').find((h) => h.document === '004_9311060f705e9724' && h.frame === 'collective-west' && h.in === 'body')!;
    expect(hit.voice).toBe('scare-quoted');
    expect(hit.sentence).toContain(hit.text);
    expect(hit.sentence.length).toBeGreaterThan(hit.text.length);
  });

  it('lists every entity mention with its spelling and QID, and comments with their authors', () => {
    const minsk = csv('entities').filter((m) => m.entity === 'Minsk');
    expect(minsk.length).toBeGreaterThan(3);
    expect(minsk[0]!.wikidata).toBe('Q2280');
    expect(csv('comments').map((c) => c.author)).toContain('Katchuka');
  });

  it('describes every column in datapackage.json, in the order of the CSV header', () => {
    for (const r of pkg().resources) {
      const header = readFileSync(join(tables, r.path), 'utf8').split('\n')[0]!.split(',');
      expect(r.schema.fields.map((f) => f.name), r.name).toEqual(header);
      expect(r.schema.fields.every((f) => ['string', 'integer', 'number', 'boolean', 'date'].includes(f.type))).toBe(true);
    }
  });

  it('writes the same rows as Parquet', async () => {
    for (const name of ['documents', 'frame_hits', 'entities', 'comments']) {
      const rows = await parquetReadObjects({ file: await asyncBufferFromFile(join(tables, `${name}.parquet`)) });
      expect(rows.length, name).toBe(csv(name).length);
    }
    const docs = await parquetReadObjects({ file: await asyncBufferFromFile(join(tables, 'documents.parquet')) });
    expect(typeof docs[0]!.words).toBe('bigint');
  });

  // A notebook's view: pandas with the declared types. Runs where python3 has pandas and pyarrow.
  const hasPandas = (() => {
    try {
      execFileSync('python3', ['-c', 'import pandas, pyarrow'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(hasPandas)('loads in pandas with the declared types', () => {
    const out = execFileSync('python3', [join(PACKAGE_ROOT, 'test', 'interop', 'load_tables.py'), tables], { encoding: 'utf8' });
    expect(out).toContain('documents: 5 rows');
    expect(out.trim().split('\n')).toHaveLength(4);
  });

  it('ends every run with reuse tables, the comparison and report.html, and says so in the summary', () => {
    expect(summary.productErrors).toEqual([]);
    expect(summary.reuse).toMatchObject({ syndication: 1, threshold: 0.5 });
    expect(summary.reuse!.passages).toBeGreaterThanOrEqual(1);
    const links = csv('syndication');
    expect(links).toEqual([{ document: '001_544a990a81849d15', agency: 'TASS', declaredIn: 'metadata', agencyDocument: '002_267a395295e5cc3a' }]);
    expect(csv('reuse_passages').some((p) => p.a === '002_267a395295e5cc3a' && p.b === '004_9311060f705e9724' && Number(p.words) >= 8)).toBe(true);
    expect(csv('compare_outlet_rates').length).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('id="heatmap"');
  });
});
