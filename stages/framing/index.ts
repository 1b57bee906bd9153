import { join } from 'node:path';
import { shippedLexicons, stageDataPath } from '../../pipeline/data-file.js';
import { loadLexicons } from '../../pipeline/matcher/load.js';
import { Matcher } from '../../pipeline/matcher/matcher.js';
import type { Doc } from '../../pipeline/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { lexiconHits } from './hits.js';
import { settleConditions } from './conditions.js';
import { canonicalSlotNames } from './entity-slots.js';

export { shippedLexicons };

/** The attribution-cue matcher shared by the framing and rhetoric stages. */
export function attributionCues(): { matcher: Matcher; files: string[] } {
  const file = stageDataPath('framing', 'attribution.yaml');
  return { matcher: new Matcher(loadLexicons([file]).entries), files: [file] };
}

/** Options of the lexicon stages: extra lexicon files given with --lexicon. */
export interface FramingOptions {
  lexicons?: string[];
}

/**
 * A stage that matches one set of lexicon families over the document (framing and rhetoric differ
 * only in which shipped folder and which families they take).
 */
export function lexiconStage<S extends 'framing' | 'rhetoric'>(assigns: S, folder: string, accept: (family: string) => boolean, opts: FramingOptions): Stage<S> {
  const lex = loadLexicons([...shippedLexicons(folder), ...(opts.lexicons ?? [])], accept);
  canonicalSlotNames(lex.entries);
  const matcher = new Matcher(lex.entries);
  const cues = attributionCues();
  return {
    name: assigns,
    requires: ['text', 'segment', 'tokens', 'entities'],
    assigns,
    run: (doc) => settleConditions(lexiconHits(doc, matcher, cues.matcher, assigns === 'framing' ? 'frames' : 'per-id'), publicationDay(doc)) as NonNullable<Doc[S]>,
  };
}

/** The manifest's date, else the page's own, as YYYY-MM-DD; null when neither gives a day. */
function publicationDay(doc: Readonly<Doc>): string | null {
  const d = doc.source.date ?? doc.segment?.metadata.date ?? null;
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}

/** The framing stage: narrative and counter-frame hits with voice, negation and inName. */
export function createFraming(opts: FramingOptions = {}): Stage<'framing'> {
  return lexiconStage('framing', 'framing', (f) => f === 'narrative' || f === 'counter-frame', opts);
}
