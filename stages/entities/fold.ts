/** Case- and accent-insensitive key: "Szijjártó" and "Szijjarto" fold to one key. */
export function foldKey(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

/** Whether a token is written with an initial capital (or is a number, as in "21st Century"). */
export function isCapitalised(t: string): boolean {
  return /^[\p{Lu}\p{Lt}]/u.test(t);
}

/** An acronym such as "CIS", "U.S." or "OSCE": matched with its exact case. */
export function isAcronym(t: string): boolean {
  return /^(?:\p{Lu}\.?){2,}$|^\p{Lu}{2,}\p{N}*$/u.test(t);
}
