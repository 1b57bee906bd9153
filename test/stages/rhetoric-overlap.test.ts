import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

type RHit = { marker: string; text: string };

// Techniques overlap (PTC marks a loaded word inside a doubting question twice), so a long
// clause-shaped marker must not hide the short marker inside it.
describe('rhetoric overlaps', () => {
  it('keeps a loaded word inside a rhetorical question', () => {
    const hits = analyse('Why would anyone believe this shameful cover story?').rhetoric.hits as RHit[];
    expect(hits.some((h) => h.marker === 'doubt' && h.text.startsWith('Why'))).toBe(true);
    expect(hits.some((h) => h.marker === 'loaded-language' && h.text === 'shameful')).toBe(true);
  });

  it('still lets the longest match of one marker win', () => {
    const hits = analyse('It was the worst attack ever recorded in the region.').rhetoric.hits as RHit[];
    expect(hits.filter((h) => h.marker === 'intensifier')).toHaveLength(1);
  });
});
