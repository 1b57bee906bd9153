import type { RemovedKind } from '../../pipeline/document.js';
import { lastAtOrBefore } from '../../pipeline/sort.js';

/** A stretch inside a paragraph that is page furniture a scraper glued into the text. */
export interface Glued {
  start: number;
  end: number;
  kind: RemovedKind;
  rule: string;
}

const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|March|Mar\\.|April|Apr\\.|May|June|July|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
// A photographer's name: two or three capitalised words, not capitals only (the dateline after
// it is in capitals).
// The words that open the next sentence ("…/Virginia Mayo The expulsion…") are not part of it.
const NAME = "\\p{Lu}\\p{Ll}[\\p{L}.'’-]*(?:\\s(?!(?:The|A|An|In|On|At|It|He|She|They|We|But|And|This|That|As|After|For|Its|His|Her|Our|Their|When|While|Russian|Ukrainian)\\b)\\p{Lu}\\p{Ll}[\\p{L}.'’-]*){0,2}";

// A wire photo credit: an agency and a photographer joined by a slash ("REUTERS/Yves Herman",
// "AP Photo/Efrem Lukatsky", "Sputnik/Mikhail Klimentyev/Kremlin via REUTERS"), with the
// agencies' usual tails, or a credit in brackets ("(Photo by X/AFP via Getty Images)").
const CREDIT = new RegExp(
  [
    `\\b(?:REUTERS|AP Photo|AFP|EPA(?:-EFE)?|Sputnik|TASS|RIA Novosti|Anadolu(?: Agency)?|Getty Images|Bloomberg|Pool)\\s?/\\s?${NAME}(?:\\s?/\\s?(?:File Photo|File|Pool|Handout|Illustration|Pool Photo|${NAME}))*(?: via (?:REUTERS|Getty Images|AP))?`,
    `\\((?:AP Photo|Photo by|Photo|Image|Picture|Photograph)\\b[^()]{2,100}\\)`,
  ].join('|'),
  'gu',
);

// An embedded post's signature and links: "— Name (@handle) March 13, 2022", "pic.twitter.com/…".
const POST_SIGNATURE = new RegExp(`[—–-]\\s?[^—–()\\n]{1,60}\\(@\\w{1,30}\\)\\s${MONTH}\\s\\d{1,2},\\s\\d{4}`, 'gu');
const POST_LINK = /\b(?:pic\.twitter\.com|t\.co)\/\w+/gu;

// Agency and AP-style captions as a sentence of their own: the subject does something in the
// present tense at a place, on a full date ("…, Monday, March 14, 2022, in Washington.",
// "…in Brussels, Belgium April 19, 2018."), or the caption's own opener ("In this image from video…").
const CAPTION_OPENER = /^(?:FILE\s?[-–—]\s|In this (?:image|photo|file photo|handout photo|picture|undated|video)\b|(?:A |An )?(?:handout|file) photo\b)/u;
const CAPTION_VERB = /\b(?:speaks|attends|arrives|gestures|walks|looks on|poses|sits|stands|is seen|are seen|waves|listens|delivers|holds|shakes hands|meet|meets|takes part|reacts|talks|addresses|visits|leaves|rides|stand|walk|gather|gathers|is pictured|are pictured)\b/u;
const FULL_DATE = new RegExp(`\\b${MONTH}\\s\\d{1,2},\\s\\d{4}\\b`, 'u');
const DATE_AT_END = new RegExp(`${FULL_DATE.source}\\.$`, 'u');
// AP's caption ending: "…, Tuesday, March 8, 2022, in the Roosevelt Room at the White House in Washington."
const AP_DATE_PLACE = new RegExp(`\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s${MONTH}\\s\\d{1,2},\\s\\d{4},?\\s(?:in|at|near|outside|on)\\s[^.!?]{2,100}\\.$`, 'u');
const WEEKDAY_DATE = new RegExp(`\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s${MONTH}\\s\\d{1,2},\\s\\d{4}\\b`, 'u');

// What is left of stripped links and names: three or more tokens in a row of quote marks and
// punctuation with at most one letter each ("’S ‘, ’ : ‘ ’", "‘’ ‘ ’").
const QUOTES = /[‘’“”"']/gu;
const RESIDUE_TOKEN = /^[^\p{L}\p{N}]*\p{L}?[^\p{L}\p{N}]*$/u;

/** Runs of residue tokens, found in one pass over the whitespace-separated tokens (no backtracking). */
function residue(s: string): Glued[] {
  const out: Glued[] = [];
  let run: Array<{ start: number; end: number }> = [];
  const close = () => {
    if (run.length >= 3) {
      const start = run[0]!.start;
      const end = run[run.length - 1]!.end;
      if ((s.slice(start, end).match(QUOTES)?.length ?? 0) >= 2) out.push({ start, end, kind: 'boilerplate', rule: 'layout:link-residue' });
    }
    run = [];
  };
  for (const m of s.matchAll(/\S+/gu)) {
    const t = m[0];
    // A token of punctuation with at most one letter: "’S", "‘,", ":", "‘’".
    if (t.length <= 4 && RESIDUE_TOKEN.test(t) && /[^\p{L}\p{N}]/u.test(t)) run.push({ start: m.index ?? 0, end: (m.index ?? 0) + t.length });
    else close();
  }
  close();
  return out;
}

// A byline of an inserted box mid-text: "… a social network. by Olga Robinson, BBC Monitoring This…"
const INLINE_BYLINE = new RegExp(`(?<=[.!?]["”’]?\\s)by ${NAME},\\s\\p{Lu}[\\p{L}]+(?:\\s\\p{Lu}[\\p{L}]+){0,3}(?=\\s+\\p{Lu})`, 'gu');

/** Sentence boundaries of a paragraph: offsets where a sentence starts; furniture found so far bounds sentences too. */
function sentenceStarts(s: string, bounds: Glued[]): number[] {
  const out = new Set([0]);
  for (const m of s.matchAll(/[.!?…]["”’)]?\s+(?=["“‘(]?\p{Lu})/gu)) out.add((m.index ?? 0) + m[0].length);
  for (const g of bounds) {
    out.add(g.start);
    const after = s.slice(g.end).match(/^\s*/u)![0].length;
    if (g.end + after < s.length) out.add(g.end + after);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Furniture glued into one paragraph of a scraped text: wire captions with their credits, AP-style
 * caption sentences, embedded posts' signatures and links, link residue and boxed bylines.
 * Offsets are relative to `s`; spans are sorted and do not overlap.
 */
export function gluedFurniture(s: string): Glued[] {
  const found: Glued[] = [];
  found.push(...residue(s));
  for (const m of s.matchAll(POST_SIGNATURE)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'credit', rule: 'credit:embedded-post' });
  for (const m of s.matchAll(POST_LINK)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'credit', rule: 'credit:embedded-post-link' });
  const starts = sentenceStarts(s, found);
  for (const m of s.matchAll(CREDIT)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    // The caption is the sentence the credit closes: the one before it when the credit follows a
    // full stop, else the fragment the credit ends.
    const k = lastAtOrBefore(starts, at);
    const capStart = starts[k] === at && k > 0 ? starts[k - 1]! : starts[k]!;
    found.push({ start: capStart, end, kind: 'caption', rule: 'caption:glued-credit' });
  }
  for (let k = 0; k < starts.length; k++) {
    const a = starts[k]!;
    const b = k + 1 < starts.length ? starts[k + 1]! : s.length;
    const sentence = s.slice(a, b).trim();
    const words = sentence.split(/\s+/u).length;
    if (words > 60) continue;
    const dated = WEEKDAY_DATE.test(sentence) || DATE_AT_END.test(sentence);
    const reported = /\b(?:said|says|told|added)\b/u.test(sentence);
    if ((CAPTION_OPENER.test(sentence) && (dated || CAPTION_VERB.test(sentence))) || (!reported && (AP_DATE_PLACE.test(sentence) || (dated && CAPTION_VERB.test(sentence))))) {
      found.push({ start: a, end: a + sentence.length, kind: 'caption', rule: 'caption:agency-style' });
    }
  }
  for (const m of s.matchAll(INLINE_BYLINE)) found.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: 'metadata', rule: 'metadata:inline-byline' });
  // An agency caption runs from the photo's description (dated) to its credit: the sentences
  // between the two are the caption's context ("FILE - X waves …, July 21, 2022. Italy's push …
  // Draghi said. (AP Photo/Name, File)"), not the article.
  const spans = merge(found);
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i]!;
    const b = spans[i + 1]!;
    const between = starts.filter((x) => x > a.end && x < b.start).length;
    if (a.rule === 'caption:agency-style' && b.rule === 'caption:glued-credit' && between <= 1 && b.start - a.end <= 400) {
      a.end = b.end;
      a.rule = 'caption:glued-credit';
      spans.splice(i + 1, 1);
      i--;
    }
  }
  return spans;
}

/** Sorted, without overlaps: an overlapping later span extends the earlier one. */
function merge(spans: Glued[]): Glued[] {
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Glued[] = [];
  for (const g of spans) {
    const last = out[out.length - 1];
    if (last && g.start < last.end) last.end = Math.max(last.end, g.end);
    else out.push({ ...g });
  }
  return out;
}
