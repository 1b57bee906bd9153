import type { Comment, Removed } from '../../pipeline/document.js';
import { isDateLine, isoDate } from './dates.js';
import { isProse, type Line } from './lines.js';
import { firstMatch, type Vocabulary } from './vocabulary.js';

/** Comments and the chrome removed around them. */
export interface CommentParse {
  comments: Comment[];
  removed: Removed[];
}

interface Open {
  author: string | null;
  time: string | null;
  lines: Line[];
}

/** Whether a line opens a comment in one of the known layouts. */
export function isCommentHeader(line: Line, vocab: Vocabulary): boolean {
  return firstMatch(vocab.commentLayout, line.text) !== null;
}

/**
 * Reads a comment section line by line: a layout header opens a comment (author, time), widget
 * lines are removed, everything else is what the reader wrote. When no known header appears, a
 * short name line followed by prose is taken as the author, the most common unlabelled layout.
 */
export function parseComments(lines: Line[], vocab: Vocabulary): CommentParse {
  const removed: Removed[] = [];
  const done: Open[] = [];
  let open: Open | null = null;
  // Once the reply form starts ("Leave a Reply"), nothing below it is a reader's comment.
  let formStarted = false;
  const anyHeader = lines.some((l) => isCommentHeader(l, vocab));
  const drop = (l: Line, rule: string) => removed.push({ kind: 'boilerplate', start: l.start, end: l.end, rule });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const header = firstMatch(vocab.commentLayout, line.text);
    const nameOnly = !anyHeader && isNameLine(line) && lines[i + 1] !== undefined && isProse(lines[i + 1]!);
    if (formStarted && !header) {
      drop(line, 'comment:reply-form');
      continue;
    }
    if (header || nameOnly) {
      if (open) done.push(open);
      const g = header?.match.groups ?? {};
      open = { author: (g.author ?? line.text).trim(), time: g.time?.trim() ?? null, lines: [] };
      if (header) drop(line, `commentLayout:${header.rule.id.split(':')[1]}`);
      const next = lines[i + 1];
      if (header && (header.rule as { nameLine?: boolean }).nameLine && next && next.text.toLowerCase() === open.author?.toLowerCase()) i++;
      const after = lines[i + 1];
      if (after && !open.time && isDateLine(after.text)) {
        open.time = after.text;
        i++;
      }
      continue;
    }
    const chrome = firstMatch(vocab.commentChrome, line.text) ?? firstMatch(vocab.commentSection, line.text) ?? firstMatch(vocab.boilerplate, line.text);
    if (chrome) {
      drop(line, chrome.rule.id);
      // A widget line ends the comment above it, so its range never spans widget text.
      if (open && open.lines.length) {
        done.push(open);
        open = null;
      }
      if (chrome.rule.id === 'boilerplate:comment-box') formStarted = true;
      continue;
    }
    if (!open) {
      if (anyHeader) {
        drop(line, 'comment:outside-comment');
        continue;
      }
      open = { author: null, time: null, lines: [] };
    }
    open.lines.push(line);
    // Without headers each paragraph stands for one anonymous comment.
    if (!anyHeader && open.author === null) {
      done.push(open);
      open = null;
    }
  }
  if (open) done.push(open);
  const comments: Comment[] = [];
  for (const c of done) {
    if (c.lines.length === 0) continue;
    comments.push({
      author: c.author,
      time: c.time,
      timeIso: c.time ? isoDate(c.time) : null,
      replyTo: null,
      start: c.lines[0]!.start,
      end: c.lines[c.lines.length - 1]!.end,
    });
  }
  return { comments, removed };
}

/** A line that could be a commenter's display name: one to four words, no sentence punctuation. */
function isNameLine(l: Line): boolean {
  return l.words >= 1 && l.words <= 4 && !/[.!?,;:]$/u.test(l.text) && l.text.length <= 40;
}
