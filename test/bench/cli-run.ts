import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One whole `framescope run` as a user starts it: a new process, cold start and corpus products included. */
export interface CliRun {
  seconds: number;
  /** Peak resident memory of the process and its worker threads, in MB (null when it could not be read). */
  peakMb: number | null;
  done: number;
  skipped: number;
  failed: number;
}

const TIME = '/usr/bin/time';

/**
 * Runs the CLI at `cli` and waits for it. GNU time reports the child's peak RSS, which covers
 * its worker threads (one process); without it, the run summary's own figure is read.
 */
export function runCli(cli: string, corpus: string, out: string, args: string[]): Promise<CliRun> {
  const argv = [cli, 'run', corpus, '--out', out, '--quiet', ...args];
  const timed = existsSync(TIME);
  const memFile = join(out, '..', `peak-${process.pid}-${Date.now()}.txt`);
  const [cmd, full] = timed ? [TIME, ['-f', '%M', '-o', memFile, process.execPath, ...argv]] : [process.execPath, argv];
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, full, { stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`framescope run exited with ${code}`));
      const summary = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { done: number; partial: number; skipped: number; failed: number; peakRssMb?: number };
      const peakMb = timed ? Math.round(Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) / 1024) : summary.peakRssMb ?? null;
      resolve({ seconds, peakMb, done: summary.done + summary.partial, skipped: summary.skipped, failed: summary.failed });
    });
  });
}
