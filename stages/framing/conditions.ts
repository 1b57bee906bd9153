import type { Hit, HitList } from '../../pipeline/document.js';

// A text leans to the narratives when its other narrative hits outnumber its counter-frame hits.
// Outlets of both sides quote both vocabularies (TASS relays "invasion", Reuters quotes "collective
// West"): for a phrase in the outlet's own voice the outlet's own-voice hits are weighed, when it
// frames anything itself; otherwise, and for reported words, all of the text's hits are. A
// counter-frame held at a distance ("the so-called invasion") does not count against the narratives.

/**
 * Settles the hits whose pattern needs a condition on the whole document (`when:` and `from:` in a
 * lexicon), judged on the unconditional hits only, so the outcome never depends on hit order.
 * `date` is the document's publication day (YYYY-MM-DD) or null; an undated document meets every
 * `from:`.
 */
export function settleConditions(hits: Hit[], date: string | null): HitList {
  if (!hits.some((h) => h.when || h.from)) return { hits };
  const all = balance(hits, () => true);
  const own = balance(hits, (h) => h.voice === 'authorial' && !h.distancing);
  const kept: Hit[] = [];
  const setAside: NonNullable<HitList['setAside']> = [];
  for (const h of hits) {
    const { when, from, ...hit } = h;
    const why: string[] = [];
    const b = h.voice === 'authorial' && own.narrative + own.counter > 0 ? own : all;
    if (when && b.narrative <= b.counter) why.push(`${when}: ${b.narrative} other narrative hit(s), ${b.counter} counter-frame hit(s)${b === own ? ' in the outlet\'s own voice' : ''}`);
    if (from && date !== null && date < from) why.push(`from ${from}: dated ${date}`);
    if (why.length) setAside.push({ ...hit, reason: why.join('; ') });
    else kept.push(hit);
  }
  return { hits: kept, setAside };
}

function balance(hits: Hit[], counts: (h: Hit) => boolean): { narrative: number; counter: number } {
  let narrative = 0;
  let counter = 0;
  for (const h of hits) {
    if (h.when || h.from || h.inName || h.negated || h.region === 'comment' || !counts(h)) continue;
    if (h.family === 'narrative') narrative++;
    else if (h.family === 'counter-frame' && !h.distancing && h.voice !== 'scare-quoted') counter++;
  }
  return { narrative, counter };
}
