import type { Block, Comment, PageMetadata, Range, Removed, RemovedKind, Segmentation } from '../../pipeline/document.js';
import { classifyLine, type Verdict } from './classify.js';
import { findComments } from './comment-start.js';
import { parseComments } from './comments.js';
import { isoDate } from './dates.js';
import { closeBody, splitInlineCaptions, stripPrefixes } from './inline.js';
import { isHeadingShaped, isProse, lineFeatures, splitLines, type Line } from './lines.js';
import { mainRegion } from './region.js';
import { chooseTitle, isTitleShaped } from './title.js';
import { firstMatch, type Vocabulary } from './vocabulary.js';

/** What the segmenter needs to know about the page beyond its text. */
export interface PageContext {
  outlet: string | null;
  url: string | null;
  /** Line keys (see repeated.ts) that recur across this outlet's pages in the batch. */
  repeated: ReadonlySet<string>;
}

/** Prose that can open a body: a question shaped like a headline is the headline. */
function isBodyProse(l: Line): boolean {
  return isProse(l) && !(l.text.endsWith('?') && isTitleShaped(l));
}

/**
 * Rows of a table or list inside the article (results, line-ups, casualty figures): a run of at
 * least three short lines, each with figures or several capitalised words, between body paragraphs.
 * A single short line there is chrome ("Advertisement", a stray link); a run of rows is content.
 */
function inTable(chunks: Array<{ line: Line }>, i: number, p0: number, p1: number): boolean {
  const row = (k: number) => {
    const l = chunks[k]?.line;
    if (!l || k < p0 || k > p1 || isProse(l) || l.words < 2) return false;
    return /\d/.test(l.text) || (l.text.match(/(?:^|\s)\p{Lu}/gu)?.length ?? 0) >= 2;
  };
  if (!row(i)) return false;
  let a = i;
  let b = i;
  while (row(a - 1)) a--;
  while (row(b + 1)) b++;
  return b - a + 1 >= 3;
}

/** A line after the first pass: still content, or already set aside with a kind and rule. */
export interface Item {
  line: Line;
  removed: Verdict | null;
  commentMarker: boolean;
  blankBefore: boolean;
}

const PHOTO_CREDIT = new Set(['credit:photo-agency', 'credit:photo-credit', 'credit:agency-slash-name', 'credit:agency-pipe']);

/**
 * Splits a page into title, body blocks, comments and removed chrome. Lines are first classified
 * alone (vocabulary, script, shape, batch repetition), then in context: a photo credit makes the
 * line above it a caption, "Read also" makes the short lines below it links, a copyright or
 * wire sign-off ends the article, a comment header starts the comments. The body runs from the
 * first to the last prose block between those bounds; the headline is chosen among the lines above.
 */
export function segmentPage(text: string, vocab: Vocabulary, page: PageContext): Segmentation {
  const metadata: PageMetadata = { title: null, date: null, dateline: null, agency: null, byline: null, truncated: false };
  const removed: Removed[] = [];
  const items = classifyLines(text, vocab, metadata, page.repeated);
  markCaptions(items, page.outlet);

  // The article is the page's main run of text; prose outside it (a footer blurb above the
  // article in a scraped page, teasers below it) is not the article.
  const region = mainRegion(items);
  const firstProse = region ? items.findIndex((it, i) => i >= region.first && !it.removed && isBodyProse(it.line)) : -1;
  const found = firstProse < 0 ? { start: -1, parsed: null } : findComments(items, firstProse, region, vocab);
  const commentStart = found.start < 0 ? items.length : found.start;
  if (region) {
    for (let i = 0; i < commentStart; i++) {
      const it = items[i]!;
      if ((i < region.first || i > region.last) && !it.removed && isProse(it.line)) it.removed = { kind: 'boilerplate', rule: 'layout:outside-main-text' };
    }
  }

  const pageItems = items.slice(0, commentStart);
  // A forum thread opens with the first post's own header ("Post by X » date"): its metadata.
  for (let i = 0; i < Math.max(firstProse, 0); i++) {
    const h = pageItems[i]!.removed ? null : firstMatch(vocab.commentLayout, pageItems[i]!.line.text);
    if (!h) continue;
    pageItems[i]!.removed = { kind: 'metadata', rule: 'metadata:opening-post-header' };
    if (h.match.groups?.time) metadata.date ??= isoDate(h.match.groups.time);
  }
  markLinkLists(pageItems);
  markArticleEnd(pageItems, firstProse);
  for (const it of pageItems) if (it.removed) removed.push({ kind: it.removed.kind, start: it.line.start, end: it.line.end, rule: it.removed.rule });
  const chunks = mergeContinuations(text, pageItems.filter((it) => !it.removed));
  const laid = layoutBody(text, chunks, vocab, page, metadata);
  removed.push(...laid.extraRemoved);
  metadata.title = laid.title;
  metadata.truncated ||= laid.truncated;

  let comments: Comment[] = [];
  if (commentStart < items.length) {
    const parsed = found.parsed ?? parseComments(items.slice(commentStart).map((it) => it.line), vocab);
    comments = parsed.comments;
    removed.push(...parsed.removed);
  }
  removed.sort((a, b) => a.start - b.start || a.end - b.end);
  return { metadata, blocks: laid.body, removed, comments };
}

function classifyLines(text: string, vocab: Vocabulary, md: PageMetadata, repeated: ReadonlySet<string>): Item[] {
  const lines = splitLines(text);
  const latinPage = lines.reduce((n, l) => n + (l && l.nonLatin < 0.5 ? l.words : 0), 0) >
    lines.reduce((n, l) => n + (l && l.nonLatin >= 0.5 ? l.words : 0), 0);
  const ctx = { vocab, latinPage, repeated };
  const items: Item[] = [];
  let blank = true;
  for (const line of lines) {
    if (!line) {
      blank = true;
      continue;
    }
    items.push({ line, removed: classifyLine(line, ctx, md), commentMarker: firstMatch(vocab.commentSection, line.text) !== null, blankBefore: blank });
    blank = false;
  }
  return items;
}

/** A line glued on top of a photo credit ("… near Sudzha" / "REUTERS/Name/File Photo") is its caption. */
function markCaptions(items: Item[], outlet: string | null): void {
  // The outlet's own signature above a credit ("GSV Outlet" / "Photo: …") is a signature, not a caption.
  const own = outlet && outlet.length >= 3 ? outlet.toLowerCase() : null;
  for (let i = 0; i + 1 < items.length; i++) {
    const it = items[i]!;
    const next = items[i + 1]!;
    if (!it.removed && !next.blankBefore && next.removed && PHOTO_CREDIT.has(next.removed.rule) && it.line.words <= 40 && !(own && it.line.text.toLowerCase().includes(own))) {
      it.removed = { kind: 'caption', rule: 'caption:above-credit' };
    }
  }
}

/** After a short "Read also" or "Tags" line, the lines up to the next prose are links, not headings. */
function markLinkLists(items: Item[]): void {
  let inList = false;
  for (const it of items) {
    if (it.removed) {
      if (it.removed.flags?.list && it.line.words <= 4) inList = true;
      continue;
    }
    // Linked headlines end in "?" or "!" as often as not; a list ends at a real paragraph.
    if (isProse(it.line) && (/[.…]["'”’»)]*$/u.test(it.line.text) || it.line.words >= 25)) inList = false;
    else if (inList) it.removed = { kind: 'boilerplate', rule: 'layout:link-list' };
  }
}

/** A copyright line, a wire sign-off or a tag list after the article's prose ends the article. */
function markArticleEnd(items: Item[], firstProse: number): void {
  if (firstProse < 0) return;
  const end = items.findIndex((it, i) => i > firstProse && it.removed?.flags?.ends);
  if (end < 0) return;
  for (let i = end + 1; i < items.length; i++) items[i]!.removed ??= { kind: 'boilerplate', rule: 'layout:after-article-end' };
}

/** A run of lines read as one block: scrapers break sentences across lines ("…Security\nwas forced…"). */
interface Chunk extends Range {
  line: Line;
  blankBefore: boolean;
}

// A sentence a scraper broke is long on the line before the break; a line of one to three words
// above a lower-case one is a menu ("iPad" / "iPad mini 5" / "macOS Catalina"), whose names
// chained together would read as a paragraph.
const BROKEN_SENTENCE_WORDS = 4;

function mergeContinuations(text: string, items: Item[]): Chunk[] {
  const out: Chunk[] = [];
  let above: Line | null = null;
  for (const it of items) {
    const prev = out[out.length - 1];
    const before = above;
    above = it.line;
    if (prev && before && before.words >= BROKEN_SENTENCE_WORDS && !it.blankBefore && !prev.line.terminal && it.line.startsLower && !it.line.bullet) {
      prev.end = it.line.end;
      prev.line = lineFeatures(text.slice(prev.start, prev.end), prev.start, prev.end);
      continue;
    }
    out.push({ start: it.line.start, end: it.line.end, line: it.line, blankBefore: it.blankBefore });
  }
  return out;
}


// A line this long under the headline, even without a final full stop, is the standfirst.
const STANDFIRST_WORDS = 12;

/**
 * The headline again under the headline (a share widget's or a sticky header's copy): one line's
 * words contain the other's. Long enough to be a headline, so that a one-word kicker is not.
 */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
  const [x, y] = [words(a), words(b)].sort((p, q) => p.length - q.length);
  return x!.length >= 4 && ` ${y!.join(' ')} `.includes(` ${x!.join(' ')} `);
}

/** A display name on its own line under a headline: two to four capitalised words. */
const NAME_LINE = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}$/u;

function layoutBody(text: string, chunks: Chunk[], vocab: Vocabulary, page: PageContext, md: PageMetadata) {
  const extraRemoved: Removed[] = [];
  const body: Block[] = [];
  let title: PageMetadata['title'] = null;
  let truncated = false;
  const proseLike = (c: Chunk | undefined) => !!c && (isProse(c.line) || c.line.bullet || (c.line.terminal && c.line.words >= 3));
  const p0 = chunks.findIndex((c) => isBodyProse(c.line));
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

  const pre = chunks.slice(0, p0);
  const t = chooseTitle(pre.map((c) => (isSignature(c) ? { ...c.line, words: 0 } : c.line)), chunks.slice(p0).map((c) => c.line.text), page.url);
  if (t >= 0) title = { start: pre[t]!.start, end: pre[t]!.end, text: pre[t]!.line.text };

  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    if (i < p0) {
      if (i === t) continue;
      if (isSignature(c)) drop(c, 'credit', 'credit:outlet-signature');
      else if (i > t && t >= 0 && NAME_LINE.test(c.line.text) && c.line.words <= 3) {
        md.byline ??= c.line.text;
        drop(c, 'metadata', 'metadata:name-line');
      } else if (title && sameWords(c.line.text, title.text)) drop(c, 'boilerplate', 'layout:repeated-title');
      else if (i > t && c.line.words >= STANDFIRST_WORDS) body.push({ kind: 'paragraph', start: c.start, end: c.end });
      else if (i > t && c.line.words >= 4 && isHeadingShaped(c.line) && proseLike(chunks[i + 1])) body.push({ kind: 'heading', start: c.start, end: c.end });
      else drop(c, 'boilerplate', i < t ? 'layout:before-title' : 'layout:before-body');
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
      const lead = stripPrefixes(text.slice(c.start, c.end), c.start, vocab);
      if (lead.cut > 0) {
        extraRemoved.push(...lead.removed);
        md.date ??= lead.date ? isoDate(lead.date) : null;
        md.dateline ??= lead.dateline;
        md.agency ??= lead.agency;
        range = { start: c.start + lead.cut, end: c.end };
      }
    }
    if (c.line.bullet || inTable(chunks, i, p0, p1)) body.push({ kind: 'list-item', ...range });
    else if ((!c.line.terminal || c.line.text.endsWith('?')) && isHeadingShaped(c.line) && proseLike(chunks[i + 1]) && i < p1) body.push({ kind: 'heading', ...range });
    else if (c.line.terminal || isProse(c.line)) {
      const split = splitInlineCaptions(text, range);
      extraRemoved.push(...split.removed);
      // A wire caption glued before the dateline ("… April 19, 2018. REUTERS/Name BRUSSELS, Oct 6
      // (Reuters) - …"): the dateline opens what is left.
      if (i === p0 && split.pieces[0] && split.removed[0]?.start === range.start) {
        const first = split.pieces[0];
        const lead = stripPrefixes(text.slice(first.start, first.end), first.start, vocab);
        extraRemoved.push(...lead.removed);
        md.date ??= lead.date ? isoDate(lead.date) : null;
        md.dateline ??= lead.dateline;
        md.agency ??= lead.agency;
        first.start += lead.cut;
      }
      for (const p of split.pieces) body.push({ kind: 'paragraph', ...p });
    } else drop(c, 'boilerplate', 'layout:short-line-in-body');
  }
  const last = body[body.length - 1];
  if (last) {
    const close = closeBody(text, last);
    if (close.removed) extraRemoved.push(close.removed);
    truncated ||= close.truncated;
  }
  return { body, title, extraRemoved, truncated };
}
