import type { Diagnostic, Doc, Slot } from './document.js';
import { DocumentError, type Stage } from './stage.js';

/** Slots that exist before any stage runs. */
const GIVEN: ReadonlySet<string> = new Set(['id', 'source', 'bytes', 'diagnostics']);

/** Outcome of running the stages over one document. */
export interface RunOutcome {
  status: 'ok' | 'partial' | 'failed';
  /** The code and message that failed or cut short the document. */
  reason: { code: string; message: string } | null;
}

/**
 * Checks at start-up that every stage's requirements are assigned by an earlier stage and that
 * no two stages claim the same slot, so a mis-ordered pipeline fails before touching any file.
 */
export function checkOrder(stages: Stage[]): void {
  const assigned = new Set<string>(GIVEN);
  for (const s of stages) {
    for (const r of s.requires) {
      if (!assigned.has(r)) throw new Error(`[E001] stage "${s.name}" requires "${r}", which no earlier stage assigns`);
    }
    if (assigned.has(s.assigns)) throw new Error(`[E002] stage "${s.name}" assigns "${s.assigns}", already assigned earlier`);
    assigned.add(s.assigns);
  }
}

/**
 * Runs the stages in order over one document. Each stage sees a frozen document, so a stage that
 * tries to write outside its own slot throws instead of silently changing another stage's data.
 */
export function runStages(stages: Stage[], doc: Doc, always: Stage[] = []): RunOutcome {
  let outcome: RunOutcome = { status: 'ok', reason: null };
  const report = (d: Diagnostic) => doc.diagnostics.push(d);
  let skipped: { code: string; message: string } | null = null;
  const ctx = {
    report,
    skipRest(code: string, message: string) {
      skipped = { code, message };
    },
  };
  for (const stage of stages) {
    try {
      const value = stage.run(Object.freeze({ ...doc }), ctx);
      (doc as unknown as Record<Slot, unknown>)[stage.assigns] = value;
    } catch (err) {
      const code = err instanceof DocumentError ? err.code : `${stage.name}/crash`;
      const message = err instanceof Error ? err.message : String(err);
      report({ severity: 'error', code, message });
      outcome = { status: 'failed', reason: { code, message } };
      break;
    }
    if (skipped) {
      report({ severity: 'warning', ...(skipped as { code: string; message: string }) });
      outcome = { status: 'partial', reason: skipped };
      break;
    }
  }
  doc.outcome = outcome;
  // Stages such as the report builder run whatever happened, so a failure is still written down.
  for (const stage of always) {
    (doc as unknown as Record<Slot, unknown>)[stage.assigns] = stage.run(Object.freeze({ ...doc }), ctx);
  }
  return outcome;
}
