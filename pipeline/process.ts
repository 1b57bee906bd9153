import type { Doc } from './document.js';
import { serialize, type Done, type Task } from './task.js';

export { serialize, type Done, type Task };
import { buildStages, type PipelineOptions } from './order.js';
import { runStages } from './runner.js';
import { digestOf } from './products/digest.js';
import { frameList } from './products/write.js';
import { renderRows } from './products/tables.js';
import { viewOf } from './products/html-report.js';
import type { RawReport } from './products/html-document.js';

/** Builds the stages once and returns the per-document function (used in workers and in-process). */
export function createProcessor(opts: PipelineOptions): (task: Task) => Done {
  const { stages, report } = buildStages(opts);
  const rateIds = frameList(opts.lexicons).map((f) => f.id);
  return (task) => {
    const doc: Doc = { id: task.id, source: task.source, bytes: task.bytes, diagnostics: [] };
    const outcome = runStages(stages, doc, [report]);
    const digest = digestOf(doc.report, rateIds);
    return {
      id: task.id,
      status: outcome.status,
      reason: outcome.reason,
      json: serialize(doc.report),
      digest: JSON.stringify(digest),
      csv: renderRows(digest.tables, rateIds),
      view: task.view ? viewOf(doc.report as RawReport, digest.summary) : null,
      tokens: doc.tokens?.stats.tokens ?? 0,
      warnings: doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code),
    };
  };
}
