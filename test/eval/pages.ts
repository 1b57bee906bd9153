import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES, pagesAvailable, peers, scorePages } from './pages-score.js';

/**
 * `make eval-pages`: body extraction on the 85 dev pages of the article-extraction benchmark, on
 * both input paths (saved HTML and the same pages as innerText), beside the published extractors.
 * `-v` lists every page below 0.9 F1.
 */
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose');
if (!pagesAvailable()) {
  console.log(`eval-pages: ${PAGES} not found; skipped`);
  process.exit(0);
}
const work = mkdtempSync(join(tmpdir(), 'framescope-pages-'));
const fmt = (x: number) => x.toFixed(3);
try {
  for (const path of ['html', 'text'] as const) {
    const s = await scorePages(path, join(work, path));
    console.log(`${path.padEnd(5)} pages=${s.pages} f1=${fmt(s.f1)} precision=${fmt(s.precision)} recall=${fmt(s.recall)} accuracy=${fmt(s.accuracy)} empty=${s.empty}`);
    const low = s.perPage.filter((p) => p.f1 < (verbose ? 0.9 : 0.5));
    for (const p of low) console.log(`      ${p.id.slice(0, 12)} f1=${fmt(p.f1)} precision=${p.precision === null ? 'NA' : fmt(p.precision)} recall=${p.recall === null ? 'NA' : fmt(p.recall)}`);
  }
  console.log('\npublished extractors on the same pages (HTML input; none reads plain text):');
  for (const p of peers().slice(0, 12)) console.log(`      ${p.system.padEnd(34)} f1=${fmt(p.f1)} precision=${fmt(p.precision)} recall=${fmt(p.recall)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
