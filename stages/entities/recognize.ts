import nlp from 'compromise';
import type { Region, Unit } from '../../pipeline/document.js';
import type { Stream } from '../../pipeline/matcher/stream.js';
import { foldKey, isAcronym, isCapitalised } from './fold.js';
import type { AliasForm, Gazetteer, GazetteerEntry } from './gazetteer.js';
import type { EntityRules } from './rules.js';

const LOCATIVE = new Set(['in', 'at', 'to']);

/** A mention before canonicalisation: its span (stream pieces), type, proposed name and origin. */
export interface RawMention {
  first: number;
  last: number;
  type: string;
  name: string;
  qid: string | null;
  via: string;
}

/** Everything recognition needs, loaded once per worker. */
export interface Recogniser {
  gaz: Gazetteer;
  rules: EntityRules;
}

interface View {
  s: Stream;
  key: string[];
  sent: Int32Array;
  /** Title and headings are title-cased: capitalisation says nothing there, so only known names count. */
  titleCase: Uint8Array;
  /** Per piece: written with an initial capital; starts with a letter or digit. */
  cap: Uint8Array;
  word: Uint8Array;
  /** Two- or three-word capitalised stretches no rule could type: people, if they stand in a list of people. */
  untyped: Array<{ first: number; last: number }>;
  /** A reader comment: chat abbreviations there are not the organisations that share their letters. */
  comment: boolean;
}

const WORD_START = /^[\p{L}\p{N}]/u;

// Short words title case leaves in lowercase ("Talks With Kyiv Stall Over Grain").
const TITLE_CASE_LOWER = new Set(['with', 'from', 'into', 'onto', 'over', 'upon', 'than', 'that', 'after', 'about', 'amid', 'near', 'under', 'versus', 'without', 'within', 'while', 'when', 'where']);

/**
 * Whether a headline capitalises its words ("Italy Recalls Cuttitta", "ITALY RECALLS …"): there a
 * capital says nothing. One lowercase content word ("Italy recalled Marcello Cuttitta") makes it
 * sentence case, which reads as prose.
 */
function titleCased(s: Stream, from: number, to: number, keep: (i: number) => boolean = () => true): boolean {
  for (let i = from; i < to; i++) {
    const t = s.surface[i]!;
    if (t.length >= 4 && keep(i) && /^\p{Ll}/u.test(t) && !TITLE_CASE_LOWER.has(t)) return false;
  }
  return true;
}

/** The per-piece flags every pass reads, computed once: most pieces are decided from one char code. */
function view(u: Unit, s: Stream, regionOf: (piece: number) => Region): View {
  const n = s.surface.length;
  const v: View = { s, key: s.fold, sent: new Int32Array(n), titleCase: new Uint8Array(n), cap: new Uint8Array(n), word: new Uint8Array(n), untyped: [], comment: u.region === 'comment' };
  const cased = u.region === 'title' && titleCased(s, 0, n);
  const headingCased = u.region === 'body' && u.inHeading.some((h) => h === 1) && titleCased(s, 0, n, (i) => regionOf(i) === 'heading');
  for (let i = 0; i < n; i++) {
    const t = s.surface[i]!;
    const c = t.charCodeAt(0);
    v.sent[i] = u.sentence[s.token[i]!]!;
    v.titleCase[i] = cased || (headingCased && regionOf(i) === 'heading') ? 1 : 0;
    if (c < 128) {
      v.cap[i] = c >= 65 && c <= 90 ? 1 : 0;
      v.word[i] = (c | 32) >= 97 && (c | 32) <= 122 ? 1 : c >= 48 && c <= 57 ? 1 : 0;
    } else {
      v.cap[i] = isCapitalised(t) ? 1 : 0;
      v.word[i] = WORD_START.test(t) ? 1 : 0;
    }
  }
  return v;
}

/**
 * Finds mentions in one unit: ministries by pattern, curated names from the gazetteer, and typed
 * capitalised sequences (organisation/event/law heads, titles before names, compromise for
 * Western first names, surname endings for post-Soviet names). Overlaps go to the longest span.
 */
export function recognise(u: Unit, s: Stream, r: Recogniser, regionOf: (piece: number) => Region): RawMention[] {
  const v = view(u, s, regionOf);
  const gaz = gazetteerHits(v, r);
  const mins = ministries(v, r);
  const known = new Uint8Array(s.surface.length);
  for (const m of [...gaz, ...mins]) known.fill(1, m.first, m.last);
  const found = [...mins, ...gaz, ...runs(v, r, known), ...nationalities(v, r)];
  const kept = longestFirst([...found, ...listedPeople(v, r, found)]);
  // A place inside a name we built ourselves ("Geneva Institute of …") or inside an event's name
  // ("Alaska summit", "Russia-Ukraine war") is still a mention of the place; inside a curated
  // organisation's name ("Shanghai Cooperation Organization") it is not.
  const nested: RawMention[] = [];
  for (const k of kept) {
    if (!((k.via.startsWith('rule:') && k.via !== 'rule:ministry') || k.type === 'EVENT') || k.last - k.first < 2) continue;
    for (let i = k.first; i < k.last; i++) {
      const f = r.gaz.byFirst.get(v.key[i]!)?.find((form) => (form.entry.type === 'GPE' || form.entry.type === 'LOC') && i + form.keys.length <= k.last && form.keys.length < k.last - k.first && formAt(v, i, form) && standsAlone(v, r, i, form));
      if (!f) continue;
      nested.push({ first: i, last: i + f.keys.length, type: f.entry.type, name: f.entry.name, qid: f.entry.qid, via: 'gazetteer:nested' });
      i += f.keys.length - 1;
    }
  }
  return [...kept, ...nested].sort((a, b) => a.first - b.first || a.last - b.last);
}

function longestFirst(c: RawMention[]): RawMention[] {
  const order = (m: RawMention) => (m.via === 'gazetteer' ? 1 : m.via.startsWith('rule:ministry') ? 2 : 0);
  const sorted = [...c].sort((a, b) => b.last - b.first - (a.last - a.first) || order(b) - order(a) || a.first - b.first);
  const taken = new Uint8Array(Math.max(0, ...c.map((m) => m.last)) + 1);
  const out: RawMention[] = [];
  for (const m of sorted) {
    let free = true;
    for (let i = m.first; i < m.last; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, m.first, m.last);
    out.push(m);
  }
  return out.sort((a, b) => a.first - b.first);
}

function formAt(v: View, i: number, f: AliasForm): boolean {
  if (i + f.keys.length > v.key.length) return false;
  for (let j = 0; j < f.keys.length; j++) {
    const t = v.s.surface[i + j]!;
    if (v.key[i + j] !== f.keys[j]) return false;
    if (v.sent[i + j] !== v.sent[i]) return false;
    if (f.rule[j] === 'exact' && t !== f.exact[j]) return false;
    if (f.rule[j] === 'cap' && !isCapitalised(t)) return false;
  }
  return true;
}

/** A token that is a one-word known name or a demonym ("US", "Russian", "Ukraine"; not "Euro"). */
function namesSomething(v: View, gaz: Gazetteer, i: number): boolean {
  const k = v.key[i];
  if (k === undefined || !v.cap[i]) return false;
  return gaz.demonyms.has(k) || (gaz.byFirst.get(k)?.some((f) => f.keys.length === 1) ?? false);
}

function gluedHyphen(v: View, at: number, next: number): boolean {
  const s = v.s;
  if (s.surface[at] !== '-') return false;
  return at < next ? s.end[at] === s.start[next] : s.start[at] === s.end[next];
}

function gazetteerHits(v: View, r: Recogniser): RawMention[] {
  const gaz = r.gaz;
  const out: RawMention[] = [];
  for (let i = 0; i < v.key.length; i++) {
    // Most tokens are lowercase words that start no name: skip them before the map lookup.
    if (!v.cap[i] && !gaz.lowerFirst.has(v.key[i]!)) continue;
    // Walk the alias trie from here; the longest alias that fits the text wins.
    let f: AliasForm | undefined;
    let node = gaz.trie.next.get(v.key[i]!);
    for (let j = i; node; ) {
      // Two entries with one alias: the first listed keeps it, as before the trie.
      for (const form of node.forms) {
        if (formAt(v, i, form) && standsAlone(v, r, i, form)) {
          f = form;
          break;
        }
      }
      j++;
      if (j >= v.key.length || v.sent[j] !== v.sent[i]) break;
      node = node.next.get(v.key[j]!);
    }
    if (f) out.push({ first: i + f.skip, last: i + f.keys.length, type: f.entry.type, name: f.entry.name, qid: f.entry.qid, via: 'gazetteer' });
  }
  return out;
}

/** Whether an alias found at i is a name here, not part of a compound or a capitalised common word. */
function standsAlone(v: View, r: Recogniser, i: number, f: AliasForm): boolean {
  const gaz = r.gaz;
  // "Euro-Atlantic" is not the Atlantic: a name glued by a hyphen to a capitalised word that names
  // nothing is part of a compound. Glued to another name ("Russia-Ukraine war", "Russian-US
  // talks") it stays.
  const end = i + f.keys.length;
  // Glued to a lowercase word ("pro-Kremlin", "anti-NATO", "Moscow-based", "US-led") it is a name.
  const compound = (k: number) => v.cap[k] === 1 && !namesSomething(v, gaz, k);
  if (gluedHyphen(v, i - 1, i) && compound(i - 2)) return false;
  if (gluedHyphen(v, end, end - 1) && compound(end + 1)) return false;
  if (v.comment && f.keys.length === 1 && r.rules.chatAbbreviations.has(f.keys[0]!)) return false;
  // A one-word common noun that is also a name ("Turkey", "Chad") only counts when written as a name mid-sentence.
  if (f.keys.length === 1 && f.rule[0] !== 'exact' && v.sent[i - 1] !== v.sent[i] && v.s.pos[i] !== 'PROPN') return false;
  // A one-word name inside a longer unknown name is not a mention of itself: "West Indies",
  // "Norilsk Nickel", "AC Milan". Known names, titles and heads beside it are fine ("Moscow Mayor").
  if (f.keys.length === 1 && !v.titleCase[i] && (unknownCap(v, r, end) || (v.sent[i - 1] === v.sent[i] && unknownCap(v, r, i - 1)))) return false;
  return true;
}

/** A capitalised word in running text that is no known name, title, head or connector. */
function unknownCap(v: View, r: Recogniser, k: number): boolean {
  if (!v.cap[k] || v.titleCase[k] || v.sent[k] === undefined) return false;
  const key = v.key[k]!;
  const { gaz, rules } = r;
  if (gaz.byFirst.has(key) || gaz.demonyms.has(key) || rules.titles.has(key) || rules.heads.has(key) || rules.notNames.has(key) || rules.givenNames.has(key)) return false;
  // Sentence-initial words and acronyms ("U.S.") do not make a name longer.
  return v.sent[k - 1] === v.sent[k] && !isAcronym(v.s.surface[k]!);
}

/**
 * Nationality words ("Russian officials", "the Ukrainians") are NORP, as in OntoNotes: one entity
 * per nationality, named by its adjective. They lose to any longer name that contains them
 * ("Russian Foreign Ministry", "Ukrainian Orthodox Church").
 */
function nationalities(v: View, r: Recogniser): RawMention[] {
  const out: RawMention[] = [];
  for (let i = 0; i < v.key.length; i++) {
    if (!v.cap[i]) continue;
    const country = r.gaz.demonyms.get(v.key[i]!);
    // "Sino-Russian": a combining form glued to the nationality makes a compound adjective.
    if (!country || (gluedHyphen(v, i - 1, i) && !namesSomething(v, r.gaz, i - 2))) continue;
    out.push({ first: i, last: i + 1, type: 'NORP', name: country.demonyms[0]!, qid: null, via: 'gazetteer:demonym' });
  }
  return out;
}

/** The country a token (or a gazetteer match starting there) names, by demonym or by name. */
function countryAt(v: View, r: Recogniser, i: number): { entry: GazetteerEntry; len: number } | null {
  const dem = r.gaz.demonyms.get(v.key[i] ?? '');
  if (dem && v.cap[i]) return { entry: dem, len: 1 };
  const f = r.gaz.byFirst.get(v.key[i] ?? '')?.find((form) => form.entry.type === 'GPE' && formAt(v, i, form));
  return f ? { entry: f.entry, len: f.keys.length } : null;
}

function ministries(v: View, r: Recogniser): RawMention[] {
  const out: RawMention[] = [];
  const k = v.key;
  const cap = (i: number) => v.cap[i] === 1;
  const area = (i: number) => (cap(i) ? r.rules.ministryAreas.get(k[i]!) : undefined);
  const name = (a: string, c: GazetteerEntry | null) => (c ? `Ministry of ${a} of ${c.name}` : `Ministry of ${a}`);
  for (let i = 0; i < k.length; i++) {
    // Every pattern starts with a capitalised word (a country, "Foreign", "Ministry", "MFA").
    if (!cap(i)) continue;
    const c = countryAt(v, r, i);
    let j = c ? i + c.len : i;
    if (c && (k[j] === "'s")) j++;
    // "Russian Foreign Ministry", "Russia's Foreign Ministry", "Russian MFA", "Foreign Ministry"
    const a = c ? area(j) : undefined;
    if (a && k[j + 1] === 'ministry' && cap(j + 1)) {
      out.push({ first: i, last: j + 2, type: 'ORG', name: name(a, c?.entry ?? null), qid: null, via: 'rule:ministry' });
      continue;
    }
    if (c && v.s.surface[j] === 'MFA') {
      out.push({ first: i, last: j + 1, type: 'ORG', name: name('Foreign Affairs', c.entry), qid: null, via: 'rule:ministry' });
      continue;
    }
    // "Ministry of Foreign Affairs (and Trade) of (the) X", "Foreign Ministry of X", "MFA of X"
    let m = -1;
    let ar: string | undefined;
    if (k[i] === 'ministry' && cap(i) && k[i + 1] === 'of' && (ar = area(i + 2))) {
      m = i + 3;
      if (k[m] === 'affairs') m++;
      if (k[m] === 'and' && cap(m + 1)) m += 2;
    } else if ((ar = area(i)) && k[i + 1] === 'ministry' && cap(i + 1)) m = i + 2;
    else if (v.s.surface[i] === 'MFA') {
      ar = 'Foreign Affairs';
      m = i + 1;
    }
    if (m < 0 || !ar) continue;
    let n = m;
    if (k[n] === 'of') {
      n++;
      if (k[n] === 'the') n++;
      const cc = countryAt(v, r, n);
      if (cc) {
        out.push({ first: i, last: n + cc.len, type: 'ORG', name: name(ar, cc.entry), qid: null, via: 'rule:ministry' });
        continue;
      }
    }
    out.push({ first: i, last: m, type: 'ORG', name: name(ar, null), qid: null, via: 'rule:ministry' });
  }
  return out;
}

function runs(v: View, r: Recogniser, known: Uint8Array): RawMention[] {
  const out: RawMention[] = [];
  const s = v.s;
  const n = s.surface.length;
  const digit = (i: number) => { const c = s.surface[i]!.charCodeAt(0); return c >= 48 && c <= 57; };
  const capTok = (i: number) => v.word[i] === 1 && (v.cap[i] === 1 || (digit(i) && v.cap[i + 1] === 1)) && !r.rules.notNames.has(v.key[i]!);
  let i = 0;
  while (i < n) {
    if (!capTok(i) || v.titleCase[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < n && v.sent[j] === v.sent[i] && !v.titleCase[j] && capTok(j)) j++;
      else if (j + 1 < n && v.sent[j + 1] === v.sent[i] && (r.rules.connectors.has(s.surface[j]!) || s.surface[j] === '-') && capTok(j + 1)) j += 2;
      // "Ayman al-Safadi", "Ahmed bin-Ali": a particle glued to the next name by a hyphen.
      else if (j + 2 < n && v.sent[j + 2] === v.sent[i] && r.rules.connectors.has(s.surface[j]!) && s.surface[j + 1] === '-' && capTok(j + 2)) j += 3;
      // "Alexander Van der Bellen": two particles in a row.
      else if (j + 2 < n && v.sent[j + 2] === v.sent[i] && r.rules.particles.has(v.key[j]!) && r.rules.particles.has(s.surface[j + 1]!) && capTok(j + 2)) j += 3;
      else if (j + 2 < n && s.surface[j] === 'of' && s.surface[j + 1] === 'the' && capTok(j + 2)) j += 3;
      else break;
    }
    out.push(...typeRun(v, r, known, i, j));
    i = j;
  }
  return out;
}

const AND = new Set(['and', '&', 'or']);

// Prepositions after which a name's head is complete: "Institute for Strategic Dialogue" is an
// institute, "Conference on Interaction and Confidence-Building Measures in Asia" a conference.
const PREPOSITIONS = new Set(['of', 'for', 'on']);
// Lowercase words after a capitalised run that make it a political organisation's name.
const LOWER_HEADS = new Set(['party', 'movement', 'bloc']);

// What may separate the items of a list of people: "1 - A B , 2 - C D ( 7 - E F 71 ) and G H".
const LIST_GLUE = /^(?:[,;:()\-–—/&]|and|or|\d+)$/;

/**
 * Names in a list of people are people: a squad, a list of detainees or of signatories. An untyped
 * two- or three-word capitalised stretch becomes a PERSON when only list punctuation, numbers and
 * "and" stand between it and a person already found, and the sentence names at least two.
 */
function listedPeople(v: View, r: Recogniser, found: RawMention[]): RawMention[] {
  if (!v.untyped.length) return [];
  const people = found.filter((m) => m.type === 'PERSON');
  const out: RawMention[] = [];
  // A name promoted can vouch for its neighbour in turn: repeat until the list stops growing.
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of v.untyped) {
      if (out.some((o) => o.first === c.first)) continue;
      const m = listed(v, r, c, people);
      if (m) {
        out.push(m);
        people.push(m);
        grew = true;
      }
    }
  }
  return out;
}

function listed(v: View, r: Recogniser, c: { first: number; last: number }, people: RawMention[]): RawMention | null {
  {
    const here = people.filter((p) => v.sent[p.first] === v.sent[c.first]);
    if (here.length < 2) return null;
    const glued = (a: number, b: number) => {
      for (let k = a; k < b; k++) if (!LIST_GLUE.test(v.s.lower[k]!)) return false;
      return b > a;
    };
    const isListed = here.some((p) => (p.last <= c.first && glued(p.last, c.first)) || (c.last <= p.first && glued(c.last, p.first)));
    const words = v.s.surface.slice(c.first, c.last);
    if (!isListed || words.some((w) => isAcronym(w) || r.gaz.demonyms.has(foldKey(w)) || r.rules.titles.has(foldKey(w)) || r.rules.heads.has(foldKey(w)))) return null;
    return { first: c.first, last: c.last, type: 'PERSON', name: text(v.s, c.first, c.last), qid: null, via: 'rule:person-list' };
  }
}

/** Types one capitalised run [a, b), or splits it into the parts that are names. */
function typeRun(v: View, r: Recogniser, known: Uint8Array, a: number, b: number): RawMention[] {
  const s = v.s;
  // A capitalised first word of a sentence is only a name if wink tags it as one.
  if (v.sent[a - 1] !== v.sent[a] && s.pos[a] !== 'PROPN') a++;
  while (a < b && (r.rules.connectors.has(s.surface[a]!) || s.surface[a] === '-')) a++;
  while (b > a && (r.rules.connectors.has(s.surface[b - 1]!) || s.surface[b - 1] === '-')) b--;
  if (a >= b) return [];
  // The head is the last head word before the first preposition ("Institute for … Dialogue").
  let head: 'ORG' | 'EVENT' | 'LAW' | undefined;
  let headAt = -1;
  for (let i = a; i < b; i++) {
    if (headAt >= 0 && PREPOSITIONS.has(s.surface[i]!)) break;
    const h = r.rules.heads.get(v.key[i]!);
    if (h && !known[i]) {
      head = h;
      headAt = i;
    }
  }
  if (head && (headAt > a || PREPOSITIONS.has(s.surface[headAt + 1] ?? ''))) {
    // "… Institute of Multipolarity Guy Mettan": a trailing person name is not part of the institute.
    // "… Organization in Yerevan": a place after the head is where it met, not part of its name.
    let end = LOCATIVE.has(s.surface[headAt + 1] ?? '') ? headAt + 1 : b;
    const tail = end - headAt > 3 ? personTail(v, r, headAt + 1, end) : -1;
    const out: RawMention[] = [];
    if (tail > headAt + 1) {
      out.push({ first: tail, last: end, type: 'PERSON', name: text(s, tail, end), qid: null, via: 'rule:person-after-name' });
      end = tail;
    }
    // A title before an organisation's name is the person's, not the name's ("Secretary General").
    while (a < headAt && (r.rules.ordinals.has(v.key[a]!) || (r.rules.titles.has(v.key[a]!) && !r.rules.titleModifiers.has(v.key[a]!)))) a++;
    out.push({ first: a, last: end, type: head, name: text(s, a, end), qid: null, via: `rule:${head.toLowerCase()}-head` });
    return out;
  }
  // "the European Solidarity party": a lowercase head after the run names a party.
  if (LOWER_HEADS.has(s.surface[b] ?? '') && v.sent[b] === v.sent[a]) {
    let x = a;
    while (x < b && (r.gaz.demonyms.has(v.key[x]!) || r.rules.titles.has(v.key[x]!))) x++;
    if (x < b && !known[x]) return [{ first: a, last: b, type: 'ORG', name: text(s, a, b), qid: null, via: 'rule:party' }];
  }
  // Without a head the run is a list of names ("U.S. President Donald Trump"): known names keep
  // their gazetteer reading and each unknown stretch between them is typed on its own.
  const out: RawMention[] = [];
  let i = a;
  while (i < b) {
    if (known[i]) {
      i++;
      continue;
    }
    // Without a head, "and" joins two names, never one: "Masami Ihara and Hiroaki Morishima".
    if (AND.has(s.surface[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < b && !known[j] && !AND.has(s.surface[j]!)) j++;
    const m = typeUnknown(v, r, i, j, isPersonTitle(r, v.key[i - 1]));
    if (m) out.push(m);
    else if (j - i >= 2 && j - i <= 3 && !v.titleCase[i]) v.untyped.push({ first: i, last: j });
    i = j;
  }
  return out;
}

/**
 * A name set off by commas beside a phrase with a person's title: "the UN envoy for Western
 * Sahara, Staffan de Mistura, told …" or "Ralf Bosshard, a Swiss military analyst, said …".
 */
function appositive(v: View, r: Recogniser, a: number, b: number): boolean {
  const s = v.s;
  const same = (k: number) => v.sent[k] === v.sent[a];
  if (s.surface[a - 1] === ',') {
    for (let k = a - 2; k >= Math.max(0, a - 10) && same(k) && s.surface[k] !== ','; k--) if (isPersonTitle(r, v.key[k])) return true;
  }
  if (s.surface[b] === ',' && ['a', 'an', 'the'].includes(s.lower[b + 1] ?? '')) {
    for (let k = b + 2; k < Math.min(s.surface.length, b + 8) && same(k) && s.surface[k] !== ','; k++) if (isPersonTitle(r, v.key[k])) return true;
  }
  return false;
}

/** Whether the sentence around piece i is written in capitals (a shouted line, a caps headline in the body). */
function shouting(v: View, i: number): boolean {
  let caps = 0;
  let words = 0;
  for (let k = Math.max(0, i - 4); k < Math.min(v.key.length, i + 5); k++) {
    if (v.sent[k] !== v.sent[i] || !v.word[k] || k === i) continue;
    words++;
    if (v.s.surface[k] === v.s.surface[k]!.toUpperCase()) caps++;
  }
  return words >= 2 && caps / words > 0.5;
}

/** A word that stands before a person's name ("ambassador", "Minister"), not a modifier ("former"). */
function isPersonTitle(r: Recogniser, key: string | undefined): boolean {
  return key !== undefined && r.rules.titles.has(key) && !r.rules.titleModifiers.has(key);
}

function text(s: Stream, x: number, y: number): string {
  return s.surface.slice(x, y).join(' ').replace(/ - /g, '-').replace(/ 's\b/g, "'s");
}

/** A stretch of capitalised tokens with no head and no gazetteer entry: a person, or nothing. */
function typeUnknown(v: View, r: Recogniser, a: number, b: number, titled: boolean): RawMention | null {
  const s = v.s;
  const { rules } = r;
  // Everything up to the last title is the title ("Trade Commissioner Maros Sefcovic").
  for (let i = b - 2; i >= a; i--) {
    if (isPersonTitle(r, v.key[i])) {
      // "Minister of Foreign Affairs and Trade": what follows "of" completes the title.
      if (rules.connectors.has(s.surface[i + 1]!)) return null;
      a = i + 1;
      titled = true;
      break;
    }
  }
  while (a < b && (rules.titles.has(v.key[a]!) || r.gaz.demonyms.has(v.key[a]!) || rules.connectors.has(s.surface[a]!) || s.surface[a] === '-')) {
    if (isPersonTitle(r, v.key[a])) titled = true;
    a++;
  }
  while (b > a && (rules.connectors.has(s.surface[b - 1]!) || s.surface[b - 1] === '-')) b--;
  const words = s.surface.slice(a, b).filter((t) => t !== '-' && !rules.connectors.has(t));
  if (words.length === 0 || words.length > 4) return null;
  // An acronym no list knows, in running text, is an organisation ("NYMEX", "USDA", "ICFTU").
  if (b - a === 1 && isAcronym(words[0]!) && !v.titleCase[a] && /^\p{Lu}{2,6}$/u.test(words[0]!) && !rules.notOrgAcronyms.has(v.key[a]!) && !rules.chatAbbreviations.has(v.key[a]!) && !rules.capsWords.has(v.key[a]!) && !shouting(v, a)) {
    return { first: a, last: b, type: 'ORG', name: words[0]!, qid: null, via: 'rule:acronym-org' };
  }
  // Particles ("de Mistura", "al-Safadi", "Van der Bellen") may sit inside a name; anything else lowercase may not.
  if (words.some((t) => isAcronym(t) || !isCapitalised(t))) return null;
  if (words.length === 1 && !titled) return null;
  // "Sino-Russian", "Euro-Atlantic": a compound ending in a nationality or a place is not a person.
  const lastKey = v.key[b - 1]!;
  if (r.gaz.demonyms.has(lastKey) || r.gaz.byFirst.get(lastKey)?.some((f) => f.keys.length === 1)) return null;
  const name = text(s, a, b);
  titled ||= appositive(v, r, a, b);
  if (titled || looksLikePerson(name, s.surface[b - 1]!, r)) return { first: a, last: b, type: 'PERSON', name, qid: null, via: titled ? 'rule:title-person' : 'rule:person-name' };
  return null;
}

// compromise costs ~10 ms per KB; candidate names repeat across a batch, so each is asked once.
const personMemo = new Map<string, boolean>();

function looksLikePerson(name: string, last: string, r: Recogniser): boolean {
  const l = foldKey(last);
  if (r.gaz.demonyms.has(l)) return false;
  // A known given name first ("Takuya Takagi", "Oleksandr Syrskyi"): compromise knows mostly English ones.
  const first = name.split(/[\s-]/)[0]!;
  if (first !== name && r.rules.givenNames.has(foldKey(first))) return true;
  if (r.rules.surnameSuffixes.some((suf) => l.length > suf.length + 2 && l.endsWith(suf))) return true;
  let v = personMemo.get(name);
  if (v === undefined) {
    v = nlp(name).people().length > 0;
    if (personMemo.size > 50_000) personMemo.clear();
    personMemo.set(name, v);
  }
  return v;
}

/** Start of a person name at the end of [from, to), or -1. */
function personTail(v: View, r: Recogniser, from: number, to: number): number {
  for (const k of [2, 3]) {
    const st = to - k;
    if (st <= from) continue;
    const name = v.s.surface.slice(st, to).join(' ');
    if (v.s.surface.slice(st, to).every((t) => isCapitalised(t)) && looksLikePerson(name, v.s.surface[to - 1]!, r)) return st;
  }
  return -1;
}
