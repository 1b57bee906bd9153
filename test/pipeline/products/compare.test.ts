import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompareAccumulator, compare, fightinWords, ratioInterval, versusRest, type CompareState } from '../../../pipeline/products/compare.js';
import type { VoiceCounts } from '../../../pipeline/products/voice-counts.js';
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

  it('scores a group against the corpus total as Fightin\' Words scores it against the rest', () => {
    const group = new Map([['war', 9], ['peace', 1], ['kyiv', 4]]);
    const rest = new Map([['war', 3], ['peace', 8], ['kiev', 5]]);
    const total = new Map([['war', 12], ['peace', 9], ['kyiv', 4], ['kiev', 5]]);
    expect(versusRest(group, total, 100)).toEqual(fightinWords(group, rest, 100).filter((x) => x.countGroup > 0));
  });

  it('pools the rate over documents with an interval from the ratio estimator, documents as clusters', () => {
    // 2 + 4 hits over 1,000 + 1,000 words = 3 per 1,000; residuals c - R·w are -1 and +1, so
    // var(R) = 2/1 · 2 / 2000² and the standard error is 1 per 1,000: 3 ± 1.96.
    const g = { documents: 2, words: 2000, ww: 2e6 };
    const b = ratioInterval({ c: 6, cc: 20, cw: 6000 }, g);
    expect(b.rate).toBeCloseTo(3, 9);
    expect(b.lo).toBeCloseTo(1.04, 9);
    expect(b.hi).toBeCloseTo(4.96, 9);
    // Hits in proportion to length leave nothing to vary; one document has no interval beyond itself.
    expect(ratioInterval({ c: 2, cc: 2, cw: 1000 }, { documents: 2, words: 1000, ww: 2 * 500 * 500 })).toEqual({ rate: 2, lo: 2, hi: 2 });
    expect(ratioInterval({ c: 3, cc: 9, cw: 1800 }, { documents: 1, words: 600, ww: 360000 })).toEqual({ rate: 5, lo: 5, hi: 5 });
  });

  it('gives the same comparison whether documents come in one accumulator, in another order, or in two merged', () => {
    const doc = (outlet: string, words: number, own: number, attributed: number, terms: Array<[string, number]>) => ({
      grouping: { outlet, language: 'en', metadata: { date: '2024-01-02', agency: null }, manifest: { side: outlet === 'TASS' ? 'state' : 'other' } },
      words,
      counts: [['invasion', { all: own + attributed, authorial: own, attributed, quoted: 0, scareQuoted: 0, negated: 0, distanced: 0 }]] as Array<[string, VoiceCounts]>,
      terms,
    });
    const docs = [doc('TASS', 400, 0, 3, [['kiev', 4]]), doc('TASS', 900, 1, 0, [['kiev', 2], ['west', 1]]), doc('BBC', 700, 4, 1, [['kyiv', 5]]), doc('BBC', 300, 2, 0, [['kyiv', 1], ['war', 2]]), doc('AP', 500, 1, 1, [['constructor', 3], ['war', 1]])];
    const one = new CompareAccumulator('outlet');
    for (const d of docs) one.add(d);
    const reversed = new CompareAccumulator('outlet');
    for (const d of [...docs].reverse()) reversed.add(d);
    const left = new CompareAccumulator('outlet');
    const right = new CompareAccumulator('outlet');
    docs.forEach((d, i) => (i % 2 ? left : right).add(d));
    left.merge(JSON.parse(JSON.stringify(right.toJSON())) as CompareState);
    expect(JSON.stringify(reversed.result())).toBe(JSON.stringify(one.result()));
    expect(JSON.stringify(left.result())).toBe(JSON.stringify(one.result()));
    expect(JSON.stringify(left.toJSON())).toBe(JSON.stringify(one.toJSON()));
    const bbc = one.result().rates.find((r) => r.group === 'BBC' && r.frame === 'invasion')!;
    expect([bbc.documents, bbc.words, bbc.authorialCount, bbc.authorialRate, bbc.count]).toEqual([2, 1000, 6, 6, 7]);
    expect(() => left.merge({ ...right.toJSON(), by: 'month' })).toThrow(/E044/);
    // A body word that is also a property of every JavaScript object is counted like any other.
    const ap = one.result().distinctive.find((d) => d.group === 'AP' && d.term === 'constructor')!;
    expect(ap.countGroup).toBe(3);
    expect(Number.isFinite(ap.z)).toBe(true);
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
