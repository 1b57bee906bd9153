import { isCommentHeader, parseComments, type CommentParse } from './comments.js';
import type { Item } from './layout.js';
import { isProse } from './lines.js';
import { mineRecords } from './records.js';
import type { Vocabulary } from './vocabulary.js';

// A comment section follows an article: at least this many lines of the article's prose come first.
const MIN_BODY_PROSE = 2;
// Markers tried before giving up: each try parses the rest of the page.
const MAX_COMMENT_TRIES = 4;

/**
 * Where the comment section starts: a comment marker or header after the article has begun (at
 * least MIN_BODY_PROSE lines of prose) whose lines below read as comments, most of them under a
 * header with an author or a time. A marker with no such comments below ("Comments are closed",
 * "0 comments") still ends the article when most of the page's main text is above it; higher up
 * it is a button in the share bar under the standfirst, and the next marker is tried. The section
 * read at the accepted marker comes back with it, so that it is not read twice.
 */
export function findComments(items: Item[], firstProse: number, region: { last: number } | null, vocab: Vocabulary): { start: number; parsed: CommentParse | null } {
  const words = items.map((it, i) => (!it.removed && isProse(it.line) && i <= (region?.last ?? items.length) ? it.line.words : 0));
  let after = words.slice(firstProse).reduce((a, b) => a + b, 0);
  let before = 0;
  let seen = 0;
  let tries = 0;
  for (let i = firstProse; i < items.length && tries < MAX_COMMENT_TRIES; i++) {
    const it = items[i]!;
    if (i > firstProse && seen >= MIN_BODY_PROSE && (it.commentMarker || isCommentHeader(it.line, vocab))) {
      tries++;
      const parsed = parseComments(items.slice(i).map((x) => x.line), vocab);
      const headed = parsed.comments.filter((c) => c.author || c.time).length;
      if ((parsed.comments.length && headed * 2 >= parsed.comments.length) || before >= after) return { start: i, parsed };
    }
    if (!it.removed && isProse(it.line)) seen++;
    before += words[i]!;
    after -= words[i]!;
  }
  // No marker: a section that announces nothing is still found by its own repeated records, when
  // their template has a time in it (name, time, text, repeated) and several people write.
  const from = firstProse + 1;
  const mined = mineRecords(items.slice(from).map((it) => it.line), vocab);
  if (mined && mined.template.includes('time') && mined.records.length >= 3 && new Set(mined.records.map((r) => r.author)).size >= 2) return { start: from + mined.first, parsed: null };
  return { start: -1, parsed: null };
}
