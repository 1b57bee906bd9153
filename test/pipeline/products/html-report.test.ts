import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHtmlReport, type HtmlReportInput } from '../../../pipeline/products/html-report.js';
import { runCorpus } from '../../../pipeline/run.js';
import { CORPUS, tempDir, type Report } from '../../helpers.js';

// make test installs Debian's chromium (test/setup/chromium.sh); CHROMIUM points at another build.
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SEED_004 = '004_9311060f705e9724';
const HOSTILE = 'zzz_hostile';

/** Code-point index of `sub` in `text` (the report's offsets are code points). */
function cpIndexOf(text: string, sub: string, fromUtf16 = 0): number {
  const at = text.indexOf(sub, fromUtf16);
  if (at < 0) throw new Error(`"${sub}" not in text`);
  return Array.from(text.slice(0, at)).length;
}
const cpLen = (s: string) => Array.from(s).length;

/**
 * A report with hostile title, author and comment text, astral characters before the spans (so a
 * UTF-16 slice would misplace them), an entity nested in a frame hit and a rhetoric hit crossing
 * the frame hit's end (so it must be split).
 */
function hostileReport(template: Report): { report: Report; title: string; body: string; comments: string[]; author: string } {
  const title = `<img src=x onerror=alert(1)> "Quoted" & 'single' — title`;
  const body = `🇪🇺 The collective West met NATO officials in Brussels & said <b>nothing</b>.`;
  const author = `"><img src=x onerror=alert(1)>`;
  const comments = [`<script>alert(1)</script> 😀😀 the collective West again`, `a reply with '">\u2028 odd characters & more`];
  const text = `${title}\n\n${body}\n\n${comments[0]}\n\n${comments[1]}\n`;
  const bodyStart = cpIndexOf(text, body);
  const c0 = cpIndexOf(text, comments[0]!);
  const c1 = cpIndexOf(text, comments[1]!);
  const cw = cpIndexOf(text, 'collective West', text.indexOf(body));
  const west = cw + cpLen('collective ');
  const cwComment = cpIndexOf(text, 'collective West', text.indexOf(comments[0]!));
  const hit = (start: number, end: number, inRegion: string, voice: string, frame = 'collective-west') => ({
    frame, family: 'narrative', text: Array.from(text).slice(start, end).join(''), start, end, in: inRegion, voice,
    speaker: voice === 'quoted' ? { text: '"><b>x</b>', name: `O'Brien <script>`, type: 'PERSON', resolved: 'named' } : null,
    inName: false, negated: false, distancing: null, pattern: 'collective west',
  });
  const report: Report = {
    ...template,
    id: HOSTILE,
    outlet: 'TASS',
    url: 'javascript:alert(1)',
    text,
    metadata: { ...template.metadata, title, byline: `<i>${author}</i>`, agency: null },
    body: { text: body, headings: [], blocks: [{ kind: 'paragraph', start: bodyStart, end: bodyStart + cpLen(body) }] },
    removed: [],
    comments: [
      { author, time: null, timeIso: null, replyTo: null, text: comments[0], start: c0, end: c0 + cpLen(comments[0]!) },
      { author: null, time: '<now>', timeIso: null, replyTo: 0, text: comments[1], start: c1, end: c1 + cpLen(comments[1]!) },
    ],
    entities: [
      { name: 'West', type: 'LOC', wikidata: null, spellings: { West: 1 }, mentions: [{ text: 'West', start: west, end: west + 4, in: 'body', via: 'test' }] },
      { name: 'NATO', type: 'ORG', wikidata: null, spellings: { NATO: 1 }, mentions: [{ text: 'NATO', start: cpIndexOf(text, 'NATO'), end: cpIndexOf(text, 'NATO') + 4, in: 'body', via: 'test' }] },
    ],
    frames: {
      hits: [hit(cw, cw + cpLen('collective West'), 'body', 'quoted'), hit(cwComment, cwComment + cpLen('collective West'), 'comment', 'authorial')],
      scores: {}, commentScores: {}, dominant: ['collective-west'],
    },
    rhetoric: {
      hits: [{ marker: 'crossing', text: 'West met', start: west, end: west + cpLen('West met'), in: 'body', voice: 'authorial', speaker: null, negated: false, distancing: null, pattern: 'west met' }],
      scores: {},
    },
  };
  return { report, title, body, comments, author };
}

/** What the CLI would assemble: frames from the scores, per-outlet mean rates with a dummy interval. */
function buildInput(reportsDir: string, maxAnnotated?: number): HtmlReportInput {
  const reports = readdirSync(reportsDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(reportsDir, f), 'utf8')) as Report);
  const family = new Map<string, string>();
  for (const r of reports) {
    for (const h of r.frames?.hits ?? []) family.set(h.frame, h.family);
    for (const id of Object.keys(r.frames?.scores ?? {})) if (!family.has(id)) family.set(id, 'narrative');
    for (const id of Object.keys(r.rhetoric?.scores ?? {})) family.set(id, 'rhetoric');
  }
  const frames = [...family].map(([id, fam]) => ({ id, family: fam })).sort((a, b) => a.family.localeCompare(b.family) || a.id.localeCompare(b.id));
  const byOutlet = new Map<string, Report[]>();
  for (const r of reports) byOutlet.set(r.outlet ?? '(unknown)', [...(byOutlet.get(r.outlet ?? '(unknown)') ?? []), r]);
  const groups = [...byOutlet].map(([key, docs]) => {
    const rates: HtmlReportInput['groups'][number]['rates'] = {};
    for (const f of frames) {
      const mean = docs.reduce((s, r) => s + (r.frames?.scores?.[f.id]?.per1000 ?? r.rhetoric?.scores?.[f.id]?.per1000 ?? 0), 0) / docs.length;
      if (mean > 0) rates[f.id] = { mean, lo: mean / 2, hi: mean * 1.5 };
    }
    return { key, documents: docs.length, rates };
  });
  return {
    title: `framescope: ${reports.length} documents from corpus/ <script>alert("title")</script>`,
    frames,
    groups,
    distinctive: [{ group: 'TASS', terms: [{ term: 'minsk', z: 4.2 }, { term: '<script>alert(2)</script>', z: 3.1 }] }],
    passages: [{ a: '000_ed984b15d838caf1', b: SEED_004, words: 12, aText: 'Eurasian security architecture <b>a</b>', bText: 'Eurasian security architecture "b"' }],
    syndication: [{ document: '002_267a395295e5cc3a', agency: 'TASS', agencyDocuments: [] }],
    similar: [{ a: '003_0b14773e3d19957c', b: SEED_004, similarity: 0.42 }],
    reportsDir,
    maxAnnotated,
  };
}

let reportsDir = '';
let hostile: ReturnType<typeof hostileReport>;
let seedOutlets = 0;

async function prepare(): Promise<void> {
  if (reportsDir) return;
  const dir = tempDir('framescope-html-');
  await runCorpus({ corpus: CORPUS, out: join(dir, 'out'), workers: 0, lexicons: [], force: true });
  const rd = join(dir, 'out', 'reports');
  seedOutlets = new Set(readdirSync(rd).map((f) => (JSON.parse(readFileSync(join(rd, f), 'utf8')) as Report).outlet)).size;
  hostile = hostileReport(JSON.parse(readFileSync(join(rd, `${SEED_004}.json`), 'utf8')) as Report);
  writeFileSync(join(rd, `${HOSTILE}.json`), JSON.stringify(hostile.report));
  reportsDir = rd;
}

describe('framescope HTML report in headless Chromium', () => {
  let browser: Browser | null = null;
  let page: Page;
  let input: HtmlReportInput;
  let url = '';
  const problems: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium is not installed at ${CHROMIUM}: the HTML report test needs it. make test installs Debian's chromium (test/setup/chromium.sh), or set CHROMIUM=/path/to/chrome.`);
    }
    await prepare();
    input = buildInput(reportsDir);
    const out = join(reportsDir, '..', 'report.html');
    await writeHtmlReport(input, out);
    url = pathToFileURL(out).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`);
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from file:// with no console or page errors', async () => {
    expect(url.startsWith('file://')).toBe(true);
    await expect(page.title()).resolves.toBe(input.title);
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
  }, 60_000);

  it('has exactly one heatmap cell per frame × outlet', async () => {
    expect(seedOutlets).toBe(5);
    expect(input.groups).toHaveLength(5);
    const cells = await page.locator('#heatmap td[data-frame][data-group]').evaluateAll((els) =>
      els.map((e) => ({ frame: e.getAttribute('data-frame'), group: e.getAttribute('data-group'), text: e.textContent, bg: getComputedStyle(e).backgroundColor })),
    );
    expect(cells).toHaveLength(input.frames.length * 5);
    expect(new Set(cells.map((c) => `${c.frame}\u0000${c.group}`)).size).toBe(cells.length);
    for (const f of input.frames) for (const g of input.groups) expect(cells.some((c) => c.frame === f.id && c.group === g.key)).toBe(true);
    // An empty cell shows 0 and has no colour; a filled cell shows its rate and is coloured.
    const empty = cells.find((c) => !input.groups.find((g) => g.key === c.group)!.rates[c.frame!]);
    expect(empty?.text).toBe('0');
    const alpha = (bg: string | undefined) => Number(/^rgba\([^)]*,\s*([\d.]+)\)$/.exec(bg ?? '')?.[1] ?? 1);
    expect(alpha(empty?.bg)).toBe(0);
    const filled = cells.find((c) => input.groups.find((g) => g.key === c.group)!.rates[c.frame!]);
    expect(Number(filled?.text)).toBeGreaterThan(0);
    expect(alpha(filled?.bg)).toBeGreaterThan(0);
    // Rates with intervals, distinctive terms, reuse.
    await expect(page.locator('table.rates').first().textContent()).resolves.toMatch(/\d+(\.\d+)? \[\d+(\.\d+)?–\d+(\.\d+)?\]/);
    await expect(page.locator('#s-reuse ~ .passage blockquote').count()).resolves.toBe(2);
    await expect(page.locator('.terms').textContent()).resolves.toContain('<script>alert(2)</script>');
  }, 60_000);

  it("shows seed 004's annotated view with the scare-quoted collective West and its comments apart from the body", async () => {
    const section = page.locator(`#doc-${SEED_004}`);
    await expect(section.isVisible()).resolves.toBe(false);
    await page.locator(`#doc-list a[href="#doc-${SEED_004}"]`).click();
    await page.waitForFunction((id) => location.hash === `#doc-${id}`, SEED_004);
    await expect(section.isVisible()).resolves.toBe(true);
    await expect(page.locator('#doc-000_ed984b15d838caf1').isVisible()).resolves.toBe(false);

    const hit = section.locator('.body-block mark[data-frame="collective-west"]');
    await expect(hit.count()).resolves.toBe(1);
    await expect(hit.getAttribute('data-voice')).resolves.toBe('scare-quoted');
    await expect(hit.getAttribute('data-in')).resolves.toBe('body');
    await expect(hit.isVisible()).resolves.toBe(true);
    await expect(hit.textContent()).resolves.toMatch(/^collective West/);
    await expect(hit.locator('.voice').isVisible()).resolves.toBe(true);
    // Every hit of the report is a mark carrying frame, voice and region.
    const report = JSON.parse(readFileSync(join(reportsDir, `${SEED_004}.json`), 'utf8')) as Report;
    await expect(section.locator('mark.hit[data-frame][data-voice][data-in]').count()).resolves.toBe(report.frames.hits.length + report.rhetoric.hits.length);
    await expect(section.locator('mark.hit[data-frame="nato-threat"]').getAttribute('title')).resolves.toContain('speaker: Sergey Lavrov');

    const bodyText = (await section.locator('.body-block').textContent()) ?? '';
    const commentsBlock = section.locator('.comments-block');
    await expect(commentsBlock.isVisible()).resolves.toBe(true);
    await expect(commentsBlock.locator('.comment').count()).resolves.toBe(report.comments.length);
    expect(report.comments.length).toBeGreaterThan(0);
    const plain = await commentsBlock.locator('.comment .ctext').evaluateAll((els) =>
      els.map((e) => {
        const c = e.cloneNode(true) as Element;
        c.querySelectorAll('.lbl').forEach((l) => l.remove());
        return c.textContent;
      }),
    );
    const authors = await commentsBlock.locator('.comment .author').allTextContents();
    report.comments.forEach((c: Report, i: number) => {
      expect(plain[i]).toBe(c.text);
      expect(authors[i]).toBe(c.author);
      expect(bodyText).not.toContain(c.text.slice(0, 40));
    });
    expect(problems).toEqual([]);
  }, 60_000);

  it('renders hostile titles, authors and comments as text, with astral offsets and crossing spans right', async () => {
    await page.goto(`${url}#doc-${HOSTILE}`);
    const section = page.locator(`#doc-${HOSTILE}`);
    await expect(section.isVisible()).resolves.toBe(true);
    const comments = section.locator('.comments-block');
    await expect(comments.locator('.comment').first().isVisible()).resolves.toBe(true);
    await expect(comments.locator('.comment .ctext').first().textContent()).resolves.toContain('<script>alert(1)</script>');
    await expect(comments.locator('.comment .author').first().textContent()).resolves.toBe(hostile.author);
    await expect(section.locator('.doc-title').textContent()).resolves.toBe(hostile.title);
    await expect(section.locator('.body-block').textContent()).resolves.not.toContain(hostile.comments[0]!.slice(0, 20));
    // Nothing injected became markup, nothing ran, the javascript: address is not a link.
    await expect(page.evaluate(() => document.scripts.length)).resolves.toBe(1);
    await expect(page.locator('img, [onerror]').count()).resolves.toBe(0);
    await expect(section.locator('.body-block b, .meta i').count()).resolves.toBe(0);
    await expect(section.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);

    // Offsets are code points: the marks after the emoji cover exactly "collective West".
    const withoutLabels = (sel: string) =>
      section.locator(sel).evaluateAll((els) =>
        els.map((e) => {
          const c = e.cloneNode(true) as Element;
          c.querySelectorAll('.lbl').forEach((l) => l.remove());
          return c.textContent;
        }),
      );
    await expect(withoutLabels('.body-block .blk')).resolves.toEqual([hostile.body]);
    await expect(withoutLabels('.comments-block .ctext')).resolves.toEqual(hostile.comments);
    await expect(withoutLabels('.comments-block mark[data-frame="collective-west"]')).resolves.toEqual(['collective West']);
    await expect(withoutLabels('.body-block mark[data-frame="collective-west"]')).resolves.toEqual(['collective West']);
    // The entity nests inside the frame hit; the crossing rhetoric hit is split at the frame hit's end.
    await expect(withoutLabels('.body-block mark[data-frame="collective-west"] mark.ent')).resolves.toEqual(['West']);
    await expect(withoutLabels('.body-block mark[data-frame="crossing"]')).resolves.toEqual(['West', ' met']);
    await expect(section.locator('.body-block mark[data-frame="crossing"][data-split]').count()).resolves.toBe(2);
    await expect(section.locator('.body-block mark[data-frame="collective-west"]').getAttribute('title')).resolves.toContain(`speaker: O'Brien <script>`);
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('framescope HTML report without a browser', () => {
  it('caps the annotated views at maxAnnotated and still lists every document', async () => {
    await prepare();
    const out = join(reportsDir, '..', 'capped.html');
    await writeHtmlReport(buildInput(reportsDir, 2), out);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<section class="doc" /g)).toHaveLength(2);
    expect(html.match(/<li data-id=/g)).toHaveLength(6);
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script>/g)).toHaveLength(1);
  }, 60_000);
});
