import { reportFileName } from '../report-files.js';
import { compareInput, type CompareInput, type CompareReport } from './compare.js';
import { summarise, type DocSummary, type RawReport } from './html-document.js';
import { tableRows, type Report as TableReport, type TableRows } from './tables.js';
import { reuseInput, type RawReport as ReuseReport, type ReuseInput } from './reuse.js';

/**
 * What the corpus products need of one document, made from its report where the report is made (in
 * the worker), so the products are fed as documents finish and never read the reports again. Saved
 * one per line in the run's digest store, so a re-run feeds unchanged documents from there.
 */
export interface Digest {
  id: string;
  summary: DocSummary;
  compare: CompareInput;
  tables: TableRows;
  reuse: ReuseInput | null;
}

/** Bumped whenever `Digest` changes shape: digests saved by another version are made again from the reports. */
export const DIGEST_VERSION = 2;

/** The digest of a report. `rateIds` are the frame and marker ids whose rates are documents.csv columns. */
export function digestOf(report: unknown, rateIds: string[]): Digest {
  const id = (report as { id: string }).id;
  return { id, summary: summarise(report as RawReport, reportFileName(id)), compare: compareInput(report as CompareReport), tables: tableRows(report as TableReport, rateIds), reuse: reuseInput(report as ReuseReport) };
}
