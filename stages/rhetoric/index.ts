import { loadLexicons } from '../../pipeline/lexicon/load.js';
import { Matcher } from '../../pipeline/lexicon/matcher.js';
import type { Stage } from '../../pipeline/stage.js';
import { attributionCues, shippedLexicons, type FramingOptions } from '../framing/index.js';
import { lexiconHits } from '../framing/hits.js';

/** The rhetoric stage: marker hits (intensifiers, loaded language, …) from rhetoric-family lexicons. */
export function createRhetoric(opts: FramingOptions = {}): Stage<'rhetoric'> {
  const lex = loadLexicons([...shippedLexicons('rhetoric'), ...(opts.lexicons ?? [])], (f) => f === 'rhetoric');
  const matcher = new Matcher(lex.entries);
  const cues = attributionCues();
  return {
    name: 'rhetoric',
    requires: ['text', 'segment', 'tokens', 'entities'],
    assigns: 'rhetoric',
    data: lex.versions,
    run: (doc) => ({ hits: lexiconHits(doc, matcher, cues.matcher) }),
  };
}
