import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { scoreFixtures } from './segment-score.js';

/** `make eval-segment`: the segmentation score over test/fixtures/segment, per fixture and overall. */
const root = process.argv[2] ?? join(PACKAGE_ROOT, 'test', 'fixtures', 'segment');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const scores = await scoreFixtures(root, mkdtempSync(join(tmpdir(), 'framescope-eval-')));
for (const s of scores) {
  console.log(`${s.passed === s.total ? 'ok  ' : 'FAIL'} ${s.group}/${s.id} ${s.passed}/${s.total}`);
  if (verbose || s.passed < s.total) for (const f of s.failed) console.log(`       ${f}`);
}
const passed = scores.reduce((n, s) => n + s.passed, 0);
const total = scores.reduce((n, s) => n + s.total, 0);
const perGroup = [...new Set(scores.map((s) => s.group))].map((g) => {
  const gs = scores.filter((s) => s.group === g);
  return `${g}=${(gs.reduce((n, s) => n + s.passed, 0) / gs.reduce((n, s) => n + s.total, 0)).toFixed(3)}`;
});
console.log(`\nsummary fixtures=${scores.length} checks=${total} segmentation=${(passed / (total || 1)).toFixed(3)} ${perGroup.join(' ')}`);
