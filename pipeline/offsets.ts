/**
 * Converts UTF-16 offsets (what JavaScript strings index) to Unicode code points (what the report
 * promises, so Python's text[start:end] works). Texts without astral characters map 1:1.
 */
export function codePointMapper(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      table[i + 1] = cp;
      i++;
    }
    cp++;
  }
  table[text.length] = cp;
  return (i) => table[i]!;
}

/** Slices a string by code points, the way report consumers do. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Converts code-point offsets (the report's) back to UTF-16 string indices. */
export function utf16Indexer(text: string): (cp: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
  }
  map.push(text.length);
  return (cp) => map[cp] ?? text.length;
}
