import type { Unit } from '../document.js';
import { foldKey } from '../../stages/entities/fold.js';
import { foldToken, splitHyphens } from './pattern.js';

/**
 * The token view the matcher walks: wink tokens with hyphenated words split ("co-operation" is one
 * wink token, "large-scale" three), apostrophes folded, and each piece mapped back to its offsets.
 */
export interface Stream {
  lower: string[];
  /** Case- and accent-folded surface ("szijjarto"), the key names are matched by. */
  fold: string[];
  lemma: string[];
  surface: string[];
  pos: string[];
  start: number[];
  end: number[];
  /** Index of the wink token each piece came from. */
  token: number[];
  /** Entity mentions by their first piece: the piece after the mention (0 where none starts), type, folded canonical name. */
  ents?: { end: Int32Array; type: string[]; name: string[] };
}

// Entities, framing and rhetoric all walk the same view; build it once per unit.
const memo = new WeakMap<Unit, Stream>();

export function toStream(u: Unit): Stream {
  let s = memo.get(u);
  if (!s) memo.set(u, (s = buildStream(u)));
  return s;
}

function buildStream(u: Unit): Stream {
  const s: Stream = { lower: [], fold: [], lemma: [], surface: [], pos: [], start: [], end: [], token: [] };
  for (let i = 0; i < u.surface.length; i++) {
    const surface = foldToken(u.surface[i]!);
    const at0 = u.start[i]!;
    if (surface.indexOf('-') < 0) {
      // The common case, one piece per token, without the hyphen split's array.
      const lower = surface.toLowerCase();
      s.surface.push(surface);
      s.lower.push(lower);
      s.fold.push(isAscii(surface) ? lower : foldKey(surface));
      const lemma = u.lemma[i]!;
      s.lemma.push(lemma === surface || lemma === lower ? lower : foldToken(lemma).toLowerCase());
      s.pos.push(u.pos[i]!);
      s.start.push(at0);
      s.end.push(at0 + surface.length);
      s.token.push(i);
      continue;
    }
    const parts = splitHyphens(surface);
    let at = at0;
    for (const part of parts) {
      const single = parts.length === 1;
      const lower = part.toLowerCase();
      s.surface.push(part);
      s.lower.push(lower);
      s.fold.push(foldKey(part));
      s.lemma.push(single ? foldToken(u.lemma[i]!).toLowerCase() : lower);
      s.pos.push(part === '-' ? 'PUNCT' : u.pos[i]!);
      s.start.push(at);
      s.end.push(at + part.length);
      s.token.push(i);
      at += part.length;
    }
  }
  return s;
}

function isAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 127) return false;
  return true;
}
