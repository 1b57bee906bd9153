import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../../pipeline/run.js';
import { cli, outputFiles, tempDir } from '../../helpers.js';
import { writeInventedCorpus } from '../invented-corpus.js';

// Bootstrap intervals and log-odds must repeat to the byte: researchers cite them. The same corpus
// written in another file order with its manifest columns and rows reordered, run with 2 workers
// instead of in-thread, and compared with a mapping file whose rows are shuffled, gives the same files.
describe('compare is deterministic', () => {
  it('gives the same bytes whatever the file order, manifest column order, mapping row order and worker count', async () => {
    const dir = tempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const run = await cli(['run', writeInventedCorpus(join(dir, 'corpus-a')), '--out', a, '--workers', '2', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    await runCorpus({ corpus: writeInventedCorpus(join(dir, 'corpus-b'), undefined, true), out: b, workers: 0, lexicons: [], force: true });
    const rows = ['Relay Agency,state', 'State Gazette,state', 'Own Voice Herald,rest', 'Village Courier,rest'];
    for (const [out, order] of [[a, rows], [b, [rows[2], rows[0], rows[3], rows[1]]]] as const) {
      // The mapping's file name is part of the output file names: the same name in two folders.
      mkdirSync(`${out}-map`);
      const map = join(`${out}-map`, 'map.csv');
      writeFileSync(map, ['outlet,side', ...order].join('\n') + '\n');
      const r = await cli(['compare', out, '--by', 'outlet', '--groups', map]);
      expect(r.code, r.stderr).toBe(0);
    }
    const files = (out: string) => [...outputFiles(out)].filter(([p]) => p.startsWith('reports/') || /^tables\/(compare_.*|documents)\.csv$/.test(p));
    const inA = files(a);
    expect(inA.map(([p]) => p)).toEqual(expect.arrayContaining(['tables/compare_outlet_rates.csv', 'tables/compare_outlet_map_rates.csv', 'tables/compare_outlet_map_distinctive.csv', 'tables/compare_outlet_map_groups.csv']));
    const text = (out: string) => new Map(files(out).map(([p, bytes]) => [p, bytes.toString('utf8')]));
    expect(text(b)).toEqual(text(a));
    // The intervals are real intervals, not a degenerate lo = hi everywhere.
    expect(readFileSync(join(a, 'tables', 'compare_outlet_map_rates.csv'), 'utf8')).toMatch(/state,collective-west,7,\d+,1,[\d.]+,0,[\d.]*[1-9]/);
  }, 120_000);
});
