import type { Line } from './lines.js';

/** A line shaped like a headline: heading-shaped, but a headline may end in "?" or "!". */
export function isTitleShaped(l: Line): boolean {
  return !l.bullet && l.words >= 3 && l.words <= 30 && !l.text.includes('\n') && !/[.,;:…]$/u.test(l.text) && /^[\p{Lu}\p{N}"“'‘«]/u.test(l.text);
}

/** Words of a URL's path, the slug most sites build from the headline. */
export function slugWords(url: string | null): Set<string> {
  if (!url) return new Set();
  try {
    const path = decodeURIComponent(new URL(url).pathname).toLowerCase();
    return new Set(path.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !/^\d+$/.test(w)));
  } catch {
    return new Set();
  }
}

/**
 * Picks the headline among the lines above the body. Menus, site names and promos also sit there,
 * so each headline-shaped line is scored: longer is likelier (menus are one or two words), nearer
 * the body is likelier (chrome sits at the top), a line the page repeats (forums print the topic
 * title twice) or the URL slug echoes is likelier. Returns the chosen index, or -1.
 */
export function chooseTitle(lines: Line[], restOfPage: string[], url: string | null): number {
  const slug = slugWords(url);
  let best = -1;
  let bestScore = 2;
  // Lines between a candidate and the body push it away, except other long headline-shaped
  // lines: a headline is often followed by a standfirst or a sub-heading, and comes first.
  const long = lines.map((l) => isTitleShaped(l) && l.words >= 5);
  lines.forEach((l, i) => {
    if (!isTitleShaped(l)) return;
    let distance = 0;
    for (let j = i + 1; j < lines.length; j++) if (!long[j]) distance++;
    // Headlines run to about fifteen words; a longer unpunctuated line is a standfirst or a promo.
    let score = Math.min(l.words, 10) - distance - Math.max(0, l.words - 16);
    const key = l.text.toLowerCase();
    if (restOfPage.some((r) => r.toLowerCase().endsWith(key))) score += 4;
    if (slug.size) {
      const words = key.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
      const shared = words.filter((w) => slug.has(w)).length;
      if (words.length && shared / words.length >= 0.5) score += 6;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
