import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import { shippedLexicons } from '../stages/framing/index.js';
import { compare, writeComparison, type Comparison } from './compare.js';
import { writeHtmlReport } from './html-report.js';
import { loadLexicons } from './lexicon/load.js';
import { analyseReuse, type ReuseResult } from './reuse.js';

/** What a run summary records of the corpus-level outputs. */
interface ProductSummary {
  corpus: string;
  productErrors: string[];
  reuse?: { passages: number; syndication: number; similarAboveThreshold: number; threshold: number } | null;
}

// Pairs less similar than this are left out of the similarity table: on large corpora nearly every
// pair shares some word, and the table would grow with the square of the corpus.
const MIN_SIMILARITY = 0.2;
const SIMILAR_SHOWN = 30;
// Reuse alignment keeps every body in memory (about 1 MB per 1,000 documents of words and offsets,
// plus the pair table); beyond this a run reports that it skipped it instead of running out of memory.
const REUSE_MAX_DOCUMENTS = 20_000;

/**
 * After the documents: the comparison by outlet, text reuse and syndication, and report.html. Each
 * reads the reports on disk; a failure is recorded in the summary and never touches the reports.
 */
export async function writeCorpusProducts(opts: { out: string; lexicons: string[] }, ids: string[], summary: ProductSummary): Promise<void> {
  const reportsDir = join(opts.out, 'reports');
  const tables = join(opts.out, 'tables');
  let comparison: Comparison | null = null;
  let reuse: ReuseResult | null = null;
  try {
    comparison = compare(reportsDir, 'outlet', { ids });
    writeComparison(tables, comparison);
  } catch (err) {
    summary.productErrors.push(`comparison by outlet: ${(err as Error).message}`);
  }
  try {
    if (ids.length > REUSE_MAX_DOCUMENTS) throw new Error(`skipped for ${ids.length} documents (more than ${REUSE_MAX_DOCUMENTS}); run it on a sub-corpus, e.g. one month`);
    reuse = analyseReuse(reportsDir, { ids, minSimilarity: MIN_SIMILARITY });
    writeReuseTables(tables, reuse);
    summary.reuse = { passages: reuse.passages.length, syndication: reuse.syndication.length, similarAboveThreshold: reuse.similar.filter((p) => p.aboveThreshold).length, threshold: reuse.threshold };
  } catch (err) {
    summary.productErrors.push(`text reuse: ${(err as Error).message}`);
  }
  try {
    const lex = loadLexicons([...shippedLexicons('framing'), ...shippedLexicons('rhetoric'), ...opts.lexicons], (f) => f !== 'cue');
    await writeHtmlReport(
      {
        title: `framescope: ${ids.length} document(s) from ${summary.corpus}`,
        frames: [...lex.frames.values()].map((f) => ({ id: f.id, family: f.family })),
        groups: (comparison?.groups ?? []).map((g) => ({
          key: g.key,
          documents: g.documents,
          rates: Object.fromEntries(comparison!.rates.filter((r) => r.group === g.key).map((r) => [r.frame, { mean: r.rate, lo: r.lo, hi: r.hi }])),
        })),
        distinctive: (comparison?.groups ?? []).map((g) => ({ group: g.key, terms: comparison!.distinctive.filter((d) => d.group === g.key && d.kind === 'term').slice(0, 12).map((d) => ({ term: d.term, z: d.z })) })),
        passages: reuse?.passages ?? [],
        syndication: reuse?.syndication ?? [],
        similar: (reuse?.similar ?? []).slice(0, SIMILAR_SHOWN),
        reportsDir,
      },
      join(opts.out, 'report.html'),
    );
  } catch (err) {
    summary.productErrors.push(`report.html: ${(err as Error).message}`);
  }
}

/** Reuse as tables for notebooks: passages, declared syndication, and the similarity ranking. */
function writeReuseTables(dir: string, r: ReuseResult): void {
  writeFileAtomic.sync(join(dir, 'reuse_passages.csv'), stringify(r.passages, { header: true, columns: ['a', 'b', 'words', 'aStart', 'aEnd', 'bStart', 'bEnd', 'aText', 'bText'] }));
  writeFileAtomic.sync(join(dir, 'syndication.csv'), stringify(r.syndication.flatMap((s) => (s.agencyDocuments.length ? s.agencyDocuments : [null]).map((d) => ({ document: s.document, agency: s.agency, declaredIn: s.declaredIn, agencyDocument: d }))), { header: true, columns: ['document', 'agency', 'declaredIn', 'agencyDocument'] }));
  writeFileAtomic.sync(join(dir, 'similar_pairs.csv'), stringify(r.similar, { header: true, columns: ['a', 'b', 'similarity', 'aboveThreshold'] }));
}
