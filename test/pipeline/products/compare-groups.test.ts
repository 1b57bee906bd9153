import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus } from '../../../pipeline/run.js';
import { cli, tempDir } from '../../helpers.js';
import { DOCUMENTS, writeInventedCorpus } from '../invented-corpus.js';

// `framescope compare --by <any manifest column> --groups <mapping.csv>`, through the built CLI.
let dir = '';
let out = '';
beforeAll(async () => {
  dir = tempDir();
  out = join(dir, 'out');
  await runCorpus({ corpus: writeInventedCorpus(join(dir, 'corpus')), out, workers: 0, lexicons: [], force: true });
}, 120_000);

const mapping = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const table = (name: string): Array<Record<string, string>> => parse(readFileSync(join(out, 'tables', `${name}.csv`)), { columns: true });
const docsOf = (outlets: string[]) => DOCUMENTS.filter((d) => outlets.includes(d.outlet)).length;

describe('compare --groups', () => {
  it('groups outlets by a mapping file, and sends the outlets it does not list to "(unmapped)"', async () => {
    // Village Courier is left out of the file on purpose.
    const file = mapping('sides.csv', 'outlet,side,note\nRelay Agency,state media,\n"State Gazette",state media,x\nOwn Voice Herald,the rest,\n');
    const r = await cli(['compare', out, '--by', 'outlet', '--groups', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(unmapped): 1 value(s) of outlet not in');
    expect(r.stdout).toContain('Village Courier (2)');
    const rates = table('compare_outlet_sides_rates');
    expect([...new Set(rates.map((x) => x.group))]).toEqual(['(unmapped)', 'state media', 'the rest']);
    const west = (g: string) => rates.find((x) => x.group === g && x.frame === 'collective-west')!;
    expect(Number(west('state media').documents)).toBe(docsOf(['Relay Agency', 'State Gazette']));
    expect(Number(west('the rest').documents)).toBe(docsOf(['Own Voice Herald']));
    expect(Number(west('(unmapped)').documents)).toBe(docsOf(['Village Courier']));
    // State media: one own-voice hit (State Gazette) among four hits of the frame.
    expect([Number(west('state media').authorial_count), Number(west('state media').count)]).toEqual([1, 4]);
    expect(table('compare_outlet_sides_groups')).toEqual([
      { outlet: 'Village Courier', group: '(unmapped)', documents: '2' },
      { outlet: 'Relay Agency', group: 'state media', documents: '5' },
      { outlet: 'State Gazette', group: 'state media', documents: '2' },
      { outlet: 'Own Voice Herald', group: 'the rest', documents: '3' },
    ]);
  });

  it('groups by a manifest column the pipeline never reads, as the mapping does', async () => {
    const bySide = await cli(['compare', out, '--by', 'Side']);
    expect(bySide.code, bySide.stderr).toBe(0);
    const file = mapping('outlet-side.csv', 'outlet,side\n' + [...new Map(DOCUMENTS.map((d) => [d.outlet, d.side]))].map(([o, s]) => `${o},${s}`).join('\n') + '\n');
    const mapped = await cli(['compare', out, '--by', 'outlet', '--groups', file]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(readFileSync(join(out, 'tables', 'compare_side_rates.csv'), 'utf8')).toBe(readFileSync(join(out, 'tables', 'compare_outlet_outlet-side_rates.csv'), 'utf8'));
  });

  it.each([
    ['an unknown --by column', () => ['--by', 'sidee'], /\[E041\] --by "sidee": no report has that field or manifest column; choose one of outlet, month, year, language, agency, date, side/],
    ['a missing mapping file', () => ['--groups', join(dir, 'nowhere.csv')], /\[E043\] --groups .*nowhere\.csv: cannot read it \(ENOENT\)/],
    ['an empty mapping', () => ['--groups', mapping('empty.csv', 'outlet,side\n')], /the mapping is empty/],
    ['a mapping with one column', () => ['--groups', mapping('one.csv', 'outlet\nRelay Agency\n')], /needs a header row and two columns/],
    ['a value mapped twice', () => ['--groups', mapping('twice.csv', 'outlet,side\nRelay Agency,a\nRelay Agency,b\n')], /"Relay Agency" is mapped to both "a" and "b"/],
    ['a mapping that matches no value', () => ['--groups', mapping('other.csv', 'outlet,side\nTASS,state\n')], /none of the 4 value\(s\) of outlet in the reports is in its first column/],
  ])('stops with a clear message and a non-zero exit code for %s', async (_, args, message) => {
    const r = await cli(['compare', out, ...args()]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });
});
