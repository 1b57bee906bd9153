import type { Atom, Element, Pattern } from './pattern.js';
import type { Stream } from './stream.js';
import { streamIds, wordId } from './vocab.js';

/** A pattern with the entry (frame or marker) it belongs to. */
export interface Entry {
  id: string;
  family: string;
  pattern: Pattern;
}

/** A raw match over stream pieces [first, last). */
export interface Match {
  first: number;
  last: number;
  entry: Entry;
}

/**
 * Matches many patterns over a token stream. Patterns are indexed by the literals their first
 * element can match, so each token costs two map look-ups, not one test per pattern.
 */
export class Matcher {
  /** Entries by the word id of their first literal: case-folded, and exact-case ("=US"). */
  private byFirst: Entry[][] = [];
  private byExact: Entry[][] = [];
  private anyFirst: Entry[] = [];
  private next = new Map<Entry, NextWords | null>();

  constructor(readonly entries: Entry[]) {
    for (const e of entries) {
      this.next.set(e, nextWords(e.pattern.elements));
      const keys = firstKeys(e.pattern.elements);
      if (!keys) this.anyFirst.push(e);
      else {
        for (const { key, exact } of keys) {
          const index = exact ? this.byExact : this.byFirst;
          const id = wordId(key);
          const list = (index[id] ??= []);
          if (!list.includes(e)) list.push(e);
        }
      }
    }
  }

  /** All matches inside [from, to), longest per (start, entry); overlaps are resolved by `resolve`. */
  find(s: Stream, from: number, to: number): Match[] {
    const out: Match[] = [];
    const ids = streamIds(s);
    // Every token of every document passes here: no allocation per token, and an entry indexed
    // under both a form and its lemma is tried once.
    for (let i = from; i < to; i++) {
      const lo = ids.lower[i]!;
      const le = ids.lemma[i]!;
      const su = ids.surface[i]!;
      const byForm = lo >= 0 ? this.byFirst[lo] : undefined;
      const byLemma = le >= 0 ? this.byFirst[le] : undefined;
      const byCase = su >= 0 ? this.byExact[su] : undefined;
      if (this.anyFirst.length) for (const e of this.anyFirst) this.tryAt(e, i, s, to, out);
      if (byForm) for (const e of byForm) this.tryAt(e, i, s, to, out);
      if (byLemma) for (const e of byLemma) if (!byForm?.includes(e)) this.tryAt(e, i, s, to, out);
      if (byCase) for (const e of byCase) if (!byForm?.includes(e) && !byLemma?.includes(e)) this.tryAt(e, i, s, to, out);
    }
    return out;
  }

  private tryAt(e: Entry, i: number, s: Stream, to: number, out: Match[]): void {
    // Many patterns share a first word ("the =West", "the swamp"): the word after it rules most out.
    const next = this.next.get(e);
    if (next) {
      const j = i + 1;
      if (j >= to || !(next.lits.has(s.lower[j]!) || next.lits.has(s.lemma[j]!) || next.exact.has(s.surface[j]!))) return;
    }
    const end = longest(e.pattern.elements, 0, i, s, to);
    if (end > i) out.push({ first: i, last: end, entry: e });
  }
}

/** The words that must follow a one-word first element, when the second element is required. */
interface NextWords {
  lits: Set<string>;
  exact: Set<string>;
}

function nextWords(elements: Element[]): NextWords | null {
  const [first, second] = elements;
  if (first?.kind !== 'alt' || first.alts.some((alt) => alt.length !== 1)) return null;
  if (second?.kind !== 'alt' || second.optional) return null;
  const out: NextWords = { lits: new Set(), exact: new Set() };
  for (const alt of second.alts) {
    const a = alt[0]!;
    if (!('lit' in a)) return null;
    (a.exact ? out.exact : out.lits).add(a.lit);
  }
  return out;
}

/**
 * Longest match first (spaCy's policy): among overlapping matches keep the one covering most
 * pieces, then the earlier one, then the smaller id, so the outcome never depends on file order.
 */
export function resolve(matches: Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first || a.entry.id.localeCompare(b.entry.id) || a.entry.pattern.source.localeCompare(b.entry.pattern.source));
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

function firstKeys(elements: Element[]): Array<{ key: string; exact: boolean }> | null {
  const first = elements[0];
  if (!first || first.kind !== 'alt' || first.optional) return null;
  const keys: Array<{ key: string; exact: boolean }> = [];
  for (const alt of first.alts) {
    const a = alt[0]!;
    if (!('lit' in a)) return null;
    keys.push({ key: a.lit, exact: a.exact });
  }
  return keys;
}

function atomOk(a: Atom, s: Stream, i: number): boolean {
  if (!('lit' in a)) return s.pos[i] === a.pos;
  if (a.pos && s.pos[i] !== a.pos) return false;
  return a.exact ? s.surface[i] === a.lit : s.lower[i] === a.lit || s.lemma[i] === a.lit;
}

/** End of the longest match of elements[ei..] starting at token i, or -1. */
function longest(els: Element[], ei: number, i: number, s: Stream, to: number): number {
  if (ei === els.length) return i;
  const el = els[ei]!;
  let best = -1;
  if (el.kind === 'gap') {
    for (let g = 0; g <= el.max && i + g <= to; g++) best = Math.max(best, longest(els, ei + 1, i + g, s, to));
    return best;
  }
  for (const alt of el.alts) {
    let j = i;
    let ok = true;
    for (const a of alt) {
      if (j >= to || !atomOk(a, s, j)) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok) best = Math.max(best, longest(els, ei + 1, j, s, to));
  }
  if (el.optional) best = Math.max(best, longest(els, ei + 1, i, s, to));
  return best;
}
