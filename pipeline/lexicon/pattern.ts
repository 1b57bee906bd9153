/**
 * The token pattern language of lexicon files (README "Lexicons"): space-separated elements,
 * `word` (lowercase form or lemma), `=Word` (exact case), `a|b` (alternatives), `x?` (optional),
 * `*` / `*N` (gap of 0..3 / 0..N tokens), `word*` (any word starting so, as in LIWC dictionaries),
 * `[POS]` (universal POS tag), `word[POS]` (both). Hyphenated literals are
 * split on hyphens, exactly as the matcher splits text tokens, so both sides agree.
 */

/** One token test: a literal (by form or lemma, or exact case), a word prefix (`abandon*`), or a POS tag. */
export type Atom = { lit: string; exact: boolean; pos?: string } | { prefix: string } | { pos: string };

/** A position in a pattern: alternatives, each a short sequence of atoms (from hyphen splits). */
export type Element =
  | { kind: 'alt'; alts: Atom[][]; optional: boolean }
  | { kind: 'gap'; max: number };

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

export function compilePattern(source: string): Pattern {
  if (typeof source !== 'string' || source.trim() === '') throw new Error('pattern must be a non-empty string');
  const elements: Element[] = [];
  for (const raw of source.trim().split(/\s+/)) {
    const gap = raw.match(/^\*(\d*)$/);
    if (gap) {
      elements.push({ kind: 'gap', max: gap[1] ? Number(gap[1]) : 3 });
      continue;
    }
    const optional = raw.length > 1 && raw.endsWith('?');
    const body = optional ? raw.slice(0, -1) : raw;
    const alts = body.split('|').map((alt): Atom[] => {
      if (alt === '') throw new Error(`empty alternative in "${raw}"`);
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
    });
    elements.push({ kind: 'alt', alts, optional });
  }
  if (elements[0]?.kind === 'gap' || elements[elements.length - 1]?.kind === 'gap') throw new Error('a pattern cannot start or end with a gap');
  if (!elements.some((e) => e.kind === 'alt' && !e.optional)) throw new Error('a pattern needs at least one required element');
  return { source, elements };
}
