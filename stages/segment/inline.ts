import type { Range, Removed } from '../../pipeline/document.js';
import type { Vocabulary } from './vocabulary.js';
import { firstMatch } from './vocabulary.js';

/** What the wire-style prefix of the first paragraph said, and how much of it to cut. */
export interface PrefixResult {
  cut: number;
  removed: Removed[];
  date: string | null;
  dateline: string | null;
  agency: string | null;
}

/**
 * Strips "date 2024-10-31", "MINSK, October 31. /TASS/." and "MOSCOW (Reuters) -" from the
 * start of a paragraph, repeatedly, since scrapers glue several of them together.
 */
export function stripPrefixes(text: string, start: number, vocab: Vocabulary): PrefixResult {
  const out: PrefixResult = { cut: 0, removed: [], date: null, dateline: null, agency: null };
  for (let guard = 0; guard < 4; guard++) {
    const rest = text.slice(out.cut);
    const lead = rest.length - rest.trimStart().length;
    const dp = firstMatch(vocab.datePrefix, rest.trimStart());
    const dl = dp ? null : firstMatch(vocab.dateline, rest.trimStart());
    const hit = dp ?? dl;
    if (!hit || hit.match[0].length >= rest.trimStart().length) break;
    const from = start + out.cut + lead;
    const len = hit.match[0].trimEnd().length;
    const g = hit.match.groups ?? {};
    if (dp) out.date ??= g.date ?? null;
    if (dl) {
      out.dateline ??= g.place?.trim() ?? null;
      out.agency ??= g.agency?.trim() ?? null;
    }
    out.removed.push({ kind: 'metadata', start: from, end: from + len, rule: hit.rule.id });
    out.cut += lead + hit.match[0].length;
  }
  return out;
}

const CAPTION_MARK = /\[(?:photo|image|video|pic|picture|foto|illustration)(?:\s*[:|-][^\]\n]{0,80})?\]/giu;

/**
 * Finds captions glued into a paragraph by a scraper: "…seriously. President X at the meeting
 * [PHOTO: Social Media]This time…". The caption is the fragment from the last sentence end up to
 * the marker; the paragraph splits around it.
 */
export function splitInlineCaptions(text: string, range: Range): { pieces: Range[]; removed: Removed[] } {
  const body = text.slice(range.start, range.end);
  const pieces: Range[] = [];
  const removed: Removed[] = [];
  let cursor = 0;
  for (const m of body.matchAll(CAPTION_MARK)) {
    const markStart = m.index ?? 0;
    const before = body.slice(cursor, markStart);
    // A caption fragment is what follows the last sentence end; a marker after a full sentence has none.
    const sentEnd = Math.max(before.search(/[.!?…]["”’)]?\s+(?=[^.!?…]*$)/u), -1);
    let capStart = markStart;
    if (!/[.!?…]["”’)]?\s*$/u.test(before)) {
      capStart = sentEnd >= 0 ? cursor + sentEnd + (before.slice(sentEnd).match(/^[.!?…]["”’)]?\s+/u)?.[0].length ?? 1) : cursor;
    }
    const markEnd = markStart + m[0].length;
    if (capStart > cursor) pieces.push(trimRange(text, range.start + cursor, range.start + capStart));
    removed.push({ kind: 'caption', start: range.start + capStart, end: range.start + markEnd, rule: 'caption:inline-marker' });
    cursor = markEnd;
  }
  if (cursor === 0) return { pieces: [range], removed };
  if (cursor < body.length) pieces.push(trimRange(text, range.start + cursor, range.end));
  return { pieces: pieces.filter((p) => p.end > p.start), removed };
}

/** A trailing cut-off marker ("…", "........") on the last paragraph, with the punctuation before it. */
export function trailingTruncation(text: string, range: Range): Removed | null {
  const m = text.slice(range.start, range.end).match(/[\s,;:–—-]*(?:\.{3,}|…)\s*$/u);
  if (!m || m.index === undefined || m.index === 0) return null;
  return { kind: 'truncation', start: range.start + m.index, end: range.end, rule: 'truncation:trailing-ellipsis' };
}

export function trimRange(text: string, start: number, end: number): Range {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
