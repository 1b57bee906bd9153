import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpus } from '../../../pipeline/run.js';
import { logLikelihood, suggest } from '../../../pipeline/products/suggest.js';
import { tempDir } from '../../helpers.js';

// Five short articles: in three, "global minority club" (no pattern yet) keeps company with the
// "collective West" (a pattern), plus articles about other things.
const NEAR = [
  'The collective West and its global minority club are pushing Europe towards a new confrontation, the commentator wrote in his weekly column.',
  'Officials said the collective West, speaking for a global minority club, had rejected every proposal for talks on European security.',
  'According to the analyst, the collective West and its global minority club cannot accept a multipolar world and will keep escalating.',
];
const OTHER = [
  'Farmers in the region expect a record grain harvest this autumn after a warm and wet summer, the agriculture ministry reported.',
  'The city council approved a new budget for public transport, including two new tram lines and a renovated railway station.',
];

describe('framescope suggest', () => {
  it('proposes phrases that keep company with a frame but match no pattern, with contexts', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    [...NEAR, ...OTHER].forEach((p, i) => writeFileSync(join(corpus, `a${i}.txt`), `Report number ${i} from the region\n\n${p}\n\n${OTHER[i % 2]}\n`));
    await runCorpus({ corpus, out: join(dir, 'out'), workers: 0, lexicons: [], force: true });
    const found = suggest(join(dir, 'out', 'reports'), { frame: 'collective-west' });
    const top = found.find((c) => c.phrase === 'global minority club');
    expect(top, JSON.stringify(found.slice(0, 5).map((c) => c.phrase))).toBeDefined();
    expect(top!.documents).toBe(3);
    expect(top!.examples[0]).toMatch(/collective West/);
    // Words of the existing pattern are not suggested again, and neither is anything from the unrelated articles.
    expect(found.map((c) => c.phrase)).not.toContain('collective west');
    expect(found.map((c) => c.phrase)).not.toContain('harvest');
  });

  it('scores keyness with Dunning’s log-likelihood', () => {
    expect(logLikelihood(10, 1000, 10, 1000)).toBeCloseTo(0, 6);
    // A phrase ten times as frequent near the frame as elsewhere is key; the reverse is equally far from even.
    expect(logLikelihood(20, 1000, 2, 1000)).toBeGreaterThan(15);
  });
});
