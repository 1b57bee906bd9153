import { Worker } from 'node:worker_threads';
import { basename, join } from 'node:path';
import { shippedLexicons } from '../../stages/framing/index.js';
import { compare, type Comparison } from './compare.js';
import { writeComparison } from './compare-output.js';
import { writeHtmlReport } from './html-report.js';
import { loadLexicons } from '../matcher/load.js';
import type { ReuseDigest, ReuseJob } from './reuse-job.js';
import { writeTables, type TablesSummary } from './tables.js';

/** What a run summary records of the corpus-level outputs. */
export interface ProductSummary {
  corpus: string;
  tables: TablesSummary | null;
  productErrors: string[];
  reuse?: { passages: number; syndication: number; similarAboveThreshold: number; threshold: number } | null;
}

// Reuse alignment keeps every body in memory (about 1 MB per 1,000 documents of words and offsets,
// plus the pair table); beyond this a run reports that it skipped it instead of running out of memory.
const REUSE_MAX_DOCUMENTS = 20_000;

/** Frame and marker ids in lexicon order (narratives, counter-frames, rhetoric, then the user's), with their family. */
export function frameList(lexicons: string[]): Array<{ id: string; family: string }> {
  const lex = loadLexicons([...shippedLexicons('framing'), ...shippedLexicons('rhetoric'), ...lexicons], (f) => f !== 'cue');
  return [...lex.frames.values()].map((f) => ({ id: f.id, family: f.family }));
}

/**
 * After the documents: the corpus tables, the comparison by outlet, text reuse and syndication, and
 * report.html, all from the reports on disk (documents skipped as current count too). Reuse runs in
 * a worker thread beside the tables and the comparison. A failure is recorded in the summary and
 * never touches the reports.
 */
export async function writeCorpusProducts(opts: { out: string; lexicons: string[] }, ids: string[], summary: ProductSummary & { failures?: Array<{ id: string }> }): Promise<void> {
  const reportsDir = join(opts.out, 'reports');
  const frames = frameList(opts.lexicons);
  // Only documents with text take memory in the alignment: a batch's failed documents (a manifest
  // of 50,000 rows without files) do not count against the limit.
  const withText = ids.length - (summary.failures?.length ?? 0);
  const reuse = withText > REUSE_MAX_DOCUMENTS
    ? Promise.reject(new Error(`skipped for ${withText} documents with text (more than ${REUSE_MAX_DOCUMENTS}); run it on a sub-corpus, e.g. one month`))
    : reuseInWorker({ out: opts.out, ids });
  reuse.catch(() => {}); // handled below, after the main-thread work
  try {
    summary.tables = await writeTables(opts.out, frames.map((f) => f.id), ids);
  } catch (err) {
    summary.productErrors.push(`tables: ${(err as Error).message}`);
  }
  let comparison: Comparison | null = null;
  try {
    comparison = compare(reportsDir, 'outlet', { ids });
    writeComparison(join(opts.out, 'tables'), comparison);
  } catch (err) {
    summary.productErrors.push(`comparison by outlet: ${(err as Error).message}`);
  }
  let digest: ReuseDigest | null = null;
  try {
    digest = await reuse;
    summary.reuse = { passages: digest.passages, syndication: digest.syndicationLinks, similarAboveThreshold: digest.similarAboveThreshold, threshold: digest.threshold };
  } catch (err) {
    summary.productErrors.push(`text reuse: ${(err as Error).message}`);
  }
  try {
    await writeHtmlReport(
      {
        // The folder's name, not its path: the page is the same wherever the corpus is read from.
        title: `framescope: ${ids.length} document(s) from ${basename(summary.corpus)}`,
        frames,
        groups: (comparison?.groups ?? []).map((g) => ({
          key: g.key,
          documents: g.documents,
          rates: Object.fromEntries(
            comparison!.rates
              .filter((r) => r.group === g.key)
              .map((r) => [r.frame, { mean: r.authorialRate, lo: r.authorialLo, hi: r.authorialHi, all: r.rate, attributed: r.attributedRate, quoted: r.quotedRate, scareQuoted: r.scareQuotedRate, negated: r.negated, distanced: r.distanced }]),
          ),
        })),
        distinctive: (comparison?.groups ?? []).map((g) => ({ group: g.key, terms: comparison!.distinctive.filter((d) => d.group === g.key && d.kind === 'term').slice(0, 12).map((d) => ({ term: d.term, z: d.z })) })),
        passages: digest?.longestPassages ?? [],
        syndication: digest?.syndication ?? [],
        similar: digest?.closestPairs ?? [],
        reportsDir,
        ids,
      },
      join(opts.out, 'report.html'),
    );
  } catch (err) {
    summary.productErrors.push(`report.html: ${(err as Error).message}`);
  }
}

async function reuseInWorker(job: ReuseJob): Promise<ReuseDigest> {
  // Run from TypeScript sources (the tests) there is no compiled worker file: work in this thread.
  if (!import.meta.url.endsWith('.js')) return (await import('./reuse-job.js')).runReuseJob(job);
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./reuse-job.js', import.meta.url), { workerData: { reuseJob: job }, execArgv: [] });
    w.once('message', (m: { ok: boolean; digest?: ReuseDigest; error?: string }) => {
      void w.terminate();
      if (m.ok) resolve(m.digest!);
      else reject(new Error(m.error));
    });
    w.once('error', reject);
    // A worker that dies without a word (out of memory) must not leave the run waiting forever.
    w.once('exit', (code) => reject(new Error(`the reuse worker stopped (exit code ${code}) before it finished`)));
  });
}
