import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../../pipeline/run.js';
import { tempDir, type Report } from '../../helpers.js';
import { DOCUMENTS, writeInventedCorpus } from '../invented-corpus.js';

// Regression for the issue over 15,220 real articles: outlets that mostly relay others' words (TASS on
// "invasion", The Moscow Times quoting officials on the "collective West") ranked as high as the
// outlets that frame the story so. The headline rate now counts only the outlet's own framing.
let out = '';
beforeAll(async () => {
  out = tempDir();
  await runCorpus({ corpus: writeInventedCorpus(join(out, 'corpus')), out: join(out, 'out'), workers: 0, lexicons: [], force: true });
}, 120_000);

const table = (name: string): Array<Record<string, string>> => parse(readFileSync(join(out, 'out', 'tables', `${name}.csv`)), { columns: true });
const row = (id: string) => table('documents').find((d) => d.id === id)!;
const num = (v: string | undefined) => Number(v);

describe('headline rate: the outlet’s own framing', () => {
  it.each([
    ['relay-1', 'collective_west', 'attributed_rate'],
    ['relay-2', 'invasion', 'quoted_rate'],
    ['relay-5', 'collective_west', 'scare_quoted_rate'],
  ])('%s: a %s hit in reported speech has headline 0 and a non-zero %s', (id, frame, reported) => {
    const d = row(id);
    expect(num(d[`authorial_rate_${frame}`])).toBe(0);
    expect(num(d[`${reported}_${frame}`])).toBeGreaterThan(0);
    expect(num(d[`rate_${frame}`])).toBe(num(d[`${reported}_${frame}`]));
  });

  it('leaves a negated or distanced hit out of the headline and counts it beside it', () => {
    const negated = row('relay-3');
    expect(num(negated.authorial_rate_invasion)).toBe(0);
    expect(num(negated.negated_invasion)).toBe(1);
    expect(num(negated.rate_invasion)).toBeGreaterThan(0);
    const distanced = row('relay-4');
    expect(num(distanced.authorial_rate_collective_west)).toBe(0);
    expect(num(distanced.distanced_collective_west)).toBe(1);
    expect(num(distanced.rate_collective_west)).toBeGreaterThan(0);
  });

  it('counts the outlet’s own words in the headline, equal to the all-voices rate when nothing else is there', () => {
    const d = row('herald-1');
    expect(num(d.authorial_rate_collective_west)).toBeGreaterThan(0);
    expect(d.authorial_rate_collective_west).toBe(d.rate_collective_west);
    expect(num(d.attributed_rate_collective_west) + num(d.quoted_rate_collective_west) + num(d.scare_quoted_rate_collective_west)).toBe(0);
    // The all-voices column is still what the report's scores say.
    const report = JSON.parse(readFileSync(join(out, 'out', 'reports', 'herald-1.json'), 'utf8')) as Report;
    expect(num(d.rate_collective_west)).toBe(report.frames.scores['collective-west'].per1000);
  });

  it('describes the headline column in datapackage.json and puts the reported voices beside it', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'out', 'tables', 'datapackage.json'), 'utf8')) as { resources: Array<{ name: string; schema: { fields: Array<{ name: string; description: string }> } }> };
    const fields = pkg.resources.find((r) => r.name === 'documents')!.schema.fields.map((f) => f.name);
    const at = fields.indexOf('authorial_rate_invasion');
    expect(fields.slice(at, at + 7)).toEqual(['authorial_rate_invasion', 'attributed_rate_invasion', 'quoted_rate_invasion', 'scare_quoted_rate_invasion', 'negated_invasion', 'distanced_invasion', 'rate_invasion']);
    const description = pkg.resources.find((r) => r.name === 'documents')!.schema.fields[at]!.description;
    expect(description).toMatch(/^HEADLINE/);
  });

  it('compares outlets on the headline: an outlet that only relays others has own-voice rate 0 but all-voices rates above 0', () => {
    const rates = table('compare_outlet_rates');
    const relay = rates.filter((r) => r.group === 'Relay Agency');
    for (const frame of ['collective-west', 'invasion']) {
      const r = relay.find((x) => x.frame === frame)!;
      expect([frame, num(r.authorial_rate), num(r.authorial_lo), num(r.authorial_hi)]).toEqual([frame, 0, 0, 0]);
      expect(num(r.rate)).toBeGreaterThan(0);
    }
    const west = relay.find((x) => x.frame === 'collective-west')!;
    expect([num(west.attributed_rate) > 0, num(west.scare_quoted_rate) > 0, num(west.distanced)]).toEqual([true, true, 1]);
    expect(num(relay.find((x) => x.frame === 'invasion')!.negated)).toBe(1);
    const herald = rates.find((r) => r.group === 'Own Voice Herald' && r.frame === 'collective-west')!;
    expect(num(herald.authorial_rate)).toBeGreaterThan(0);
    expect(herald.authorial_rate).toBe(herald.rate);
  });

  it('keeps the manifest row in each report, extra columns included, so compare can group by them', () => {
    const report = JSON.parse(readFileSync(join(out, 'out', 'reports', 'relay-1.json'), 'utf8')) as Report;
    expect(report.manifest).toEqual({ date: expect.stringMatching(/^2024-05-0\d$/), outlet: 'Relay Agency', side: 'state' });
    expect(Object.keys(report.manifest)).toEqual(['date', 'outlet', 'side']);
    expect(DOCUMENTS.length).toBe(table('documents').length);
  });
});
