import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../pipeline/run.js';
import { CORPUS, outputFiles, tempDir } from '../helpers.js';

// Issue 14: a re-run reads one index instead of every report, feeds unchanged documents to the
// products from the saved digests, and does nothing at all when nothing changed.
function corpus(): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.txt'))) copyFileSync(join(CORPUS, f), join(dir, f));
  return dir;
}

const run = (dir: string, out: string) => runCorpus({ corpus: dir, out, workers: 0, lexicons: [], force: false });

/** Every output file but run.json (times and host), as a map for a byte-for-byte comparison. */
function outputs(out: string): Map<string, string> {
  return new Map([...outputFiles(out)].filter(([k]) => k !== 'run.json').map(([k, v]) => [k, v.toString('base64')]));
}

describe('re-runs from the run index', () => {
  it('does nothing when nothing changed: every document skipped, no product rewritten', async () => {
    const dir = corpus();
    const out = join(tempDir(), 'out');
    const first = await run(dir, out);
    const before = outputs(out);
    const mtimes = ['report.html', 'tables/documents.csv', 'tables/frame_hits.parquet'].map((f) => statSync(join(out, f)).mtimeMs);
    const again = await run(dir, out);
    expect([again.done, again.skipped, again.failed]).toEqual([0, first.done, 0]);
    expect(again.phases.documents).toBe(0);
    expect(again.tables).toEqual(first.tables);
    expect(again.reuse).toEqual(first.reuse);
    expect(['report.html', 'tables/documents.csv', 'tables/frame_hits.parquet'].map((f) => statSync(join(out, f)).mtimeMs)).toEqual(mtimes);
    expect(outputs(out)).toEqual(before);
  });

  it('redoes only changed and new documents, and the products equal a clean run of the new corpus', async () => {
    const dir = corpus();
    const out = join(tempDir(), 'out');
    await run(dir, out);
    const [first, second] = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    writeFileSync(join(dir, first!), readFileSync(join(dir, first!), 'utf8').replace(/\n+$/, '') + '\n\nMoscow called it a special military operation against the collective West.\n');
    writeFileSync(join(dir, 'zz-new.txt'), readFileSync(join(dir, second!), 'utf8').split('\n').slice(0, 6).join('\n') + '\n');
    const again = await run(dir, out);
    expect([again.done + again.partial, again.skipped]).toEqual([2, readdirSync(dir).length - 2]);
    const clean = join(tempDir(), 'clean');
    await run(dir, clean);
    expect(outputs(out)).toEqual(outputs(clean));
  });

  it('falls back to the reports when the index is gone or its digests are of another version', async () => {
    const dir = corpus();
    const out = join(tempDir(), 'out');
    await run(dir, out);
    const clean = outputs(out);
    rmSync(join(out, 'index'), { recursive: true });
    const noIndex = await run(dir, out);
    expect(noIndex.done).toBe(0);
    expect(outputs(out)).toEqual(clean);
    const documents = join(out, 'index', 'documents.jsonl');
    const lines = readFileSync(documents, 'utf8').split('\n');
    writeFileSync(documents, [lines[0]!.replace(/"digest":\d+/, '"digest":-1'), ...lines.slice(1)].join('\n'));
    const oldDigests = await run(dir, out);
    expect(oldDigests.done).toBe(0);
    expect(outputs(out)).toEqual(clean);
  });
});
