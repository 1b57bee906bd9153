/**
 * Who a frame hit belongs to, counted per document for the corpus products (tables, compare,
 * report.html). Over real corpora most hits of a frame are other people's words: TASS relaying
 * "allegations about Russia's potential invasion", The Moscow Times quoting officials on the
 * "collective West". A rate that counts those measures who gets reported, not how the outlet frames
 * the story, so the headline rate counts only the outlet's own assertions and the rest is shown beside it.
 */

/** A frame or rhetoric hit as the report writes it (REPORT_CONTRACT.md). */
export interface ReportHit {
  frame?: string;
  marker?: string;
  in: string;
  voice: string;
  negated?: boolean;
  distancing?: string | null;
  inName?: boolean;
}

/** One document's hits of one frame or marker, split by whose words they are. */
export interface VoiceCounts {
  /** Every counted hit, whatever its voice: the report's `scores[id].count`. */
  all: number;
  /** The headline: the outlet's own words (voice authorial), not negated, not distanced. */
  authorial: number;
  attributed: number;
  quoted: number;
  scareQuoted: number;
  /** Hits of any voice with a negation just before them ("no invasion"). */
  negated: number;
  /** Hits of any voice kept at a distance ("so-called", "alleged", "what … calls"). */
  distanced: number;
}

export const NO_HITS: Readonly<VoiceCounts> = Object.freeze({ all: 0, authorial: 0, attributed: 0, quoted: 0, scareQuoted: 0, negated: 0, distanced: 0 });

// The same hits the report's scores count (stages/report/index.ts): body and section headings,
// never comments (the readers' words) nor the title, and never a phrase inside a proper name.
const COUNTED_REGIONS = new Set(['body', 'heading']);

/** Whether a hit is the outlet's own framing: the headline rate counts only these. */
export function isOwnFraming(h: ReportHit): boolean {
  return h.voice === 'authorial' && !h.negated && !h.distancing;
}

/** Per frame or marker id, how a document's hits split by voice (ids without a counted hit are absent). */
export function voiceCounts(hits: Iterable<ReportHit>): Map<string, VoiceCounts> {
  const out = new Map<string, VoiceCounts>();
  for (const h of hits) {
    const id = h.frame ?? h.marker;
    if (!id || h.inName || !COUNTED_REGIONS.has(h.in)) continue;
    let c = out.get(id);
    if (!c) out.set(id, (c = { ...NO_HITS }));
    c.all++;
    if (isOwnFraming(h)) c.authorial++;
    else if (h.voice === 'attributed') c.attributed++;
    else if (h.voice === 'quoted') c.quoted++;
    else if (h.voice === 'scare-quoted') c.scareQuoted++;
    if (h.negated) c.negated++;
    if (h.distancing) c.distanced++;
  }
  return out;
}

/** Hits per 1,000 words, rounded as the report's `per1000` is, so the columns agree with the reports. */
export function per1000(count: number, words: number): number {
  return words ? Math.round((count / words) * 1e6) / 1e3 : 0;
}
