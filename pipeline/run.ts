import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import writeFileAtomic from 'write-file-atomic';
import { normaliseLanguage } from '../stages/language/index.js';
import { loadLexicons } from './matcher/load.js';
import type { TablesSummary } from './products/tables.js';
import { writeCorpusProducts } from './products/write.js';
import { readCorpus, type CorpusEntry } from './corpus.js';
import { dataVersions, fingerprint, REPEATED_LINES_FILE, type PipelineOptions } from './order.js';
import { prepareOutput } from './output-dir.js';
import { Pool, WorkerLost } from './pool.js';
import { countRepeatedLines } from './repetition.js';
import { reportFileName } from './report-files.js';
import { createProcessor, serialize, type Done, type Task } from './process.js';
import { PIPELINE_VERSION, REPORT_SCHEMA } from './version.js';
import { byCodeUnit } from './sort.js';

/** What a user asked for on the command line. */
export interface RunOptions extends PipelineOptions {
  corpus: string;
  out: string;
  /** Worker threads; 0 runs in this thread (tests, debugging). */
  workers: number;
  force: boolean;
  /** Wall-clock seconds one document may take in a worker before it fails with pipeline/timeout. */
  timeoutSeconds?: number;
  onStart?: (total: number) => void;
  onDocument?: (id: string, status: string) => void;
}

/** The run summary written to run.json: everything run-specific lives here, never in reports. */
export interface RunSummary {
  corpus: string;
  out: string;
  total: number;
  done: number;
  partial: number;
  skipped: number;
  failed: number;
  failures: Array<{ id: string; code: string; message: string }>;
  partials: Array<{ id: string; code: string; message: string }>;
  warnings: Array<{ id: string; codes: string[] }>;
  manifestWarnings: string[];
  /** Entries of imported dictionaries (LIWC, quanteda) that could not become patterns. */
  lexiconWarnings: string[];
  /** The corpus tables written after the documents (null when writing them failed: see productErrors). */
  tables: TablesSummary | null;
  /** Corpus-level outputs that could not be written; the reports are whole regardless. */
  productErrors: string[];
  /** Text reuse found across the corpus (see tables/reuse_passages.csv, syndication.csv, similar_pairs.csv). */
  reuse?: { passages: number; syndication: number; similarAboveThreshold: number; threshold: number } | null;
  tokens: number;
  seconds: number;
  /** Wall-clock seconds of each part of the run: listing and the repeated-line pass, the documents, the corpus products. */
  phases: { prepare: number; documents: number; products: number };
  tokensPerSecond: number;
  workers: number;
  pipeline: string;
  host: string;
  node: string;
  startedAt: string;
}

// A news article takes milliseconds; a document still running after this is stuck in a pathological
// case, and stopping it lets the batch go on. In-thread runs (--workers 0) cannot be interrupted.
export const DEFAULT_TIMEOUT_SECONDS = 120;
// Far above any article's needs (a 1 MB page peaks below 300 MB), far below the machine's memory.
const WORKER_HEAP_MB = 2048;

/** Runs the pipeline over a corpus folder; never throws for one bad document. */
export async function runCorpus(opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const corpus = readCorpus(opts.corpus, resolve(opts.out));
  const reportsDir = join(opts.out, 'reports');
  prepareOutput(opts.out);
  const data = dataVersions(opts);
  const summary: RunSummary = {
    corpus: resolve(opts.corpus), out: resolve(opts.out), total: corpus.entries.length, done: 0, partial: 0, skipped: 0, failed: 0,
    failures: [], partials: [], warnings: [], manifestWarnings: corpus.warnings, lexiconWarnings: opts.lexicons.length ? loadLexicons(opts.lexicons).skipped : [], tables: null, productErrors: [], tokens: 0, seconds: 0, phases: { prepare: 0, documents: 0, products: 0 }, tokensPerSecond: 0,
    workers: opts.workers, pipeline: PIPELINE_VERSION, host: hostname(), node: process.version, startedAt: new Date(started).toISOString(),
  };
  opts.onStart?.(corpus.entries.length);
  const budget = { seconds: opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, heapMb: WORKER_HEAP_MB };
  const pool = opts.workers > 0 ? new Pool(Math.min(opts.workers, Math.max(1, corpus.entries.length)), { lexicons: opts.lexicons }, budget) : null;
  const local = pool ? null : createProcessor({ lexicons: opts.lexicons });
  const io = pLimit(16);
  const repeated = await countRepeatedLines(opts.corpus, corpus.entries, io);
  await writeFileAtomic(join(opts.out, REPEATED_LINES_FILE), JSON.stringify(repeated.table, null, 2) + '\n');
  // Rename keeps every report whole; per-file fsync would triple the run time for no extra safety
  // here, since a report lost to a power cut fails to parse, counts as stale and is redone.
  const write = (id: string, json: string) => writeFileAtomic(join(reportsDir, reportFileName(id)), json, { fsync: false });

  const since = (t: number) => Math.round((Date.now() - t) / 10) / 100;
  summary.phases.prepare = since(started);
  const docsStarted = Date.now();
  const one = async (entry: CorpusEntry) => {
    let done: Done;
    if (entry.problem) {
      done = { id: entry.id, status: 'failed', reason: entry.problem, json: serialize(failedReport(entry)), tokens: 0, warnings: [] };
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await io(() => Promise.resolve(readFileSync(join(opts.corpus, entry.source.path))));
      } catch (err) {
        entry.problem = { code: 'input/unreadable', message: `cannot read ${entry.source.path}: ${(err as Error).message}` };
        return one(entry);
      }
      const template = repeated.of(entry, bytes);
      entry.source.repeated = template.lines;
      entry.source.template = template.input;
      if (!opts.force && isCurrent(join(reportsDir, reportFileName(entry.id)), bytes, fingerprint(data, entry.source))) {
        summary.skipped++;
        opts.onDocument?.(entry.id, 'skipped');
        return;
      }
      const task: Task = { id: entry.id, source: entry.source, bytes };
      try {
        done = pool ? await pool.run(task) : local!(task);
      } catch (err) {
        entry.problem = err instanceof WorkerLost ? { code: err.code, message: err.message } : { code: 'pipeline/worker-crash', message: `the worker processing this document died: ${(err as Error).message}` };
        return one(entry);
      }
    }
    // An id that cannot name a file inside reports/ gets no report: its failure is in run.json only.
    if (done.reason?.code !== 'input/bad-id') await io(() => write(entry.id, done.json));
    summary.tokens += done.tokens;
    if (done.warnings.length) summary.warnings.push({ id: entry.id, codes: done.warnings });
    if (done.status === 'failed') {
      summary.failed++;
      summary.failures.push({ id: entry.id, ...done.reason! });
    } else if (done.status === 'partial') {
      summary.partial++;
      summary.partials.push({ id: entry.id, ...done.reason! });
    } else summary.done++;
    opts.onDocument?.(entry.id, done.status);
  };
  try {
    await Promise.all(corpus.entries.map((e) => one(e)));
  } finally {
    await pool?.close();
  }
  for (const k of ['failures', 'partials', 'warnings'] as const) (summary[k] as Array<{ id: string }>).sort((a, b) => byCodeUnit(a.id, b.id));
  summary.phases.documents = since(docsStarted);
  const productsStarted = Date.now();
  await writeCorpusProducts(opts, corpus.entries.map((e) => e.id), summary);
  summary.phases.products = since(productsStarted);
  summary.seconds = Math.round((Date.now() - started) / 10) / 100;
  summary.tokensPerSecond = summary.seconds ? Math.round(summary.tokens / summary.seconds) : 0;
  await writeFileAtomic(join(opts.out, 'run.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/** A report is current when its input bytes, pipeline version, data and manifest row are unchanged. */
function isCurrent(path: string, bytes: Uint8Array, print: string): boolean {
  try {
    const old = JSON.parse(readFileSync(path, 'utf8')) as { status?: string; provenance?: { inputSha256?: string; fingerprint?: string } };
    return old.status !== 'failed' && old.provenance?.fingerprint === print && old.provenance.inputSha256 === createHash('sha256').update(bytes).digest('hex');
  } catch {
    return false;
  }
}

/** The report of a document that could not even be read: same schema, status "failed", the reason. */
function failedReport(entry: CorpusEntry): Record<string, unknown> {
  return {
    schema: REPORT_SCHEMA, id: entry.id, status: 'failed', error: entry.problem, outlet: entry.source.outlet, url: entry.source.url, manifest: entry.source.manifest ?? null,
    // The manifest's language as the language stage would read it ("Russian", "RU" → ru); anything else is und.
    language: (entry.source.language && normaliseLanguage(entry.source.language)) || 'und', text: null,
    metadata: { title: null, date: entry.source.date, dateline: null, agency: null, byline: null, truncated: false },
    body: null, removed: [], comments: [], stats: null, sentiment: null, entities: [], frames: null, rhetoric: null,
    diagnostics: [{ severity: 'error', ...entry.problem }], provenance: null,
  };
}
