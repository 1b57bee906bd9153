import type { Doc, Entity, Hit, Range, Region } from '../../pipeline/document.js';
import { Matcher, resolve } from '../../pipeline/lexicon/matcher.js';
import { toStream } from '../../pipeline/lexicon/stream.js';
import { pieceRegion } from '../entities/index.js';
import { findQuotes, type Quote } from './quotes.js';
import { voiceOf } from './voice.js';

// Framing and rhetoric read the same quotations; find them once per document.
const quoteMemo = new WeakMap<object, Quote[]>();

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'neither', 'nor', 'without', 'hardly']);
const FIRST_PERSON = new Set(['i', 'we']);

/**
 * Runs a lexicon over every unit of a document, sentence by sentence, and returns hits with
 * region, voice, negation and `inName` (the phrase sits inside a longer proper name).
 */
export function lexiconHits(doc: Readonly<Doc>, lexicon: Matcher, cues: Matcher): Hit[] {
  const text = doc.text!;
  const seg = doc.segment!;
  let quotes = quoteMemo.get(seg);
  if (!quotes) {
    const quoteRanges: Range[] = [...seg.blocks, ...seg.comments, ...(seg.metadata.title ? [seg.metadata.title] : [])];
    quoteMemo.set(seg, (quotes = quoteRanges.flatMap((r) => findQuotes(text, r))));
  }
  const names = nameSpans(doc.entities ?? []);
  const hits: Hit[] = [];
  for (const u of doc.tokens!.units) {
    const s = toStream(u);
    const region = pieceRegion(u, s);
    const hasVerb = (q: Quote) => {
      for (let i = 0; i < s.surface.length; i++) if (s.start[i]! >= q.start && s.end[i]! <= q.end && (s.pos[i] === 'VERB' || s.pos[i] === 'AUX')) return true;
      return false;
    };
    let from = 0;
    while (from < s.surface.length) {
      const sent = u.sentence[s.token[from]!]!;
      let to = from;
      while (to < s.surface.length && u.sentence[s.token[to]!] === sent) to++;
      const matches = resolve(lexicon.find(s, from, to));
      if (matches.length) {
        const attributed = cues.find(s, from, to).some((c) => !FIRST_PERSON.has(s.lower[c.first - 1] ?? '') && !FIRST_PERSON.has(s.lower[c.first - 2] ?? ''));
        for (const m of matches) {
          const start = s.start[m.first]!;
          const end = s.end[m.last - 1]!;
          let negated = false;
          for (let k = Math.max(from, m.first - 3); k < m.first; k++) if (NEGATORS.has(s.lower[k]!)) negated = true;
          hits.push({
            id: m.entry.id,
            family: m.entry.family,
            start,
            end,
            region: region(m.first) as Region,
            voice: voiceOf(start, end, quotes, attributed, hasVerb),
            inName: names.some((n) => n.start <= start && end <= n.end && n.end - n.start > end - start),
            negated,
            pattern: m.entry.pattern.source,
          });
        }
      }
      from = to;
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
}

/** Mentions of named things whose names can contain frame words (conferences, charters, institutes). */
function nameSpans(entities: Entity[]): Range[] {
  return entities.filter((e) => e.type !== 'PERSON' && e.type !== 'NORP').flatMap((e) => e.mentions);
}
