import type { Range, Removed } from '../../pipeline/document.js';
import type { Vocabulary } from './vocabulary.js';
import { firstMatch } from './vocabulary.js';
import { gluedFurniture, type Glued } from './glued.js';

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
 * Finds furniture glued into a paragraph by a scraper and splits the paragraph around it: captions
 * before a "[PHOTO: …]" marker ("…seriously. President X at the meeting [PHOTO: Social Media]This
 * time…", the fragment from the last sentence end up to the marker), and what gluedFurniture finds
 * (wire captions and credits, agency-style captions, embedded posts' signatures, link residue).
 */
export function splitInlineCaptions(text: string, range: Range): { pieces: Range[]; removed: Removed[] } {
  const body = text.slice(range.start, range.end);
  const spans: Glued[] = [];
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
    cursor = markStart + m[0].length;
    spans.push({ start: capStart, end: cursor, kind: 'caption', rule: 'caption:inline-marker' });
  }
  for (const g of gluedFurniture(body)) if (!spans.some((x) => g.start < x.end && x.start < g.end)) spans.push(g);
  if (!spans.length) return { pieces: [range], removed: [] };
  spans.sort((x, y) => x.start - y.start);
  const pieces: Range[] = [];
  const removed: Removed[] = [];
  let at = 0;
  for (const g of spans) {
    if (g.start > at) pieces.push(trimRange(text, range.start + at, range.start + g.start));
    const r = trimRange(text, range.start + g.start, range.start + g.end);
    if (r.end > r.start) removed.push({ kind: g.kind, start: r.start, end: r.end, rule: g.rule });
    at = Math.max(at, g.end);
  }
  if (at < body.length) pieces.push(trimRange(text, range.start + at, range.end));
  // What is left between two pieces of furniture may be a lone mark ("." or "—"): not a paragraph.
  return { pieces: pieces.filter((p) => /[\p{L}\p{N}]/u.test(text.slice(p.start, p.end))), removed };
}

/** A trailing cut-off marker ("…", "........", "<…>", "[...]") on the last paragraph, with the punctuation before it. */
export function trailingTruncation(text: string, range: Range): Removed | null {
  const m = text.slice(range.start, range.end).match(/[\s,;:–—-]*(?:\.{3,}|…|[<[(](?:…|\.{3})[>\])])\s*$/u);
  if (!m || m.index === undefined || m.index === 0) return null;
  return { kind: 'truncation', start: range.start + m.index, end: range.end, rule: 'truncation:trailing-ellipsis' };
}

/**
 * How the body's last paragraph ends: a cut-off marker (removed; the text is truncated), a
 * headline glued after the last sentence (a related-story link: removed), or a sentence that
 * stops in the middle (kept; the text is truncated). Shortens `last` by what it removes.
 */
export function closeBody(text: string, last: Range & { kind: string }): { removed: Removed | null; truncated: boolean } {
  const cut = trailingTruncation(text, last);
  if (cut) {
    last.end = cut.start;
    return { removed: cut, truncated: true };
  }
  if (last.kind !== 'paragraph') return { removed: null, truncated: false };
  const s = text.slice(last.start, last.end);
  const ends = [...s.matchAll(/[.!?…]["”’)]*\s+/gu)];
  const after = ends.length ? (ends[ends.length - 1]!.index ?? 0) + ends[ends.length - 1]![0].length : -1;
  const tail = after > 0 ? s.slice(after).trim() : '';
  const words = tail.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < 2 || /[.!?…:;]["”’)]*$/u.test(tail)) return { removed: null, truncated: false };
  if (headlineLike(tail, words)) {
    const start = last.start + after;
    last.end = trimRange(text, last.start, start).end;
    return { removed: { kind: 'boilerplate', start, end: start + tail.length, rule: 'layout:trailing-headline' }, truncated: false };
  }
  return { removed: null, truncated: true };
}

/** "Ukraine war: The TikToker spreading viral videos", "Five Things To Know About The Deal". */
function headlineLike(tail: string, words: string[]): boolean {
  if (words.length > 15) return false;
  if (/^[^.!?]{2,60}:\s\p{Lu}/u.test(tail)) return true;
  const capitalised = words.filter((w) => /^["“‘(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return words.length >= 3 && capitalised / words.length >= 0.6;
}

export function trimRange(text: string, start: number, end: number): Range {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
