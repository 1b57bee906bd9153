import type { SourceInfo } from './document.js';

/** One document to process: what the main thread read from disk and the manifest. */
export interface Task {
  id: string;
  source: SourceInfo;
  bytes: Uint8Array;
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
}

/** Serializes a report the same way everywhere, so reports are byte-identical across runs. */
export function serialize(report: unknown): string {
  return JSON.stringify(report, null, 2) + '\n';
}

// A news article takes milliseconds; a document still running after this is stuck in a pathological
// case, and stopping it lets the batch go on. In-thread runs (--workers 0) cannot be interrupted.
export const DEFAULT_TIMEOUT_SECONDS = 120;
