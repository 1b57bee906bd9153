import type { Atom, Element, Pattern } from './pattern.js';
import type { Stream } from './stream.js';

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
  private byFirst = new Map<string, Entry[]>();
  private anyFirst: Entry[] = [];

  constructor(readonly entries: Entry[]) {
    for (const e of entries) {
      const keys = firstKeys(e.pattern.elements);
      if (!keys) this.anyFirst.push(e);
      else for (const k of keys) (this.byFirst.get(k) ?? this.byFirst.set(k, []).get(k)!).push(e);
    }
  }

  /** All matches inside [from, to), longest per (start, entry); overlaps are resolved by `resolve`. */
  find(s: Stream, from: number, to: number): Match[] {
    const out: Match[] = [];
    const none: Entry[] = [];
    for (let i = from; i < to; i++) {
      const lower = s.lower[i]!;
      const lemma = s.lemma[i]!;
      const lists = [this.anyFirst, this.byFirst.get(lower) ?? none, lemma !== lower ? this.byFirst.get(lemma) ?? none : none, this.byFirst.get('=' + s.surface[i]!) ?? none];
      for (let l = 0; l < lists.length; l++) {
        for (const e of lists[l]!) {
          // An entry indexed under both the form and the lemma is tried once.
          if (l === 2 && (this.byFirst.get(lower) ?? none).includes(e)) continue;
          const end = longest(e.pattern.elements, 0, i, s, to);
          if (end > i) out.push({ first: i, last: end, entry: e });
        }
      }
    }
    return out;
  }
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

function firstKeys(elements: Element[]): string[] | null {
  const first = elements[0];
  if (!first || first.kind !== 'alt' || first.optional) return null;
  const keys: string[] = [];
  for (const alt of first.alts) {
    const a = alt[0]!;
    if (!('lit' in a)) return null;
    keys.push(a.exact ? '=' + a.lit : a.lit);
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
