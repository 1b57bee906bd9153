import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCorpus } from '../../pipeline/run.js';

/** One fixture's expectations (test/fixtures/segment/README.md describes the format). */
interface Gold {
  id: string;
  language?: string;
  metadata: Record<string, string | boolean | null>;
  headings?: string[];
  headingsOptional?: string[];
  body?: { starts: string | string[]; ends: string; mustContain?: string[]; mustNotContain?: string[] };
  comments: Array<{ author: string | null; time?: string; starts: string; ends: string; replyTo?: number | null }>;
  removed?: Array<{ kind: string; text: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Report = Record<string, any>;

export interface FixtureScore {
  id: string;
  group: string;
  passed: number;
  total: number;
  failed: string[];
}

const squash = (s: unknown) => String(s ?? '').replace(/\s+/gu, ' ').trim().toLowerCase();
const fold = (s: unknown) => squash(s).normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N} ]/gu, '');
const author = (s: unknown) => (s == null ? '' : squash(s).replace(/^(u\/|@)/u, ''));
// A dateline is compared by its place ("KYIV" for "KYIV, Ukraine"): the contract names the place.
const place = (s: unknown) => fold(String(s ?? '').split(',')[0]);

/** Every check of one report against its gold, as [name, passed] pairs. */
export function checkFixture(rep: Report, gold: Gold): Array<[string, boolean]> {
  const checks: Array<[string, boolean]> = [];
  const md = rep.metadata ?? {};
  if (gold.language) checks.push([`language ${gold.language}`, rep.language === gold.language]);
  for (const [k, want] of Object.entries(gold.metadata ?? {})) {
    const got = md[k];
    let ok: boolean;
    if (k === 'truncated') ok = Boolean(got) === Boolean(want);
    else if (want === null) ok = got == null || got === '';
    else if (k === 'dateline') ok = place(got) === place(want);
    else if (k === 'agency' || k === 'byline') ok = fold(got) === fold(want);
    else ok = squash(got) === squash(want);
    checks.push([`metadata.${k}${ok ? '' : ` got ${JSON.stringify(got)}`}`, ok]);
  }
  if (gold.body) {
    const body = squash(rep.body?.text);
    const starts = Array.isArray(gold.body.starts) ? gold.body.starts : [gold.body.starts];
    checks.push([`body.starts${''}`, starts.some((s) => body.startsWith(squash(s)))]);
    checks.push(['body.ends', body.endsWith(squash(gold.body.ends))]);
    for (const s of gold.body.mustContain ?? []) checks.push([`body.contains ${JSON.stringify(s.slice(0, 40))}`, body.includes(squash(s))]);
    for (const s of gold.body.mustNotContain ?? []) checks.push([`body.excludes ${JSON.stringify(s.slice(0, 40))}`, !body.includes(squash(s))]);
    const predicted = new Set<string>((rep.body?.headings ?? []).map(squash));
    for (const h of gold.headings ?? []) checks.push([`heading ${JSON.stringify(h.slice(0, 40))}`, predicted.has(squash(h))]);
    const allowed = new Set([...(gold.headings ?? []), ...(gold.headingsOptional ?? [])].map(squash));
    for (const h of predicted) if (!allowed.has(h)) checks.push([`spurious heading ${JSON.stringify(h.slice(0, 40))}`, false]);
  }
  const comments: Report[] = rep.comments ?? [];
  const matchedAt = new Map<number, number>();
  gold.comments.forEach((g, gi) => {
    const pi = comments.findIndex((c, i) => ![...matchedAt.values()].includes(i) && author(c.author) === author(g.author) && squash(c.text).startsWith(squash(g.starts)) && squash(c.text).endsWith(squash(g.ends)));
    checks.push([`comment ${gi} by ${g.author}`, pi >= 0]);
    if (pi < 0) return;
    matchedAt.set(gi, pi);
    if (g.time !== undefined) checks.push([`comment ${gi} time${squash(comments[pi]!.time) === squash(g.time) ? '' : ` got ${JSON.stringify(comments[pi]!.time)}`}`, squash(comments[pi]!.time) === squash(g.time)]);
  });
  gold.comments.forEach((g, gi) => {
    if (g.replyTo === undefined || !matchedAt.has(gi)) return;
    const want = g.replyTo === null ? null : (matchedAt.get(g.replyTo) ?? -1);
    const got = comments[matchedAt.get(gi)!]!.replyTo ?? null;
    checks.push([`comment ${gi} replyTo${got === want ? '' : ` got ${got}`}`, got === want]);
  });
  for (let i = matchedAt.size; i < comments.length; i++) checks.push([`spurious comment`, false]);
  for (const r of gold.removed ?? []) {
    const hit = (rep.removed ?? []).some((x: Report) => x.kind === r.kind && squash(x.text).includes(squash(r.text)));
    const other = (rep.removed ?? []).find((x: Report) => squash(x.text).includes(squash(r.text)));
    checks.push([`removed ${r.kind} ${JSON.stringify(r.text.slice(0, 40))}${hit ? '' : other ? ` (as ${other.kind})` : ''}`, hit]);
  }
  return checks;
}

/** Runs the real pipeline over every fixture group (each folder is one batch) and scores it. */
export async function scoreFixtures(root: string, outRoot: string): Promise<FixtureScore[]> {
  const scores: FixtureScore[] = [];
  for (const group of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const dir = join(root, group);
    const out = join(outRoot, group);
    await runCorpus({ corpus: dir, out, workers: 0, force: true, lexicons: [] });
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.gold.json')).sort()) {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
      const path = join(out, 'reports', `${gold.id}.json`);
      const checks = existsSync(path) ? checkFixture(JSON.parse(readFileSync(path, 'utf8')) as Report, gold) : [['report written', false] as [string, boolean]];
      scores.push({ id: gold.id, group, passed: checks.filter(([, ok]) => ok).length, total: checks.length, failed: checks.filter(([, ok]) => !ok).map(([n]) => n) });
    }
  }
  return scores;
}
