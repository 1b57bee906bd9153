import type { Field } from './tables.js';
import { NO_HITS, per1000, type VoiceCounts } from './voice-counts.js';

/**
 * The per-document rate columns of documents.csv, seven per frame or marker, side by side: the
 * headline (the outlet's own framing), then the reported voices and what negation and distancing
 * took out, then the all-voices rate that `rate_<id>` has always held (notebooks read it by name).
 */

const column = (id: string) => id.replace(/-/g, '_');

/** The columns of one frame or marker id, in the order they appear in documents.csv. */
export function rateColumns(id: string): Field[] {
  const c = column(id);
  return [
    { name: `authorial_rate_${c}`, type: 'number', description: `HEADLINE rate of "${id}": the outlet's own framing, hits in its own voice (authorial) that are not negated, not distanced and not inside a proper name, in the body and its headings, per 1,000 body words` },
    { name: `attributed_rate_${c}`, type: 'number', description: `hits of "${id}" in reported speech or paraphrase of a source ("X said that…"), per 1,000 body words` },
    { name: `quoted_rate_${c}`, type: 'number', description: `hits of "${id}" inside a direct quotation, per 1,000 body words` },
    { name: `scare_quoted_rate_${c}`, type: 'number', description: `hits of "${id}" standing alone in quotation marks (scare quotes), per 1,000 body words` },
    { name: `negated_${c}`, type: 'integer', description: `hits of "${id}" in any voice with a negation just before them ("no invasion"); not in the headline rate` },
    { name: `distanced_${c}`, type: 'integer', description: `hits of "${id}" in any voice kept at a distance ("so-called", "alleged", "what … calls"); not in the headline rate` },
    { name: `rate_${c}`, type: 'number', description: `all voices: every hit of "${id}" per 1,000 body words, as the report's scores count them (kept for compatibility; compare outlets on authorial_rate_${c})` },
  ];
}

/** The values of those columns for one document; null throughout when it has no body statistics. */
export function rateValues(ids: string[], words: number | null, scores: Record<string, { per1000: number }>, counts: Map<string, VoiceCounts>): Record<string, number | null> {
  const row: Record<string, number | null> = {};
  for (const id of ids) {
    const c = column(id);
    const v = counts.get(id) ?? NO_HITS;
    const known = words !== null;
    row[`authorial_rate_${c}`] = known ? per1000(v.authorial, words) : null;
    row[`attributed_rate_${c}`] = known ? per1000(v.attributed, words) : null;
    row[`quoted_rate_${c}`] = known ? per1000(v.quoted, words) : null;
    row[`scare_quoted_rate_${c}`] = known ? per1000(v.scareQuoted, words) : null;
    row[`negated_${c}`] = known ? v.negated : null;
    row[`distanced_${c}`] = known ? v.distanced : null;
    row[`rate_${c}`] = known ? (scores[id]?.per1000 ?? 0) : null;
  }
  return row;
}
