/**
 * The sentence around a span, found in the report's text alone: reports keep no sentence offsets,
 * and the corpus table and the lexicon audit must show a hit in the same sentence.
 */

/** [from, to) of the sentence around [start, end) (UTF-16 indices): to the nearest sentence end or line break on each side. */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const stop = (c: number) => c === 46 || c === 33 || c === 63; // . ! ?
  const space = (c: number) => c === 32 || c === 10 || c === 9 || c === 160;
  let a = start;
  while (a > 0 && text.charCodeAt(a - 1) !== 10 && !(a >= 2 && stop(text.charCodeAt(a - 2)) && space(text.charCodeAt(a - 1)))) a--;
  let b = end;
  while (b < text.length && text.charCodeAt(b) !== 10 && !(stop(text.charCodeAt(b)) && (b + 1 >= text.length || space(text.charCodeAt(b + 1))))) b++;
  return [a, Math.min(text.length, b + 1)];
}

/** The sentence around [start, end) of a text (UTF-16 indices), trimmed. */
export function sentenceAround(text: string, start: number, end: number): string {
  const [a, b] = sentenceBounds(text, start, end);
  return text.slice(a, b).trim();
}
