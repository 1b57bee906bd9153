import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { benchCorpora, type BenchCorpus } from './corpora.js';
import { runCli, type CliRun } from './cli-run.js';
import { bareWink, measureInProcess } from './in-process.js';
import { bareWinkThreads } from './wink-threads.js';
import { buildSynthetic } from './synthetic.js';

/**
 * `make bench`: speed as users feel it. For each real corpus under ../shared (PTC dev, the 15,220
 * russia-ukraine articles): bare wink `readDoc` over the same texts on one thread, then the whole
 * CLI as a new process (start-up and every corpus product included) with 1 and 2 workers, an
 * unchanged re-run, and the peak memory of the process with its workers; last, the stages'
 * shares in this thread. Options: --limit N (N files of each corpus, evenly spaced), --corpus NAME,
 * --workers 1,2, --cli PATH (another build's dist/pipeline/cli.js, for before/after), --no-stages.
 * Speed is measured here, never asserted in tests.
 */
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = resolve(process.env.SHARED ?? join(PACKAGE_ROOT, '..', 'shared'));
const limit = opt('--limit') ? Number(opt('--limit')) : null;
const workerCounts = (opt('--workers') ?? '1,2').split(',').map(Number);
const cli = resolve(opt('--cli') ?? fileURLToPath(new URL('../../pipeline/cli.js', import.meta.url)));
const scratch = join(tmpdir(), `framescope-bench-${process.pid}`);

const fmt = (x: number, d = 2) => x.toFixed(d);
const mb = (r: CliRun) => (r.peakMb === null ? 'n/a' : `${r.peakMb} MB`);

async function benchCorpus(c: BenchCorpus): Promise<void> {
  const texts = c.files.map((f) => readFileSync(f, 'utf8'));
  const wink = bareWink(texts);
  const winkRate = wink.tokens / wink.seconds;
  console.log(`\n## ${c.name}: ${c.files.length} documents, ${wink.tokens} wink tokens (${c.dir})`);
  console.log(`bare wink readDoc, 1 thread: ${fmt(wink.seconds)} s, ${Math.round(winkRate)} tokens/s`);
  const two = await bareWinkThreads(c.files, 2);
  console.log(`bare wink readDoc, 2 threads: ${fmt(two)} s, ${fmt(wink.seconds / two)}× one thread (what this machine gives two threads)`);
  const runs = new Map<number, CliRun>();
  const out = join(scratch, 'out');
  for (const w of workerCounts) {
    rmSync(out, { recursive: true, force: true });
    const r = await runCli(cli, c.dir, out, ['--workers', String(w)]);
    runs.set(w, r);
    const rate = wink.tokens / r.seconds;
    console.log(`CLI --workers ${w}: ${fmt(r.seconds)} s, ${Math.round(rate)} tokens/s, ratio to bare wink ${fmt(rate / winkRate, 3)}, peak ${mb(r)} (${r.done} done, ${r.failed} failed)`);
  }
  // The last run's output is current: the same command again is what a user re-running sees.
  const last = workerCounts[workerCounts.length - 1]!;
  const again = await runCli(cli, c.dir, out, ['--workers', String(last)]);
  console.log(`re-run, unchanged corpus (--workers ${last}): ${fmt(again.seconds)} s, ${fmt((100 * again.seconds) / runs.get(last)!.seconds, 1)}% of the first run, peak ${mb(again)} (${again.skipped} skipped)`);
  const one = runs.get(1);
  const twoRun = runs.get(2);
  if (one && twoRun) console.log(`2 workers vs 1: ${fmt(one.seconds / twoRun.seconds)}× (goal ≥ 1.7; bare wink on this machine: ${fmt(wink.seconds / two)}×)`);
  rmSync(out, { recursive: true, force: true });
}

async function main(): Promise<void> {
  mkdirSync(scratch, { recursive: true });
  try {
    console.log(`framescope bench: CLI ${cli}`);
    const only = opt('--corpus');
    const corpora = benchCorpora(shared, scratch, limit).filter((c) => !only || c.name.includes(only));
    if (!corpora.length) console.log(`no real corpus under ${shared}: only the in-process shares over synthetic texts are measured`);
    for (const c of corpora) await benchCorpus(c);
    if (args.includes('--no-stages')) return;
    // The stages in this thread: over PTC's real articles when present, else synthetic texts from corpus/.
    const texts = corpora.length ? corpora[0]!.files.map((f) => readFileSync(f, 'utf8')) : buildSynthetic(join(PACKAGE_ROOT, 'corpus'), join(scratch, 'synthetic'), 2000);
    const p = measureInProcess(texts);
    console.log(`\n## in-process, 1 thread, ${texts.length} texts (${p.tokens} tokens)`);
    console.log(`bare wink ${Math.round(p.winkPerSec)} tokens/s; wink without unused pipes ${Math.round(p.leanPerSec)}; framescope stages ${Math.round(p.pipelinePerSec)}: ratio ${fmt(p.pipelinePerSec / p.winkPerSec)} (goal ≥ 0.5)`);
    console.log('per stage, share of pipeline time: ' + p.shares.map(([k, v]) => `${k} ${fmt(100 * v, 1)}%`).join(', '));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
