import type { Match } from '../../pipeline/matcher/matcher.js';
import type { Stream } from '../../pipeline/matcher/stream.js';

/** Stream pieces [first, last) of one sentence that report someone else's words or views. */
export type Span = [number, number];

const CLOSERS = new Set([',', '”', '’', '»', '"', "'", '—', '–']);
const QUOTES = new Set(['”', '’', '»', '"', "'"]);
const FULL_STOPS = new Set(['.', '!', '?']);
const RELATIVE = new Set(['which']);
// Cues that name a source for the whole sentence: according to X, in his view, as X put it, by his account.
export const SOURCE_PHRASES = new Set(['according', 'in', 'as', 'by', 'from', 'quoted']);
export const NOUN_CUES = new Set(['guarantee', 'guarantees', 'assurance', 'assurances', 'pledge', 'claim', 'claims', 'allegation', 'allegations', 'accusation', 'accusations', 'assertion', 'assertions', 'demand', 'demands', 'speculation', 'speculations', 'rumour', 'rumours', 'rumor', 'rumors', 'insinuation', 'insinuations']);
// Words that end a reported clause and return to the narrator: a coordinated predicate of the
// main subject after a comma ("Russia has been demanding that NATO …, and has rolled out proposals").
const COORD = new Set(['and', 'but']);
const MAX_SUBJECT = 7;
const TRAILING_TAIL = 8;

/**
 * The parts of a sentence [from, to) its attribution cues report. A reporting verb reports what
 * follows it ("Kiev insists the offensive was unprovoked"), or, at the end of the sentence after a
 * comma or a closing quotation mark and its subject ("…, its former President Dmitry Medvedev has
 * warned"), what precedes it; then the words after the verb are circumstances ("Zelenskyy said on a
 * visit to troops near the Russian-annexed peninsula"). A participle after a comma ("…, citing Kiev's
 * failure") and a claim noun ("claims about a potential invasion") report what follows them only.
 * Phrase cues ("according to", "in his view") report the whole sentence. What the narrator says
 * around a cue ("Moscow has cracked down … as it pursues what it calls a special operation") stays
 * the narrator's.
 */
export function reportedSpans(s: Stream, from: number, to: number, cues: Match[]): Span[] {
  const out: Span[] = [];
  for (const c of cues) {
    const w = s.lower[c.first]!;
    if (NOUN_CUES.has(w) && s.pos[c.first] === 'NOUN') {
      out.push([c.last, to]);
      continue;
    }
    if (SOURCE_PHRASES.has(w) || (s.pos[c.first] !== 'VERB' && s.pos[c.first] !== 'AUX')) {
      out.push([from, to]);
      continue;
    }
    // A verb-led phrase ("seeking binding guarantees", "citing") reports what follows it.
    if (c.last - c.first > 1 || w === 'citing') {
      out.push(...reportedClause(s, c.last, to));
      continue;
    }
    const trailing = trailingStart(s, from, to, c);
    if (trailing !== null) out.push([from, trailing]);
    else out.push(...reportedClause(s, c.last, to));
  }
  return out;
}

/**
 * Where the reported words end when a verb attributes what comes before it: "…, the minister said
 * (on Monday)." or "…," said Lavrov. Null when the verb leads its clause instead.
 */
function trailingStart(s: Stream, from: number, to: number, c: Match): number | null {
  if (s.lower[c.first]!.endsWith('ing')) return null;
  // After a comma the verb must end the sentence, give or take a date ("…, he said on Monday");
  // after a closing quotation mark it attributes the quotation whatever follows it.
  const shortTail = to - c.last <= TRAILING_TAIL || CLOSERS.has(s.lower[c.last] ?? '');
  // "…," said Lavrov: the verb right after the mark, its subject (and a date) after it.
  if (c.first > from && CLOSERS.has(s.lower[c.first - 1]!)) return c.first - 1 > from && (to - c.last <= 2 * TRAILING_TAIL || QUOTES.has(s.lower[c.first - 1]!)) ? c.first - 1 : null;
  for (let k = c.first - 1, n = 0; k > from && n < MAX_SUBJECT; k--, n++) {
    if (s.pos[k] === 'VERB') return null;
    if (CLOSERS.has(s.lower[k]!)) return shortTail || QUOTES.has(s.lower[k]!) || QUOTES.has(s.lower[k - 1]!) ? k : null;
  }
  return null;
}

/**
 * The reported clause after a leading verb: to the sentence's end, or to a full stop the tokenizer
 * left inside the sentence, or to a coordinated predicate of the main subject after a comma. A
 * relative clause set off by commas is the narrator's aside and left out ("its security concerns,
 * which include the withdrawal of forces from Russian territories").
 */
function reportedClause(s: Stream, from: number, to: number): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let k = from + 1; k + 1 < to; k++) {
    const w = s.lower[k]!;
    if (FULL_STOPS.has(w)) return [...out, [start, k]];
    if (s.lower[k - 1] !== ',') continue;
    if (COORD.has(w) && (s.pos[k + 1] === 'AUX' || s.pos[k + 1] === 'VERB')) return [...out, [start, k]];
    if (RELATIVE.has(w)) {
      out.push([start, k]);
      let e = k + 1;
      while (e < to && s.lower[e] !== ',' && !FULL_STOPS.has(s.lower[e]!)) e++;
      if (e >= to || s.lower[e] !== ',') return out;
      start = e + 1;
      k = e;
    }
  }
  return [...out, [start, to]];
}

/** Whether a title ends by naming its source: "Sanctions can be perceived as casus belli – Medvedev". */
export function titleSource(title: string): number | null {
  const m = /\s[–—-]\s+(?:[A-Z][\p{L}.'’-]*)(?:\s+[A-Z][\p{L}.'’-]*){0,3}\s*$/u.exec(title);
  return m ? m.index : null;
}
