import type { Atom, Element, Pattern } from './pattern.js';
import type { Stream } from './stream.js';
import { streamIds, vocabularySize, wordId, type StreamIds } from './vocab.js';
import { byCodeUnit } from '../sort.js';

/** A pattern with the entry (frame or marker) it belongs to. */
export interface Entry {
  id: string;
  family: string;
  pattern: Pattern;
  /** A condition on the document the hit needs (see `HitCondition`); absent for most patterns. */
  when?: HitCondition;
  /** The first publication date (YYYY-MM-DD) at which the phrase frames: a euphemism for a war needs the war. */
  from?: string;
}

/**
 * `narrative-leaning`: a phrase that frames only in a text already framed that way. A bare "the
 * West" is the collective-West label in a text whose other framing is the narratives', and a
 * geographic or diplomatic name elsewhere ("ties between Moscow and the West").
 */
export type HitCondition = 'narrative-leaning';
export const HIT_CONDITIONS: readonly HitCondition[] = ['narrative-leaning'];

/** A raw match over stream pieces [first, last). */
export interface Match {
  first: number;
  last: number;
  entry: Entry;
}

/**
 * Matches many patterns over a token stream. Patterns are indexed by the word id of their first
 * literal and, when the next element is required, of the word after it: the many patterns that
 * start with "the" or "of" are reached only when the following word fits, so a token costs a
 * few array and map look-ups, not a test per pattern.
 */
export class Matcher {
  /** By first word id: patterns whose second word is not fixed (or absent). */
  private flat: number[][] = [];
  private flatExact: number[][] = [];
  /** By first word id, then by the id of the second word (case-folded or exact). */
  private pair: Array<Map<number, number[]>> = [];
  private pairExact: Array<Map<number, number[]>> = [];
  private anyFirst: number[] = [];
  /** Entries that may start with an entity slot, by the slot's type: tried where such a mention starts. */
  private entityFirst = new Map<string, number[]>();
  /** Entries starting with a word prefix ("abandon*", from imported dictionaries), by prefix. */
  private byPrefix = new Map<string, number[]>();
  private prefixLengths: number[] = [];
  /** Per entry, the last token it was tried at (+1): an entry reached twice at one token is tried once. */
  private triedAt: Int32Array;
  private stamp = 0;
  /** Per entry with clause gaps, the word ids of each of its later required positions (see `requiredWords`). */
  private needs: Array<Int32Array[] | null>;
  /** Word id → the bag stamp of the sentence it was last seen in: the sentence's words, without a Set. */
  private seen = new Int32Array(0);
  private bagStamp = 0;
  /** Whether the bag of the sentence being searched is filled (from the first start that needed it). */
  private bagFilled = false;
  private ids: StreamIds | null = null;

  // The indexes hold entry positions, not entries: the per-candidate "tried here?" check is then
  // an array read, where a Map from entry to position cost a look-up per candidate.
  constructor(readonly entries: Entry[]) {
    this.triedAt = new Int32Array(entries.length);
    this.needs = entries.map((e) => requiredWords(e.pattern.elements)?.map((words) => Int32Array.from([...words], (w) => wordId(w))) ?? null);
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k]!;
      const prefixes = firstPrefixes(e.pattern.elements);
      if (prefixes) {
        for (const p of prefixes) {
          const list = this.byPrefix.get(p) ?? this.byPrefix.set(p, []).get(p)!;
          if (!list.includes(k)) list.push(k);
        }
        continue;
      }
      const first = firstKeys(e.pattern.elements);
      if (!first) {
        this.anyFirst.push(k);
        continue;
      }
      for (const type of first.entityTypes) {
        const list = this.entityFirst.get(type) ?? this.entityFirst.set(type, []).get(type)!;
        if (!list.includes(k)) list.push(k);
      }
      for (const { key, exact, next } of first.keys) {
        const id = wordId(key);
        if (!next) {
          const list = ((exact ? this.flatExact : this.flat)[id] ??= []);
          if (!list.includes(k)) list.push(k);
          continue;
        }
        const byNext = ((exact ? this.pairExact : this.pair)[id] ??= new Map());
        for (const [lit, litExact] of [...[...next.lits].map((l) => [l, false] as const), ...[...next.exact].map((l) => [l, true] as const)]) {
          // Exact-case second words are keyed apart from case-folded ones (negative ids).
          const nid = litExact ? -1 - wordId(lit) : wordId(lit);
          const list = byNext.get(nid) ?? byNext.set(nid, []).get(nid)!;
          if (!list.includes(k)) list.push(k);
        }
      }
    }
    this.prefixLengths = [...new Set([...this.byPrefix.keys()].map((k) => k.length))].sort((a, b) => a - b);
  }

  /** All matches inside [from, to), longest per (start, entry); overlaps are resolved by `resolve`. */
  find(s: Stream, from: number, to: number): Match[] {
    const out: Match[] = [];
    const ids = streamIds(s);
    this.ids = ids;
    this.bagFilled = false;
    for (let i = from; i < to; i++) {
      if (++this.stamp > 2e9) (this.stamp = 1), this.triedAt.fill(0);
      for (const e of this.anyFirst) this.tryAt(e, i, s, to, out);
      if (this.entityFirst.size && s.ents && s.ents.end[i]! > 0) for (const e of this.entityFirst.get(s.ents.type[i]!) ?? []) this.tryAt(e, i, s, to, out);
      if (this.prefixLengths.length) {
        const lower = s.lower[i]!;
        for (const n of this.prefixLengths) {
          if (n > lower.length) break;
          for (const e of this.byPrefix.get(lower.slice(0, n)) ?? []) this.tryAt(e, i, s, to, out);
        }
      }
      const hasNext = i + 1 < to;
      for (let f = 0; f < 2; f++) {
        const id = f === 0 ? ids.lower[i]! : ids.lemma[i]!;
        if (id < 0) continue;
        const flat = this.flat[id];
        if (flat) for (const e of flat) this.tryAt(e, i, s, to, out);
        const pair = this.pair[id];
        if (pair && hasNext) this.tryPairs(pair, ids, i, s, to, out);
      }
      const su = ids.surface[i]!;
      if (su >= 0) {
        const flat = this.flatExact[su];
        if (flat) for (const e of flat) this.tryAt(e, i, s, to, out);
        const pair = this.pairExact[su];
        if (pair && hasNext) this.tryPairs(pair, ids, i, s, to, out);
      }
    }
    return out;
  }

  /**
   * Stamps the words of the sentence from `from` to its end (a later position of a pattern lies
   * after its start; later starts see a superset, never a false "absent").
   */
  private fillBag(from: number, to: number): void {
    const size = vocabularySize();
    if (this.seen.length < size) {
      const grown = new Int32Array(Math.max(size, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (++this.bagStamp > 2e9) (this.bagStamp = 1), this.seen.fill(0);
    const ids = this.ids!;
    for (let k = from; k < to; k++) {
      const lo = ids.lower[k]!;
      const le = ids.lemma[k]!;
      if (lo >= 0) this.seen[lo] = this.bagStamp;
      if (le >= 0) this.seen[le] = this.bagStamp;
    }
    this.bagFilled = true;
  }

  private tryPairs(pair: Map<number, number[]>, ids: StreamIds, i: number, s: Stream, to: number, out: Match[]): void {
    const j = i + 1;
    const lo = ids.lower[j]!;
    const le = ids.lemma[j]!;
    if (lo >= 0) for (const e of pair.get(lo) ?? []) this.tryAt(e, i, s, to, out);
    if (le >= 0) for (const e of pair.get(le) ?? []) this.tryAt(e, i, s, to, out);
    const su = ids.surface[j]!;
    if (su >= 0) for (const e of pair.get(-1 - su) ?? []) this.tryAt(e, i, s, to, out);
  }

  private tryAt(k: number, i: number, s: Stream, to: number, out: Match[]): void {
    if (this.triedAt[k] === this.stamp) return;
    this.triedAt[k] = this.stamp;
    const e = this.entries[k]!;
    const needs = this.needs[k];
    if (needs) {
      if (!this.bagFilled) this.fillBag(i, to);
      for (const need of needs) {
        let found = false;
        for (let w = 0; w < need.length && !found; w++) found = this.seen[need[w]!] === this.bagStamp;
        if (!found) return;
      }
    }
    const end = longest(e.pattern.elements, 0, i, s, to);
    if (end > i) out.push({ first: i, last: end, entry: e });
  }
}

/**
 * A pattern with gaps ("@WEST .. direct? war|conflict with|against @RUSSIA_SIDE") may try many
 * paths from each start; it can only match in a sentence holding a word of each of its later
 * required positions, which a set look-up tells first. Positions that may be an entity, a prefix or
 * a POS tag are left out; so is a pattern without clause gaps, whose few paths cost less than the
 * look-up.
 */
function requiredWords(elements: Element[]): Array<Set<string>> | null {
  if (!elements.some((e) => e.kind === 'gap' && e.clause)) return null;
  const needs: Array<Set<string>> = [];
  for (const el of elements.slice(1)) {
    if (el.kind !== 'alt' || el.optional) continue;
    const words = new Set<string>();
    let plain = true;
    for (const alt of el.alts) {
      const a = alt[0]!;
      if (!('lit' in a)) plain = false;
      else words.add(a.lit.toLowerCase());
    }
    if (plain) needs.push(words);
  }
  return needs.length ? needs : null;
}

/** The words that may stand right after a pattern's first word; null when any word may (or none need). */
interface NextWords {
  lits: Set<string>;
  exact: Set<string>;
}

/**
 * The words a pattern may continue with after an alternative of its first element: the
 * alternative's own second piece ("the" of "the alliance" is followed by "alliance"), else the
 * first words of the elements after it. Keyed per alternative, so "the" in a concept of "the
 * alliance | the bloc | nato" is only tried before "alliance" or "bloc", never at every "the".
 */
function nextAfter(alt: Atom[], elements: Element[]): NextWords | null {
  const out: NextWords = { lits: new Set(), exact: new Set() };
  const add = (a: Atom): boolean => {
    if (!('lit' in a)) return false;
    (a.exact ? out.exact : out.lits).add(a.lit);
    return true;
  };
  if (alt.length >= 2) return add(alt[1]!) ? out : null;
  return firstWordsFrom(elements, 1, add) ? out : null;
}

/** Adds every word a match may continue with from element ei; false when that is unbounded. */
function firstWordsFrom(elements: Element[], ei: number, add: (a: Atom) => boolean): boolean {
  const el = elements[ei];
  if (!el || el.kind !== 'alt') return false;
  for (const alt of el.alts) if (!add(alt[0]!)) return false;
  return el.optional ? firstWordsFrom(elements, ei + 1, add) : true;
}

/**
 * Longest match first (spaCy's policy): among overlapping matches keep the one covering most
 * pieces, then the earlier one, then the smaller id, so the outcome never depends on file order.
 */
export function resolve(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || byCodeUnit(a.entry.id, b.entry.id) || byCodeUnit(a.entry.pattern.source, b.entry.pattern.source));
  const kept: Match[] = [];
  const taken = new Set<number>();
  for (const m of sorted) {
    let free = true;
    for (let i = m.first; i < m.last && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = m.first; i < m.last; i++) taken.add(i);
    kept.push(m);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** The prefixes a pattern may start with, when its first element is all prefixes ("abandon*|betray*"). */
function firstPrefixes(elements: Element[]): string[] | null {
  const first = elements[0];
  if (!first || first.kind !== 'alt' || first.optional) return null;
  const out: string[] = [];
  for (const alt of first.alts) {
    const a = alt[0]!;
    if (!('prefix' in a)) return null;
    out.push(a.prefix);
  }
  return out;
}

/**
 * The words a pattern may start with (each with the words that may follow it, or null for any),
 * and the entity types of the slots it may start with.
 */
function firstKeys(elements: Element[]): { keys: Array<{ key: string; exact: boolean; next: NextWords | null }>; entityTypes: Set<string> } | null {
  const first = elements[0];
  if (!first || first.kind !== 'alt' || first.optional) return null;
  // One key may head several alternatives: their followers merge, and any open one opens the key.
  const byKey = new Map<string, { key: string; exact: boolean; next: NextWords | null }>();
  const entityTypes = new Set<string>();
  for (const alt of first.alts) {
    const a = alt[0]!;
    if ('ent' in a) {
      entityTypes.add(a.ent);
      continue;
    }
    if (!('lit' in a)) return null;
    const next = nextAfter(alt, elements);
    const id = `${a.exact ? '=' : ''}${a.lit}`;
    const seen = byKey.get(id);
    if (!seen) byKey.set(id, { key: a.lit, exact: a.exact, next });
    else if (seen.next && next) {
      for (const l of next.lits) seen.next.lits.add(l);
      for (const l of next.exact) seen.next.exact.add(l);
    } else seen.next = null;
  }
  return { keys: [...byKey.values()], entityTypes };
}

// Where a clause gap (`..`) stops: punctuation that closes a clause, and words that open another.
// Subordinators stop a gap only when a clause follows: "since" opens one in "since NATO expanded",
// not in "the alliance has since kept expanding", where a verb follows it.
const CLAUSE_STOPS = new Set([',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '[', ']', 'which', 'who', 'whom', 'whose', 'but']);
const SUBORDINATORS = new Set(['while', 'whereas', 'although', 'though', 'because', 'since', 'unless', 'if']);

function clauseStop(s: Stream, i: number): boolean {
  const w = s.lower[i]!;
  return CLAUSE_STOPS.has(w) || (SUBORDINATORS.has(w) && s.pos[i + 1] !== 'VERB' && s.pos[i + 1] !== 'AUX');
}

function atomOk(a: Atom, s: Stream, i: number): boolean {
  if ('prefix' in a) return s.lower[i]!.startsWith(a.prefix);
  // An entity slot has neither `lit` nor `pos`: it fails here and is read by `longest`.
  if (!('lit' in a)) return s.pos[i] === (a as { pos?: string }).pos;
  if (a.pos && s.pos[i] !== a.pos) return false;
  return a.exact ? s.surface[i] === a.lit : s.lower[i] === a.lit || s.lemma[i] === a.lit;
}

/** End of the longest match of elements[ei..] starting at token i, or -1. */
function longest(els: Element[], ei: number, i: number, s: Stream, to: number): number {
  if (ei === els.length) return i;
  const el = els[ei]!;
  let best = -1;
  if (el.kind === 'gap') {
    if (el.clause) {
      // The nearest continuation inside the clause: a hit's span is the shortest stretch carrying it.
      for (let g = 0; g <= el.max && i + g <= to; g++) {
        if (g > 0 && clauseStop(s, i + g - 1)) break;
        const end = longest(els, ei + 1, i + g, s, to);
        if (end >= 0) return end;
      }
      return -1;
    }
    for (let g = 0; g <= el.max && i + g <= to; g++) best = Math.max(best, longest(els, ei + 1, i + g, s, to));
    return best;
  }
  const quick = el.firsts;
  if (quick && i < to && !quick.lits.has(s.lower[i]!) && !quick.lits.has(s.lemma[i]!) && !quick.exact.has(s.surface[i]!)) {
    return el.optional ? longest(els, ei + 1, i, s, to) : -1;
  }
  for (const alt of el.alts) {
    let j = i;
    let ok = true;
    for (const a of alt) {
      if (j >= to) {
        ok = false;
        break;
      }
      if (atomOk(a, s, j)) {
        j++;
        continue;
      }
      // Most positions hold words only: no slot to try.
      if (!el.slots) {
        ok = false;
        break;
      }
      // An entity slot takes the whole mention, of the type (and canonical name) asked for.
      const end = 'ent' in a ? (s.ents?.end[j] ?? 0) : 0;
      if (end === 0 || end > to || s.ents!.type[j] !== (a as { ent: string }).ent) {
        ok = false;
        break;
      }
      const names = (a as { names: string[] | null }).names;
      if (names && !names.includes(s.ents!.name[j]!)) {
        ok = false;
        break;
      }
      j = end;
    }
    if (ok) best = Math.max(best, longest(els, ei + 1, j, s, to));
  }
  if (el.optional) best = Math.max(best, longest(els, ei + 1, i, s, to));
  return best;
}
