import type { Hit, Voice } from '../../pipeline/document.js';
import { byCodeUnit } from '../../pipeline/sort.js';

/** Per-id totals over a set of hits: count, rate per 1,000 words, negated count and count by voice. */
export interface Score {
  count: number;
  per1000: number;
  negated: number;
  /** Hits the outlet keeps at a distance ("so-called", "alleged", "what … calls"). */
  distanced: number;
  byVoice: Partial<Record<Voice, number>>;
  /** byVoice as shares of count (3 decimals): how much of the frame is the outlet's own voice. */
  shareByVoice: Partial<Record<Voice, number>>;
}

/**
 * Scores hits for one region set. Hits inside proper names are listed but never counted;
 * rates use the same word count as `stats.words`, rounded to 3 decimals for stable output.
 */
export function score(hits: Hit[], words: number, inScope: (h: Hit) => boolean): Record<string, Score> {
  const out: Record<string, Score> = {};
  for (const h of hits) {
    if (h.inName || !inScope(h)) continue;
    const s = (out[h.id] ??= { count: 0, per1000: 0, negated: 0, distanced: 0, byVoice: {}, shareByVoice: {} });
    s.count++;
    if (h.negated) s.negated++;
    if (h.distancing) s.distanced++;
    s.byVoice[h.voice] = (s.byVoice[h.voice] ?? 0) + 1;
  }
  for (const s of Object.values(out)) {
    s.per1000 = words ? Math.round((s.count / words) * 1e6) / 1e3 : 0;
    const voices = Object.keys(s.byVoice).sort() as Voice[];
    s.byVoice = Object.fromEntries(voices.map((v) => [v, s.byVoice[v]!]));
    s.shareByVoice = Object.fromEntries(voices.map((v) => [v, Math.round((s.byVoice[v]! / s.count) * 1000) / 1000]));
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => byCodeUnit(a, b)));
}

/** The frames with the highest body rates, for a one-line document summary. */
export function dominant(scores: Record<string, Score>, n = 3): string[] {
  return Object.entries(scores)
    .sort(([a, x], [b, y]) => y.count - x.count || byCodeUnit(a, b))
    .slice(0, n)
    .map(([id]) => id);
}
