import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportFileName } from './report-files.js';

/**
 * The reports of a run, one at a time and in id order, so corpus-level outputs never hold them all
 * and come out the same on every run. `ids` keeps to one corpus (a reports folder may hold reports
 * of files since removed). A file that does not parse (being rewritten, or not a report) is passed
 * over; `onSkip` hears of it, for commands a person reads whose numbers would otherwise shrink unexplained.
 */
export function* readReports<T>(reportsDir: string, ids?: string[], onSkip?: (file: string, reason: string) => void): Generator<T> {
  const wanted = ids ? new Set(ids.map(reportFileName)) : null;
  for (const f of readdirSync(reportsDir).filter((x) => x.endsWith('.json') && (!wanted || wanted.has(x))).sort()) {
    let r: unknown;
    try {
      r = JSON.parse(readFileSync(join(reportsDir, f), 'utf8'));
    } catch (err) {
      onSkip?.(f, (err as Error).message);
      continue;
    }
    if (typeof r !== 'object' || r === null || typeof (r as { id?: unknown }).id !== 'string') {
      onSkip?.(f, 'not a framescope report (no string "id")');
      continue;
    }
    yield r as T;
  }
}
