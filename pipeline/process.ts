import type { Doc, SourceInfo } from './document.js';
import { buildStages, type PipelineOptions } from './order.js';
import { runStages } from './runner.js';

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
  tokens: number;
  warnings: string[];
}

/** Serializes a report the same way everywhere, so reports are byte-identical across runs. */
export function serialize(report: unknown): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Builds the stages once and returns the per-document function (used in workers and in-process). */
export function createProcessor(opts: PipelineOptions): (task: Task) => Done {
  const { stages, report } = buildStages(opts);
  return (task) => {
    const doc: Doc = { id: task.id, source: task.source, bytes: task.bytes, diagnostics: [] };
    const outcome = runStages(stages, doc, [report]);
    return {
      id: task.id,
      status: outcome.status,
      reason: outcome.reason,
      json: serialize(doc.report),
      tokens: doc.tokens?.stats.tokens ?? 0,
      warnings: doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code),
    };
  };
}
