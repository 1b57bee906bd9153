import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { shippedLexicons } from '../data-file.js';
import { CompareAccumulator, type Comparison } from './compare.js';
import { writeComparison } from './compare-output.js';
import type { Digest } from './digest.js';
import { HtmlReportAccumulator } from './html-report.js';
import { loadLexicons } from '../matcher/load.js';
import { writeReuse, type ReuseDigest } from './reuse-tables.js';
import { ReuseAccumulator } from './reuse.js';
import { TablesAccumulator, type RenderedRows, type TablesSummary } from './tables.js';

/** What a run summary records of the corpus-level outputs. */
export interface ProductSummary {
  corpus: string;
  tables: TablesSummary | null;
  productErrors: string[];
  reuse?: { passages: number; syndication: number; similarAboveThreshold: number; threshold: number; sample?: string } | null;
}

/**
 * Text reuse is the one product whose memory grows with the corpus: it keeps every compared
 * document's words (12 bytes a word) and text until the end, when all pairs are compared. Past
 * this many documents it compares a sample: the documents whose id hashes into the first
 * REUSE_MAX_DOCUMENTS / n of the hash range, the same whatever the order or the worker count, and
 * the run summary says so. 20,000 news articles hold about 300 MB.
 */
export const REUSE_MAX_DOCUMENTS = 20_000;

/** Whether a document is in the reuse sample of a corpus of `documents`. */
export function inReuseSample(id: string, documents: number): boolean {
  if (documents <= REUSE_MAX_DOCUMENTS) return true;
  return createHash('sha256').update(id).digest().readUInt32BE(0) < (REUSE_MAX_DOCUMENTS / documents) * 2 ** 32;
}

/** Frame and marker ids in lexicon order (narratives, counter-frames, rhetoric, then the user's), with their family. */
export function frameList(lexicons: string[]): Array<{ id: string; family: string }> {
  const lex = loadLexicons([...shippedLexicons('framing'), ...shippedLexicons('rhetoric'), ...lexicons], (f) => f !== 'cue');
  return [...lex.frames.values()].map((f) => ({ id: f.id, family: f.family }));
}

/**
 * The corpus products of a run, fed one digest at a time in id order as documents finish (or, for
 * documents unchanged since the last run, from its digest store): the tables stream their rows,
 * the comparison by outlet keeps its sums, report.html spools its list and annotated views. `finish`
 * writes what needs the whole corpus. A product that fails is recorded in the summary and dropped;
 * the others and the reports are untouched.
 */
export class CorpusProducts {
  private tables: TablesAccumulator | null = null;
  private comparison = new CompareAccumulator('outlet');
  private page: HtmlReportAccumulator | null = null;
  private reuse: ReuseAccumulator | null = new ReuseAccumulator();
  private documents = 0;
  private withText = 0;
  private errors: string[] = [];

  /** `expected`: how many documents the run has, which sets the reuse sample before the first arrives. */
  constructor(
    private out: string,
    private frames: Array<{ id: string; family: string }>,
    private expected: number,
  ) {
    this.guard('tables', () => (this.tables = new TablesAccumulator(out, frames.map((f) => f.id))));
    this.guard('report.html', () => (this.page = new HtmlReportAccumulator(join(out, 'report.html'))));
  }

  private guard(what: string, f: () => unknown): void {
    try {
      f();
    } catch (err) {
      this.errors.push(`${what}: ${(err as Error).message}`);
    }
  }

  /**
   * One document. `view` gives its annotated view (rendered by the worker, or from its report),
   * asked for only if report.html shows it; `csv` its table rows as the worker rendered them.
   */
  async add(d: Digest, view: () => string | null | Promise<string | null>, csv?: RenderedRows): Promise<void> {
    this.documents++;
    if (d.compare.words !== null) this.withText++;
    if (this.reuse && d.reuse && inReuseSample(d.id, this.expected)) {
      try {
        this.reuse.add(d.id, d.reuse);
      } catch (err) {
        this.errors.push(`text reuse: ${(err as Error).message}`);
        this.reuse = null;
      }
    }
    if (this.tables) {
      try {
        await this.tables.add(d.tables, csv);
      } catch (err) {
        this.errors.push(`tables: ${(err as Error).message}`);
        this.tables.abort();
        this.tables = null;
      }
    }
    this.comparison.add(d.compare);
    if (this.page) {
      try {
        await this.page.add(d.summary, view);
      } catch (err) {
        this.errors.push(`report.html: ${(err as Error).message}`);
        await this.page.abort();
        this.page = null;
      }
    }
  }

  /** Writes the products that need the whole corpus. */
  async finish(summary: ProductSummary): Promise<void> {
    summary.productErrors.push(...this.errors);
    if (this.tables) {
      try {
        summary.tables = await this.tables.close();
      } catch (err) {
        this.tables.abort();
        summary.productErrors.push(`tables: ${(err as Error).message}`);
      }
    }
    let comparison: Comparison | null = null;
    try {
      comparison = this.comparison.result();
      writeComparison(join(this.out, 'tables'), comparison);
      await writeFileAtomic(join(this.out, 'index', 'comparison-outlet.json'), JSON.stringify(this.comparison.toJSON()) + '\n');
    } catch (err) {
      summary.productErrors.push(`comparison by outlet: ${(err as Error).message}`);
    }
    let digest: ReuseDigest | null = null;
    if (this.reuse) {
      try {
        digest = writeReuse(this.out, this.reuse);
        const sample = this.expected > REUSE_MAX_DOCUMENTS ? `${this.reuse.size} of ${this.withText} documents with text, sampled by a hash of the id (more than ${REUSE_MAX_DOCUMENTS}); run it on a sub-corpus, e.g. one month, for every pair` : undefined;
        summary.reuse = { passages: digest.passages, syndication: digest.syndicationLinks, similarAboveThreshold: digest.similarAboveThreshold, threshold: digest.threshold, ...(sample ? { sample } : {}) };
      } catch (err) {
        summary.productErrors.push(`text reuse: ${(err as Error).message}`);
      }
      this.reuse = null; // its memory goes before the page is written
    }
    if (!this.page) return;
    try {
      await this.page.finish({
        // The folder's name, not its path: the page is the same wherever the corpus is read from.
        title: `framescope: ${this.documents} document(s) from ${basename(summary.corpus)}`,
        frames: this.frames,
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
      });
    } catch (err) {
      summary.productErrors.push(`report.html: ${(err as Error).message}`);
    }
  }

  /** The run stopped before its end: the temporary files go, the previous products stay. */
  async abort(): Promise<void> {
    this.tables?.abort();
    await this.page?.abort();
  }
}
