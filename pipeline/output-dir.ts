import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The folders of <out> that a run writes into; nothing else under <out> is ever touched. */
const WRITTEN = ['.', 'reports', 'tables', 'corpus-inputs', 'index'];

// Every output file is written under a temporary name and renamed when whole: write-file-atomic
// appends ".<number>" to the name, the table writers and the page use ".tmp". A run stopped with
// kill -9 leaves these behind; they are never a finished output.
const TEMPORARY = /\.(json|csv|parquet|html)\.\d+$|\.tmp$/;

/**
 * Makes the output folders and removes the temporary files an interrupted run left there, so a
 * re-run after a crash ends with exactly the files a clean run writes.
 */
export function prepareOutput(out: string): void {
  mkdirSync(join(out, 'reports'), { recursive: true });
  mkdirSync(join(out, 'corpus-inputs'), { recursive: true });
  mkdirSync(join(out, 'index'), { recursive: true });
  for (const sub of WRITTEN) {
    let names: string[];
    try {
      names = readdirSync(join(out, sub));
    } catch {
      continue;
    }
    for (const n of names) if (TEMPORARY.test(n)) rmSync(join(out, sub, n), { force: true });
  }
}

/** Whether a file name is an unfinished output (for tests and the fuzz harness). */
export function isTemporary(name: string): boolean {
  return TEMPORARY.test(name);
}
