import type { Block, Comment, PageMetadata, Range, Removed, RemovedKind, Segmentation } from '../../pipeline/document.js';
import { isCommentHeader, parseComments } from './comments.js';
import { isDateLine, isoDate } from './dates.js';
import { splitInlineCaptions, stripPrefixes, trailingTruncation } from './inline.js';
import { isHeadingShaped, isProse, lineFeatures, splitLines, type Line } from './lines.js';
import { lineKey } from './repeated.js';
import { firstMatch, type Vocabulary } from './vocabulary.js';

/** What the segmenter needs to know about the page beyond its text. */
export interface PageContext {
  outlet: string | null;
  /** Line keys (see repeated.ts) that recur across this outlet's pages in the batch. */
  repeated: ReadonlySet<string>;
}

/** A line after the first pass: still content, or already set aside with a kind and rule. */
interface Item {
  line: Line;
  removed: { kind: RemovedKind; rule: string } | null;
  commentMarker: boolean;
  blankBefore: boolean;
}

/**
 * Splits a page into title, body blocks, comments and removed chrome. Lines are first classified
 * alone (vocabulary, script, shape), then by position: the body runs from the first to the last
 * prose block before the comment section, and short lines inside it are headings only when prose
 * follows them.
 */
export function segmentPage(text: string, vocab: Vocabulary, page: PageContext): Segmentation {
  const metadata: PageMetadata = { title: null, date: null, dateline: null, agency: null, byline: null, truncated: false };
  const removed: Removed[] = [];
  const items = classifyLines(text, vocab, metadata, page.repeated);

  const firstProse = items.findIndex((it) => !it.removed && isProse(it.line));
  let commentStart = items.findIndex((it, i) => i > firstProse && (it.commentMarker || isCommentHeader(it.line, vocab)));
  if (commentStart < 0) commentStart = items.length;

  const pageItems = items.slice(0, commentStart);
  for (const it of pageItems) if (it.removed) removed.push({ kind: it.removed.kind, start: it.line.start, end: it.line.end, rule: it.removed.rule });
  const blocks = mergeContinuations(text, pageItems.filter((it) => !it.removed));
  const { body, title, extraRemoved, truncated } = layoutBody(text, blocks, vocab, page, metadata);
  removed.push(...extraRemoved);
  metadata.title = title;
  metadata.truncated ||= truncated;

  let comments: Comment[] = [];
  if (commentStart < items.length) {
    const parsed = parseComments(items.slice(commentStart).map((it) => it.line), vocab);
    comments = parsed.comments;
    removed.push(...parsed.removed);
  }
  removed.sort((a, b) => a.start - b.start || a.end - b.end);
  return { metadata, blocks: body, removed, comments };
}

function classifyLines(text: string, vocab: Vocabulary, md: PageMetadata, repeated: ReadonlySet<string>): Item[] {
  const lines = splitLines(text);
  const latinPage = lines.reduce((n, l) => n + (l && l.nonLatin < 0.5 ? l.words : 0), 0) >
    lines.reduce((n, l) => n + (l && l.nonLatin >= 0.5 ? l.words : 0), 0);
  const items: Item[] = [];
  let blank = true;
  for (const line of lines) {
    if (!line) {
      blank = true;
      continue;
    }
    items.push({ line, removed: classifyLine(line, vocab, md, latinPage, repeated), commentMarker: firstMatch(vocab.commentSection, line.text) !== null, blankBefore: blank });
    blank = false;
  }
  return items;
}

/** What one line is when it is not content, judged alone: vocabulary, script, batch repetition. */
export function classifyLine(line: Line, vocab: Vocabulary, md: PageMetadata, latinPage: boolean, repeated: ReadonlySet<string>): Item['removed'] {
  const t = line.text;
  // A line in another script on an English page ("Дата публикации: 31.10.2024") is the site's
  // own furniture, or an untranslated original; either way not the English article.
  if (latinPage && line.nonLatin >= 0.5) return line.words <= 12 ? { kind: 'metadata', rule: 'metadata:non-latin-line' } : { kind: 'boilerplate', rule: 'language:foreign-paragraph' };
  const syn = firstMatch(vocab.syndication, t);
  if (syn && !isProse(line)) {
    md.agency ??= syn.match.groups?.agency?.trim() ?? null;
    return { kind: 'metadata', rule: syn.rule.id };
  }
  const credit = firstMatch(vocab.credit, t);
  if (credit && line.words <= 15) return { kind: 'credit', rule: credit.rule.id };
  if (firstMatch(vocab.commentSection, t)) return { kind: 'boilerplate', rule: 'commentSection:marker' };
  const chrome = firstMatch(vocab.boilerplate, t);
  if (chrome && !isProse(line)) return { kind: 'boilerplate', rule: chrome.rule.id };
  const by = firstMatch(vocab.byline, t);
  if (by) {
    md.byline ??= by.match.groups?.byline ?? null;
    return { kind: 'metadata', rule: by.rule.id };
  }
  if (!line.terminal && isDateLine(t)) {
    md.date ??= isoDate(t);
    return { kind: 'metadata', rule: 'metadata:date-line' };
  }
  if (repeated.size && repeated.has(lineKey(t))) return { kind: 'boilerplate', rule: 'corpus:repeated-line' };
  return null;
}

/** A run of lines read as one block: scrapers break sentences across lines ("…Security\nwas forced…"). */
interface Chunk extends Range {
  line: Line;
  blankBefore: boolean;
}

function mergeContinuations(text: string, items: Item[]): Chunk[] {
  const out: Chunk[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev && !it.blankBefore && !prev.line.terminal && it.line.startsLower && !it.line.bullet) {
      prev.end = it.line.end;
      prev.line = lineFeatures(text.slice(prev.start, prev.end), prev.start, prev.end);
      continue;
    }
    out.push({ start: it.line.start, end: it.line.end, line: it.line, blankBefore: it.blankBefore });
  }
  return out;
}

function layoutBody(text: string, chunks: Chunk[], vocab: Vocabulary, page: PageContext, md: PageMetadata) {
  const extraRemoved: Removed[] = [];
  const body: Block[] = [];
  let title: PageMetadata['title'] = null;
  let truncated = false;
  const proseLike = (c: Chunk | undefined) => !!c && (isProse(c.line) || c.line.bullet || (c.line.terminal && c.line.words >= 3));
  const p0 = chunks.findIndex((c) => isProse(c.line));
  let p1 = -1;
  for (let i = chunks.length - 1; i >= 0; i--) if (isProse(chunks[i]!.line) || (chunks[i]!.line.bullet && i > p0)) { p1 = i; break; }
  if (p0 < 0) {
    // No prose at all (a very short text): keep everything as paragraphs rather than lose it.
    for (const c of chunks) body.push({ kind: 'paragraph', start: c.start, end: c.end });
    return { body, title, extraRemoved, truncated };
  }
  const drop = (c: Chunk, kind: RemovedKind, rule: string) => extraRemoved.push({ kind, start: c.start, end: c.end, rule });
  const outlet = page.outlet?.trim().toLowerCase();
  const isSignature = (c: Chunk) => !!outlet && outlet.length >= 3 && c.line.words <= 8 && !isProse(c.line) && c.line.text.toLowerCase().includes(outlet);

  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (i < p0) {
      if (i === 0 && isHeadingShaped(c.line) && !isSignature(c)) title = { start: c.start, end: c.end, text: c.line.text };
      else if (isSignature(c)) drop(c, 'credit', 'credit:outlet-signature');
      else if (isHeadingShaped(c.line) && proseLike(chunks[i + 1])) body.push({ kind: 'heading', start: c.start, end: c.end });
      else drop(c, 'boilerplate', 'layout:before-body');
      continue;
    }
    if (i > p1) {
      const cut = firstMatch(vocab.truncation, c.line.text);
      if (cut && i === p1 + 1) {
        truncated = true;
        drop(c, 'truncation', cut.rule.id);
      } else drop(c, isSignature(c) ? 'credit' : 'boilerplate', isSignature(c) ? 'credit:outlet-signature' : 'layout:after-body');
      continue;
    }
    let range: Range = { start: c.start, end: c.end };
    if (i === p0) {
      const pre = stripPrefixes(text.slice(c.start, c.end), c.start, vocab);
      if (pre.cut > 0) {
        extraRemoved.push(...pre.removed);
        md.date ??= pre.date ? isoDate(pre.date) : null;
        md.dateline ??= pre.dateline;
        md.agency ??= pre.agency;
        range = { start: c.start + pre.cut, end: c.end };
      }
    }
    if (c.line.bullet) body.push({ kind: 'list-item', ...range });
    else if (!c.line.terminal && isHeadingShaped(c.line) && proseLike(chunks[i + 1]) && i < p1) body.push({ kind: 'heading', ...range });
    else if (c.line.terminal || isProse(c.line)) {
      const split = splitInlineCaptions(text, range);
      extraRemoved.push(...split.removed);
      for (const p of split.pieces) body.push({ kind: 'paragraph', ...p });
    } else drop(c, 'boilerplate', 'layout:short-line-in-body');
  }
  const last = body[body.length - 1];
  if (last) {
    const cut = trailingTruncation(text, last);
    if (cut) {
      truncated = true;
      extraRemoved.push(cut);
      last.end = cut.start;
    }
  }
  return { body, title, extraRemoved, truncated };
}
