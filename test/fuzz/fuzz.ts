import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { spans } from '../report-spans.js';
import { generateInput, generateManifest, inputId, loadSeeds, type FuzzInput, type FuzzManifest, type SeedMaterial } from './generate.js';

/**
 * `make fuzz`: seeded mutation fuzzing of the real CLI. Inputs from generate.ts are written in batches
 * to a fresh folder and run with `node dist/pipeline/cli.js run <dir> --out <out> --workers W --quiet`
 * as a child process in its own process group. A hang is a run that makes no progress (no new report,
 * or once the corpus tables began, no new table file) for the stall limit, or outlives a generous hard
 * limit: the process group is killed and the phase it was in is recorded. A bad run (hang, exit 2,
 * signal, no run.json) is narrowed down to the input(s) at fault by rerunning parts of the batch.
 * Then: the exit code is 0 or 1, run.json parses, every input has a report,
 * every report validates against stages/report/schema.json, no code ends with `/crash` and none is
 * `pipeline/worker-crash`, and every span's text is the code-point slice of `text` it claims to be.
 *
 *   node dist/test/fuzz/fuzz.js [--count N] [--seed S] [--batch B] [--workers W] [--from I]
 *                               [--timeout SEC] [--stall SEC] [--products-stall SEC] [--locate-budget N]
 *                               [--giant-rows N] [--only I,J,...] [--dump DIR] [--json FILE] [--resume FILE]
 *
 * `--only 123,456` runs just those inputs (no manifest); `--dump DIR` writes the inputs (and the batch
 * manifests) to DIR instead of running them; `--from I --count N --batch B` reruns a batch with its manifest.
 * `--json FILE` writes the summary after every batch; `--resume FILE` continues an interrupted run from it
 * (same --seed, --count and --batch).
 */

export interface FuzzOptions {
  count?: number;
  seed?: number;
  batch?: number;
  workers?: number;
  /** Index of the first input (a batch's manifest is keyed by its first index, so batches can be rerun alone). */
  from?: number;
  /** Only these input indexes, in one batch, without a manifest. */
  only?: number[];
  /** Hard wall-clock limit in seconds for one CLI run; default scales with the batch's inputs and bytes. */
  timeoutSec?: number;
  /** Seconds without a new report (before and while documents are processed) that count as a hang (default 90). */
  stallSec?: number;
  /** Seconds without a new table file once the corpus products began that count as a hang (default 60, plus 2 ms per manifest row). */
  productsStallSec?: number;
  /** CLI runs allowed to narrow one bad batch down (default 30). */
  locateBudget?: number;
  /** CLI runs allowed for narrowing over the whole fuzz run (default 400). */
  maxLocateRuns?: number;
  /** Inputs saved per kind and code of finding (default 5; every finding is still listed). */
  savePerCode?: number;
  /** Rows of a gigantic manifest (default 50,000). */
  giantRows?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Where findings are saved (default: a fresh folder under the OS temp dir). */
  findingsDir?: string;
  /** The CLI to run (default dist/pipeline/cli.js). */
  cli?: string;
  /** A summary (from a --json checkpoint) to continue: its counts are kept and the run starts at its `next` input. */
  resume?: FuzzSummary;
  /** Called after every batch with the summary so far (the CLI writes it as a checkpoint). */
  onBatch?: (summary: FuzzSummary) => void;
  /** Seed material (default: loadSeeds(), which reads ../shared when it is there). */
  seeds?: SeedMaterial;
}

/** One problem found, with what it takes to reproduce it. */
export interface Finding {
  kind: 'crash' | 'hang' | 'schema' | 'span' | 'missing-report' | 'run' | 'timeout-code';
  /** Input indexes involved (empty when the manifest alone is at fault). */
  inputs: number[];
  names: string[];
  recipes: string[];
  manifest: string | null;
  code: string;
  detail: string;
  reproduce: string;
  saved: string | null;
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  batches: number;
  seconds: number;
  workers: number;
  seedMaterial: Record<string, number>;
  bytes: number;
  status: { ok: number; partial: number; failed: number };
  failureCodes: Record<string, number>;
  partialCodes: Record<string, number>;
  /** Manifest rows that name no file (input/missing-file and the like), counted apart from the inputs. */
  manifestOnly: { reports: number; codes: Record<string, number> };
  manifests: { batches: number; kinds: Record<string, number>; rejected: number; rejections: string[] };
  /** Documents failed with `pipeline/timeout` (the per-document time budget): not crashes, but listed. */
  timeouts: Array<{ index: number; recipe: string }>;
  timeoutRecipes: Record<string, number>;
  crashes: Finding[];
  hangs: Finding[];
  schemaViolations: Finding[];
  spanMismatches: Finding[];
  missingReports: Finding[];
  /** Run-level anomalies: exit code against run.json, report count against total, productErrors. */
  runProblems: Finding[];
  reportsChecked: number;
  cliRuns: number;
  findingsDir: string | null;
  /** Index of the next input a resumed run starts from. */
  next: number;
  /** Run-level failures already narrowed down: signature → the inputs found. */
  located: Record<string, string[]>;
}

const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'stages', 'report', 'schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const DEFAULT_CLI = join(PACKAGE_ROOT, 'dist', 'pipeline', 'cli.js');

// ---------------------------------------------------------------------------------------------
// Running the CLI

type Phase = 'startup' | 'documents' | 'products';

interface CliResult {
  code: number | null;
  signal: string | null;
  /** No progress (no new report or table file) for the stall limit, or over the hard limit: the group was killed. */
  timedOut: boolean;
  /** Where the run was when it ended or was killed: before any report, writing reports, or writing the corpus tables/report.html. */
  phase: Phase;
  /** For a run killed after the documents: the corpus outputs it had not written yet. */
  unwritten: string[];
  seconds: number;
  /** Seconds until the corpus products began (the tables folder appeared), null if they never did. */
  docsSeconds: number | null;
  stdout: string;
  stderr: string;
}

interface Limits {
  /** No new report for this long (before and during the documents) is a hang. */
  stallMs: number;
  /** No new table file for this long once the corpus products began is a hang. */
  productsStallMs: number;
  /** The whole run may not take longer than this. */
  hardMs: number;
}

const PRODUCTS = ['tables/documents.csv', 'tables/frame_hits.csv', 'tables/entities.csv', 'tables/comments.csv', 'tables/compare_outlet_rates.csv', 'tables/reuse_passages.csv', 'tables/syndication.csv', 'tables/similar_pairs.csv', 'report.html', 'run.json'];

const live = new Set<ChildProcess>();
/** Scratch folders to remove if the fuzzer is interrupted. */
const scratch = new Set<string>();
function killGroup(c: ChildProcess): void {
  try {
    if (c.pid) process.kill(-c.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
let exitHook = false;
function ensureExitHook(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => live.forEach(killGroup));
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      live.forEach(killGroup);
      process.stderr.write(`fuzz: ${sig}, stopping (a --json checkpoint can be continued with --resume)\n`);
      for (const d of scratch) rmSync(d, { recursive: true, force: true });
      process.exit(130);
    });
  }
}

function entries(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return -1;
  }
}

function runCli(cli: string, dir: string, out: string, workers: number, limits: Limits): Promise<CliResult> {
  ensureExitHook();
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [cli, 'run', dir, '--out', out, '--workers', String(workers), '--quiet'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    let stdout = '';
    let stderr = '';
    const cap = (s: string, d: Buffer) => (s.length < 1 << 20 ? s + d.toString('utf8') : s);
    child.stdout!.on('data', (d: Buffer) => (stdout = cap(stdout, d)));
    child.stderr!.on('data', (d: Buffer) => (stderr = cap(stderr, d)));
    let timedOut = false;
    let phase: Phase = 'startup';
    let docsSeconds: number | null = null;
    let last = '';
    let lastChange = Date.now();
    const poll = setInterval(() => {
      const reports = entries(join(out, 'reports'));
      const tables = entries(join(out, 'tables'));
      if (tables >= 0 && phase !== 'products') {
        phase = 'products';
        docsSeconds = (Date.now() - t0) / 1000;
      } else if (reports > 0 && phase === 'startup') phase = 'documents';
      const now = `${reports}|${tables}|${existsSync(join(out, 'report.html'))}`;
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      }
      const stall = phase === 'products' ? limits.productsStallMs : limits.stallMs;
      if (Date.now() - lastChange > stall || Date.now() - t0 > limits.hardMs) {
        timedOut = true;
        clearInterval(poll);
        killGroup(child);
      }
    }, 1000);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      live.delete(child);
      // Worker threads live in the same process, but be sure nothing of the group outlives the batch.
      killGroup(child);
      if (existsSync(join(out, 'tables')) && phase !== 'products') phase = 'products';
      const unwritten = phase === 'products' ? PRODUCTS.filter((p) => !existsSync(join(out, p))) : [];
      done({ code, signal, timedOut, phase, unwritten, seconds: (Date.now() - t0) / 1000, docsSeconds, stdout, stderr });
    });
  });
}

function writeBatch(dir: string, inputs: FuzzInput[], manifest: FuzzManifest | null): void {
  mkdirSync(dir, { recursive: true });
  for (const i of inputs) writeFileSync(join(dir, i.name), i.bytes);
  if (manifest) writeFileSync(join(dir, 'manifest.csv'), manifest.bytes);
}

/** Stall limits and a hard limit that scales with the batch: generous, since a hang is whatever outlives them. */
function limitsFor(ctx: Ctx, inputs: FuzzInput[], manifest: FuzzManifest | null): Limits {
  const o = ctx.opts;
  const mb = inputs.reduce((a, i) => a + i.bytes.length, 0) / 1e6;
  const rows = manifest?.rows ?? 0;
  const stallMs = (o.stallSec ?? 90) * 1000;
  const productsStallMs = (o.productsStallSec ?? 60) * 1000 + rows * 2;
  const hardMs = o.timeoutSec ? o.timeoutSec * 1000 : Math.round((300 + (2 * inputs.length + 60 * mb) / Math.max(1, Math.min(o.workers, 2)) + rows / 100) * 1000);
  return { stallMs, productsStallMs, hardMs };
}

/** A failure of the machine rather than of the pipeline: a module missing while someone reinstalls or rebuilds. */
const ENVIRONMENT = /ERR_MODULE_NOT_FOUND|Cannot find (module|package)|does not provide an export named|ENOSPC|EMFILE|SyntaxError[^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*node:internal\/modules/;

type Verdict =
  | { kind: 'ok' }
  | { kind: 'rejected' }
  | { kind: 'hang'; code: string; signature: string }
  | { kind: 'crash'; code: string; signature: string };

function firstLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('at ') && !/^node:internal|^\^+$|^Node\.js v/.test(l)) ?? ''
  ).slice(0, 300);
}

/** What a finished (or killed) run says: fine, a refused manifest, a hang, or a crash of the run itself. */
function verdict(res: CliResult, out: string, manifest: FuzzManifest | null): Verdict {
  if (res.timedOut) {
    const where = res.phase === 'products' ? `products (unwritten: ${res.unwritten.join(', ')})` : res.phase;
    return { kind: 'hang', code: `hang in ${res.phase} after ${res.seconds.toFixed(0)}s`, signature: `hang:${where}` };
  }
  if (res.code === 2 && manifest?.mayBeRejected && /\[E04[01]\]/.test(res.stderr)) return { kind: 'rejected' };
  if (res.signal) return { kind: 'crash', code: `cli/signal-${res.signal}`, signature: `signal:${res.signal}` };
  if (res.code !== 0 && res.code !== 1) return { kind: 'crash', code: `cli/exit-${res.code}`, signature: `exit-${res.code}:${firstLine(res.stderr).replace(/\d+/g, 'N').replace(/\/tmp\/\S+/g, 'PATH')}` };
  try {
    JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  } catch {
    return { kind: 'crash', code: `cli/no-run-json (exit ${res.code})`, signature: `no-run-json:${firstLine(res.stderr).replace(/\d+/g, 'N')}` };
  }
  return { kind: 'ok' };
}

/** Runs the CLI over a folder, retrying when the environment (not the pipeline) failed. */
async function runChecked(ctx: Ctx, corpus: string, out: string, inputs: FuzzInput[], manifest: FuzzManifest | null): Promise<{ res: CliResult; verdict: Verdict }> {
  for (let attempt = 1; ; attempt++) {
    rmSync(out, { recursive: true, force: true });
    ctx.runs++;
    const res = await runCli(ctx.cli, corpus, out, ctx.opts.workers, limitsFor(ctx, inputs, manifest));
    const v = verdict(res, out, manifest);
    // Outside the pipeline: a module missing while someone rebuilds or reinstalls, the CLI file gone,
    // or the run killed by someone else (SIGTERM/SIGINT/SIGHUP; the fuzzer itself only sends SIGKILL).
    const external = v.kind === 'crash' && !res.timedOut && (ENVIRONMENT.test(res.stderr) || !existsSync(ctx.cli) || ['SIGTERM', 'SIGINT', 'SIGHUP'].includes(res.signal ?? ''));
    if (!external) return { res, verdict: v };
    if (attempt >= 8) throw new Error(`the CLI keeps failing for reasons outside the pipeline (after ${attempt} attempts): ${firstLine(res.stderr)}`);
    ctx.log(`  not the pipeline's fault (${res.signal ? `killed from outside with ${res.signal}` : firstLine(res.stderr).slice(0, 120)}); retrying in ${15 * attempt}s`);
    await new Promise((r) => setTimeout(r, 15_000 * attempt));
  }
}

// ---------------------------------------------------------------------------------------------
// Checking the output

/** Every diagnostic/error code in a report. */
function codesOf(report: Record<string, unknown>): string[] {
  const codes: string[] = [];
  const err = report.error as { code?: unknown } | null;
  if (err && typeof err.code === 'string') codes.push(err.code);
  if (Array.isArray(report.diagnostics)) for (const d of report.diagnostics as Array<{ code?: unknown }>) if (typeof d?.code === 'string') codes.push(d.code);
  return codes;
}

const isCrashCode = (c: string) => c.endsWith('/crash') || c === 'pipeline/worker-crash';

/** The "family" of a recipe, for histograms: the base kind and the mutation names, without parameters. */
export function recipeKind(recipe: string): string {
  return recipe
    .split(' > ')
    .map((s) => s.split(':')[0]!)
    .join(' > ');
}

// ---------------------------------------------------------------------------------------------
// The fuzzer

interface Ctx {
  opts: Required<Pick<FuzzOptions, 'seed' | 'workers' | 'batch'>> & FuzzOptions;
  cli: string;
  work: string;
  summary: FuzzSummary;
  log: (l: string) => void;
  runs: number;
  /** Signatures of run-level findings already narrowed down (a repeat is recorded, not narrowed again). */
  located: Map<string, string[]>;
  locateRuns: number;
  /** Findings saved to disk per kind and code (the first few of each are enough to reproduce it). */
  savedPerCode: Map<string, number>;
}

function reproduceCommand(seed: number, inputs: number[], manifest: FuzzManifest | null, first: number, batch: number, batchLen: number): string {
  const only = inputs.length ? `node dist/test/fuzz/fuzz.js --seed ${seed} --only ${inputs.join(',')}   (add --dump DIR for the file(s))` : '';
  const whole = manifest ? `node dist/test/fuzz/fuzz.js --seed ${seed} --from ${first} --count ${batchLen} --batch ${batch}   (the batch, with ${manifest.recipe})` : '';
  return [only, whole].filter(Boolean).join('; or with its manifest: ');
}

function findingCount(s: FuzzSummary): number {
  return s.crashes.length + s.hangs.length + s.schemaViolations.length + s.spanMismatches.length + s.missingReports.length + s.runProblems.length;
}

function saveFinding(ctx: Ctx, kind: string, inputs: FuzzInput[], manifest: FuzzManifest | null, note: string): string {
  ctx.opts.findingsDir ??= mkdtempSync(join(tmpdir(), 'framescope-fuzz-findings-'));
  ctx.summary.findingsDir = ctx.opts.findingsDir;
  const dir = join(ctx.opts.findingsDir, `${String(findingCount(ctx.summary)).padStart(3, '0')}-${kind}-${inputs.length ? inputs.map((i) => i.index).slice(0, 3).join('_') : 'manifest'}`);
  mkdirSync(dir, { recursive: true });
  for (const i of inputs) writeFileSync(join(dir, i.name), i.bytes);
  if (manifest) writeFileSync(join(dir, 'manifest.csv'), manifest.bytes);
  writeFileSync(join(dir, 'recipe.txt'), `${note}\n\n${inputs.map((i) => `${i.name} (index ${i.index}, ${i.bytes.length} bytes): ${i.recipe}`).join('\n')}${manifest ? `\nmanifest.csv: ${manifest.recipe}` : ''}\n\nrerun: node dist/pipeline/cli.js run ${dir} --out /tmp/out --workers 1\n`);
  return dir;
}

type NewFinding = Omit<Finding, 'saved' | 'reproduce' | 'names' | 'recipes' | 'inputs'>;

function addFinding(ctx: Ctx, list: Finding[], f: NewFinding, inputs: FuzzInput[], manifest: FuzzManifest | null, first: number, batchLen: number, save = true): Finding {
  const finding: Finding = {
    ...f,
    inputs: inputs.map((i) => i.index),
    names: inputs.map((i) => i.name),
    recipes: inputs.map((i) => i.recipe),
    reproduce: reproduceCommand(ctx.opts.seed, inputs.map((i) => i.index), manifest, first, ctx.opts.batch, batchLen),
    saved: null,
  };
  const key = `${f.kind}:${f.code.replace(/after \d+s/, '')}`;
  const saved = ctx.savedPerCode.get(key) ?? 0;
  if (save && saved < (ctx.opts.savePerCode ?? 5)) ctx.savedPerCode.set(key, saved + 1);
  else save = false;
  if (save) finding.saved = saveFinding(ctx, f.kind, inputs, manifest, `${f.kind}: ${f.code}\n${f.detail}\n\nreproduce: ${finding.reproduce}\nseed ${ctx.opts.seed}`);
  list.push(finding);
  const who = inputs.length > 4 ? `${inputs.length} inputs (${inputs[0]!.name}…)` : inputs.map((i) => `${i.name} (${i.recipe})`).join('; ') || manifest?.recipe || '?';
  if (finding.saved || f.kind === 'hang') ctx.log(`  FINDING ${f.kind} [${f.code}] ${who}: ${f.detail.split('\n')[0]!.slice(0, 300)}${finding.saved ? `\n    saved: ${finding.saved}` : ''}`);
  return finding;
}

/** Runs inputs (and a manifest) once in a scratch folder and gives the verdict. */
async function probe(ctx: Ctx, inputs: FuzzInput[], manifest: FuzzManifest | null): Promise<{ verdict: Verdict; res: CliResult; missing: Set<number> }> {
  const dir = mkdtempSync(join(ctx.work, 'probe-'));
  writeBatch(join(dir, 'in'), inputs, manifest);
  ctx.locateRuns++;
  const { res, verdict: v } = await runChecked(ctx, join(dir, 'in'), join(dir, 'out'), inputs, manifest);
  const written = new Set(existsSync(join(dir, 'out', 'reports')) ? readdirSync(join(dir, 'out', 'reports')).map((f) => f.replace(/\.json$/, '')) : []);
  rmSync(dir, { recursive: true, force: true });
  return { verdict: v, res, missing: new Set(inputs.filter((i) => !written.has(inputId(i.index))).map((i) => i.index)) };
}

const isBad = (v: Verdict) => v.kind === 'hang' || v.kind === 'crash';

/**
 * Narrows a bad run (hang, crash of the run) down to the input(s) at fault: the manifest alone, the
 * inputs without a report (a stuck worker leaves only its document unwritten), halves, and when both
 * halves pass alone, a pair search (one input of each half: a corpus-level interaction such as text reuse).
 */
async function locate(ctx: Ctx, inputs: FuzzInput[], manifest: FuzzManifest | null, first: { verdict: Verdict; res: CliResult; missing: Set<number> }): Promise<{ inputs: FuzzInput[]; manifest: FuzzManifest | null; res: CliResult; verdict: Verdict; note: string }> {
  const budget = ctx.opts.locateBudget ?? 30;
  const start = ctx.locateRuns;
  const left = () => budget - (ctx.locateRuns - start);
  if (budget <= 0) return { inputs, manifest, res: first.res, verdict: first.verdict, note: 'not narrowed (no budget)' };
  let m = manifest;
  let cur = inputs;
  let last = first;
  if (m) {
    const without = await probe(ctx, cur, null);
    if (isBad(without.verdict)) {
      m = null;
      last = without;
    } else {
      const alone = await probe(ctx, [], m);
      if (isBad(alone.verdict)) return { inputs: [], manifest: m, res: alone.res, verdict: alone.verdict, note: 'the manifest alone' };
    }
  }
  while (cur.length > 1 && left() > 0) {
    const missing = cur.filter((i) => last.missing.has(i.index));
    if (last.verdict.kind === 'hang' && last.res.phase !== 'products' && missing.length && missing.length < cur.length) {
      const p = await probe(ctx, missing, m);
      if (isBad(p.verdict)) {
        cur = missing;
        last = p;
        continue;
      }
    }
    const a = cur.slice(0, Math.ceil(cur.length / 2));
    const b = cur.slice(a.length);
    const pa = await probe(ctx, a, m);
    if (isBad(pa.verdict)) {
      cur = a;
      last = pa;
      continue;
    }
    const pb = await probe(ctx, b, m);
    if (isBad(pb.verdict)) {
      cur = b;
      last = pb;
      continue;
    }
    // Both halves pass alone: the fault needs inputs from both. Shrink each side against the other.
    let A = a;
    let B = b;
    while (A.length > 1 && left() > 1) {
      const a1 = A.slice(0, Math.ceil(A.length / 2));
      const p = await probe(ctx, [...a1, ...B], m);
      if (isBad(p.verdict)) (A = a1), (last = p);
      else A = A.slice(a1.length);
    }
    while (B.length > 1 && left() > 1) {
      const b1 = B.slice(0, Math.ceil(B.length / 2));
      const p = await probe(ctx, [...A, ...b1], m);
      if (isBad(p.verdict)) (B = b1), (last = p);
      else B = B.slice(b1.length);
    }
    const pair = [...A, ...B];
    const check = await probe(ctx, pair, m);
    if (isBad(check.verdict)) return { inputs: pair, manifest: m, res: check.res, verdict: check.verdict, note: `${pair.length} inputs that fail only together (corpus-level interaction)` };
    return { inputs: cur, manifest: m, res: last.res, verdict: last.verdict, note: 'could not narrow below this set (the fault needs several inputs together, or is intermittent)' };
  }
  const verified = cur.length === 1 || left() > 0;
  return { inputs: cur, manifest: m, res: last.res, verdict: last.verdict, note: verified ? (cur.length === 1 ? 'one input' : `${cur.length} inputs`) : 'narrowing budget exhausted' };
}

/** Checks every report a finished run wrote, and its run.json. */
function checkOutput(ctx: Ctx, out: string, inputs: FuzzInput[], manifest: FuzzManifest | null, res: CliResult, first: number, batchLen: number, finished: boolean, ghosts = true): void {
  const s = ctx.summary;
  const byId = new Map(inputs.map((i) => [inputId(i.index), i]));
  const problems: Array<{ list: Finding[]; f: NewFinding; inputs: FuzzInput[] }> = [];
  const reportsDir = join(out, 'reports');
  const files = existsSync(reportsDir) ? readdirSync(reportsDir).filter((f) => f.endsWith('.json')) : [];
  const seen = new Set<string>();
  for (const f of files) {
    const id = f.slice(0, -5);
    seen.add(id);
    const input = byId.get(id);
    // Reports of other inputs (a partial run's unwritten ones are rerun) or, on a rerun, of manifest rows: not ours to count.
    if (!input && (!ghosts || /^i\d{6}$/.test(id))) continue;
    const at = input ? [input] : [];
    s.reportsChecked++;
    let report: Record<string, unknown>;
    try {
      report = JSON.parse(readFileSync(join(reportsDir, f), 'utf8')) as Record<string, unknown>;
    } catch (err) {
      problems.push({ list: s.schemaViolations, f: { kind: 'schema', manifest: manifest?.recipe ?? null, code: 'json', detail: `${f}: not JSON: ${(err as Error).message}` }, inputs: at });
      continue;
    }
    if (!validate(report)) {
      const e = validate.errors?.[0];
      problems.push({ list: s.schemaViolations, f: { kind: 'schema', manifest: manifest?.recipe ?? null, code: `schema:${e?.instancePath ?? ''} ${e?.message ?? ''}`, detail: `${f}: ${JSON.stringify(validate.errors).slice(0, 2000)}` }, inputs: at });
    }
    const crash = codesOf(report).find(isCrashCode);
    if (crash) {
      const msg = (report.error as { message?: string } | null)?.message ?? (report.diagnostics as Array<{ code: string; message: string }>).find((d) => d.code === crash)?.message ?? '';
      problems.push({ list: s.crashes, f: { kind: 'crash', manifest: manifest?.recipe ?? null, code: crash, detail: `${f}: ${msg}` }, inputs: at });
    }
    const status = report.status as string;
    const code = (report.error as { code?: string } | null)?.code ?? null;
    if (!input) {
      // A manifest row naming no file (or an odd id): counted apart from the generated inputs.
      s.manifestOnly.reports++;
      const k = code ?? status;
      s.manifestOnly.codes[k] = (s.manifestOnly.codes[k] ?? 0) + 1;
      continue;
    }
    if (status === 'ok' || status === 'partial' || status === 'failed') s.status[status]++;
    if (status === 'failed' && code) s.failureCodes[code] = (s.failureCodes[code] ?? 0) + 1;
    if (status === 'partial') {
      const reason = (report.diagnostics as Array<{ severity: string; code: string }>).filter((d) => d.severity === 'warning').pop()?.code ?? '?';
      s.partialCodes[reason] = (s.partialCodes[reason] ?? 0) + 1;
    }
    if (code === 'pipeline/timeout') {
      s.timeouts.push({ index: input.index, recipe: input.recipe });
      const k = recipeKind(input.recipe);
      s.timeoutRecipes[k] = (s.timeoutRecipes[k] ?? 0) + 1;
    }
    // Spans must slice out of text by code points (the report contract).
    if (typeof report.text === 'string') {
      const cps = Array.from(report.text);
      const bad = spans(report).filter((sp) => cps.slice(sp.start, sp.end).join('') !== sp.text);
      if (bad.length) {
        const b = bad[0]!;
        problems.push({ list: s.spanMismatches, f: { kind: 'span', manifest: manifest?.recipe ?? null, code: b.where.replace(/\[\d+\]/g, '[]'), detail: `${f}: ${bad.length} span(s) whose text is not text[start:end]; first ${b.where} [${b.start},${b.end}) says ${JSON.stringify(b.text.slice(0, 80))} but the slice is ${JSON.stringify(cps.slice(b.start, b.end).join('').slice(0, 80))}` }, inputs: at });
      }
    }
  }
  for (const [id, input] of byId) {
    if (!seen.has(id)) problems.push({ list: s.missingReports, f: { kind: 'missing-report', manifest: manifest?.recipe ?? null, code: 'no-report', detail: `${input.name}: no reports/${id}.json (exit ${res.code}${res.timedOut ? ', killed' : ''})` }, inputs: [input] });
  }
  if (finished) {
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as Record<string, unknown>;
    const failed = Number(run.failed ?? 0);
    const total = Number(run.total ?? -1);
    const anomalies: string[] = [];
    if ((res.code === 1) !== failed > 0) anomalies.push(`exit code ${res.code} but run.json says failed ${failed}`);
    if (total !== files.length) anomalies.push(`run.json total ${total} but ${files.length} reports were written`);
    if (Array.isArray(run.productErrors) && run.productErrors.length) anomalies.push(`productErrors: ${(run.productErrors as string[]).join(' | ').slice(0, 2000)}`);
    for (const p of PRODUCTS) if (!existsSync(join(out, p))) anomalies.push(`${p} not written`);
    for (const k of ['failures', 'partials'] as const) for (const x of (run[k] as Array<{ id: string; code: string }> | undefined) ?? []) if (isCrashCode(x.code) && !files.includes(`${x.id}.json`)) anomalies.push(`run.json ${k}: ${x.id} ${x.code}`);
    if (anomalies.length) problems.push({ list: s.runProblems, f: { kind: 'run', manifest: manifest?.recipe ?? null, code: anomalies[0]!.replace(/\d+/g, 'N').slice(0, 80), detail: anomalies.join('\n') }, inputs: [] });
  }
  for (const p of problems) addFinding(ctx, p.list, p.f, p.inputs.length || p.list !== s.runProblems ? p.inputs : inputs, manifest, first, batchLen);
}

async function runBatch(ctx: Ctx, inputs: FuzzInput[], manifest: FuzzManifest | null, first: number, batchLen: number, rerun = false): Promise<void> {
  const s = ctx.summary;
  const dir = mkdtempSync(join(ctx.work, 'batch-'));
  const corpus = join(dir, 'in');
  const out = join(dir, 'out');
  writeBatch(corpus, inputs, manifest);
  let { res, verdict: v } = await runChecked(ctx, corpus, out, inputs, manifest);
  let used = manifest;
  // A manifest broken on purpose may be refused as a whole (documented: exit 2, [E040]/[E041]).
  // Count it, then run the batch again without it so its documents are still checked.
  if (v.kind === 'rejected' && manifest) {
    s.manifests.rejected++;
    if (s.manifests.rejections.length < 20) s.manifests.rejections.push(`${manifest.recipe}: ${firstLine(res.stderr).slice(0, 200)}`);
    rmSync(join(corpus, 'manifest.csv'), { force: true });
    used = null;
    ({ res, verdict: v } = await runChecked(ctx, corpus, out, inputs, null));
  }
  ctx.log(`  run${rerun ? ` (again, ${inputs.length} inputs)` : ''}: ${v.kind}${v.kind === 'hang' || v.kind === 'crash' ? ` (${v.code})` : ''}${res.docsSeconds !== null ? `, documents ${res.docsSeconds.toFixed(1)}s, products ${(res.seconds - res.docsSeconds).toFixed(1)}s` : `, ${res.seconds.toFixed(1)}s`}`);
  if (v.kind === 'ok') {
    checkOutput(ctx, out, inputs, used, res, first, batchLen, true, !rerun);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (v.kind !== 'hang' && v.kind !== 'crash') throw new Error(`unexpected verdict ${v.kind}`);
  const written = new Set(existsSync(join(out, 'reports')) ? readdirSync(join(out, 'reports')).map((f) => f.replace(/\.json$/, '')) : []);
  const done = inputs.filter((i) => written.has(inputId(i.index)));
  const missingInputs = inputs.filter((i) => !written.has(inputId(i.index)));
  const missing = new Set(missingInputs.map((i) => i.index));
  // Reports are written one by one as documents finish, so those on disk are whole: check them now.
  // After every document (corpus tables, text reuse, report.html) that is all of them.
  const afterDocuments = missing.size === 0;
  checkOutput(ctx, out, done, used, res, first, batchLen, false, !rerun && afterDocuments);
  rmSync(dir, { recursive: true, force: true });
  const list = v.kind === 'hang' ? s.hangs : s.crashes;
  const detail = (r: CliResult) => `${r.timedOut ? `killed after ${r.seconds.toFixed(0)}s without progress in the ${r.phase} phase${r.unwritten.length ? `; not written: ${r.unwritten.join(', ')}` : ''}` : `exit ${r.code}${r.signal ? `, signal ${r.signal}` : ''}`}; stderr: ${r.stderr.trim().slice(-3000) || '(empty)'}`;
  const seen = ctx.located.get(v.signature) ?? s.located[v.signature];
  if (afterDocuments && (seen || ctx.locateRuns >= (ctx.opts.maxLocateRuns ?? 400))) {
    addFinding(ctx, list, { kind: v.kind, manifest: used?.recipe ?? null, code: v.code, detail: `same kind as the finding narrowed to ${seen?.join(', ') || '(not narrowed: budget spent)'} (${v.signature}); this batch not narrowed. ${detail(res)}` }, inputs, used, first, batchLen, false);
    return;
  }
  let found: Awaited<ReturnType<typeof locate>>;
  if (v.kind === 'hang' && res.phase === 'documents' && missingInputs.length === 1) {
    // Every other document was written while this one made no progress: no need to run it again.
    found = { inputs: missingInputs, manifest: used, res, verdict: v, note: 'the only document left unwritten while the run stalled' };
  } else {
    ctx.log(`  batch at ${first}: ${v.code}; narrowing down the input(s) at fault among ${afterDocuments ? `all ${inputs.length}` : `the ${missingInputs.length} unwritten`}`);
    const candidates = afterDocuments ? inputs : missingInputs;
    let start: { verdict: Verdict; res: CliResult; missing: Set<number> } = { verdict: v, res, missing };
    let pool = candidates;
    if (candidates.length < inputs.length) {
      const p = await probe(ctx, candidates, used);
      if (!isBad(p.verdict)) pool = inputs; // the unwritten documents pass alone: search the whole batch
      else start = p;
    }
    found = await locate(ctx, pool, used, start);
  }
  const fv = found.verdict as Verdict & { code: string; signature: string };
  const finding = addFinding(ctx, fv.kind === 'hang' ? s.hangs : s.crashes, { kind: fv.kind === 'hang' ? 'hang' : 'crash', manifest: found.manifest?.recipe ?? null, code: fv.code ?? v.code, detail: `${found.note}; ${detail(found.res)}` }, found.inputs, found.manifest, first, batchLen);
  ctx.located.set(v.signature, finding.names);
  s.located[v.signature] = finding.names;
  if (afterDocuments) return;
  // The documents not yet written still deserve checking: run them again without the input(s) at fault.
  const culprits = new Set(found.inputs.map((i) => i.index));
  const rest = missingInputs.filter((i) => !culprits.has(i.index));
  if (!rest.length) return;
  if (found.inputs.length === 0 && used) await runBatch(ctx, rest, null, first, batchLen, true);
  else if (rest.length < missingInputs.length) await runBatch(ctx, rest, used, first, batchLen, true);
  else for (const i of rest) addFinding(ctx, s.missingReports, { kind: 'missing-report', manifest: used?.recipe ?? null, code: 'not-run', detail: `${i.name}: its batch could not be run without the failure` }, [i], used, first, batchLen, false);
}

/** Runs the fuzzer and returns the summary (nothing is thrown for a finding; see the lists). */
export async function fuzz(options: FuzzOptions = {}): Promise<FuzzSummary> {
  const opts = { count: 10_000, seed: 1, batch: 500, workers: availableParallelism(), from: 0, ...options };
  const seeds = opts.seeds ?? loadSeeds();
  const log = opts.log ?? (() => {});
  const t0 = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'framescope-fuzz-'));
  scratch.add(work);
  ensureExitHook();
  const summary: FuzzSummary = opts.resume ? { ...opts.resume, seed: opts.seed } : {
    seed: opts.seed, inputs: 0, batches: 0, seconds: 0, workers: opts.workers,
    seedMaterial: { corpus: seeds.corpus.length, fixtures: seeds.fixtures.length, html: seeds.html.length, ptc: seeds.ptc.length },
    bytes: 0, status: { ok: 0, partial: 0, failed: 0 }, failureCodes: {}, partialCodes: {}, manifestOnly: { reports: 0, codes: {} },
    manifests: { batches: 0, kinds: {}, rejected: 0, rejections: [] }, timeouts: [], timeoutRecipes: {},
    crashes: [], hangs: [], schemaViolations: [], spanMismatches: [], missingReports: [], runProblems: [], reportsChecked: 0, cliRuns: 0, findingsDir: null, next: opts.from, located: {},
  };
  const earlier = { seconds: summary.seconds, runs: summary.cliRuns };
  if (opts.resume) {
    if (opts.resume.seed !== opts.seed) throw new Error(`--resume: the checkpoint was made with seed ${opts.resume.seed}, not ${opts.seed}`);
    opts.count -= summary.next - opts.from;
    opts.from = summary.next;
    opts.findingsDir ??= summary.findingsDir ?? undefined;
  }
  const ctx: Ctx = { opts, cli: opts.cli ?? DEFAULT_CLI, work, summary, log, runs: 0, located: new Map(), locateRuns: 0, savedPerCode: new Map() };
  const tick = () => {
    summary.cliRuns = earlier.runs + ctx.runs;
    summary.seconds = Math.round(earlier.seconds * 10 + (Date.now() - t0) / 100) / 10;
  };
  try {
    const plan: Array<{ first: number; indexes: number[]; manifest: boolean }> = [];
    if (opts.only) plan.push({ first: opts.only[0] ?? 0, indexes: opts.only, manifest: false });
    else for (let f = opts.from; f < opts.from + opts.count; f += opts.batch) plan.push({ first: f, indexes: Array.from({ length: Math.min(opts.batch, opts.from + opts.count - f) }, (_, k) => f + k), manifest: true });
    for (const b of plan) {
      const tb = Date.now();
      const inputs = b.indexes.map((i) => generateInput(seeds, opts.seed, i));
      const manifest = b.manifest ? generateManifest(opts.seed, b.first, inputs.map((i) => inputId(i.index)), { giantRows: opts.giantRows }) : null;
      if (manifest) {
        summary.manifests.batches++;
        const k = manifest.recipe.split(':').slice(0, 2).join(':');
        summary.manifests.kinds[k] = (summary.manifests.kinds[k] ?? 0) + 1;
      }
      summary.inputs += inputs.length;
      summary.bytes += inputs.reduce((a, i) => a + i.bytes.length, 0);
      summary.batches++;
      log(`batch ${summary.batches}/${(opts.resume?.batches ?? 0) + plan.length}: inputs ${b.first}..${b.indexes[b.indexes.length - 1]} (${(inputs.reduce((a, i) => a + i.bytes.length, 0) / 1e6).toFixed(1)} MB)${manifest ? ` + ${manifest.recipe}` : ''}`);
      const before = findingCount(summary);
      await runBatch(ctx, inputs, manifest, b.first, inputs.length);
      summary.next = b.indexes[b.indexes.length - 1]! + 1;
      tick();
      opts.onBatch?.(summary);
      log(`  done in ${((Date.now() - tb) / 1000).toFixed(1)}s, ${findingCount(summary) - before} new finding(s); so far ok ${summary.status.ok}, partial ${summary.status.partial}, failed ${summary.status.failed}; ${((Date.now() - t0) / 1000).toFixed(0)}s elapsed`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    scratch.delete(work);
  }
  tick();
  return summary;
}

/** True when the summary holds no crash, hang, schema violation, span mismatch, missing report or run problem. */
export function clean(s: FuzzSummary): boolean {
  return !s.crashes.length && !s.hangs.length && !s.schemaViolations.length && !s.spanMismatches.length && !s.missingReports.length && !s.runProblems.length;
}

function histogram(h: Record<string, number>, indent = '    '): string {
  const rows = Object.entries(h).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return rows.length ? rows.map(([k, v]) => `${indent}${String(v).padStart(6)}  ${k}`).join('\n') : `${indent}(none)`;
}

/** Findings grouped by code (most frequent first), each group with a few examples and every input index. */
function groupFindings(fs: Finding[]): Array<{ code: string; findings: Finding[] }> {
  const groups = new Map<string, Finding[]>();
  for (const f of fs) {
    const k = f.code.replace(/after \d+s/, 'after Ns');
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  return [...groups].map(([code, findings]) => ({ code, findings })).sort((a, b) => b.findings.length - a.findings.length || a.code.localeCompare(b.code));
}

export function formatSummary(s: FuzzSummary): string {
  const example = (f: Finding) =>
    `\n    - ${f.names.join(', ') || '(manifest only)'}\n        recipe: ${f.recipes.join(' | ').slice(0, 400) || '-'}${f.manifest ? `\n        manifest: ${f.manifest}` : ''}\n        ${f.detail.split('\n').slice(0, 3).join(' / ').slice(0, 500)}\n        reproduce: ${f.reproduce}${f.saved ? `\n        saved: ${f.saved}` : ''}`;
  const list = (title: string, fs: Finding[]) =>
    `${title}: ${fs.length}` +
    groupFindings(fs)
      .map(({ code, findings }) => {
        const idx = [...new Set(findings.flatMap((f) => f.inputs))];
        const kinds = new Map<string, number>();
        for (const f of findings) for (const r of f.recipes) kinds.set(recipeKind(r).split(' > ')[0]!, (kinds.get(recipeKind(r).split(' > ')[0]!) ?? 0) + 1);
        return `\n  ${findings.length} × [${code}]${idx.length ? `\n    inputs: ${idx.slice(0, 60).join(', ')}${idx.length > 60 ? ` … (${idx.length})` : ''}` : ''}${kinds.size ? `\n    bases: ${[...kinds].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}${findings.slice(0, 3).map(example).join('')}`;
      })
      .join('');
  return [
    `framescope fuzz: seed ${s.seed}, ${s.inputs} inputs (${(s.bytes / 1e6).toFixed(1)} MB) in ${s.batches} batches, ${s.seconds}s (${(s.inputs / Math.max(s.seconds, 0.1)).toFixed(1)} inputs/s), ${s.workers} worker(s), ${s.cliRuns} CLI runs`,
    `seed material: ${Object.entries(s.seedMaterial).map(([k, v]) => `${k} ${v}`).join(', ')}${s.seedMaterial.ptc ? '' : ' (../shared absent: PTC articles not used)'}`,
    `status: ok ${s.status.ok}, partial ${s.status.partial}, failed ${s.status.failed}  (reports checked: ${s.reportsChecked})`,
    `failure codes:\n${histogram(s.failureCodes)}`,
    `partial reasons:\n${histogram(s.partialCodes)}`,
    `manifests: ${s.manifests.batches} batch(es) with one; kinds:\n${histogram(s.manifests.kinds)}\n  refused as a whole (E040/E041, exit 2, documented; batch rerun without it): ${s.manifests.rejected}${s.manifests.rejections.map((r) => `\n    ${r}`).join('')}`,
    `manifest-only rows: ${s.manifestOnly.reports} report(s)\n${histogram(s.manifestOnly.codes)}`,
    `pipeline/timeout (per-document budget, not a crash): ${s.timeouts.length}${s.timeouts.length ? `\n${histogram(s.timeoutRecipes)}\n    inputs: ${s.timeouts.slice(0, 20).map((t) => t.index).join(', ')}` : ''}`,
    list('crashes', s.crashes),
    list('hangs', s.hangs),
    list('schema violations', s.schemaViolations),
    list('span mismatches (span text is not text[start:end])', s.spanMismatches),
    list('inputs without a report', s.missingReports),
    list('run problems', s.runProblems),
    s.findingsDir ? `findings saved under ${s.findingsDir}` : 'no findings',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv: string[]): FuzzOptions & { dump?: string; json?: string; resumeFile?: string } {
  const o: FuzzOptions & { dump?: string; json?: string; resumeFile?: string } = {};
  const num = (v: string | undefined, name: string) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${name} expects a number ≥ 0`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = () => argv[++i];
    if (a === '--count') o.count = num(v(), a);
    else if (a === '--seed') o.seed = num(v(), a);
    else if (a === '--batch') o.batch = Math.max(1, num(v(), a));
    else if (a === '--workers') o.workers = num(v(), a);
    else if (a === '--from') o.from = num(v(), a);
    else if (a === '--timeout') o.timeoutSec = num(v(), a);
    else if (a === '--stall') o.stallSec = num(v(), a);
    else if (a === '--products-stall') o.productsStallSec = num(v(), a);
    else if (a === '--locate-budget') o.locateBudget = num(v(), a);
    else if (a === '--giant-rows') o.giantRows = num(v(), a);
    else if (a === '--only') o.only = (v() ?? '').split(',').filter(Boolean).map((x) => num(x, a));
    else if (a === '--dump') o.dump = v();
    else if (a === '--json') o.json = v();
    else if (a === '--resume') o.resumeFile = v();
    else if (a === '--help' || a === '-h') {
      process.stdout.write('node dist/test/fuzz/fuzz.js [--count N] [--seed S] [--batch B] [--workers W] [--from I] [--timeout SEC] [--stall SEC] [--products-stall SEC] [--locate-budget N] [--giant-rows N] [--only I,J] [--dump DIR] [--json FILE] [--resume FILE]\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** `--dump DIR`: writes the inputs (and each batch's manifest, as batch-<first>/manifest.csv) without running anything. */
function dump(o: FuzzOptions & { dump: string }): void {
  const seeds = loadSeeds();
  const seed = o.seed ?? 1;
  const batch = o.batch ?? 500;
  const from = o.from ?? 0;
  const count = o.count ?? 10_000;
  const groups: Array<{ first: number; idx: number[]; manifest: boolean }> = o.only
    ? [{ first: o.only[0] ?? 0, idx: o.only, manifest: false }]
    : Array.from({ length: Math.ceil(count / batch) }, (_, b) => ({ first: from + b * batch, idx: Array.from({ length: Math.min(batch, count - b * batch) }, (_, k) => from + b * batch + k), manifest: true }));
  for (const g of groups) {
    const dir = o.only ? o.dump : join(o.dump, `batch-${g.first}`);
    const inputs = g.idx.map((i) => generateInput(seeds, seed, i));
    const manifest = g.manifest ? generateManifest(seed, g.first, inputs.map((i) => inputId(i.index)), { giantRows: o.giantRows }) : null;
    writeBatch(dir, inputs, manifest);
    for (const i of inputs) process.stdout.write(`${join(dir, i.name)}\t${i.bytes.length} bytes\t${i.recipe}\n`);
    if (manifest) process.stdout.write(`${join(dir, 'manifest.csv')}\t${manifest.recipe}\n`);
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.dump) return dump(o as FuzzOptions & { dump: string });
  const resume = o.resumeFile ? (JSON.parse(readFileSync(o.resumeFile, 'utf8')) as FuzzSummary) : undefined;
  const checkpoint = o.json ?? o.resumeFile;
  const summary = await fuzz({
    ...o,
    resume,
    log: (l) => process.stderr.write(l + '\n'),
    onBatch: (s) => checkpoint && writeFileSync(checkpoint, JSON.stringify(s, null, 2) + '\n'),
  });
  process.stdout.write(formatSummary(summary) + '\n');
  if (checkpoint) writeFileSync(checkpoint, JSON.stringify(summary, null, 2) + '\n');
  process.exitCode = clean(summary) ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`fuzz: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 2;
  });
}
