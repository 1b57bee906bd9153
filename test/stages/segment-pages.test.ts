import { describe, expect, it } from 'vitest';
import { pagesAvailable, scorePages } from '../eval/pages-score.js';
import { tempDir } from '../helpers.js';

// Floors on the article-extraction benchmark's 85 real dev pages (make eval-pages), one point
// under what the method reaches, so that a change that loses body text on real pages fails here
// rather than in a researcher's numbers. Skipped where ../shared is absent.
const FLOORS = { html: 0.962, text: 0.922 };

describe.skipIf(!pagesAvailable())('body extraction on real pages (article-extraction dev half)', () => {
  it.each(['html', 'text'] as const)('the %s path keeps its F1 floor, and no page loses its whole body', async (path) => {
    const s = await scorePages(path, tempDir());
    expect(s.pages).toBe(85);
    expect(s.f1).toBeGreaterThanOrEqual(FLOORS[path]);
    expect(s.empty).toBe(0);
  }, 300_000);
});
