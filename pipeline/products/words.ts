/** Words of a report's text as the corpus statistics count them (compare, suggest). */

/** Function words and reporting verbs: they carry no framing and would top every keyness list. */
export const STOP_WORDS = new Set(
  'a an the and or but of to in on at by for with from as is are was were be been being it its this that these those he she they we you i his her their our your them us him not no so than then there here which who whom whose what when where why how all any some such can could would should will may might must do does did has have had also just more most very into over about after before while said says say one two new'.split(' '),
);

// A word starts after no letter or digit ("21st" gives no "st").
const WORD = /(?<![\p{L}\p{N}])\p{L}[\p{L}'’-]*/gu;

export interface WordAt {
  w: string;
  start: number;
  end: number;
}

/** Lowercased words of text[from, to) (UTF-16 indices), apostrophes folded, trailing quote marks and hyphens dropped. */
export function wordsIn(text: string, from: number, to: number): WordAt[] {
  const out: WordAt[] = [];
  for (const m of text.slice(from, to).matchAll(WORD)) {
    const raw = m[0].replace(/['’-]+$/, '');
    out.push({ w: raw.toLowerCase().replace(/’/g, "'"), start: from + m.index!, end: from + m.index! + raw.length });
  }
  return out;
}
