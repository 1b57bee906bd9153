import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { stageDataPath } from '../../pipeline/data-file.js';
import { foldKey } from '../../stages/entities/fold.js';
import { loadGazetteer } from '../../stages/entities/gazetteer.js';

// The curated gazetteer is data researchers join on (names, QIDs): these checks keep it honest.
const dir = stageDataPath('entities', 'gazetteer');
type Raw = { name: string; type: string; qid?: string; aliases?: string[]; demonyms?: string[]; capital?: string; note?: string };
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const docs = files.map((f) => ({ file: f, data: YAML.parse(readFileSync(join(dir, f), 'utf8')) as { version: string; sources: string[]; entries: Raw[] } }));
const entries = docs.flatMap((d) => d.data.entries.map((e) => ({ ...e, file: d.file })));

describe('gazetteer data', () => {
  it('says where every file comes from and versions it', () => {
    for (const d of docs) {
      expect(d.data.version, d.file).toMatch(/^\d+\.\d+\.\d+$/);
      expect(d.data.sources?.length, d.file).toBeGreaterThan(0);
    }
  });

  it('never gives two entries one Wikidata id', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      if (!e.qid) continue;
      if (seen.has(e.qid)) clashes.push(`${e.qid}: ${seen.get(e.qid)} / ${e.name}`);
      seen.set(e.qid, e.name);
    }
    expect(clashes).toEqual([]);
    expect(seen.size).toBeGreaterThan(500);
  });

  it('gives every country a capital and demonyms, and knows the capital as a place', () => {
    const countries = entries.filter((e) => e.file === 'countries.yaml' && e.type === 'GPE');
    expect(countries.length).toBeGreaterThan(190);
    const gaz = loadGazetteer();
    // An entry without a demonym or a capital says why in its note (a shared demonym, a city state).
    const missing = countries.filter((e) => !e.note && (!e.demonyms?.length || !e.capital || !gaz.byName.has(foldKey(e.capital))));
    expect(missing.map((e) => e.name)).toEqual([]);
  });

  it('lists names, not phrases: no alias starts with a lowercase word other than a name particle', () => {
    const particles = /^(the|al|el|bin|ibn|von|van|de|da|der|den|ben|abu|ould|dpa|euronews|istories)\b/;
    const phrases = entries.flatMap((e) => (e.aliases ?? []).filter((a) => /^\p{Ll}/u.test(a) && a.includes(' ') && !particles.test(a)).map((a) => `${e.name}: ${a}`));
    expect(phrases).toEqual([]);
  });

  it('covers the organisations and leaders the issue names', () => {
    const gaz = loadGazetteer();
    for (const n of ['UN', 'NATO', 'EU', 'OSCE', 'CSTO', 'CIS', 'SCO', 'BRICS', 'EAEU', 'Union State', 'CICA', 'ASEAN', 'G7', 'G20']) {
      expect(gaz.byFirst.get(foldKey(n.split(' ')[0]!))?.some((f) => f.exact.join(' ') === n || f.keys.join(' ') === foldKey(n)), n).toBe(true);
    }
    for (const n of ['Sergey Lavrov', 'Alexander Lukashenko', 'Xi Jinping', 'Narendra Modi', 'Recep Tayyip Erdoğan', 'Kassym-Jomart Tokayev', 'Nikol Pashinyan', 'Maia Sandu', 'Péter Szijjártó']) {
      expect(gaz.byName.has(foldKey(n)) || entries.some((e) => e.type === 'PERSON' && [e.name, ...(e.aliases ?? [])].some((a) => foldKey(a) === foldKey(n))), n).toBe(true);
    }
  });
});
