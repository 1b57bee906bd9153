import type { Voice } from '../../pipeline/document.js';
import type { Quote } from './quotes.js';

/**
 * Whose words the span [start, end) is. Inside quotation marks: a short term with no verb
 * ('collective West') is scare-quoted; anything longer or with a verb ('prolonging the conflict')
 * is a quotation; so is a phrase partly inside the marks. Outside them: attributed when a reporting
 * cue reports the words it stands in (see reported.ts), else authorial.
 */
export function voiceOf(start: number, end: number, quotes: Quote[], attributed: boolean, hasVerb: (q: Quote) => boolean, ownWords: (q: Quote) => boolean = () => true): Voice {
  const q = quotes.filter((x) => x.start <= start && end <= x.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  if (q) return scare(q, hasVerb) ? 'scare-quoted' : 'quoted';
  // Quotation marks around part of the phrase ('launched an “attack” on Ukraine', 'perceived as an
  // “act of international aggression”') put its telling words in someone else's mouth.
  // Only the pattern's own words count: a quotation in a clause gap is not what the frame says.
  const part = quotes.filter((x) => x.start < end && start < x.end && ownWords(x)).sort((a, b) => a.start - b.start)[0];
  if (part) return scare(part, hasVerb) ? 'scare-quoted' : 'quoted';
  return attributed ? 'attributed' : 'authorial';
}

/**
 * A short quotation marks a term: one without a verb ('collective West'), or a single word marked
 * alone ('plotting to "invade"'); a verb phrase in quotes is a quotation ('prolonging the conflict').
 */
function scare(q: Quote, hasVerb: (q: Quote) => boolean): boolean {
  return q.words <= 4 && (q.words === 1 || !hasVerb(q));
}
