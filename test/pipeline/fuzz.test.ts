import { describe, expect, it } from 'vitest';
import { formatSummary, fuzz, type Finding, type FuzzSummary } from '../fuzz/fuzz.js';

// A small seeded sample of `make fuzz` (test/fuzz): a few hundred generated inputs (truncations, byte
// flips, CR-only line ends, NULs, zero-width and bidi characters, broken and deep HTML, other scripts,
// comment floods, odd manifests…) through the built CLI. Nothing here is about speed: the limits
// only tell a hang from a slow run.
const COUNT = 300;
const SEED = 20241031;

const brief = (fs: Finding[]) => fs.map((f) => `[${f.code}] ${f.names.join(', ') || f.manifest} (${f.recipes.join(' | ')}): ${f.detail.slice(0, 300)}\n  reproduce: ${f.reproduce}`).join('\n');

describe('fuzzing the CLI with a seeded sample', () => {
  let summary: FuzzSummary;

  it(
    `runs ${COUNT} generated inputs through the CLI in batches`,
    async () => {
      // Narrowing a bad batch down takes many CLI runs; here one try is enough to name the batch.
      summary = await fuzz({ count: COUNT, seed: SEED, batch: 150, workers: 2, locateBudget: 0, maxLocateRuns: 0, giantRows: 20_000 });
      expect(summary.inputs).toBe(COUNT);
      console.log(formatSummary(summary));
    },
    60 * 60_000,
  );

  it('has no crash: no code ends with /crash, no worker died, the CLI never exits 2 or dies', () => {
    expect(summary.crashes, brief(summary.crashes)).toEqual([]);
  });

  it('has no hang', () => {
    expect(summary.hangs, brief(summary.hangs)).toEqual([]);
  });

  it('writes reports that all validate against the JSON Schema', () => {
    expect(summary.schemaViolations, brief(summary.schemaViolations)).toEqual([]);
    expect(summary.reportsChecked).toBeGreaterThanOrEqual(COUNT);
  });

  it('writes a report for every input', () => {
    expect(summary.missingReports, brief(summary.missingReports)).toEqual([]);
    expect(summary.status.ok + summary.status.partial + summary.status.failed).toBe(COUNT);
  });
});
