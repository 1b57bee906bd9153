import type { Doc } from '../../pipeline/document.js';
import { buildStages } from '../../pipeline/order.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { WINK_PIPE } from '../../pipeline/wink.js';

/** The stages in this thread against bare wink over the same texts: where a document's time goes. */
export interface InProcess {
  tokens: number;
  winkPerSec: number;
  leanPerSec: number;
  pipelinePerSec: number;
  /** Stage name → share of the pipeline's time. */
  shares: Array<[string, number]>;
}

export function measureInProcess(texts: string[]): InProcess {
  // "Bare wink-nlp" is the model as a user loads it, with every annotation pipe; the pipeline
  // loads it without the pipes it never reads (see pipeline/wink.ts), shown on its own line.
  const nlp = winkNLP(model);
  const lean = winkNLP(model, WINK_PIPE);
  const its = nlp.its;
  const bytes = texts.map((t) => new TextEncoder().encode(t));
  const { stages, report } = buildStages({ lexicons: [] });
  const runDoc = (i: number, times?: Map<string, number>) => {
    const doc: Doc = { id: `bench_${i}`, source: { path: '', outlet: null, url: null, date: null, language: null }, bytes: bytes[i]!, diagnostics: [] };
    for (const s of [...stages, report]) {
      const t0 = performance.now();
      (doc as unknown as Record<string, unknown>)[s.assigns] = s.run(doc, { report: () => {}, skipRest: () => {} });
      times?.set(s.name, (times.get(s.name) ?? 0) + performance.now() - t0);
    }
    return JSON.stringify(doc.report);
  };
  // Steady state, as over millions of articles: every path first takes a pass over a few hundred texts.
  const warm = Math.min(texts.length, 300);
  for (let i = 0; i < warm; i++) (runDoc(i), nlp.readDoc(texts[i]!).tokens().out(its.value), lean.readDoc(texts[i]!).tokens().out(its.value));
  // The machine's speed drifts (shared hosts, frequency scaling): the three take turns over the
  // same slices, so a drift weighs on all alike.
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
  return {
    tokens,
    winkPerSec: tokens / winkSec,
    leanPerSec: tokens / leanSec,
    pipelinePerSec: tokens / pipeSec,
    shares: [...times].map(([k, v]) => [k, v / 1000 / pipeSec]),
  };
}

/** Bare wink `readDoc` over the texts on one thread, after a warm-up pass: the yardstick of every ratio. */
export function bareWink(texts: string[]): { tokens: number; seconds: number } {
  const nlp = winkNLP(model);
  const its = nlp.its;
  // A first, untimed pass: JIT and wink's caches warm, as after the first hundreds of a long run.
  for (const t of texts) nlp.readDoc(t).tokens().out(its.value);
  let tokens = 0;
  const t0 = performance.now();
  for (const t of texts) tokens += nlp.readDoc(t).tokens().out(its.value).length;
  return { tokens, seconds: (performance.now() - t0) / 1000 };
}
