import type { Doc, Hit } from '../../pipeline/document.js';
import { loadLexicons } from '../../pipeline/lexicon/load.js';
import { Matcher, type Entry } from '../../pipeline/lexicon/matcher.js';
import type { Stage } from '../../pipeline/stage.js';
import { byCodeUnit } from '../../pipeline/sort.js';
import { attributionCues, shippedLexicons, type FramingOptions } from '../framing/index.js';
import { lexiconHits } from '../framing/hits.js';

/**
 * The rhetoric stage: marker hits (intensifiers, loaded language, …) from rhetoric-family lexicons.
 * Overlapping matches are resolved within one marker only: techniques overlap (a rhetorical
 * question may hold a loaded word), so a clause-long doubt or fear span must not swallow the
 * loaded-language or name-calling word inside it.
 */
export function createRhetoric(opts: FramingOptions = {}): Stage<'rhetoric'> {
  const lex = loadLexicons([...shippedLexicons('rhetoric'), ...(opts.lexicons ?? [])], (f) => f === 'rhetoric');
  const byMarker = new Map<string, Entry[]>();
  for (const e of lex.entries) (byMarker.get(e.id) ?? byMarker.set(e.id, []).get(e.id)!).push(e);
  const matchers = [...byMarker.values()].map((entries) => new Matcher(entries));
  const cues = attributionCues();
  return {
    name: 'rhetoric',
    requires: ['text', 'segment', 'tokens', 'entities'],
    assigns: 'rhetoric',
    run: (doc: Readonly<Doc>) => {
      const hits: Hit[] = matchers.flatMap((m) => lexiconHits(doc, m, cues.matcher));
      hits.sort((a, b) => a.start - b.start || a.end - b.end || byCodeUnit(a.id, b.id));
      return { hits } as NonNullable<Doc['rhetoric']>;
    },
  };
}
