import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrapRate, compare, fightinWords } from '../../../pipeline/products/compare.js';
import { tempDir } from '../../helpers.js';

describe('compare: statistics checked by hand', () => {
  it("Fightin' Words log-odds and z-score match the formula worked by hand", () => {
    // Group A says "war" 3 times and "peace" once; the rest the other way round. alpha0 = 4, so each
    // word's prior is alpha_w = 4 * 4/8 = 2. By hand:
    //   delta_war = ln((3+2)/(4+4-3-2)) - ln((1+2)/(4+4-1-2)) = ln(5/3) - ln(3/5) = 1.021651
    //   var = 1/(3+2) + 1/(1+2) = 0.533333, z = 1.021651 / 0.730297 = 1.398951
    const out = fightinWords(new Map([['war', 3], ['peace', 1]]), new Map([['war', 1], ['peace', 3]]), 4);
    const war = out.find((x) => x.term === 'war')!;
    expect(war.logOdds).toBeCloseTo(1.021651, 5);
    expect(war.z).toBeCloseTo(1.398951, 5);
    expect(out.find((x) => x.term === 'peace')!.z).toBeCloseTo(-1.398951, 5);
    expect(out[0]!.term).toBe('war');
  });

  it('pools the rate over documents and bootstraps an interval around it', () => {
    // 2 + 4 hits over 1,000 + 1,000 words = 3 per 1,000.
    const b = bootstrapRate([{ count: 2, words: 1000 }, { count: 4, words: 1000 }]);
    expect(b.rate).toBeCloseTo(3, 9);
    expect(b.lo).toBeGreaterThanOrEqual(2);
    expect(b.hi).toBeLessThanOrEqual(4);
    expect(b.lo).toBeLessThan(b.hi);
    expect(bootstrapRate([{ count: 2, words: 1000 }, { count: 4, words: 1000 }])).toEqual(b); // seeded: the same every run
    // Identical documents leave nothing to vary; one document has no interval beyond itself.
    expect(bootstrapRate([{ count: 1, words: 500 }, { count: 1, words: 500 }])).toEqual({ rate: 2, lo: 2, hi: 2 });
    expect(bootstrapRate([{ count: 3, words: 600 }])).toEqual({ rate: 5, lo: 5, hi: 5 });
  });

  it('groups reports by outlet and computes each rate from the reports', () => {
    const dir = join(tempDir(), 'reports');
    mkdirSync(dir);
    const report = (id: string, outlet: string, words: number, count: number, body: string) => ({
      id, status: 'ok', outlet, language: 'en', text: body, metadata: { date: '2024-10-31', agency: null },
      body: { blocks: [{ kind: 'paragraph', start: 0, end: Array.from(body).length }] }, stats: { words },
      frames: { hits: Array.from({ length: count }, () => ({ frame: 'collective-west', in: 'body', voice: 'authorial', negated: false, distancing: null, inName: false })), scores: {} },
      rhetoric: { hits: [], scores: {} },
    });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(report('a', 'TASS', 1000, 2, 'sanctions sanctions collective west')));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(report('b', 'TASS', 500, 0, 'sanctions harvest')));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(report('c', 'Meduza', 800, 4, 'invasion invasion occupation harvest')));
    const c = compare(dir, 'outlet');
    expect(c.groups).toEqual([{ key: 'Meduza', documents: 1, words: 800 }, { key: 'TASS', documents: 2, words: 1500 }]);
    const tass = c.rates.find((r) => r.group === 'TASS' && r.frame === 'collective-west')!;
    expect(tass.rate).toBeCloseTo((2 / 1500) * 1000, 3); // 1.333
    expect(tass.lo).toBeLessThanOrEqual(tass.rate);
    expect(tass.hi).toBeGreaterThanOrEqual(tass.rate);
    const meduzaWords = c.distinctive.filter((d) => d.group === 'Meduza' && d.kind === 'term').map((d) => d.term);
    expect(meduzaWords[0]).toBe('invasion');
    expect(c.distinctive.filter((d) => d.group === 'TASS' && d.kind === 'term')[0]!.term).toBe('sanctions');
  });
});
