import type { Block, Comment, Markup, PageMetadata, Removed, Segmentation } from '../../pipeline/document.js';
import { isoDate } from './dates.js';
import { closeBody, splitInlineCaptions, stripPrefixes } from './inline.js';
import { lastAtOrBefore } from '../../pipeline/sort.js';
import { classifyLine } from './classify.js';
import { isProse, lineFeatures, type Line } from './lines.js';
import type { Vocabulary } from './vocabulary.js';

// Mostly link text; and how many such blocks in a row make a link list inside the prose.
const LINK_BLOCK = 0.5;
const LINK_RUN = 3;

/**
 * Teasers for other stories, at the end of the content or in a box inside it: the same small
 * record (a kicker, a linked headline, a one-line blurb) repeated at least three times, as
 * data-record mining finds repeated structure. An article's own sections vary in length and do
 * not link away; teaser records do both. The blocks found are taken out of `blocks` and returned.
 */
function teaserRecords(text: string, blocks: Block[], links: (b: Block) => number): Block[] {
  const shape = blocks.map((b) => {
    const l = lineFeatures(text.slice(b.start, b.end), b.start, b.end);
    const base = b.kind === 'heading' ? 'h' : b.kind === 'list-item' ? 'l' : l.words >= 40 ? 'P' : isProse(l) ? 'p' : 's';
    return links(b) >= LINK_BLOCK ? base + '*' : base;
  });
  const out = new Set<number>();
  for (let i = 0; i < shape.length; i++) {
    for (let period = 2; period <= 4; period++) {
      const record = shape.slice(i, i + period);
      // A teaser links to its story; a record without a link is the article's own list.
      // A record opens with its kicker or headline, never with prose.
      if (record.length < period || record[0]!.startsWith('p') || !record.some((x) => x.endsWith('*')) || record.some((x) => x.startsWith('P')) || record.filter((x) => x.startsWith('p')).length > 1) continue;
      let reps = 1;
      while (shape.slice(i + reps * period, i + (reps + 1) * period).join('') === record.join('')) reps++;
      if (reps < 3) continue;
      for (let k = i; k < i + reps * period; k++) out.add(k);
      i += reps * period - 1;
      break;
    }
  }
  // The article itself must remain.
  if (blocks.length - out.size < 3) return [];
  const gone = blocks.filter((_, k) => out.has(k));
  const kept = blocks.filter((_, k) => !out.has(k));
  blocks.splice(0, blocks.length, ...kept);
  return gone;
}

/** Indexes of blocks that are navigation: mostly link text, outside the prose or in a run of such blocks. */
function linkNavigation(blocks: Markup['blocks'], lines: Line[]): Set<number> {
  const linky = blocks.map((b) => b.kind !== 'caption' && (b.links ?? 0) >= LINK_BLOCK);
  const prose = lines.map((l, k) => !linky[k] && blocks[k]!.kind === 'paragraph' && isProse(l));
  const first = prose.indexOf(true);
  const last = prose.lastIndexOf(true);
  // The length of the run of link blocks each one is in: counted forward, then spread backward.
  const run = new Array<number>(blocks.length).fill(0);
  for (let k = 0; k < blocks.length; k++) if (linky[k]) run[k] = (k > 0 ? run[k - 1]! : 0) + 1;
  for (let k = blocks.length - 2; k >= 0; k--) if (linky[k] && linky[k + 1]) run[k] = run[k + 1]!;
  const out = new Set<number>();
  for (let k = 0; k < blocks.length; k++) if (linky[k] && (k < first || k > last || run[k]! >= LINK_RUN)) out.add(k);
  return out;
}

/**
 * Segmentation of a rendered HTML page. The markup already says which block is a heading, a
 * caption or a comment, so only what Readability cannot know is left to the line rules: chrome
 * inside the content ("Share this:", "Read also: …"), bylines, date lines, datelines, agency notes.
 */
export function segmentMarkup(text: string, markup: Markup, vocab: Vocabulary, repeated: ReadonlySet<string>): Segmentation {
  const metadata: PageMetadata = {
    title: markup.title ? { ...markup.title, text: text.slice(markup.title.start, markup.title.end) } : null,
    date: markup.date,
    dateline: null,
    agency: null,
    byline: markup.byline,
    truncated: false,
  };
  const removed: Removed[] = [];
  const blocks: Block[] = [];
  let first = true;
  // The page's own script decides what is foreign: on a Russian or Korean page the prose is not.
  const lines = markup.blocks.map((b) => lineFeatures(text.slice(b.start, b.end), b.start, b.end));
  const latinWords = lines.reduce((n, l) => n + (l.nonLatin < 0.5 ? l.words : 0), 0);
  const latinPage = latinWords * 2 > lines.reduce((n, l) => n + l.words, 0);
  const navigation = linkNavigation(markup.blocks, lines);
  for (const [k, b] of markup.blocks.entries()) {
    if (b.kind === 'caption') {
      removed.push({ kind: 'caption', start: b.start, end: b.end, rule: 'html:figcaption' });
      continue;
    }
    const line = lines[k]!;
    // Text that is mostly link text is navigation (related headlines, tags) where it stands
    // outside the article's prose or in a run; a lone link between paragraphs ("Get it at …",
    // "[Source]") belongs to the article.
    if (navigation.has(k)) {
      removed.push({ kind: 'boilerplate', start: b.start, end: b.end, rule: 'html:link-block' });
      continue;
    }
    const gone = classifyLine(line, { vocab, latinPage, repeated }, metadata);
    // Inside the extracted content a paragraph in another script is a quotation or the original
    // of a translated text; only short lines in another script are the site's furniture.
    if (gone && gone.rule !== 'language:foreign-paragraph') {
      removed.push({ kind: gone.kind, start: b.start, end: b.end, rule: gone.rule });
      continue;
    }
    let start = b.start;
    if (first && b.kind === 'paragraph') {
      const pre = stripPrefixes(line.text, b.start, vocab);
      removed.push(...pre.removed);
      metadata.date ??= pre.date ? isoDate(pre.date) : null;
      metadata.dateline ??= pre.dateline;
      metadata.agency ??= pre.agency;
      start += pre.cut;
    }
    first = false;
    if (b.kind === 'paragraph' && isProse(line)) {
      const split = splitInlineCaptions(text, { start, end: b.end });
      removed.push(...split.removed);
      for (const p of split.pieces) blocks.push({ kind: 'paragraph', ...p });
    } else blocks.push({ kind: b.kind, start, end: b.end });
  }
  // A heading with nothing after it heads no section: it is the page's trailing chrome.
  while (blocks.length && blocks[blocks.length - 1]!.kind === 'heading') {
    const h = blocks.pop()!;
    removed.push({ kind: 'boilerplate', start: h.start, end: h.end, rule: 'layout:after-body' });
  }
  // The markup block holding a body block: the last one starting at or before it.
  const starts = markup.blocks.map((m) => m.start);
  const linkShare = (b: Block) => markup.blocks[lastAtOrBefore(starts, b.start)]?.links ?? 0;
  for (const t of teaserRecords(text, blocks, linkShare)) removed.push({ kind: 'boilerplate', start: t.start, end: t.end, rule: 'layout:teaser-records' });
  const last = blocks[blocks.length - 1];
  if (last) {
    const close = closeBody(text, last);
    if (close.removed) removed.push(close.removed);
    metadata.truncated ||= close.truncated;
  }
  const comments: Comment[] = markup.comments.map((c) => {
    for (const r of [c.author, c.time]) if (r) removed.push({ kind: 'boilerplate', start: r.start, end: r.end, rule: 'html:comment-header' });
    return {
      author: c.author ? text.slice(c.author.start, c.author.end) : null,
      time: c.time ? text.slice(c.time.start, c.time.end) : null,
      timeIso: c.timeIso,
      replyTo: c.replyTo,
      start: c.text.start,
      end: c.text.end,
    };
  });
  removed.sort((a, b) => a.start - b.start || a.end - b.end);
  return { metadata, blocks, removed, comments };
}
