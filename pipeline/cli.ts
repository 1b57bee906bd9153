#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import type { RunSummary } from './run.js';
import { BUILT_IN_FIELDS } from './products/compare-groups.js';
import writeFileAtomic from 'write-file-atomic';
import { PIPELINE_VERSION } from './version.js';
import { DEFAULT_TIMEOUT_SECONDS } from './task.js';

// Each command loads its own modules when it runs: a re-run with nothing to do, or --help, should
// not pay for loading the stages, the products and their libraries.

const program = new Command();
program.name('framescope').description('Measure how news outlets frame a story: body, comments, entities, frames and rhetoric, with the evidence spans.').version(PIPELINE_VERSION);

const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
};

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number > 0');
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
  .option('-t, --timeout <seconds>', 'seconds one document may take in a worker before it fails with pipeline/timeout', positive, DEFAULT_TIMEOUT_SECONDS)
  .option('-q, --quiet', 'no progress bar and no summary', false)
  .action(async (corpusDir: string, o: { out: string; workers: number; lexicon: string[]; force: boolean; timeout: number; quiet: boolean }) => {
    const bar = !o.quiet && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'framescope {bar} {value}/{total} docs | ETA {eta_formatted} | {last}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
      : null;
    let summary: RunSummary;
    try {
      const { runCorpus } = await import('./run.js');
      summary = await runCorpus({
        corpus: corpusDir,
        out: o.out,
        workers: o.workers,
        lexicons: o.lexicon.map((f) => resolve(f)),
        force: o.force,
        timeoutSeconds: o.timeout,
        onStart: (n) => bar?.start(n, 0, { last: '' }),
        onDocument: (id, status) => bar?.increment({ last: `${id} ${status}` }),
      });
    } finally {
      bar?.stop();
    }
    if (!o.quiet) process.stdout.write(formatSummary(summary));
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

program
  .command('suggest')
  .description('candidate phrases for the lexicons: words that keep company with a frame\'s hits across the reports but match no pattern yet')
  .argument('<outDir>', 'an output folder of `framescope run` (its reports/ are read)')
  .option('--frame <id>', 'only phrases near hits of this frame or marker (default: near any frame)')
  .option('--top <n>', 'how many candidates', count, 30)
  .option('--window <n>', 'words on each side of a hit that count as near it', count, 8)
  .option('--min-documents <n>', 'a candidate must occur near hits in at least this many documents', count, 2)
  .option('--json', 'print the candidates as JSON', false)
  .action(async (outDir: string, o: { frame?: string; top: number; window: number; minDocuments: number; json: boolean }) => {
    const reports = join(outDir, 'reports');
    if (!existsSync(reports)) throw new Error(`[E040] ${reports} does not exist: run \`framescope run <corpus> --out ${outDir}\` first`);
    const { suggest } = await import('./products/suggest.js');
    const found = suggest(reports, { frame: o.frame, top: o.top, window: o.window, minDocuments: o.minDocuments });
    if (o.json) {
      process.stdout.write(JSON.stringify(found, null, 2) + '\n');
      return;
    }
    if (!found.length) process.stdout.write(`no candidates${o.frame ? ` near "${o.frame}"` : ''}: too few hits or documents (try --min-documents 1 or a larger corpus)\n`);
    for (const c of found) {
      process.stdout.write(`${c.keyness.toFixed(1).padStart(7)}  ${c.phrase}  (near ${c.near} in ${c.documents} docs, elsewhere ${c.elsewhere})\n`);
      for (const e of c.examples.slice(0, 2)) process.stdout.write(`           ${e}\n`);
    }
  });

program
  .command('compare')
  .description('frame rates per group (headline: the outlet\'s own framing) with 95% bootstrap intervals, and distinctive words and frames per group (log-odds with an informative Dirichlet prior)')
  .argument('<outDir>', 'an output folder of `framescope run`')
  .option('--by <field>', `group documents by ${BUILT_IN_FIELDS.join(', ')} or any column of the corpus manifest.csv`, 'outlet')
  .option('--groups <file>', 'CSV with a header: first column a value of the --by field, second its group (e.g. outlet,side); values it does not list go to the group "(unmapped)"')
  .option('--top <n>', 'distinctive words and frames kept per group', count, 15)
  .action(async (outDir: string, o: { by: string; groups?: string; top: number }) => {
    const reports = join(outDir, 'reports');
    if (!existsSync(reports)) throw new Error(`[E040] ${reports} does not exist: run \`framescope run <corpus> --out ${outDir}\` first`);
    const { compare } = await import('./products/compare.js');
    const { readGroupMapping } = await import('./products/compare-groups.js');
    const { formatComparison, writeComparison } = await import('./products/compare-output.js');
    const c = compare(reports, o.by, { top: o.top, groups: o.groups ? readGroupMapping(o.groups) : null });
    const tables = join(outDir, 'tables');
    mkdirSync(tables, { recursive: true });
    const files = writeComparison(tables, c);
    process.stdout.write(formatComparison(c) + `\ntables: ${files.join(', ')}\n`);
  });

program
  .command('lexicon-audit')
  .description('what carries each frame and rhetoric marker, pattern by pattern: hits, documents, outlets, voices and example sentences; with --gold, precision per pattern, false positives and the gold phrases nothing found')
  .argument('<outDir>', 'an output folder of `framescope run` (its reports/ are read)')
  .option('--gold <dir>', 'gold annotations, one <id>.json per document (the format of ../shared/eval/dev/gold)')
  .option('--examples <n>', 'example sentences kept per pattern', count, 3)
  .option('--json <file>', 'also write the whole audit as JSON to this file')
  .action(async (outDir: string, o: { gold?: string; examples: number; json?: string }) => {
    if (!existsSync(outDir)) throw new Error(`[E043] ${outDir} does not exist: give the --out folder of a \`framescope run\``);
    const reports = join(outDir, 'reports');
    if (!existsSync(reports)) throw new Error(`[E040] ${reports} does not exist: run \`framescope run <corpus> --out ${outDir}\` first`);
    if (o.gold && !(existsSync(o.gold) && statSync(o.gold).isDirectory())) throw new Error(`[E044] the gold folder ${o.gold} does not exist`);
    const { readGold } = await import('./products/gold-match.js');
    const { auditLexicon } = await import('./products/lexicon-audit.js');
    const { formatLexiconAudit } = await import('./products/lexicon-audit-text.js');
    const gold = o.gold ? readGold(o.gold) : undefined;
    const audit = auditLexicon(reports, {
      examples: o.examples,
      gold,
      onSkip: (file, reason) => process.stderr.write(`framescope: skipped unreadable report ${join(reports, file)}: ${reason}\n`),
    });
    if (o.json) await writeFileAtomic(o.json, JSON.stringify(audit, null, 2) + '\n');
    process.stdout.write(formatLexiconAudit(audit));
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
    ...(s.tables ? [`  tables: ${s.tables.dir}/ (${s.tables.documents} documents, ${s.tables.hits} hits, ${s.tables.mentions} entity mentions, ${s.tables.comments} comments; CSV, Parquet, datapackage.json)`] : []),
    ...(s.reuse ? [`  text reuse: ${s.reuse.passages} reused passage(s), ${s.reuse.syndication} declared syndication link(s), ${s.reuse.similarAboveThreshold} pair(s) at similarity ≥ ${s.reuse.threshold}`] : []),
    `  visual report: ${s.out}/report.html`,
    ...s.productErrors.map((e) => `  NOT WRITTEN: ${e}`),
  ];
  return lines.join('\n') + '\n';
}

program.parseAsync().catch((err: unknown) => {
  process.stderr.write(`framescope: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
