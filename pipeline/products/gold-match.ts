import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codePointMapper } from '../offsets.js';
import { byCodeUnit } from '../sort.js';

/**
 * When a report hit counts as matching a hand-annotated gold phrase. This is the rule of the shared
 * evaluation's scorer (../shared/eval/score.mjs), written again here because the project must not
 * depend on files outside it; the lexicon audit's precision is then the scorer's framePrecision,
 * split by frame and pattern, and the two can be checked against each other on the dev set.
 * Gold phrases are quoted text, not offsets: a phrase is matched by any of its occurrences in the
 * report's text, and a hit matches when its span overlaps one.
 */

/**
 * The frame ids the gold is annotated with (REPORT_CONTRACT.md, "Frame ids the evaluation knows").
 * Hits of other ids (a user's own lexicon) are neither right nor wrong against this gold.
 */
export const EVALUATED_FRAMES: ReadonlySet<string> = new Set([
  'collective-west', 'indivisible-security', 'eurasian-security-order', 'multipolarity', 'world-order-crisis',
  'euro-atlantic-collapse', 'western-hegemony', 'nato-threat', 'sanctions-aggression', 'war-euphemism',
  'territorial-normalization', 'western-interference', 'forced-response', 'western-warmongering',
  'invasion', 'occupation', 'authoritarian-regime', 'propaganda-label',
]);

/** One annotated phrase: a frame phrase (`frame`) or a rhetoric marker (`marker`). */
export interface GoldPhrase {
  kind: 'frame' | 'rhetoric';
  /** Frame or marker id. */
  id: string;
  text: string;
  /** Where the annotator saw it ("body", "comment", …); null when the gold does not say. */
  in: string | null;
  /** The voices the annotator accepts (frames only). */
  voice: string[];
}

/** The gold of one document, reduced to what matching needs. */
export interface GoldDocument {
  id: string;
  phrases: GoldPhrase[];
}

/** The fields of a report hit that matching reads. */
export interface HitSpan {
  start: number;
  end: number;
  in?: string;
  inName?: boolean;
}

/** A half-open range of code points. */
export type Range = [number, number];

const asList = <T>(v: T | T[] | null | undefined): T[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

/**
 * Reads <dir>/*.json (one gold file per document id). A gold file that cannot be read stops the
 * audit: a silently missing document would change the precision without anyone knowing why.
 */
export function readGold(dir: string): Map<string, GoldDocument> {
  const gold = new Map<string, GoldDocument>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort(byCodeUnit)) {
    let g: { id?: unknown; frames?: unknown; rhetoric?: unknown };
    try {
      g = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    } catch (err) {
      throw new Error(`[E044] gold file ${join(dir, f)} cannot be read: ${(err as Error).message}`);
    }
    if (typeof g?.id !== 'string' || !g.id) throw new Error(`[E044] gold file ${join(dir, f)} has no "id"`);
    if (gold.has(g.id)) throw new Error(`[E044] gold file ${join(dir, f)} repeats the id "${g.id}" of another gold file`);
    const frames = asList(g.frames as Array<{ frame?: string; text?: string; in?: string; voice?: string | string[] }>)
      .map((p): GoldPhrase => ({ kind: 'frame', id: String(p.frame), text: String(p.text ?? ''), in: p.in ?? null, voice: asList(p.voice) }));
    const rhetoric = asList(g.rhetoric as Array<{ marker?: string; text?: string }>)
      .map((p): GoldPhrase => ({ kind: 'rhetoric', id: String(p.marker), text: String(p.text ?? ''), in: null, voice: [] }));
    gold.set(g.id, { id: g.id, phrases: [...frames, ...rhetoric] });
  }
  return gold;
}

/** Where `needle` occurs in `text`, as code-point ranges, left to right and not overlapping (as the scorer searches). */
export function occurrences(text: string, needle: string, toCodePoint = codePointMapper(text)): Range[] {
  const out: Range[] = [];
  if (!needle) return out;
  const length = [...needle].length;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
    const s = toCodePoint(i);
    out.push([s, s + length]);
  }
  return out;
}

const overlaps = (a: Range, h: HitSpan) => a[0] < h.end && h.start < a[1];

/** Whether precision judges a frame hit: an id the gold is annotated with, outside a proper name. */
export function isJudged(frame: string, hit: HitSpan): boolean {
  return EVALUATED_FRAMES.has(frame) && hit.inName !== true;
}

/**
 * Whether a judged frame hit is right: it overlaps an occurrence of a gold phrase of its frame.
 * The region is not compared here (the scorer's precision does not), only for finding phrases below.
 */
export function matchesGold(frame: string, hit: HitSpan, phrases: Array<{ phrase: GoldPhrase; at: Range[] }>): boolean {
  return phrases.some((p) => p.phrase.kind === 'frame' && p.phrase.id === frame && p.at.some((o) => overlaps(o, hit)));
}

/**
 * Whether a hit finds a gold phrase (the scorer's recall rule): same id, overlapping an occurrence,
 * and for frames in the same part of the page, a comment phrase by a comment hit and any other by a
 * hit outside the comments.
 */
export function findsPhrase(phrase: GoldPhrase, at: Range[], id: string, hit: HitSpan): boolean {
  if (phrase.id !== id || !at.some((o) => overlaps(o, hit))) return false;
  if (phrase.kind === 'rhetoric') return true;
  const inComment = (hit.in ?? 'body') === 'comment';
  return phrase.in === 'comment' ? inComment : !inComment;
}
