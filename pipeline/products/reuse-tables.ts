import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import type { ReuseAccumulator, ReusedPassage, SimilarPair, SyndicationLink } from './reuse.js';
import { byCodeUnit } from '../sort.js';

/** Text reuse for a finished run, written as tables, and what the run summary and the page show of it. */

// Pairs less similar than this are left out of the similarity table: on large corpora nearly every
// pair shares some word, and the table would grow with the square of the corpus.
const MIN_SIMILARITY = 0.2;
// Per document, its closest pairs only: a ranking for reading, not the full n² matrix.
const SIMILAR_PER_DOCUMENT = 10;
// What the page shows; the tables hold everything.
const PASSAGES_SHOWN = 200;
const SIMILAR_SHOWN = 30;

/** What the run summary and report.html need of the reuse analysis. */
export interface ReuseDigest {
  passages: number;
  syndicationLinks: number;
  similarAboveThreshold: number;
  threshold: number;
  longestPassages: ReusedPassage[];
  syndication: SyndicationLink[];
  closestPairs: SimilarPair[];
}

export function writeReuse(out: string, acc: ReuseAccumulator): ReuseDigest {
  const tables = join(out, 'tables');
  const r = acc.result({ minSimilarity: MIN_SIMILARITY });
  const similar = closestPerDocument(r.similar, SIMILAR_PER_DOCUMENT);
  writeFileAtomic.sync(join(tables, 'reuse_passages.csv'), stringify(r.passages, { header: true, columns: ['a', 'b', 'words', 'aStart', 'aEnd', 'bStart', 'bEnd', 'aText', 'bText'] }));
  writeFileAtomic.sync(join(tables, 'syndication.csv'), stringify(r.syndication.flatMap((s) => (s.agencyDocuments.length ? s.agencyDocuments : [null]).map((d) => ({ document: s.document, agency: s.agency, declaredIn: s.declaredIn, agencyDocument: d }))), { header: true, columns: ['document', 'agency', 'declaredIn', 'agencyDocument'] }));
  writeFileAtomic.sync(join(tables, 'similar_pairs.csv'), stringify(similar, { header: true, columns: ['a', 'b', 'similarity', 'aboveThreshold'] }));
  return {
    passages: r.passages.length,
    syndicationLinks: r.syndication.length,
    similarAboveThreshold: similar.filter((p) => p.aboveThreshold).length,
    threshold: r.threshold,
    longestPassages: [...r.passages].sort((x, y) => y.words - x.words || byCodeUnit(x.a, y.a) || byCodeUnit(x.b, y.b) || x.aStart - y.aStart).slice(0, PASSAGES_SHOWN),
    syndication: r.syndication,
    closestPairs: similar.slice(0, SIMILAR_SHOWN),
  };
}

/** The pairs that are among the `k` closest of at least one of their documents, in the input order. */
export function closestPerDocument<T extends { a: string; b: string; similarity: number }>(pairs: T[], k: number): T[] {
  const taken = new Map<string, number>();
  // `pairs` comes sorted by similarity, so each document's first k pairs are its closest.
  return pairs.filter((p) => {
    const keep = (taken.get(p.a) ?? 0) < k || (taken.get(p.b) ?? 0) < k;
    if (keep) for (const d of [p.a, p.b]) taken.set(d, (taken.get(d) ?? 0) + 1);
    return keep;
  });
}
