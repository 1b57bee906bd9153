import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import pLimit from 'p-limit';
import writeFileAtomic from 'write-file-atomic';
import { loadLexicons } from './matcher/load.js';
import type { TablesSummary } from './products/tables.js';
import { CorpusProducts, frameList } from './products/write.js';
import { digestOf, DIGEST_VERSION, type Digest } from './products/digest.js';
import type { RawReport } from './products/html-document.js';
import { MAX_ANNOTATED, viewOf } from './products/html-report.js';
import type { RenderedRows } from './products/tables.js';
import { DigestReader, DigestWriter, readIndex, writeIndex, type IndexEntry } from './run-index.js';
import { InOrder } from './in-order.js';
import type { DataVersion } from './stage.js';
import { readCorpus, type CorpusEntry } from './corpus.js';
import { dataVersions, fingerprint, REPEATED_LINES_FILE, type PipelineOptions } from './provenance.js';
import { prepareOutput } from './output-dir.js';
import { Pool, WorkerLost } from './pool.js';
import { countRepeatedLines } from './repetition.js';
import { reportFileName } from './report-files.js';
import { DEFAULT_TIMEOUT_SECONDS, serialize, type Done, type Task } from './task.js';

export { DEFAULT_TIMEOUT_SECONDS };
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
  reuse?: { passages: number; syndication: number; similarAboveThreshold: number; threshold: number; sample?: string } | null;
  tokens: number;
  seconds: number;
  /** Peak resident memory of the process and its worker threads, in MB. */
  peakRssMb?: number;
  /** Wall-clock seconds of each part of the run: listing and the repeated-line pass, the documents, the corpus products. */
  phases: { prepare: number; documents: number; products: number };
  tokensPerSecond: number;
  workers: number;
  pipeline: string;
  host: string;
  node: string;
  startedAt: string;
}

// Far above any article's needs (a 1 MB page peaks below 300 MB), far below the machine's memory.
const WORKER_HEAP_MB = 2048;

/** Runs the pipeline over a corpus folder; never throws for one bad document. */
export async function runCorpus(opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const since = (t: number) => Math.round((Date.now() - t) / 10) / 100;
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
  const io = pLimit(16);
  const repeated = await countRepeatedLines(opts.corpus, corpus.entries, io);
  await writeFileAtomic(join(opts.out, REPEATED_LINES_FILE), JSON.stringify(repeated.table, null, 2) + '\n');
  const previous = readIndex(opts.out);
  const existing = new Set(readdirSync(reportsDir));
  const plan = await planRun(opts, corpus.entries, repeated, data, previous.entries, existing, io);
  const productsKey = productsKeyOf(opts, data, plan);
  summary.phases.prepare = since(started);

  // Nothing changed since the last run, which finished its products: nothing to load, nothing to redo.
  const unchanged = plan.every((p) => p.current || p.entry.problem);
  if (unchanged && previous.header?.products === productsKey && previous.header.digest === DIGEST_VERSION && productsPresent(opts.out)) {
    for (const p of plan) {
      if (p.entry.problem) {
        summary.failed++;
        summary.failures.push({ id: p.entry.id, ...p.entry.problem });
      } else summary.skipped++;
      opts.onDocument?.(p.entry.id, p.entry.problem ? 'failed' : 'skipped');
    }
    summary.failures.sort((a, b) => byCodeUnit(a.id, b.id));
    const tables = previous.header.outputs?.tables;
    summary.tables = tables ? { dir: join(summary.out, 'tables'), ...tables } : null;
    summary.reuse = previous.header.outputs?.reuse ?? null;
    writeIndex(opts.out, previous.header, plan.map((p) => p.index).filter((x): x is IndexEntry => !!x));
    return finishSummary(opts, summary, started);
  }

  const docsStarted = Date.now();
  const budget = { seconds: opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, heapMb: WORKER_HEAP_MB };
  const work = plan.filter((p) => !p.current).length;
  // Workers start only when a document needs them; a run of skips loads no model.
  let pool: Pool | null = null;
  let local: ((task: Task) => Done) | null = null;
  const processor = async (): Promise<(task: Task) => Promise<Done>> => {
    if (opts.workers > 0) {
      pool ??= new Pool(Math.min(opts.workers, Math.max(1, work)), { lexicons: opts.lexicons }, budget);
      return (t) => pool!.run(t);
    }
    local ??= (await import('./process.js')).createProcessor({ lexicons: opts.lexicons });
    return (t) => Promise.resolve(local!(t));
  };
  // Rename keeps every report whole; per-file fsync would triple the run time for no extra safety
  // here, since a report lost to a power cut fails to parse, counts as stale and is redone.
  const write = (id: string, json: string) => writeFileAtomic(join(reportsDir, reportFileName(id)), json, { fsync: false });

  const frames = frameList(opts.lexicons);
  const products = new CorpusProducts(opts.out, frames, plan.filter((p) => !p.entry.problem).length);
  const rateIds = frames.map((f) => f.id);
  const saved = new DigestReader(opts.out);
  const digests = new DigestWriter(opts.out);
  // Documents finish in any order; the products take them in id order, so they never depend on timing.
  const ordered = new InOrder<Finished>(async (f) => {
    if (f.unnamed) return;
    let line = f.digest;
    if (line === null && previous.header?.digest === DIGEST_VERSION) line = saved.take(f.id);
    const report = () => readReport(join(reportsDir, reportFileName(f.id)));
    if (line === null) {
      // No saved digest (an index of another version, or a run stopped before writing one): from the report.
      const r = report();
      line = r ? JSON.stringify(digestOf(r, rateIds)) : null;
    }
    if (line === null) return;
    digests.write(line);
    const digest = JSON.parse(line) as Digest;
    // The view the worker rendered, else (a document skipped as current) one from its report.
    const view = () => {
      if (f.view) return f.view;
      const r = report();
      return r ? viewOf(r, digest.summary) : null;
    };
    await products.add(digest, view, f.csv);
  });

  const one = async (p: Planned): Promise<void> => {
    const entry = p.entry;
    if (p.current) {
      summary.skipped++;
      opts.onDocument?.(entry.id, 'skipped');
      return ordered.put(p.position, { id: entry.id, digest: null });
    }
    let done: Done;
    if (entry.problem) {
      const report = failedReport(entry, (await import('../stages/language/index.js')).normaliseLanguage);
      done = { id: entry.id, status: 'failed', reason: entry.problem, json: serialize(report), digest: JSON.stringify(digestOf(report, rateIds)), tokens: 0, warnings: [] };
    } else {
      let bytes: Uint8Array;
      try {
        bytes = await io(() => Promise.resolve(readFileSync(join(opts.corpus, entry.source.path))));
      } catch (err) {
        entry.problem = { code: 'input/unreadable', message: `cannot read ${entry.source.path}: ${(err as Error).message}` };
        return one(p);
      }
      try {
        // Workers write the report themselves; the first documents with a text bring report.html's annotated view.
        done = await (await processor())({ id: entry.id, source: entry.source, bytes, reportPath: opts.workers > 0 ? join(reportsDir, reportFileName(entry.id)) : undefined, view: p.rank < MAX_ANNOTATED });
      } catch (err) {
        entry.problem = err instanceof WorkerLost ? { code: err.code, message: err.message } : { code: 'pipeline/worker-crash', message: `the worker processing this document died: ${(err as Error).message}` };
        return one(p);
      }
      p.index = { id: entry.id, sha256: p.sha256!, fingerprint: p.fingerprint!, status: done.status };
    }
    // An id that cannot name a file inside reports/ gets no report: its failure is in run.json only.
    const named = done.reason?.code !== 'input/bad-id';
    if (named && !done.written) await io(() => write(entry.id, done.json));
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
    await ordered.put(p.position, { id: entry.id, digest: named ? done.digest : null, unnamed: !named, view: done.view ?? null, csv: done.csv });
  };
  // A few documents per worker are in flight: enough to keep every worker busy, few enough that
  // memory does not grow with the corpus.
  const slots = pLimit(Math.max(4, 4 * opts.workers));
  try {
    await Promise.all(plan.map((p) => slots(() => one(p))));
  } catch (err) {
    digests.abort();
    await products.abort();
    throw err;
  } finally {
    await (pool as Pool | null)?.close();
  }
  for (const k of ['failures', 'partials', 'warnings'] as const) (summary[k] as Array<{ id: string }>).sort((a, b) => byCodeUnit(a.id, b.id));
  summary.phases.documents = since(docsStarted);
  const productsStarted = Date.now();
  await products.finish(summary);
  digests.commit();
  const finished = plan.map((p) => p.index).filter((x): x is IndexEntry => !!x);
  // The products' key is kept only when every product was written: otherwise the next run makes them again.
  writeIndex(opts.out, { index: 1, digest: DIGEST_VERSION, products: summary.productErrors.length ? null : productsKey, outputs: { tables: summary.tables && { documents: summary.tables.documents, hits: summary.tables.hits, mentions: summary.tables.mentions, comments: summary.tables.comments }, reuse: summary.reuse ?? null } }, finished);
  summary.phases.products = since(productsStarted);
  return finishSummary(opts, summary, started);
}

async function finishSummary(opts: RunOptions, summary: RunSummary, started: number): Promise<RunSummary> {
  summary.seconds = Math.round((Date.now() - started) / 10) / 100;
  summary.tokensPerSecond = summary.seconds ? Math.round(summary.tokens / summary.seconds) : 0;
  summary.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await writeFileAtomic(join(opts.out, 'run.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/** A document as the products take it: its digest line, or null to take it from the saved digests or its report. */
interface Finished {
  id: string;
  digest: string | null;
  view?: string | null;
  csv?: RenderedRows;
  /** No report file (an id that cannot name one): the products leave it out. */
  unnamed?: boolean;
}

/** What the run decided for one document before any is processed. */
interface Planned {
  entry: CorpusEntry;
  position: number;
  /** How many documents with an input come before this one: the first MAX_ANNOTATED get an annotated view. */
  rank: number;
  current: boolean;
  sha256?: string;
  fingerprint?: string;
  /** The line this document gets in the next index (absent for documents without a readable input). */
  index?: IndexEntry;
}

/**
 * Decides which documents are current: their input hash and fingerprint match the previous run's
 * index and their report is there. A document the index does not know (the previous run stopped
 * before writing it) is checked against its report, as before there was an index.
 */
async function planRun(opts: RunOptions, entries: CorpusEntry[], repeated: Awaited<ReturnType<typeof countRepeatedLines>>, data: DataVersion[], previous: Map<string, IndexEntry>, existing: Set<string>, io: ReturnType<typeof pLimit>): Promise<Planned[]> {
  const ranks: number[] = [];
  let rank = 0;
  for (const e of entries) ranks.push(e.problem ? rank : rank++);
  return Promise.all(
    entries.map((entry, position) =>
      io(async (): Promise<Planned> => {
        const rank = ranks[position]!;
        if (entry.problem) return { entry, position, rank, current: false };
        let bytes: Uint8Array;
        try {
          bytes = await readFile(join(opts.corpus, entry.source.path));
        } catch {
          return { entry, position, rank, current: false }; // read again when processed, which reports why it cannot be
        }
        const template = repeated.of(entry, bytes);
        entry.source.repeated = template.lines;
        entry.source.template = template.input;
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const print = fingerprint(data, entry.source);
        const file = reportFileName(entry.id);
        const before = previous.get(entry.id);
        let current = false;
        if (!opts.force && existing.has(file)) {
          current = before ? before.sha256 === sha256 && before.fingerprint === print && before.status !== 'failed' : isCurrent(join(opts.out, 'reports', file), sha256, print);
        }
        return { entry, position, rank, current, sha256, fingerprint: print, index: current ? { id: entry.id, sha256, fingerprint: print, status: before?.status ?? 'ok' } : undefined };
      }),
    ),
  );
}

/** Everything the products are made from: when it is unchanged, so are they. */
function productsKeyOf(opts: RunOptions, data: DataVersion[], plan: Planned[]): string {
  const h = createHash('sha256').update(JSON.stringify([PIPELINE_VERSION, DIGEST_VERSION, basename(resolve(opts.corpus)), data]));
  for (const p of plan) h.update(`\n${p.entry.id}\t${p.sha256 ?? ''}\t${p.fingerprint ?? ''}\t${p.entry.problem?.code ?? ''}`);
  return h.digest('hex');
}

function productsPresent(out: string): boolean {
  return ['report.html', 'tables/documents.csv', 'tables/frame_hits.csv', 'tables/datapackage.json'].every((f) => existsSync(join(out, f)));
}

function readReport(path: string): RawReport | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RawReport;
  } catch {
    return null;
  }
}

/** A report is current when its input bytes, pipeline version, data and manifest row are unchanged. */
function isCurrent(path: string, sha256: string, print: string): boolean {
  try {
    const old = JSON.parse(readFileSync(path, 'utf8')) as { status?: string; provenance?: { inputSha256?: string; fingerprint?: string } };
    return old.status !== 'failed' && old.provenance?.fingerprint === print && old.provenance.inputSha256 === sha256;
  } catch {
    return false;
  }
}

/** The report of a document that could not even be read: same schema, status "failed", the reason. */
function failedReport(entry: CorpusEntry, normaliseLanguage: (s: string) => string | null): Record<string, unknown> {
  return {
    schema: REPORT_SCHEMA, id: entry.id, status: 'failed', error: entry.problem, outlet: entry.source.outlet, url: entry.source.url, manifest: entry.source.manifest ?? null,
    // The manifest's language as the language stage would read it ("Russian", "RU" → ru); anything else is und.
    language: (entry.source.language && normaliseLanguage(entry.source.language)) || 'und', text: null,
    metadata: { title: null, date: entry.source.date, dateline: null, agency: null, byline: null, truncated: false },
    body: null, removed: [], comments: [], stats: null, sentiment: null, entities: [], frames: null, rhetoric: null,
    diagnostics: [{ severity: 'error', ...entry.problem }], provenance: null,
  };
}
