#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { runCorpus, type RunSummary } from './run.js';
import { PIPELINE_VERSION } from './version.js';

const program = new Command();
program.name('framescope').description('Measure how news outlets frame a story: body, comments, entities, frames and rhetoric, with the evidence spans.').version(PIPELINE_VERSION);

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
};

program
  .command('run')
  .description('run the pipeline over a folder of .txt articles (and its optional manifest.csv)')
  .argument('<corpusDir>', 'folder with one article per .txt file')
  .requiredOption('-o, --out <dir>', 'output folder (reports/<id>.json and run.json)')
  .option('-w, --workers <n>', 'worker threads (0 = run in the main thread)', count, availableParallelism())
  .option('-l, --lexicon <file...>', 'extra lexicon files added to the shipped ones: framescope YAML/JSON, LIWC .dic or quanteda YAML dictionaries', [])
  .option('-f, --force', 'redo every document, even when its report is current', false)
  .option('-q, --quiet', 'no progress bar and no summary', false)
  .action(async (corpusDir: string, o: { out: string; workers: number; lexicon: string[]; force: boolean; quiet: boolean }) => {
    const bar = !o.quiet && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'framescope {bar} {value}/{total} docs | ETA {eta_formatted} | {last}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
    let summary: RunSummary;
    try {
      summary = await runCorpus({
        corpus: corpusDir,
        out: o.out,
        workers: o.workers,
        lexicons: o.lexicon.map((f) => resolve(f)),
        force: o.force,
        onStart: (n) => bar?.start(n, 0, { last: '' }),
        onDocument: (id, status) => bar?.increment({ last: `${id} ${status}` }),
      });
    } finally {
      bar?.stop();
    }
    if (!o.quiet) process.stdout.write(formatSummary(summary));
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

/** The one-screen end-of-run summary. */
function formatSummary(s: RunSummary): string {
  const lines = [
    `framescope ${s.pipeline}: ${s.total} document(s) in ${s.corpus}`,
    `  done ${s.done}, skipped (report current) ${s.skipped}, partial ${s.partial}, failed ${s.failed}`,
    ...s.failures.slice(0, 10).map((f) => `  FAILED ${f.id}: [${f.code}] ${f.message}`),
    ...(s.failures.length > 10 ? [`  … and ${s.failures.length - 10} more failures in run.json`] : []),
    ...s.partials.slice(0, 5).map((f) => `  partial ${f.id}: [${f.code}] ${f.message}`),
    ...s.manifestWarnings.slice(0, 5).map((w) => `  warning: ${w}`),
    ...s.lexiconWarnings.slice(0, 5).map((w) => `  dictionary entry skipped: ${w}`),
    ...(s.lexiconWarnings.length > 5 ? [`  … and ${s.lexiconWarnings.length - 5} more skipped dictionary entries in run.json`] : []),
    ...(s.warnings.length ? [`  ${s.warnings.length} document(s) with warnings (see run.json and each report's diagnostics)`] : []),
    `  ${s.tokens} tokens in ${s.seconds}s (${s.tokensPerSecond} tokens/s, ${s.workers} worker(s))`,
    `  reports: ${s.out}/reports/  summary: ${s.out}/run.json`,
  ];
  return lines.join('\n') + '\n';
}

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`framescope: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
