import type { Stream } from './stream.js';

/**
 * Every word any lexicon pattern can start with, numbered. Streams look each token up once, and
 * every matcher then finds its candidate patterns by array index instead of three string-keyed
 * map look-ups per token per lexicon (the matchers were a sixth of the pipeline's time).
 */
const ids = new Map<string, number>();
let generation = 0;

export function wordId(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    ids.set(word, (id = ids.size));
    generation++;
  }
  return id;
}

/** How many words are numbered: ids run from 0 to this, exclusive. */
export function vocabularySize(): number {
  return ids.size;
}

/** Per stream piece: the ids of its lowercase form, lemma and exact surface, or -1 when no pattern uses them. */
export interface StreamIds {
  lower: Int32Array;
  lemma: Int32Array;
  surface: Int32Array;
}

const memo = new WeakMap<Stream, { generation: number; ids: StreamIds }>();

export function streamIds(s: Stream): StreamIds {
  const m = memo.get(s);
  // A lexicon loaded after the stream was built may have added words: look them up again.
  if (m && m.generation === generation) return m.ids;
  const n = s.lower.length;
  const out: StreamIds = { lower: new Int32Array(n), lemma: new Int32Array(n), surface: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const lower = s.lower[i]!;
    const lemma = s.lemma[i]!;
    out.lower[i] = ids.get(lower) ?? -1;
    out.lemma[i] = lemma === lower ? -1 : ids.get(lemma) ?? -1;
    const surface = s.surface[i]!;
    out.surface[i] = surface === lower ? out.lower[i]! : ids.get(surface) ?? -1;
  }
  memo.set(s, { generation, ids: out });
  return out;
}
