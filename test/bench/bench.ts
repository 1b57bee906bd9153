import { rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import type { Doc } from '../../pipeline/document.js';
import { buildStages } from '../../pipeline/order.js';
import { runCorpus } from '../../pipeline/run.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../../pipeline/wink.js';
import { buildSynthetic } from './synthetic.js';

/**
 * `make bench`: bare wink-nlp readDoc vs the whole pipeline over the same synthetic texts, in one
 * process; then the CLI path with worker threads. Prints throughput, the ratio, per-stage time and
 * peak RSS. Speed is measured here, never asserted in tests.
 */
async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
  const dir = join(tmpdir(), `framescope-bench-${process.pid}`);
  const texts = buildSynthetic(join(PACKAGE_ROOT, 'corpus'), join(dir, 'corpus'), n);
  // "Bare wink-nlp" is the model as a user loads it, with every annotation pipe; the pipeline
  // loads it without the pipes it never reads (see pipeline/wink.ts), shown on its own line.
  const nlp = winkNLP(model);
  const lean = winkNLP(model, WINK_PIPE);
  const its = nlp.its;
  const bytes = texts.map((t) => new TextEncoder().encode(t));

  // Warm up both paths so JIT and model loading are not counted.
  for (const t of texts.slice(0, 50)) (nlp.readDoc(t).tokens().out(its.value), lean.readDoc(t).tokens().out(its.value));
  const { stages, report } = buildStages({ lexicons: [] });
  const runDoc = (i: number, times?: Map<string, number>) => {
    const doc: Doc = { id: `syn_${i}`, source: { path: '', outlet: null, url: null, date: null, language: null }, bytes: bytes[i]!, diagnostics: [] };
    for (const s of [...stages, report]) {
      const t0 = performance.now();
      (doc as unknown as Record<string, unknown>)[s.assigns] = s.run(doc, { report: () => {}, skipRest: () => {} });
      times?.set(s.name, (times.get(s.name) ?? 0) + performance.now() - t0);
    }
    return JSON.stringify(doc.report);
  };
  // A run over millions of articles is in steady state: JIT-compiled code and warm name caches.
  // Both paths first take a pass over the first few hundred texts, so neither pays for warming up.
  const warm = Math.min(texts.length, 300);
  for (let i = 0; i < warm; i++) (runDoc(i), nlp.readDoc(texts[i]!).tokens().out(its.value), lean.readDoc(texts[i]!).tokens().out(its.value));

  // The machine's speed drifts (shared hosts, frequency scaling): bare wink, lean wink and the
  // pipeline take turns over the same slices, so a drift weighs on all three alike.
  let tokens = 0;
  let winkSec = 0;
  let leanSec = 0;
  let pipeSec = 0;
  const times = new Map<string, number>();
  const SLICE = 25;
  for (let from = 0; from < texts.length; from += SLICE) {
    const to = Math.min(texts.length, from + SLICE);
    let t0 = performance.now();
    for (let i = from; i < to; i++) tokens += nlp.readDoc(texts[i]!).tokens().out(its.value).length;
    winkSec += (performance.now() - t0) / 1000;
    t0 = performance.now();
    for (let i = from; i < to; i++) lean.readDoc(texts[i]!).tokens().out(its.value);
    leanSec += (performance.now() - t0) / 1000;
    t0 = performance.now();
    for (let i = from; i < to; i++) runDoc(i, times);
    pipeSec += (performance.now() - t0) / 1000;
  }

  const workers = availableParallelism();
  // `--no-cli` skips the worker run, for quick comparisons of the in-process ratio.
  const summary = process.argv.includes('--no-cli') ? null : await runCorpus({ corpus: join(dir, 'corpus'), out: join(dir, 'out'), workers, lexicons: [], force: true });
  rmSync(dir, { recursive: true, force: true });

  const rate = (sec: number) => Math.round(tokens / sec);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  console.log(`synthetic corpus: ${n} documents, ${tokens} wink tokens, ${(chars / 1e6).toFixed(2)} MB`);
  console.log(`bare wink-nlp readDoc (1 thread):     ${rate(winkSec)} tokens/s`);
  console.log(`wink-nlp readDoc, pipes ${WINK_PIPE.join('+')}: ${rate(leanSec)} tokens/s (what the tokenize stage runs)`);
  console.log(`framescope pipeline (1 thread):       ${rate(pipeSec)} tokens/s`);
  console.log('per stage, share of pipeline time:    ' + [...times].map(([k, v]) => `${k} ${((v / 1000 / pipeSec) * 100).toFixed(1)}%`).join(', '));
  if (summary) console.log(`framescope CLI (${workers} workers, with I/O): ${rate(summary.seconds)} tokens/s (${summary.done} done, ${summary.failed} failed, ${summary.seconds}s)`);
  console.log(`ratio pipeline/bare wink, same thread count: ${(winkSec / pipeSec).toFixed(2)}  (target ≥ 0.50)`);
  if (summary) console.log(`ratio CLI with ${workers} workers/bare wink 1 thread: ${(winkSec / summary.seconds).toFixed(2)}`);
  console.log(`peak RSS (main process): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

await main();
