import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { readCorpus } from '../../pipeline/corpus.js';
import { createProcessor } from '../../pipeline/process.js';
import { prng } from '../../pipeline/prng.js';
import { countRepeatedLines } from '../../pipeline/repetition.js';
import { reportFileName } from '../../pipeline/report-files.js';
import { cli, outputFiles, tempDir } from '../helpers.js';

// Issue 11: a report may depend only on its document, its manifest row, the data files and the
// declared corpus-level inputs, never on which documents a worker happened to read before it.
// 245 real PTC articles, read in place; skipped when ../shared is not there.
const PTC = join(PACKAGE_ROOT, '..', 'shared', 'benchmarks', 'ptc-dev', 'train-articles');
const have = existsSync(PTC);

/** Every file a run leaves under <out> except run.json (run-specific facts live there only). */
function outputs(out: string): Map<string, Buffer> {
  const files = outputFiles(out);
  files.delete('run.json');
  return files;
}

function expectSame(a: Map<string, Buffer>, b: Map<string, Buffer>, label: string): void {
  expect([...b.keys()].sort(), label).toEqual([...a.keys()].sort());
  const differing = [...a].filter(([f, bytes]) => !bytes.equals(b.get(f)!)).map(([f]) => f);
  expect(differing, label).toEqual([]);
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const r = prng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.skipIf(!have)('reports independent of workers and order, over 245 real PTC articles', () => {
  const runs = new Map<string, Map<string, Buffer>>();
  let copy = '';

  beforeAll(async () => {
    // The same articles written to a fresh folder of the same name, in a shuffled order.
    copy = join(tempDir(), 'train-articles');
    mkdirSync(copy);
    for (const f of shuffled(readdirSync(PTC), 11)) copyFileSync(join(PTC, f), join(copy, f));
    const jobs: Array<[string, string, string]> = [
      ['workers 0', PTC, '0'],
      ['workers 1', PTC, '1'],
      ['workers 2', PTC, '2'],
      ['shuffled copy, workers 2', copy, '2'],
    ];
    const limit = pLimit(2);
    await Promise.all(
      jobs.map(([label, corpus, workers]) =>
        limit(async () => {
          const out = tempDir();
          const r = await cli(['run', corpus, '--out', out, '--workers', workers, '--quiet']);
          expect(r.code, r.stderr).toBeLessThan(2);
          runs.set(label, outputs(out));
        }),
      ),
    );
  }, 600_000);

  it('writes a report for every article', () => {
    const reports = [...runs.get('workers 0')!.keys()].filter((f) => f.startsWith('reports/'));
    expect(reports).toHaveLength(readdirSync(PTC).length);
  });

  it.each(['workers 1', 'workers 2', 'shuffled copy, workers 2'])('gives byte-identical reports, tables, report.html and corpus inputs with %s as with workers 0', (label) => {
    expectSame(runs.get('workers 0')!, runs.get(label)!, label);
  });

  it('gives each report the same bytes when one processor reads the articles in a shuffled order', async () => {
    const corpus = readCorpus(PTC);
    const repeated = await countRepeatedLines(PTC, corpus.entries, pLimit(8));
    const processor = createProcessor({ lexicons: [] });
    const base = runs.get('workers 0')!;
    const differing: string[] = [];
    for (const entry of shuffled(corpus.entries, 7)) {
      const bytes = readFileSync(join(PTC, entry.source.path));
      const t = repeated.of(entry, bytes);
      const done = processor({ id: entry.id, bytes, source: { ...entry.source, repeated: t.lines, template: t.input } });
      if (!base.get(`reports/${reportFileName(entry.id)}`)!.equals(Buffer.from(done.json))) differing.push(entry.id);
    }
    expect(differing).toEqual([]);
  });

  it('records the repeated-line table the reports depend on, and its hash in each report', () => {
    const base = runs.get('workers 0')!;
    const table = JSON.parse(base.get('corpus-inputs/repeated-lines.json')!.toString('utf8'));
    expect(table.groups).toHaveLength(1);
    const [group] = table.groups;
    expect(group.lines.length).toBeGreaterThan(0);
    const report = JSON.parse(base.get(`reports/${reportFileName('article774145019')}`)!.toString('utf8'));
    expect(report.provenance.corpusInputs.repeatedLines).toEqual({ file: 'corpus-inputs/repeated-lines.json', group: group.group, sha256: group.sha256 });
    // This article's poll box is the site's template: removed by the table, and so traceable to it.
    expect(report.removed.filter((r: { rule: string }) => r.rule === 'corpus:repeated-line').length).toBeGreaterThan(0);
  });
});
