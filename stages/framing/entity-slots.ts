import type { Entity } from '../../pipeline/document.js';
import type { Entry } from '../../pipeline/matcher/matcher.js';
import type { Stream } from '../../pipeline/matcher/stream.js';
import { foldKey } from '../entities/fold.js';
import { loadGazetteer } from '../entities/gazetteer.js';
import { firstAtOrAfter } from '../../pipeline/sort.js';

/**
 * Writes the names in entity slots as the entities stage's canonical names, so a lexicon may say
 * `<ORG:NATO>` or `<PERSON:Lavrov>` by any spelling the gazetteer knows ("NATO" is canonically
 * "North Atlantic Treaty Organization"). Names the gazetteer does not know stay as written.
 */
export function canonicalSlotNames(entries: Entry[]): void {
  const gaz = loadGazetteer();
  const canonical = new Map<string, string>();
  for (const e of gaz.entries) for (const a of [e.name, ...e.aliases]) if (!canonical.has(foldKey(a))) canonical.set(foldKey(a), e.name.toLowerCase());
  for (const entry of entries) {
    for (const el of entry.pattern.elements) {
      if (el.kind !== 'alt') continue;
      for (const alt of el.alts) for (const a of alt) if ('ent' in a && a.names) a.names = a.names.map((n) => canonical.get(foldKey(n)) ?? n);
    }
  }
}

// Framing and rhetoric walk the same streams of one document: mark each stream once.
const marked = new WeakMap<Stream, Entity[]>();

/**
 * Marks the entity mentions of a document on a unit's stream, by their first piece, so pattern
 * slots (`<ORG:NATO>`, `<PERSON>`) test the entities stage's own reading: the span a slot takes is
 * the whole mention, and its name the canonical one ("Lavrov" is Sergey Lavrov).
 */
export function markEntities(s: Stream, entities: Entity[]): void {
  if (marked.get(s) === entities) return;
  marked.set(s, entities);
  const n = s.start.length;
  const ents = { end: new Int32Array(n), type: new Array<string>(n).fill(''), name: new Array<string>(n).fill('') };
  if (n > 0) {
    const from = s.start[0]!;
    const to = s.end[n - 1]!;
    for (const e of entities) {
      const name = e.name.toLowerCase();
      for (const m of e.mentions) {
        if (m.end <= from || m.start >= to) continue;
        const first = firstAtOrAfter(s.start, m.start);
        if (first >= n || s.start[first] !== m.start) continue;
        let last = first;
        while (last < n && s.start[last]! < m.end) last++;
        // Nested or overlapping mentions: the longer one holds the slot.
        if (ents.end[first]! >= last) continue;
        ents.end[first] = last;
        ents.type[first] = e.type;
        ents.name[first] = name;
      }
    }
  }
  s.ents = ents;
}
