import type { Doc, Entity, Hit, Range, Region, Speaker, Unit } from '../../pipeline/document.js';
import { Matcher, resolve, type Match } from '../../pipeline/matcher/matcher.js';
import { toStream, type Stream } from '../../pipeline/matcher/stream.js';
import { pieceRegion } from '../entities/index.js';
import { findQuotes, opensWithQuote, type Quote } from './quotes.js';
import { distancingOf, speakerOf, speakers } from './speaker.js';
import { voiceOf } from './voice.js';
import { reportedSpans, titleSource } from './reported.js';
import { markEntities } from './entity-slots.js';
import { byCodeUnit, firstAtOrAfter } from '../../pipeline/sort.js';

// Framing and rhetoric read the same quotations; find them once per document.
const quoteMemo = new WeakMap<object, Quote[]>();

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'neither', 'nor', 'without', 'hardly']);
const FIRST_PERSON = new Set(['i', 'we']);

/**
 * How overlapping matches of one sentence are resolved: `frames` keeps the longest, and another
 * frame's phrase inside a clause pattern (see `resolveFrames`); `per-id` keeps the longest of each
 * id, so different ids overlap freely (rhetoric: a doubt clause may hold a loaded word).
 */
export type Overlaps = 'frames' | 'per-id';

/**
 * Runs a lexicon over every unit of a document, sentence by sentence, and returns hits with
 * region, voice, negation and `inName` (the phrase sits inside a longer proper name).
 */
export function lexiconHits(doc: Readonly<Doc>, lexicon: Matcher, cues: Matcher, overlaps: Overlaps = 'frames'): Hit[] {
  const text = doc.text!;
  const seg = doc.segment!;
  let quotes = quoteMemo.get(seg);
  if (!quotes) {
    const quoteRanges: Range[] = [...seg.blocks, ...seg.comments, ...(seg.metadata.title ? [seg.metadata.title] : [])];
    // Body blocks are consecutive: a quotation left open at a block's end runs on when the next block opens with a mark.
    const blocks = seg.blocks;
    quoteMemo.set(seg, (quotes = quoteRanges.flatMap((r, i) => findQuotes(text, r, i + 1 < blocks.length && opensWithQuote(text, blocks[i + 1]!)))));
  }
  const names = nameSpans(doc.entities ?? []);
  const title = seg.metadata.title;
  const titleAt = title ? titleSource(text.slice(title.start, title.end)) : null;
  const titleSourceAt = title && titleAt !== null ? title.start + titleAt : null;
  const named = speakers(doc.entities ?? []);
  const hits: Hit[] = [];
  for (const u of doc.tokens!.units) {
    const s = toStream(u);
    markEntities(s, doc.entities ?? []);
    const region = pieceRegion(u, s);
    const hasVerb = (q: Quote) => {
      for (let i = 0; i < s.surface.length; i++) if (s.start[i]! >= q.start && s.end[i]! <= q.end && (s.pos[i] === 'VERB' || s.pos[i] === 'AUX')) return true;
      return false;
    };
    let from = 0;
    while (from < s.surface.length) {
      const sent = u.sentence[s.token[from]!]!;
      let to = from;
      while (to < s.surface.length && u.sentence[s.token[to]!] === sent) to++;
      const matches = overlaps === 'frames' ? resolveFrames(lexicon.find(s, from, to)) : resolvePerId(lexicon.find(s, from, to));
      if (matches.length) {
        // "We say" is the outlet speaking; "so-called" is a compound, not a report of calling.
        const sentCues = cues.find(s, from, to).filter((c) => !FIRST_PERSON.has(s.lower[c.first - 1] ?? '') && !FIRST_PERSON.has(s.lower[c.first - 2] ?? '') && !inCompound(s, c.first));
        const reported = reportedSpans(s, from, to, sentCues);
        for (const m of matches) {
          const start = s.start[m.first]!;
          const end = s.end[m.last - 1]!;
          let negated = false;
          for (let k = Math.max(from, m.first - 3); k < m.first; k++) if (NEGATORS.has(s.lower[k]!)) negated = true;
          if (!negated) negated = negatedWithin(s, m);
          const byTitle = titleSourceAt !== null && region(m.first) === 'title' && start < titleSourceAt;
          const attributed = reported.some(([a, b]) => a <= m.first && m.first < b) || byTitle;
          const voice = voiceOf(start, end, quotes, attributed, hasVerb, (q) => quotesPatternWord(s, m, q));
          const quote = voice === 'quoted' ? innermost(quotes, start, end) : null;
          hits.push({
            id: m.entry.id,
            family: m.entry.family,
            start,
            end,
            region: region(m.first) as Region,
            voice,
            inName: names.some((n) => n.start <= start && end <= n.end && n.end - n.start > end - start),
            negated,
            distancing: distancingOf(s, from, m.first),
            speaker: voice === 'attributed' || voice === 'quoted' ? (byTitle ? titleSpeaker(text, named, titleSourceAt!, title!.end) : null) ?? speakerAround(text, s, from, to, sentCues, named, quote, u, cues) : null,
            pattern: m.entry.pattern.source,
            ...(m.entry.when ? { when: m.entry.when } : {}),
            ...(m.entry.from ? { from: m.entry.from } : {}),
          });
        }
      }
      from = to;
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end || byCodeUnit(a.id, b.id));
}

/** Whether piece k is glued to a hyphen before it ("so-called", "self-declared"). */
function inCompound(s: Stream, k: number): boolean {
  return k > 0 && s.end[k - 1] === s.start[k] && (s.lower[k - 1] === '-' || s.token[k - 1] === s.token[k]);
}

/** Whether a quotation holds a word the pattern spells (not one its gaps or concepts took). */
function quotesPatternWord(s: Stream, m: Match, q: Quote): boolean {
  const own = new Set(m.entry.pattern.source.toLowerCase().split(/[^\p{L}\p{N}'-]+/u));
  for (let k = m.first; k < m.last; k++) if (s.start[k]! >= q.start && s.end[k]! <= q.end && (own.has(s.lower[k]!) || own.has(s.lemma[k]!))) return true;
  return false;
}

/**
 * A clause pattern ("@NATO .. @EXPAND") spans words it does not name: a negator among them ("NATO
 * has not expanded") negates the hit, unless the pattern itself spells that negator.
 */
function negatedWithin(s: Stream, m: Match): boolean {
  if (m.last - m.first < 3) return false;
  let own: Set<string> | undefined;
  for (let k = m.first + 1; k < m.last - 1; k++) {
    if (!NEGATORS.has(s.lower[k]!)) continue;
    own ??= new Set(m.entry.pattern.source.toLowerCase().split(/[^a-z']+/));
    if (!own.has(s.lower[k]!)) return true;
  }
  return false;
}

/**
 * Longest match first, as for rhetoric, with one exception: a clause pattern ("@WEST .. war with
 * @RUSSIA_SIDE") spans words it does not name, so another frame's stock phrase inside it ("The
 * collective West is continuing its confrontation with Russia") is a frame of its own and kept.
 * A phrase inside another frame's phrase ("indivisible Eurasian security architecture") is not.
 */
function resolveFrames(matches: Match[]): Match[] {
  const kept = resolve(matches);
  const clauses = kept.filter((m) => hasClauseGap(m));
  if (clauses.length === 0) return kept;
  const inside = (m: Match) => clauses.some((c) => c.entry.id !== m.entry.id && c.first <= m.first && m.last <= c.last);
  const extra = resolve(matches.filter((m) => !hasClauseGap(m) && !kept.includes(m) && inside(m)));
  return [...kept, ...extra].sort((a, b) => a.first - b.first || a.last - b.last || byCodeUnit(a.entry.id, b.entry.id));
}

function resolvePerId(matches: Match[]): Match[] {
  const byId = new Map<string, Match[]>();
  for (const m of matches) (byId.get(m.entry.id) ?? byId.set(m.entry.id, []).get(m.entry.id)!).push(m);
  return [...byId.values()].flatMap(resolve).sort((a, b) => a.first - b.first || a.last - b.last || byCodeUnit(a.entry.id, b.entry.id));
}

function hasClauseGap(m: Match): boolean {
  return m.entry.pattern.elements.some((e) => e.kind === 'gap' && e.clause);
}

/** The source a headline names after its dash ("… – Medvedev"). */
function titleSpeaker(text: string, named: ReturnType<typeof speakers>, from: number, to: number): Speaker | null {
  const n = named.find((x) => x.start >= from && x.end <= to);
  return n ? { text: text.slice(n.start, n.end), name: n.name, type: n.type, resolved: 'named' } : null;
}

/** The narrowest quotation holding [start, end). */
function innermost(quotes: Quote[], start: number, end: number): Quote | null {
  return quotes.filter((q) => q.start <= start && end <= q.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0] ?? null;
}

/**
 * The speaker of an attributed or quoted hit: from the cues of its own sentence, else, for a
 * quotation, from the sentences the quotation spans or the one right after it ("…," Lavrov said).
 */
function speakerAround(text: string, s: Stream, from: number, to: number, sentCues: Match[], named: ReturnType<typeof speakers>, quote: Quote | null, u: Unit, cues: Matcher): Speaker | null {
  const here = speakerOf(text, s, from, to, sentCues, named, quote);
  if (here || !quote) return here;
  // Sentences overlapping the quotation and the one after its end.
  const sents = u.sentences;
  for (const sent of sents) {
    const a = pieceAt(s, sent.first);
    const b = pieceAt(s, sent.last) ;
    if (a < 0 || b <= a) continue;
    const sStart = s.start[a]!;
    const sEnd = s.end[b - 1]!;
    if (sEnd < quote.start || sStart > quote.end + 200) continue;
    const c = cues.find(s, a, b);
    const who = c.length ? speakerOf(text, s, a, b, c, named, quote) : null;
    if (who) return who;
  }
  return null;
}

/** The first stream piece of wink token t (the stream splits hyphenated tokens). */
function pieceAt(s: Stream, t: number): number {
  return firstAtOrAfter(s.token, t);
}

/** Mentions of named things whose names can contain frame words (conferences, charters, institutes). */
function nameSpans(entities: Entity[]): Range[] {
  return entities.filter((e) => e.type !== 'PERSON' && e.type !== 'NORP').flatMap((e) => e.mentions);
}
