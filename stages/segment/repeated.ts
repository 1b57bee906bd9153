import { createHash } from 'node:crypto';
import { byCodeUnit } from '../../pipeline/sort.js';

// Longer lines are article prose, not template text, and hashing them would cost memory on
// million-document batches for nothing.
const MAX_LINE = 300;

/** The form under which two lines count as the same line: case and spacing do not matter. */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The distinct candidate lines of one page, for counting in how many pages each recurs. */
export function candidateLines(text: string): Set<string> {
  // Runs over the whole batch in the main thread before any worker starts, so it does no more
  // than split, trim and fold; the segmenter splits lines the same way (on "\n", trimmed).
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const t = raw.trim();
    if (t && t.length <= MAX_LINE && /\p{L}/u.test(t)) out.add(lineKey(t));
  }
  return out;
}

/**
 * Counts, per outlet, how many pages each line appears in, then tells each page which of its
 * lines are the outlet's template (trafilatura's repeated-segment idea, over one batch). A line
 * counts when it recurs in at least `minDocs` pages and in a share `minShare` of the outlet's pages,
 * so a handful of near-duplicate articles in a large batch do not erase each other's text.
 */
export class RepeatedLines {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly docs = new Map<string, number>();

  constructor(
    readonly minDocs = 3,
    private readonly minShare = 0.05,
  ) {}

  add(outlet: string, text: string): void {
    let c = this.counts.get(outlet);
    if (!c) this.counts.set(outlet, (c = new Map()));
    this.docs.set(outlet, (this.docs.get(outlet) ?? 0) + 1);
    for (const k of candidateLines(text)) c.set(k, (c.get(k) ?? 0) + 1);
  }

  /** The lines of this page that are the outlet's repeated template, sorted for stable reports. */
  of(outlet: string, text: string): string[] {
    const c = this.counts.get(outlet);
    const need = this.threshold(outlet);
    if (!c || need === null) return [];
    return [...candidateLines(text)].filter((k) => (c.get(k) ?? 0) >= need).sort(byCodeUnit);
  }

  /** Pages a line must recur in to be the outlet's template, or null when the outlet has too few pages. */
  private threshold(outlet: string): number | null {
    const n = this.docs.get(outlet) ?? 0;
    return n < this.minDocs ? null : Math.max(this.minDocs, Math.ceil(this.minShare * n));
  }

  /** Every outlet's template lines with their page counts, in a stable order: the corpus-level input of the segmenter. */
  table(): RepeatedLineTable {
    const groups = [...this.docs.keys()].sort(byCodeUnit).map((group) => {
      const need = this.threshold(group);
      const lines = need === null ? [] : [...this.counts.get(group)!].filter(([, n]) => n >= need).sort(([a], [b]) => byCodeUnit(a, b));
      return { group, documents: this.docs.get(group)!, threshold: need, sha256: templateHash(lines.map(([l]) => l)), lines: lines.map(([line, documents]) => ({ line, documents })) };
    });
    return { schema: 'framescope.repeated-lines/1', minDocuments: this.minDocs, minShare: this.minShare, groups };
  }
}

/** The repeated-line table a run writes beside its reports (see README, "Repeated lines"). */
export interface RepeatedLineTable {
  schema: 'framescope.repeated-lines/1';
  minDocuments: number;
  minShare: number;
  groups: Array<{ group: string; documents: number; threshold: number | null; sha256: string; lines: Array<{ line: string; documents: number }> }>;
}

/** What a report depends on is which lines are template, not their counts: hash the sorted lines, one per line. */
export function templateHash(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
