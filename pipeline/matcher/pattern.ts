/**
 * The token pattern language of lexicon files (README "Lexicons"): space-separated elements,
 * `word` (lowercase form or lemma), `=Word` (exact case), `a|b` (alternatives), `x?` (optional),
 * `*` / `*N` (gap of 0..3 / 0..N tokens), `..` / `..N` (gap of 0..6 / 0..N tokens inside one
 * clause), `word*` (any word starting so, as in LIWC dictionaries), `[POS]` (universal POS tag),
 * `word[POS]` (both), `@CONCEPT` (any entry of a named concept set), `<TYPE>` / `<TYPE:Name|Name>`
 * (an entity mention of that type, or of those canonical names). Hyphenated literals are split on
 * hyphens, exactly as the matcher splits text tokens, so both sides agree.
 */

/**
 * One token test: a literal (by form or lemma, or exact case), a word prefix (`abandon*`), a POS
 * tag, or an entity slot, which consumes the whole mention (`names` are folded canonical names).
 */
export type Atom = { lit: string; exact: boolean; pos?: string } | { prefix: string } | { pos: string } | { ent: string; names: string[] | null };

/** A position in a pattern: alternatives, each a short sequence of atoms (hyphen splits, concept entries). */
export type Element =
  | { kind: 'alt'; alts: Atom[][]; optional: boolean; firsts: FirstWords | null; slots: boolean }
  | { kind: 'gap'; max: number; clause: boolean };

/**
 * The words any alternative of a position starts with, folded and exact, when there are many and all
 * are plain words: a concept may offer dozens, most tokens start none, and one look-up says so.
 */
export interface FirstWords {
  lits: Set<string>;
  exact: Set<string>;
}

const QUICK_REJECT_FROM = 5;

function firstWords(alts: Atom[][]): FirstWords | null {
  if (alts.length < QUICK_REJECT_FROM) return null;
  const out: FirstWords = { lits: new Set(), exact: new Set() };
  for (const alt of alts) {
    const a = alt[0]!;
    if (!('lit' in a) || a.pos) return null;
    (a.exact ? out.exact : out.lits).add(a.lit);
  }
  return out;
}

/** Named concept sets (`@ACTOR`): each entry a sequence of atoms. */
export type Concepts = ReadonlyMap<string, Atom[][]>;

const CLAUSE_GAP = 6;
const ENTITY_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'LAW', 'FAC', 'PRODUCT', 'WORK_OF_ART']);
// An entry may expand to this many sequences ("a|b c|d e?" is 8); past it the entry is an error.
const MAX_EXPANSION = 256;

/** A compiled pattern with the source string kept for provenance. */
export interface Pattern {
  source: string;
  elements: Element[];
}

const POS_TAGS = new Set(['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X']);

/** Splits a word the way text tokens are split: "on-the-ground" → on, -, the, -, ground. */
export function splitHyphens(word: string): string[] {
  if (word.indexOf('-') < 0 || !/\p{L}-\p{L}/u.test(word)) return [word];
  return word.split(/(-)/u).filter((p) => p !== '');
}

/** Normalises typographic apostrophes and quotes so lexicon literals need only one spelling. */
export function foldToken(t: string): string {
  let plain = true;
  for (let i = 0; i < t.length && plain; i++) {
    const c = t.charCodeAt(i);
    if (c === 96 || c > 127) plain = false;
  }
  if (plain || !/[’‘`´“”«»„]/u.test(t)) return t;
  return t.replace(/[’‘`´]/gu, "'").replace(/[“”«»„]/gu, '"');
}

export function compilePattern(source: string, concepts: Concepts = new Map()): Pattern {
  if (typeof source !== 'string' || source.trim() === '') throw new Error('pattern must be a non-empty string');
  const elements: Element[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    const gap = raw.match(/^\*(\d*)$/);
    if (gap) {
      elements.push({ kind: 'gap', max: gap[1] ? Number(gap[1]) : 3, clause: false });
      continue;
    }
    const clause = raw.match(/^\.\.(\d*)$/);
    if (clause) {
      elements.push({ kind: 'gap', max: clause[1] ? Number(clause[1]) : CLAUSE_GAP, clause: true });
      continue;
    }
    const optional = raw.length > 1 && raw.endsWith('?');
    const body = optional ? raw.slice(0, -1) : raw;
    const alts = body.split('|').flatMap((alt): Atom[][] => {
      if (alt === '') throw new Error(`empty alternative in "${raw}"`);
      const concept = alt.match(/^@([A-Z][A-Z0-9_]*)$/);
      if (concept) {
        const entries = concepts.get(concept[1]!);
        if (!entries) throw new Error(`unknown concept @${concept[1]}`);
        return entries;
      }
      const slot = alt.match(/^<([A-Z_]+)(?::(.+))?>$/);
      if (slot) {
        if (!ENTITY_TYPES.has(slot[1]!)) throw new Error(`unknown entity type <${slot[1]}>`);
        return [[{ ent: slot[1]!, names: slot[2] ? slot[2].split(',').map((n) => n.replace(/_/g, ' ').toLowerCase()) : null }]];
      }
      return [atoms(alt, raw)];
    });
    elements.push({ kind: 'alt', alts, optional, firsts: firstWords(alts), slots: alts.some((alt) => alt.some((a) => 'ent' in a)) });
  }
  if (elements[0]?.kind === 'gap' || elements[elements.length - 1]?.kind === 'gap') throw new Error('a pattern cannot start or end with a gap');
  if (!elements.some((e) => e.kind === 'alt' && !e.optional)) throw new Error('a pattern needs at least one required element');
  return { source, elements };
}

/**
 * A concept entry as the sequences of atoms it can stand for: "move|moving closer to" is two
 * sequences. Gaps are not allowed inside an entry: the entry is one stretch of text.
 */
export function conceptEntry(source: string, concepts: Concepts): Atom[][] {
  const p = compilePattern(source, concepts);
  let seqs: Atom[][] = [[]];
  for (const el of p.elements) {
    if (el.kind === 'gap') throw new Error('a concept entry cannot hold a gap');
    const next: Atom[][] = [];
    for (const seq of seqs) {
      if (el.optional) next.push(seq);
      for (const alt of el.alts) next.push([...seq, ...alt]);
    }
    if (next.length > MAX_EXPANSION) throw new Error(`expands to more than ${MAX_EXPANSION} phrases`);
    seqs = next;
  }
  return seqs.filter((x) => x.length > 0);
}

function atoms(alt: string, raw: string): Atom[] {
  const pos = alt.match(/^\[([A-Z]+)\]$/);
  if (pos) {
    if (!POS_TAGS.has(pos[1]!)) throw new Error(`unknown POS tag [${pos[1]}]`);
    return [{ pos: pos[1]! }];
  }
  const tagged = alt.match(/^(.+)\[([A-Z]+)\]$/);
  if (tagged && !POS_TAGS.has(tagged[2]!)) throw new Error(`unknown POS tag [${tagged[2]}]`);
  const lit = tagged ? tagged[1]! : alt;
  // "abandon*": every word that starts so; in a hyphenated word only the last part is a prefix.
  if (!tagged && /^[^=*].*\*$/u.test(lit) && !lit.slice(0, -1).includes('*')) {
    const parts = splitHyphens(foldToken(lit.slice(0, -1)).toLowerCase());
    return parts.map((w, k): Atom => (k === parts.length - 1 ? { prefix: w } : { lit: w, exact: false }));
  }
  const exact = lit.startsWith('=');
  const word = foldToken(exact ? lit.slice(1) : lit);
  if (word === '') throw new Error(`empty literal in "${raw}"`);
  const parts = splitHyphens(word);
  if (tagged && parts.length > 1) throw new Error(`a POS tag cannot follow a hyphenated word in "${raw}"`);
  return parts.map((w) => ({ lit: exact ? w : w.toLowerCase(), exact, ...(tagged ? { pos: tagged[2]! } : {}) }));
}
