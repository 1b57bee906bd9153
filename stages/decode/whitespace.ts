/** Collapses runs of spaces but keeps the line breaks a <br> made. */
export function squash(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** All white space, source line breaks included, as single spaces: HTML text as a browser shows it. */
export function flat(s: string): string {
  return s.replace(/[\s\u00a0]+/gu, ' ').trim();
}
