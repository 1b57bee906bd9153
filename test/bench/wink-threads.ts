import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Bare wink `readDoc` over the files split across `threads` worker threads, each timed after it
 * loaded its model: what this machine gives for two threads of the same work, the ceiling for
 * framescope's own two-worker speed-up (cores that share caches and memory bandwidth give less than 2×).
 */
export async function bareWinkThreads(files: string[], threads: number): Promise<number> {
  const parts = Array.from({ length: threads }, (_, k) => files.filter((_, i) => i % threads === k));
  const ready: Array<Promise<void>> = [];
  const workers = parts.map((part) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { part } });
    ready.push(new Promise((resolve) => w.once('message', () => resolve())));
    return w;
  });
  await Promise.all(ready);
  const t0 = performance.now();
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => (w.once('message', () => resolve()), w.postMessage('go')))));
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(workers.map((w) => w.terminate()));
  return seconds;
}

if (!isMainThread && (workerData as { part?: string[] })?.part) {
  const nlp = winkNLP(model);
  const texts = (workerData as { part: string[] }).part.map((f) => readFileSync(f, 'utf8'));
  // Warmed over its whole part, as the one-thread yardstick is: both are timed in steady state.
  for (const t of texts) nlp.readDoc(t).tokens().out(nlp.its.value);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    for (const t of texts) nlp.readDoc(t).tokens().out(nlp.its.value);
    parentPort!.postMessage('done');
  });
}
