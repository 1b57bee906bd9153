import type { Region, Unit } from '../../pipeline/document.js';
import { toStream, type Stream } from '../../pipeline/matcher/stream.js';
import type { Stage } from '../../pipeline/stage.js';
import { canonicalise, type Located } from './canonical.js';
import { isAcronym, isCapitalised, translitKey } from './fold.js';
import { loadGazetteer } from './gazetteer.js';
import { recognise, type RawMention } from './recognize.js';
import { loadRules, type EntityRules } from './rules.js';

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
      learnFromText(units, streams, found, rules);
      dropCapsWords(streams, found, rules.capsWords);
      const located: Located[] = found.map(({ u, m }) => {
        const s = streams[u]!;
        return { start: s.start[m.first]!, end: s.end[m.last - 1]!, region: pieceRegion(units[u]!, s)(m.first), via: m.via, type: m.type, name: m.name, qid: m.qid };
      });
      return canonicalise(located);
    },
  };
}

type Found = Array<{ u: number; m: RawMention }>;

/**
 * Adds mentions that only the whole document reveals. An acronym defined in the text ("the
 * Centre for Eastern Security Policy (CESP)", or "CESP (Centre for …)") names that entity wherever
 * it stands, the headline and the lines before the definition included. A person named in full
 * lends the short form news uses later ("Lavrov", "Choe", "de Mistura", "bin Salman") to every
 * other place, as long as no second person in the document shares it.
 */
function learnFromText(units: Unit[], streams: Stream[], found: Found, rules: EntityRules): void {
  const { connectors } = rules;
  const acronyms = new Map<string, RawMention>();
  const short = new Map<string, { keys: string[]; m: RawMention | null }[]>();
  const addShort = (keys: string[], m: RawMention) => {
    const list = short.get(keys[0]!) ?? short.set(keys[0]!, []).get(keys[0]!)!;
    const same = list.find((x) => x.keys.join(' ') === keys.join(' '));
    if (!same) list.push({ keys, m });
    else if (same.m && same.m.name !== m.name) same.m = null;
  };
  for (const { u, m } of found) {
    const s = streams[u]!;
    if (m.type === 'PERSON') for (const keys of shortForms(s, m.first, m.last, rules)) addShort(keys, m);
    if (m.type === 'PERSON' || m.type === 'NORP') continue;
    if (s.surface[m.last] === '(' && isAcronym(s.surface[m.last + 1] ?? '') && s.surface[m.last + 2] === ')') acronyms.set(s.surface[m.last + 1]!, m);
    if (s.surface[m.first - 1] === '(' && s.surface[m.last] === ')' && isAcronym(s.surface[m.first - 2] ?? '')) acronyms.set(s.surface[m.first - 2]!, m);
  }
  // "the special military operation (SMO)": an acronym the text spells out in lowercase words
  // abbreviates a common noun, and is no organisation anywhere in the document.
  const common = new Set<string>();
  streams.forEach((s) => {
    for (let i = 2; i + 1 < s.surface.length; i++) {
      if (s.surface[i - 1] !== '(' || s.surface[i + 1] !== ')' || !isAcronym(s.surface[i]!)) continue;
      const acr = s.surface[i]!.replace(/\./g, '').toLowerCase();
      const words = s.lower.slice(Math.max(0, i - 1 - acr.length), i - 1).filter((w) => /^\p{L}/u.test(w));
      if (words.length === acr.length && words.map((w) => w[0]).join('') === acr && s.surface[i - 1 - acr.length] !== undefined && !/^\p{Lu}/u.test(s.surface[i - 1 - acr.length]!)) common.add(s.surface[i]!);
    }
  });
  if (common.size) for (let k = found.length - 1; k >= 0; k--) if (found[k]!.m.via === 'rule:acronym-org' && common.has(streams[found[k]!.u]!.surface[found[k]!.m.first]!)) found.splice(k, 1);
  if (!acronyms.size && !short.size) return;
  // An acronym taken for an unknown organisation names the entity the text defines it as.
  for (const f of found) {
    if (f.m.via !== 'rule:acronym-org') continue;
    const def = acronyms.get(streams[f.u]!.surface[f.m.first]!);
    if (def) f.m = { ...def, first: f.m.first, last: f.m.last, via: 'rule:acronym' };
  }
  units.forEach((_, ui) => {
    const s = streams[ui]!;
    const covered = new Uint8Array(s.surface.length);
    for (const f of found) if (f.u === ui) covered.fill(1, f.m.first, f.m.last);
    for (let i = 0; i < s.surface.length; i++) {
      // Short forms and acronyms start with a capital or a particle ("de Mistura").
      if (covered[i] || !(isCapitalised(s.surface[i]!) || connectors.has(s.surface[i]!))) continue;
      const acr = acronyms.get(s.surface[i]!);
      if (acr) {
        found.push({ u: ui, m: { ...acr, first: i, last: i + 1, via: 'rule:acronym' } });
        continue;
      }
      for (const cand of short.get(translitKey(s.surface[i]!)) ?? []) {
        const n = cand.keys.length;
        if (!cand.m || i + n > s.surface.length || covered[i + n - 1]) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = translitKey(s.surface[i + k]!) === cand.keys[k];
        // The short form must be written as a name: capitalised, or led by a particle ("de Mistura").
        if (!ok || !(isCapitalised(s.surface[i]!) || connectors.has(s.surface[i]!)) || !isCapitalised(s.surface[i + n - 1]!)) continue;
        found.push({ u: ui, m: { ...cand.m, first: i, last: i + n, via: 'rule:short-name' } });
        i += n - 1;
        break;
      }
    }
  });
}

/**
 * The forms a full name is shortened to, as translit keys per piece: the surname ("Lavrov"), the
 * surname with its particle ("de Mistura", "al-Safadi", "bin Salman") and the part after it
 * ("Safadi"), or the family name first for East Asian names with a hyphenated given name ("Choe
 * Son-hui", "Kim Jong-un").
 */
function shortForms(s: Stream, first: number, last: number, rules: EntityRules): string[][] {
  const { connectors } = rules;
  const pieces = s.surface.slice(first, last);
  const glued = (k: number) => s.start[first + k] === s.end[first + k - 1];
  // Words: runs of pieces glued together (a hyphenated word is three pieces).
  const words: Array<{ from: number; to: number }> = [];
  pieces.forEach((_, k) => (k > 0 && glued(k) ? (words[words.length - 1]!.to = k + 1) : words.push({ from: k, to: k + 1 })));
  if (words.length < 2) return [];
  const keys = (from: number, to: number) => pieces.slice(from, to).map(translitKey);
  const out: string[][] = [];
  const particle = words.findIndex((w, k) => k > 0 && k < words.length - 1 && connectors.has(pieces[w.from]!.toLowerCase()));
  const lastWord = words[words.length - 1]!;
  if (particle > 0) {
    out.push(keys(words[particle]!.from, pieces.length));
    if (lastWord.to - lastWord.from === 1 || pieces[lastWord.from + 1] === '-') out.push(keys(pieces.length - 1, pieces.length));
  } else if ((words.length === 2 && lastWord.to - lastWord.from === 3 && /^\p{Ll}/u.test(pieces[lastWord.to - 1]!)) || (words.length <= 3 && words[0]!.to === 1 && rules.familyNameFirst.has(pieces[0]!.toLowerCase()))) {
    out.push(keys(0, words[0]!.to));
  } else if (lastWord.to - lastWord.from === 1 && pieces[lastWord.from]!.length > 2) {
    out.push(keys(lastWord.from, lastWord.to));
  }
  return out;
}

/**
 * In an all-capitals headline an acronym cannot be told from a word ("WHO WILL PAY", "DICTATE TO
 * US"): such a mention counts only when the article names the same entity elsewhere.
 */
function dropCapsWords(streams: Stream[], found: Found, words: Set<string>): void {
  const caps = streams.map((s, u) => {
    if (!found.some((f) => f.u === u) || !streams[u] || s.surface.length > 60) return false;
    const letters = s.surface.filter((t) => /\p{L}/u.test(t));
    return letters.length >= 3 && letters.filter((t) => /\p{Ll}/u.test(t)).length <= letters.length * 0.1;
  });
  const elsewhere = new Set(found.filter((f) => !caps[f.u]).map((f) => f.m.name));
  for (let k = found.length - 1; k >= 0; k--) {
    const { u, m } = found[k]!;
    const t = streams[u]!.surface.slice(m.first, m.last).join(' ').toLowerCase();
    if (caps[u] && words.has(t) && !elsewhere.has(m.name)) found.splice(k, 1);
  }
}
