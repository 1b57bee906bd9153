/** One line of the page with the features the segmenter classifies it by. */
export interface Line {
  /** UTF-16 range of the trimmed content in the document text. */
  start: number;
  end: number;
  text: string;
  words: number;
  /** Ends like a sentence (., !, ?, …, or a closing quote/bracket after one). */
  terminal: boolean;
  bullet: boolean;
  /** Share of letters outside the Latin script (a Russian line inside an English page). */
  nonLatin: number;
  startsLower: boolean;
}

const BULLET = /^([•·▪●◦‣∙*–—-]|\d{1,2}[.)])\s+/u;
const TERMINAL = /[.!?…:;]["'”’»)\]]*$|["”»]$/u;
const LETTER = /\p{L}/gu;
const LATIN = /\p{Script=Latin}/gu;

export function lineFeatures(text: string, start: number, end: number): Line {
  const letters = text.match(LETTER)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return {
    start,
    end,
    text,
    words: text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length,
    terminal: TERMINAL.test(text),
    bullet: BULLET.test(text),
    nonLatin: letters ? 1 - latin / letters : 0,
    startsLower: /^\p{Ll}/u.test(text),
  };
}

/** Non-blank lines with trimmed ranges; blank lines are kept as `null` so layout gaps stay visible. */
export function splitLines(text: string): Array<Line | null> {
  const out: Array<Line | null> = [];
  let pos = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    out.push(trimmed ? lineFeatures(trimmed, pos + lead, pos + lead + trimmed.length) : null);
    pos += raw.length + 1;
  }
  return out;
}

/** A line that reads as running prose rather than a label, heading or widget. */
export function isProse(l: Line): boolean {
  return (l.terminal && l.words >= 6) || l.words >= 25;
}

/**
 * A line shaped like a heading: short, no sentence-final punctuation (a question is allowed:
 * "How much will it cost?" heads many sections), starts with a capital or digit.
 */
export function isHeadingShaped(l: Line): boolean {
  if (l.bullet || l.words < 2 || l.words > 20 || !/^[\p{Lu}\p{N}"“'‘]/u.test(l.text)) return false;
  return !/[.!,;:…]$/u.test(l.text) && (!l.text.endsWith('?') || l.words <= 12);
}
