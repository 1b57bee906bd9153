import type { Region, Unit } from '../../pipeline/document.js';
import { toStream, type Stream } from '../../pipeline/lexicon/stream.js';
import type { Stage } from '../../pipeline/stage.js';
import { canonicalise, type Located } from './canonical.js';
import { foldKey, isAcronym, isCapitalised } from './fold.js';
import { loadGazetteer } from './gazetteer.js';
import { recognise, type RawMention } from './recognize.js';
import { loadRules } from './rules.js';

/** Region of each stream piece: title, heading, body or comment. */
export function pieceRegion(u: Unit, s: Stream): (i: number) => Region {
  return (i) => (u.region === 'title' ? 'title' : u.region === 'comment' ? 'comment' : u.inHeading[s.token[i]!] ? 'heading' : 'body');
}

/**
 * The entities stage: recognition per unit, then two document-level passes that only a whole
 * document allows: acronyms defined in the text ("… in Asia (CICA)") and bare surnames of people
 * already named in full, then canonicalisation into one entity per real-world referent.
 */
export function createEntities(): Stage<'entities'> {
  const gaz = loadGazetteer();
  const rules = loadRules();
  return {
    name: 'entities',
    requires: ['text', 'tokens'],
    assigns: 'entities',
    run(doc) {
      const units = doc.tokens!.units;
      const streams = units.map(toStream);
      const found: Array<{ u: number; m: RawMention }> = [];
      units.forEach((u, ui) => {
        for (const m of recognise(u, streams[ui]!, { gaz, rules }, pieceRegion(u, streams[ui]!))) found.push({ u: ui, m });
      });
      // Learn "Long Name (ACR)" and collect surnames of fully named people.
      const learned = new Map<string, RawMention>();
      for (const { u, m } of found) {
        const s = streams[u]!;
        if (m.type === 'PERSON' && m.last - m.first >= 2 && !learned.has(foldKey(s.surface[m.last - 1]!))) {
          learned.set(foldKey(s.surface[m.last - 1]!), m);
        }
        if (s.surface[m.last] === '(' && isAcronym(s.surface[m.last + 1] ?? '') && s.surface[m.last + 2] === ')' && m.type !== 'PERSON') {
          learned.set(s.surface[m.last + 1]!, m);
        }
      }
      if (learned.size) {
        units.forEach((_, ui) => {
          const s = streams[ui]!;
          const covered = new Uint8Array(s.surface.length);
          for (const f of found) if (f.u === ui) covered.fill(1, f.m.first, f.m.last);
          for (let i = 0; i < s.surface.length; i++) {
            if (covered[i] || !isCapitalised(s.surface[i]!)) continue;
            const m = learned.get(s.surface[i]!) ?? (learned.get(foldKey(s.surface[i]!))?.type === 'PERSON' ? learned.get(foldKey(s.surface[i]!)) : undefined);
            if (m) found.push({ u: ui, m: { ...m, first: i, last: i + 1, via: m.type === 'PERSON' ? 'rule:surname' : 'rule:acronym' } });
          }
        });
      }
      const located: Located[] = found.map(({ u, m }) => {
        const s = streams[u]!;
        return { start: s.start[m.first]!, end: s.end[m.last - 1]!, region: pieceRegion(units[u]!, s)(m.first), via: m.via, type: m.type, name: m.name, qid: m.qid };
      });
      return canonicalise(located);
    },
  };
}
