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

// Romanisations of one Cyrillic name that English-language outlets mix: Sergei/Sergey,
// Dmitriy/Dmitrii/Dmitry, Zelenskiy/Zelenskyy/Zelensky, Aleksandr/Alexandr/Alexander,
// Lukashenka/Lukashenko, Yulia/Iulia. Applied per word after folding case and accents.
const TRANSLIT: Array<[RegExp, string]> = [
  [/x/g, 'ks'],
  [/(?<=[aeiou])j(?=[aeiou])|(?<=[aeiou])j$/g, 'y'],
  [/(?:iy|yy|ii|ij|yi|yj)$/g, 'y'],
  [/(?<=[a-z])ei$/g, 'ey'],
  [/(?<=[a-z])i(?=[aeou])|^i(?=[aeou])/g, 'y'],
  [/ander$/g, 'andr'],
  [/enka$/g, 'enko'],
];

/** A key under which transliteration variants of one name fall together (see TRANSLIT). */
// Names repeat across a batch; the rewrite chain is worth remembering.
const translitMemo = new Map<string, string>();

export function translitKey(name: string): string {
  let k = translitMemo.get(name);
  if (k === undefined) {
    if (translitMemo.size > 100_000) translitMemo.clear();
    translitMemo.set(name, (k = computeTranslitKey(name)));
  }
  return k;
}

function computeTranslitKey(name: string): string {
  return foldKey(name)
    .split(/\s+/)
    .map((w) => (/^[a-z'-]+$/.test(w) && w.length > 3 ? TRANSLIT.reduce((acc, [re, to]) => acc.replace(re, to), w) : w))
    .join(' ');
}
