import type { Entity, Mention } from '../../pipeline/document.js';
import { translitKey } from './fold.js';
import { byCodeUnit } from '../../pipeline/sort.js';

/** A mention with its proposed canonical name and type, in document offsets. */
export interface Located extends Mention {
  type: string;
  name: string;
  qid: string | null;
}

/**
 * Merges mentions into canonical entities: exact canonical names first, then people by surname
 * ("Lavrov" → Sergey Lavrov) and event/organisation names that are a tail of a longer one
 * ("International Conference on X" → "Minsk International Conference on X"). The most frequent
 * type wins a conflict, gazetteer types first, so the choice is stable across runs.
 */
export function canonicalise(mentions: Located[]): Entity[] {
  const groups = new Map<string, Located[]>();
  for (const m of mentions) {
    // Names from our own rules (not curated) merge across romanisations: Andrei/Andrey Kortunov.
    const k = translitKey(m.name);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(m);
  }
  const keys = [...groups.keys()];
  const typeOf = (ms: Located[]) => majorityType(ms);
  const tokens = (k: string) => k.split(/\s+/);
  for (const k of keys) {
    const ms = groups.get(k)!;
    const t = typeOf(ms);
    const kt = tokens(k);
    let target: string | undefined;
    if (t === 'PERSON' && kt.length <= 3) {
      // "Lavrov", "Van der Bellen", "Lin" (family name first) → the one longer name they shorten.
      const isShortOf = (o: string) => {
        const ot = tokens(o);
        return ot.length > kt.length && (ot.slice(-kt.length).join(' ') === k || (kt.length === 1 && ot[0] === k));
      };
      const full = keys.filter((o) => o !== k && groups.has(o) && typeOf(groups.get(o)!) === 'PERSON' && isShortOf(o));
      if (full.length === 1) target = full[0];
    } else if ((t === 'EVENT' || t === 'ORG') && kt.length >= 3) {
      const longer = keys.filter((o) => o !== k && groups.has(o) && o.endsWith(' ' + k) && typeOf(groups.get(o)!) === t);
      if (longer.length === 1) target = longer[0];
    }
    if (target) {
      groups.get(target)!.push(...ms);
      groups.delete(k);
    }
  }
  const out: Entity[] = [];
  for (const ms of groups.values()) {
    ms.sort((a, b) => a.start - b.start || a.end - b.end);
    const named = ms.find((m) => m.via === 'gazetteer') ?? [...ms].sort((a, b) => b.name.length - a.name.length)[0]!;
    out.push({
      name: named.name,
      type: typeOf(ms),
      wikidata: ms.find((m) => m.qid)?.qid ?? null,
      mentions: ms.map(({ start, end, region, via }) => ({ start, end, region, via })),
    });
  }
  return out.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || byCodeUnit(a.name, b.name));
}

function majorityType(ms: Located[]): string {
  const gaz = ms.find((m) => m.via === 'gazetteer');
  if (gaz) return gaz.type;
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0]![0];
}
