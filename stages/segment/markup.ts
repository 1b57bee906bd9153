import type { Block, Comment, Markup, PageMetadata, Removed, Segmentation } from '../../pipeline/document.js';
import { isoDate } from './dates.js';
import { splitInlineCaptions, stripPrefixes, trailingTruncation } from './inline.js';
import { classifyLine } from './classify.js';
import { isProse, lineFeatures } from './lines.js';
import type { Vocabulary } from './vocabulary.js';

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
  for (const b of markup.blocks) {
    if (b.kind === 'caption') {
      removed.push({ kind: 'caption', start: b.start, end: b.end, rule: 'html:figcaption' });
      continue;
    }
    const line = lineFeatures(text.slice(b.start, b.end), b.start, b.end);
    const gone = classifyLine(line, { vocab, latinPage: true, repeated }, metadata);
    if (gone) {
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
  const last = blocks[blocks.length - 1];
  if (last) {
    const cut = trailingTruncation(text, last);
    if (cut) {
      metadata.truncated = true;
      removed.push(cut);
      last.end = cut.start;
    }
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
