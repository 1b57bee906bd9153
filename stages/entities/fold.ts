// These run on every token of every document: ASCII is decided from char codes, and only the
// rare non-ASCII token is asked of the Unicode tables.

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Case- and accent-insensitive key: "Szijjártó" and "Szijjarto" fold to one key. */
export function foldKey(s: string): string {
  if (ascii(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

/** Whether a token is written with an initial capital. */
export function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^[\p{Lu}\p{Lt}]/u.test(t);
}

/** An acronym such as "CIS", "U.S." or "OSCE": matched with its exact case. */
export function isAcronym(t: string): boolean {
  return isCapitalised(t) && /^(?:\p{Lu}\.?){2,}$|^\p{Lu}{2,}\p{N}*$/u.test(t);
}
