import type { Comment, Removed } from '../../pipeline/document.js';
import { isDateLine, isoDate } from './dates.js';
import { isProse, type Line } from './lines.js';
import { mineRecords } from './records.js';
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
  /** Thread depth when the layout shows it ("level 2"); 1 is top level. */
  depth: number | null;
  /** The name the layout says this answers ("→ Jana", "In reply to Leyla M."). */
  parentName: string | null;
}

/** Whether a line opens a comment in one of the known one-line header layouts. */
export function isCommentHeader(line: Line, vocab: Vocabulary): boolean {
  return firstMatch(vocab.commentLayout, line.text) !== null;
}

/** A line that could be a commenter's display name: one to five words, no sentence punctuation. */
function isNameLine(l: Line): boolean {
  return l.words >= 1 && l.words <= 5 && l.text.length <= 40 && !/[!?,;:…]$|[^.]\.$|^\d+$/u.test(l.text) && !l.bullet;
}

/** A line that is only a time stamp: "Nov 2", "3h", "October 31, 2024 at 3:15 pm", "2 hours ago". */
function isTimeLine(l: Line): boolean {
  return /^\d+\s*[smhdwy]$/u.test(l.text) || isDateLine(l.text);
}

/**
 * Reads a comment section line by line. A header opens a comment: a one-line layout from the
 * vocabulary ("X says:", "X • 2 hours ago", "Post by X » …"), a name line followed by a time line
 * (Substack, avatar layouts), or, where the section has no headers at all, a name line followed
 * by text (the Facebook plugin). Widget lines close the comment above them; thread depth ("level
 * 2") and reply markers ("→ X", "In reply to X.") link replies to their parent. Once the section
 * ends (reply form, related links, copyright), nothing below is a reader's comment.
 */
export function parseComments(lines: Line[], vocab: Vocabulary): CommentParse {
  const known = parseByLayout(lines, vocab);
  // Where the section's own template (records.ts) reads more comments with an author and a time
  // than the known layouts do, it wins: layouts no vocabulary lists. It reads only up to where the
  // section ends.
  const end = sectionEnd(lines, vocab);
  const mined = mineRecords(lines.slice(0, end), vocab);
  if (!mined) return known;
  // Comments with both an author and a time, by distinct authors: a misread layout gives every
  // comment the same "author" ("Follow") or none, and no time.
  const headed = (cs: Array<{ author: string | null; time: string | null }>) => new Set(cs.filter((c) => c.author && c.time).map((c) => c.author)).size;
  if (headed(mined.records) <= headed(known.comments)) return known;
  const removed = [...mined.removed];
  for (const l of lines.slice(end)) removed.push({ kind: 'boilerplate', start: l.start, end: l.end, rule: 'comment:after-section' });
  return { comments: link(mined.records), removed };
}

/** Where the comment section ends: the first reply form, related links or footer line after some text. */
function sectionEnd(lines: Line[], vocab: Vocabulary): number {
  let text = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const hit = firstMatch(vocab.commentChrome, l.text) ?? firstMatch(vocab.boilerplate, l.text);
    if (hit && SECTION_END.has(hit.rule.id) && text) return i;
    if (isProse(l) || l.terminal) text = true;
  }
  return lines.length;
}

/** Reads a comment section with the header layouts the vocabulary knows. */
function parseByLayout(lines: Line[], vocab: Vocabulary): CommentParse {
  const removed: Removed[] = [];
  const done: Open[] = [];
  let open: Open | null = null;
  let ended = false;
  let inSignature = false;
  let depth: number | null = null;
  // Judged once per line: a header test may run chrono on the lines below it.
  const headers = lines.map((_, i) => header(lines, i, vocab));
  const headerAt = (i: number) => headers[i]!;
  const anyHeader = headers.some((h) => h !== null);
  const drop = (l: Line, rule: string) => removed.push({ kind: 'boilerplate', start: l.start, end: l.end, rule });
  // A widget line ends the comment above it, so a comment's range never spans widget text; a
  // header with no text yet stays open (some layouts put votes between header and text).
  const close = () => {
    if (open?.lines.length) {
      done.push(open);
      open = null;
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (ended) {
      drop(line, 'comment:after-section');
      continue;
    }
    const level = firstMatch(vocab.commentDepth, line.text);
    if (level) {
      depth = Number(level.match.groups?.depth ?? 1);
      drop(line, level.rule.id);
      continue;
    }
    const h: Header | null = headerAt(i) ?? (!anyHeader && open === null ? nameThenText(lines, i, vocab) : null);
    if (h) {
      if (open && open.lines.length) done.push(open);
      open = { author: h.author, time: h.time, lines: [], depth, parentName: h.parent };
      depth = null;
      inSignature = false;
      for (let k = i; k < i + h.consumed; k++) drop(lines[k]!, h.rule);
      i += h.consumed - 1;
      continue;
    }
    const marker = firstMatch(vocab.commentReplyMarker, line.text);
    if (marker && open && open.lines.length === 0) {
      open.parentName = marker.match.groups?.parent?.trim() ?? null;
      drop(line, marker.rule.id);
      continue;
    }
    if (firstMatch(vocab.commentSignature, line.text)) {
      // Forum signatures follow a rule line; they are the poster's boilerplate, not the post.
      inSignature = true;
      drop(line, 'comment:signature');
      close();
      continue;
    }
    const chrome = firstMatch(vocab.commentChrome, line.text) ?? firstMatch(vocab.commentSection, line.text) ?? firstMatch(vocab.boilerplate, line.text) ?? firstMatch(vocab.credit, line.text);
    if (chrome) {
      drop(line, chrome.rule.id);
      // An action row carries the time in some layouts ("Like · Reply · 2d").
      const time = chrome.match.groups?.time;
      const target = open ?? done[done.length - 1];
      if (time && target && !target.time) target.time = time;
      close();
      // A reply form may stand above the comments (Disqus, Facebook); related links or a footer never do.
      if (SECTION_END.has(chrome.rule.id) && (done.length || chrome.rule.id !== 'boilerplate:comment-box')) ended = true;
      continue;
    }
    if (inSignature) {
      drop(line, 'comment:signature');
      continue;
    }
    if (!open) {
      if (anyHeader) {
        drop(line, 'comment:outside-comment');
        continue;
      }
      // Without any header, a two-word fragment with no full stop is a form label or a button.
      if (line.words < 3 && !/[.!?…]["'”’»)]*$/u.test(line.text)) {
        drop(line, 'comment:fragment');
        continue;
      }
      open = { author: null, time: null, lines: [], depth: null, parentName: null };
    }
    open.lines.push(line);
    // Without any header, each paragraph stands for one anonymous comment.
    if (!anyHeader && open.author === null) {
      done.push(open);
      open = null;
    }
  }
  if (open && open.lines.length) done.push(open);
  return { comments: link(done), removed };
}

// Chrome after which a comment section is over: the reply form, related links, the site footer.
const SECTION_END = new Set(['boilerplate:comment-box', 'boilerplate:read-also', 'boilerplate:copyright', 'boilerplate:rights', 'commentChrome:section-end']);

interface Header {
  author: string | null;
  time: string | null;
  parent: string | null;
  consumed: number;
  rule: string;
}

/** A comment header starting at line i, in any layout that does not depend on the rest of the section. */
function header(lines: Line[], i: number, vocab: Vocabulary): Header | null {
  const line = lines[i]!;
  const hit = firstMatch(vocab.commentLayout, line.text);
  if (hit) {
    const g = hit.match.groups ?? {};
    const author = (g.author ?? '').trim() || null;
    let consumed = 1;
    let time = g.time?.trim() ?? null;
    const next = lines[i + 1];
    // The avatar layout repeats the name under the avatar's alt text.
    if (hit.rule.nameLine && next && author && next.text.toLowerCase() === author.toLowerCase()) consumed++;
    const after = lines[i + consumed];
    if (!time && after && isTimeLine(after)) {
      time = after.text;
      consumed++;
    }
    return { author, time, parent: g.parent?.trim() ?? null, consumed, rule: `commentLayout:${hit.rule.id.split(':')[1]}` };
  }
  // A name line, perhaps a badge ("OP", "Author") or a lone separator, then a time line: the
  // layout of Substack, new Reddit and most comment widgets rendered one element per line.
  const name = displayName(line.text);
  if (!isNameLine({ ...line, text: name, words: name.split(/\s+/).length }) || isTimeLine(line) || isChrome(line, vocab)) return null;
  for (let k = 1; k <= 3 && lines[i + k]; k++) {
    const l = lines[i + k]!;
    if (isTimeLine(l)) return { author: name, time: l.text, parent: null, consumed: k + 1, rule: 'comment:name-time-header' };
    if (!SEPARATOR.test(l.text) && !firstMatch(vocab.commentChrome, l.text)?.rule.id.endsWith(':badge')) break;
  }
  return null;
}

const SEPARATOR = /^[·•∙|]$/u;

/** The name in a name line, without what widgets append ("Milica J. · Works at X", "Ann · Pristina"). */
function displayName(text: string): string {
  return text.split(/\s+[·•∙|]\s+/u)[0]!.trim();
}

/** A name line followed by text (not a widget line): the header of the Facebook plugin layout. */
function nameThenText(lines: Line[], i: number, vocab: Vocabulary): Header | null {
  const line = lines[i]!;
  const next = lines[i + 1];
  const name = displayName(line.text);
  if (!next || !isNameLine({ ...line, text: name, words: name.split(/\s+/).length }) || isChrome(line, vocab) || isChrome(next, vocab)) return null;
  // The name is followed by what the reader wrote and, in this layout, by an action row after it.
  const closesWithRow = lines.slice(i + 2, i + 12).some((l) => firstMatch(vocab.commentChrome, l.text)?.match.groups?.time);
  if (!closesWithRow && !isProse(next)) return null;
  return { author: name, time: null, parent: null, consumed: 1, rule: 'comment:name-line' };
}

function isChrome(l: Line, vocab: Vocabulary): boolean {
  return !!(firstMatch(vocab.commentChrome, l.text) ?? firstMatch(vocab.commentSection, l.text) ?? firstMatch(vocab.boilerplate, l.text));
}

/** Turns open comments into report comments, resolving thread depth and reply names to parents. */
function link(done: Open[]): Comment[] {
  const out: Comment[] = [];
  const fold = (s: string) => s.toLowerCase().replace(/^[@]|^u\//, '').replace(/[.\s]+$/u, '').trim();
  done.forEach((c, k) => {
    let replyTo: number | null = null;
    if (c.depth !== null && c.depth > 1) {
      for (let j = k - 1; j >= 0; j--) if (done[j]!.depth === c.depth - 1) { replyTo = j; break; }
    } else if (c.parentName) {
      const want = fold(c.parentName);
      for (let j = k - 1; j >= 0; j--) if (done[j]!.author && fold(done[j]!.author!) === want) { replyTo = j; break; }
    }
    out.push({
      author: c.author,
      time: c.time,
      timeIso: c.time ? isoDate(c.time) : null,
      replyTo,
      start: c.lines[0]!.start,
      end: c.lines[c.lines.length - 1]!.end,
    });
  });
  return out;
}
