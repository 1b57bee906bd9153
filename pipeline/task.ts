import type { SourceInfo } from './document.js';
import type { RenderedRows } from './products/tables.js';

/** One document to process: what the main thread read from disk and the manifest. */
export interface Task {
  id: string;
  source: SourceInfo;
  bytes: Uint8Array;
  /** Where a worker writes the report itself (so the main thread never handles it); absent in-thread. */
  reportPath?: string;
  /** Whether report.html will show this document annotated: the worker renders the view. */
  view?: boolean;
}

/** A processed document: its serialized report and the figures the run summary adds up. */
export interface Done {
  id: string;
  status: 'ok' | 'partial' | 'failed';
  reason: { code: string; message: string } | null;
  json: string;
  /** The report's digest for the corpus products, as one JSON line (see products/digest.ts). */
  digest: string;
  tokens: number;
  warnings: string[];
  /** The report is on disk already (written by the worker); `json` is then empty. */
  written?: boolean;
  /** The document's annotated view for report.html, when the task asked for it. */
  view?: string | null;
  /** The document's table rows as CSV lines. */
  csv?: RenderedRows;
}

/** Serializes a report the same way everywhere, so reports are byte-identical across runs. */
export function serialize(report: unknown): string {
  return JSON.stringify(report, null, 2) + '\n';
}

// A news article takes milliseconds; a document still running after this is stuck in a pathological
// case, and stopping it lets the batch go on. In-thread runs (--workers 0) cannot be interrupted.
export const DEFAULT_TIMEOUT_SECONDS = 120;
