import { utf16Indexer } from '../offsets.js';
import { readReports } from '../reports.js';
import { STOP_WORDS, wordsIn, type WordAt } from './words.js';
import { byCodeUnit } from '../sort.js';

/**
 * `framescope suggest`: phrases that keep company with a frame's hits across a corpus but match no
 * pattern yet, so the dictionaries grow from the data. Around every hit a window of words is taken
 * (collocation); each word sequence of one to three words is scored by Dunning's log-likelihood
 * against its frequency in the rest of the corpus (keyness). Text already inside any hit, stop-word
 * runs and phrases seen in fewer than two documents are left out. Each candidate comes with
 * example contexts, so a researcher can judge it before adding a pattern.
 */

interface Hit {
  frame?: string;
  marker?: string;
  start: number;
  end: number;
  in: string;
}
interface Report {
  id: string;
  text: string | null;
  body: { blocks: Array<{ start: number; end: number }> } | null;
  frames: { hits: Hit[] } | null;
  rhetoric: { hits: Hit[] } | null;
  entities: Array<{ mentions: Array<{ start: number; end: number }> }>;
}

export interface Candidate {
  phrase: string;
  frame: string;
  /** Occurrences near the frame's hits, and in how many documents. */
  near: number;
  documents: number;
  /** Occurrences elsewhere in the corpus bodies. */
  elsewhere: number;
  /** Dunning's G², near vs elsewhere. */
  keyness: number;
  examples: string[];
}

export interface SuggestOptions {
  frame?: string;
  window?: number;
  top?: number;
  minDocuments?: number;
}

/** Dunning's log-likelihood for a count a in a corpus of size n1 against b in one of size n2. */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  const e1 = (n1 * (a + b)) / (n1 + n2);
  const e2 = (n2 * (a + b)) / (n1 + n2);
  const term = (o: number, e: number) => (o > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(a, e1) + term(b, e2));
}

export function suggest(reportsDir: string, opts: SuggestOptions = {}): Candidate[] {
  const window = opts.window ?? 8;
  const minDocs = opts.minDocuments ?? 2;
  const near = new Map<string, { n: number; docs: Set<string>; examples: string[] }>();
  const all = new Map<string, number>();
  let nearTotal = 0;
  let allTotal = 0;
  for (const r of readReports<Report>(reportsDir)) {
    if (!r.text || !r.body) continue;
    const at = utf16Indexer(r.text);
    const hits = [...(r.frames?.hits ?? []), ...(r.rhetoric?.hits ?? [])].filter((h) => h.in !== 'comment').map((h) => ({ ...h, start: at(h.start), end: at(h.end) }));
    // Names are the entity stage's business: a frame phrase is never inside one.
    const names = (r.entities ?? []).flatMap((e) => e.mentions).map((m) => ({ start: at(m.start), end: at(m.end) }));
    const covered = (t: WordAt) => hits.some((h) => t.start < h.end && h.start < t.end) || names.some((n) => t.start < n.end && n.start < t.end);
    for (const b of r.body.blocks) {
      const toks = wordsIn(r.text, at(b.start), at(b.end));
      const grams = (k: number, i: number) => toks.slice(i, i + k);
      // Positions near a hit of the frame asked for (any frame when none is).
      const nearHit = new Uint8Array(toks.length);
      for (const h of hits) {
        const id = h.frame ?? h.marker;
        if (opts.frame && id !== opts.frame) continue;
        if (!opts.frame && !h.frame) continue;
        toks.forEach((t, i) => {
          if (t.end > h.start - 1 && t.start < h.end + 1) {
            for (let k = Math.max(0, i - window); k <= Math.min(toks.length - 1, i + window); k++) nearHit[k] = 1;
          }
        });
      }
      for (let i = 0; i < toks.length; i++) {
        for (let k = 1; k <= 3 && i + k <= toks.length; k++) {
          const g = grams(k, i);
          if (g.some(covered) || STOP_WORDS.has(g[0]!.w) || STOP_WORDS.has(g[g.length - 1]!.w) || g.every((t) => STOP_WORDS.has(t.w))) continue;
          const phrase = g.map((t) => t.w).join(' ');
          all.set(phrase, (all.get(phrase) ?? 0) + 1);
          allTotal++;
          if (!g.every((_, j) => nearHit[i + j])) continue;
          nearTotal++;
          const e = near.get(phrase) ?? near.set(phrase, { n: 0, docs: new Set(), examples: [] }).get(phrase)!;
          e.n++;
          e.docs.add(r.id);
          if (e.examples.length < 3) {
            const from = toks[Math.max(0, i - 6)]!.start;
            const to = toks[Math.min(toks.length - 1, i + k + 5)]!.end;
            e.examples.push(`${r.id}: …${r.text.slice(from, to).replace(/\s+/g, ' ')}…`);
          }
        }
      }
    }
  }
  const out: Candidate[] = [];
  for (const [phrase, e] of near) {
    if (e.docs.size < minDocs) continue;
    const elsewhere = (all.get(phrase) ?? 0) - e.n;
    // Keyness only counts phrases more frequent near the frame than elsewhere.
    if (e.n / Math.max(1, nearTotal) <= elsewhere / Math.max(1, allTotal - nearTotal)) continue;
    out.push({ phrase, frame: opts.frame ?? 'any frame', near: e.n, documents: e.docs.size, elsewhere, keyness: logLikelihood(e.n, nearTotal, elsewhere, Math.max(1, allTotal - nearTotal)), examples: e.examples });
  }
  return out.sort((a, b) => b.keyness - a.keyness || byCodeUnit(a.phrase, b.phrase)).slice(0, opts.top ?? 30);
}
