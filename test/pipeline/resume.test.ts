import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { isTemporary } from '../../pipeline/output-dir.js';
import { CLI, CORPUS, cli, outputFiles, tempDir } from '../helpers.js';

// Issue 11: kill -9 of the whole run (main thread, workers, the reuse thread) at several points,
// then the same command again, must end with exactly what a clean run writes and no temporary file.
// The 245 PTC articles when ../shared is there (a run long enough to stop in each phase), else the
// seeds and the segmentation fixtures.
const PTC = join(PACKAGE_ROOT, '..', 'shared', 'benchmarks', 'ptc-dev', 'train-articles');

function corpusDir(): string {
  if (existsSync(PTC)) return PTC;
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  const fixtures = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment');
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(CORPUS, f), join(dir, f));
  for (const sub of readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) for (const f of readdirSync(join(fixtures, sub)).filter((f) => /\.(txt|html)$/.test(f))) copyFileSync(join(fixtures, sub, f), join(dir, f));
  return dir;
}

const count = (dir: string) => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json')).length;
  } catch {
    return 0;
  }
};

/** Starts the CLI in its own process group and SIGKILLs the group once `when` holds; resolves with how it ended. */
function runAndKill(args: string[], when: () => boolean): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { detached: true, stdio: 'ignore' });
    const poll = setInterval(() => {
      if (when()) {
        clearInterval(poll);
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone: it finished before the kill point
        }
      }
    }, 2);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal });
    });
  });
}

describe('kill -9 and resume', () => {
  const corpus = corpusDir();
  const total = readdirSync(corpus).filter((f) => /\.(txt|html?)$/.test(f)).length;
  const clean = tempDir();
  const crashed = tempDir();
  const kills: Array<{ point: string; signal: NodeJS.Signals | null; reportsBefore: number }> = [];
  const leftBehind = new Set<string>();
  let resumed: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    const args = ['run', corpus, '--out', crashed, '--workers', '2', '--quiet'];
    const points: Array<[string, () => boolean]> = [
      ['after the first report', () => count(join(crashed, 'reports')) >= 1],
      ['half way through the documents', () => count(join(crashed, 'reports')) >= total / 2],
      // The tables are renamed into place one by one: the first whole one means the rest are being written.
      ['while the tables are written', () => existsSync(join(crashed, 'tables', 'documents.csv'))],
      ['while reuse and report.html are written', () => existsSync(join(crashed, 'tables', 'compare_outlet_rates.csv'))],
    ];
    for (const [point, when] of points) {
      const reportsBefore = count(join(crashed, 'reports'));
      const { signal } = await runAndKill(args, when);
      kills.push({ point, signal, reportsBefore });
      for (const f of outputFiles(crashed).keys()) if (isTemporary(f.split('/').pop()!)) leftBehind.add(f);
    }
    resumed = await cli(args.filter((a) => a !== '--quiet'));
    const r = await cli(['run', corpus, '--out', clean, '--workers', '2', '--quiet']);
    expect(r.code, r.stderr).toBeLessThan(2);
  }, 600_000);

  it('really stopped the run mid-way, at least while documents were being written', () => {
    expect(kills.slice(0, 2).map((k) => k.signal)).toEqual(['SIGKILL', 'SIGKILL']);
    expect(kills[1]!.reportsBefore).toBeGreaterThan(0);
  });

  it('resumes: the reports a killed run finished are skipped as current', () => {
    expect(resumed.code).toBeLessThan(2);
    const skipped = Number(/skipped \(report current\) (\d+)/.exec(resumed.stdout)?.[1]);
    expect(skipped).toBeGreaterThan(0);
  });

  it('ends with exactly the files of a clean run, byte for byte (run.json aside)', () => {
    const a = outputFiles(clean);
    const b = outputFiles(crashed);
    a.delete('run.json');
    b.delete('run.json');
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a].filter(([f, bytes]) => !bytes.equals(b.get(f)!)).map(([f]) => f)).toEqual([]);
  });

  it('leaves no temporary file behind, though the kills did leave some', () => {
    expect(leftBehind.size).toBeGreaterThan(0);
    expect([...outputFiles(crashed).keys()].filter((f) => isTemporary(f.split('/').pop()!))).toEqual([]);
  });
});
