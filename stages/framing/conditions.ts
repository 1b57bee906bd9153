import type { Hit, HitList } from '../../pipeline/document.js';

// A text leans to the narratives when it has other narrative hits and they outnumber its
// counter-frame hits. Outlets of both sides quote both vocabularies (TASS relays "invasion", Reuters
// quotes "collective West"); the balance of a whole text, not one hit, says which way it frames.
// A counter-frame held at a distance ("the so-called invasion") does not frame against the narratives.
/**
 * Settles the hits whose pattern needs a condition on the whole document (`when:` in a lexicon),
 * judged on the unconditional hits only, so the outcome never depends on hit order.
 */
export function settleConditions(hits: Hit[]): HitList {
  if (!hits.some((h) => h.when)) return { hits };
  let narrative = 0;
  let counter = 0;
  for (const h of hits) {
    if (h.when || h.inName || h.negated || h.region === 'comment') continue;
    if (h.family === 'narrative') narrative++;
    else if (h.family === 'counter-frame' && !h.distancing && h.voice !== 'scare-quoted') counter++;
  }
  const leaning = narrative > counter;
  const kept: Hit[] = [];
  const setAside: NonNullable<HitList['setAside']> = [];
  for (const h of hits) {
    const { when, ...hit } = h;
    if (!when || leaning) kept.push(hit);
    else setAside.push({ ...hit, reason: `${when}: ${narrative} other narrative hit(s), ${counter} counter-frame hit(s)` });
  }
  return { hits: kept, setAside };
}
