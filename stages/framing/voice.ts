import type { Voice } from '../../pipeline/document.js';
import type { Quote } from './quotes.js';

/**
 * Whose words the span [start, end) is. Inside quotation marks: a short term with no verb
 * ('collective West') is scare-quoted; anything longer or with a verb ('prolonging the conflict')
 * is a quotation. Outside them: attributed when the sentence has a reporting cue, else authorial.
 */
export function voiceOf(start: number, end: number, quotes: Quote[], attributed: boolean, hasVerb: (q: Quote) => boolean): Voice {
  const q = quotes.filter((x) => x.start <= start && end <= x.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  if (q) return q.words <= 4 && !hasVerb(q) ? 'scare-quoted' : 'quoted';
  return attributed ? 'attributed' : 'authorial';
}
