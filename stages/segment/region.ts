import { isProse, type Line } from './lines.js';

/** What the region finder needs of a line: its features and whether a rule already removed it. */
export interface RegionItem {
  line: Line;
  removed: { kind: string } | null;
}

// Per-line scores for the densest run of text (Finn, Kushmerick & Smyth's Body Text Extraction,
// over lines instead of tags): prose earns its words, a line shaped like a link or known chrome
// costs as much as a short sentence, anything else short costs little. Three or four menu lines
// cut a lone footer paragraph or a teaser blurb off the article, while a caption, a date line or
// a row of a table between paragraphs does not split it. Chosen on the article-extraction dev
// pages and checked against the fixtures (live blogs, tables, line-ups must stay whole).
const REMOVED_COST = 10;
const SHORT_COST = 10;
const OTHER_COST = 2;
// A paragraph alone between short lines (a headline above, a "by X" or a tag line below) is how a
// teaser list reads: the article's paragraphs follow one another. Such a paragraph earns half its
// words, so a page's list of teasers no longer outweighs a shorter article and joins it across
// the chrome between them. Half was best on each half of the dev pages, split by a hash of the
// file name, tuned on one and checked on the other.
const ISOLATED_SHARE = 0.5;

function score(it: RegionItem): number {
  const l = it.line;
  // A line with no word (a zero-width space, a rule "———") is spacing, as a blank line is.
  if (l.words === 0) return 0;
  // Chrome costs as a menu does; a caption, a credit or a date line sits inside articles.
  if (it.removed) return it.removed.kind === 'boilerplate' ? -REMOVED_COST : -1;
  if (isProse(l)) return l.words;
  // A short line that ends like a sentence, or a bullet, reads as content (list items, table rows).
  if (l.bullet || (l.terminal && l.words >= 3)) return 1;
  // So does a row of data: figures among three or more words (a fixture, a line-up, a date entry).
  if (l.words >= 3 && /\d/u.test(l.text)) return 1;
  // Menus and link lists are names: one or two words, or capitalised words only. A short line
  // with lower-case words or figures ("30 minutes before bed") is more likely the article's own.
  return linkLike(l) ? -SHORT_COST : -OTHER_COST;
}

const CAPITALISED = /^[\p{Lu}\p{Lt}\p{N}]/u;
const LOWER_WORD = /^\p{Ll}/u;

/** A line shaped like a link: one or two words, or every word capitalised (a minor word aside). */
export function linkLike(l: Line): boolean {
  // Figures or tabs make a row of data (a time, a score, a table), not a link.
  if (/[\d\t]/u.test(l.text)) return false;
  if (l.words <= 2) return true;
  const words = l.text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const lower = words.filter((w) => LOWER_WORD.test(w) && w.length > 3).length;
  return lower === 0 && words.some((w) => CAPITALISED.test(w));
}

/**
 * The page's main run of text: the contiguous stretch of lines with the highest total score
 * (Kadane's maximum subarray), as [first, last] item indexes, or null when the page has no prose.
 */
export function mainRegion(items: RegionItem[]): { first: number; last: number } | null {
  const alone = items.map((it, i) => !it.removed && isProse(it.line) && isolated(items, i));
  // A page where every paragraph stands alone (a live blog's entries, a photo blog's captions) has
  // no article run to tell teasers from: there every paragraph keeps its words.
  const hasRun = items.some((it, i) => !it.removed && isProse(it.line) && !alone[i]);
  const scores = items.map((it, i) => (hasRun && alone[i] ? it.line.words * ISOLATED_SHARE : score(it)));
  let best = 0;
  let bestRange: { first: number; last: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < items.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i]!;
    if (sum > best) {
      best = sum;
      bestRange = { first: start, last: i };
    }
  }
  if (bestRange) extend(items, bestRange);
  return bestRange;
}

/**
 * Widens the run over prose that only known furniture separates from it: a lede above a gallery
 * counter and a script notice is the article's, while a line nobody recognised (a menu item, a
 * teaser's headline) stops the widening, since that is what the run's costs keep out.
 */
function extend(items: RegionItem[], range: { first: number; last: number }): void {
  const step = (from: number, dir: -1 | 1): number => {
    let edge = from;
    for (let k = from + dir; k >= 0 && k < items.length; k += dir) {
      const it = items[k]!;
      if (it.line.words === 0 || it.removed) continue;
      if (!isProse(it.line)) break;
      edge = k;
    }
    return edge;
  };
  range.first = step(range.first, -1);
  range.last = step(range.last, 1);
}

/** A paragraph with no paragraph next to it, above or below (the page's edge is no paragraph). */
function isolated(items: RegionItem[], i: number): boolean {
  const near = (dir: -1 | 1): RegionItem | null => {
    for (let k = i + dir; k >= 0 && k < items.length; k += dir) if (items[k]!.line.words > 0) return items[k]!;
    return null;
  };
  const a = near(-1);
  const b = near(1);
  return !(a && isProse(a.line)) && !(b && isProse(b.line));
}
