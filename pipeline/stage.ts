import type { Diagnostic, Doc, Slot } from './document.js';

/** What a stage may do besides returning its slot: report diagnostics, or end the document's run early. */
export interface StageContext {
  report(d: Diagnostic): void;
  /** Later stages are skipped (e.g. a non-English text); the report says why. */
  skipRest(code: string, message: string): void;
}

/**
 * A configured pipeline component (the spaCy/unified "attacher" shape): built once with its
 * data loaded, then `run` is called per document and returns only the value of its own slot.
 */
export interface Stage<S extends Slot = Slot> {
  name: string;
  requires: Slot[];
  assigns: S;
  run(doc: Readonly<Doc>, ctx: StageContext): NonNullable<Doc[S]>;
}

/** A versioned data file a stage depends on (lexicon, gazetteer, vocabulary); listed by order.ts. */
export interface DataVersion {
  file: string;
  version: string;
  sha256: string;
}

/** A failure that ends one document with a stable code; the batch goes on. */
export class DocumentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
