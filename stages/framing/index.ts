import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stageDataPath } from '../../pipeline/data-file.js';
import { loadLexicons } from '../../pipeline/lexicon/load.js';
import { Matcher } from '../../pipeline/lexicon/matcher.js';
import type { Stage } from '../../pipeline/stage.js';
import { lexiconHits } from './hits.js';

/** The shipped lexicon files of a stage, in a stable order. */
export function shippedLexicons(stage: string): string[] {
  const dir = stageDataPath(stage, 'lexicon');
  return readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));
}

/** The attribution-cue matcher shared by the framing and rhetoric stages. */
export function attributionCues(): { matcher: Matcher; files: string[] } {
  const file = stageDataPath('framing', 'attribution.yaml');
  return { matcher: new Matcher(loadLexicons([file]).entries), files: [file] };
}

/** Options of the framing stage: extra lexicon files given with --lexicon. */
export interface FramingOptions {
  lexicons?: string[];
}

/** The framing stage: narrative and counter-frame hits with voice, negation and inName. */
export function createFraming(opts: FramingOptions = {}): Stage<'framing'> {
  const lex = loadLexicons([...shippedLexicons('framing'), ...(opts.lexicons ?? [])], (f) => f === 'narrative' || f === 'counter-frame');
  const matcher = new Matcher(lex.entries);
  const cues = attributionCues();
  return {
    name: 'framing',
    requires: ['text', 'segment', 'tokens', 'entities'],
    assigns: 'framing',
    data: [...lex.versions, ...loadLexicons(cues.files).versions],
    run: (doc) => ({ hits: lexiconHits(doc, matcher, cues.matcher) }),
  };
}
