import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { runCorpus } from '../../pipeline/run.js';
import { RepeatedLines } from '../../stages/segment/repeated.js';
import { analyse, tempDir, type Report } from '../helpers.js';

const REPEAT = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment', 'repeat');
const SLOGAN = 'Northern Ledger — the voice of the Baltic coast';

async function run(corpus: string): Promise<Map<string, Report>> {
  const out = tempDir();
  await runCorpus({ corpus, out, workers: 0, force: true, lexicons: [] });
  const reports = new Map<string, Report>();
  for (const f of readdirSync(join(out, 'reports'))) reports.set(f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(out, 'reports', f), 'utf8')) as Report);
  return reports;
}

describe('batch-level repeated lines (the outlet template)', () => {
  it('removes the lines an outlet repeats on every page of the batch, and records why', async () => {
    const reports = await run(REPEAT);
    expect(reports.size).toBe(5);
    for (const r of reports.values()) {
      expect(r.body.text).not.toContain(SLOGAN);
      expect(r.removed).toContainEqual(expect.objectContaining({ kind: 'boilerplate', rule: 'corpus:repeated-line', text: SLOGAN }));
    }
  });

  it('does not judge a page alone: with one page of the outlet, nothing counts as repeated', async () => {
    const dir = tempDir();
    cpSync(REPEAT, dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f.endsWith('.txt') && !f.startsWith('repeat-ledger-port-strike')) rmSync(join(dir, f));
    const [r] = [...(await run(dir)).values()].filter((x) => x.status !== 'failed');
    expect(r!.removed.some((x: { rule: string }) => x.rule === 'corpus:repeated-line')).toBe(false);
  });

  it('keeps the prose of a re-published article whose sentences recur across the batch', () => {
    const prose = ['The council approved the ferry contract on Tuesday after a long debate about costs.', 'Several members said the price was too high for a town of this size.'];
    const page = `Menu | News | Sport\nFerry contract approved\n\n${prose.join('\n\n')}\n`;
    const r = analyse(page, { repeated: ['menu | news | sport', ...prose.map((p) => p.toLowerCase())] });
    expect(r.body.text).toBe(prose.join('\n'));
    expect(r.removed).toContainEqual(expect.objectContaining({ rule: 'corpus:repeated-line', text: 'Menu | News | Sport' }));
    expect(r.diagnostics.map((d: { code: string }) => d.code)).toContain('segment/near-duplicate');
  });

  it('counts per outlet: a line shared by two outlets is not either one\'s template', () => {
    const lines = new RepeatedLines(3, 0.05);
    // Three pages of each outlet; the line is on three pages in all, but only two of outlet A's.
    for (let i = 0; i < 3; i++) {
      lines.add('outlet:a', `${i < 2 ? 'Share on Telegram\n' : ''}Menu A\nBody ${i} of outlet A.`);
      lines.add('outlet:b', `${i < 1 ? 'Share on Telegram\n' : ''}Menu B\nBody ${i} of outlet B.`);
    }
    expect(lines.of('outlet:a', 'Share on Telegram\nMenu A')).toEqual(['menu a']);
  });
});
