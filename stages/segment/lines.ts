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
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

// Every line of every page passes here, so the counts are one pass over char codes; only the
// rare non-ASCII character is asked of the Unicode tables.
export function lineFeatures(text: string, start: number, end: number): Line {
  let letters = 0;
  let latin = 0;
  let words = 0;
  let inWord = false;
  let wordHasAlnum = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space) {
      if (inWord && wordHasAlnum) words++;
      inWord = false;
      wordHasAlnum = false;
      continue;
    }
    inWord = true;
    if (c < 128) {
      if ((c | 32) >= 97 && (c | 32) <= 122) {
        letters++;
        latin++;
        wordHasAlnum = true;
      } else if (c >= 48 && c <= 57) wordHasAlnum = true;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) c = text.codePointAt(i++)!;
    const ch = String.fromCodePoint(c);
    if (LETTER.test(ch)) {
      letters++;
      if (LATIN.test(ch)) latin++;
      wordHasAlnum = true;
    } else if (!wordHasAlnum && WORD_CHAR.test(ch)) wordHasAlnum = true;
  }
  if (inWord && wordHasAlnum) words++;
  return {
    start,
    end,
    text,
    words,
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
