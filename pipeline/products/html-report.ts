/**
 * The visual report: one self-contained static page (`<out>/report.html`, inline CSS and a little
 * inline JS, no network, works from file://) with a frames × outlets heatmap, per-outlet rates with
 * their intervals (the headline is the outlet's own framing, the reported voices beside it), distinctive terms, syndication and reuse, and an annotated view of each document
 * in which entity mentions and frame/rhetoric hits are highlighted inline, displaCy-style.
 *
 * Everything that comes from a document (text, titles, comments, author names, ids, outlet names)
 * is untrusted: it only ever reaches the page through `esc()`, and the page carries a
 * Content-Security-Policy that admits nothing but its own hashed script, so even a mistake here
 * could not run injected code or load anything from the network.
 *
 * Documents are added one at a time and spooled to disk, so a large corpus never sits in memory;
 * only the first `maxAnnotated` documents get an inline annotated view.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { attr, docLink, esc, fmt } from './html-escape.js';
import { reportFileName } from '../report-files.js';
import { familyClass, renderDocument, summarise, VOICE_GLYPH, VOICES, type DocSummary, type RawReport } from './html-document.js';

/** What the page shows of the corpus as a whole. */
export interface HtmlPageInput {
  /** e.g. "framescope: 5 documents from corpus/" */
  title: string;
  /** Rows of the heatmap (narrative, counter-frame, rhetoric ids). */
  frames: Array<{ id: string; family: string }>;
  /** Per outlet and frame: the headline rate per 1,000 words and its 95% interval, and the reported voices beside it. */
  groups: Array<{ key: string; documents: number; rates: Record<string, GroupRate> }>;
  /** Top distinctive terms per outlet. */
  distinctive: Array<{ group: string; terms: Array<{ term: string; z: number }> }>;
  /** Reused passages between documents. */
  passages: Array<{ a: string; b: string; words: number; aText: string; bText: string }>;
  syndication: Array<{ document: string; agency: string; agencyDocuments: string[] }>;
  similar: Array<{ a: string; b: string; similarity: number }>;
}

/** The page written from a reports folder. */
export interface HtmlReportInput extends HtmlPageInput {
  /** <out>/reports: the per-document JSON reports, read one at a time. */
  reportsDir: string;
  /** The run's document ids: reports of files since removed from the corpus stay off the page. */
  ids?: string[];
  /** Documents with an inline annotated view (default 1000); the rest are listed without one. */
  maxAnnotated?: number;
}

/**
 * One outlet's rate of one frame. `mean` is the headline, the outlet's own framing (authorial voice,
 * neither negated nor distanced); `all` counts every hit whatever its voice, and the reported
 * voices say where the difference comes from. Those are absent when the caller only has one rate.
 */
export interface GroupRate {
  mean: number;
  lo: number;
  hi: number;
  all?: number;
  attributed?: number;
  quoted?: number;
  scareQuoted?: number;
  negated?: number;
  distanced?: number;
}

/** "all voices 1.9: attributed 1.2, quoted 0.5, …", for a tooltip; empty when the split is unknown. */
function reportedVoices(r: GroupRate): string {
  if (r.all === undefined) return '';
  return `; all voices ${fmt(r.all)}: attributed ${fmt(r.attributed ?? NaN)}, quoted ${fmt(r.quoted ?? NaN)}, scare-quoted ${fmt(r.scareQuoted ?? NaN)}; negated ${r.negated ?? '–'}, distanced ${r.distanced ?? '–'} hit(s)`;
}

// ---------------------------------------------------------------------------------------------
// Corpus sections

function heatmap(input: HtmlPageInput): string {
  const max = new Map<string, number>();
  for (const f of input.frames) {
    let m = 0;
    for (const g of input.groups) m = Math.max(m, g.rates[f.id]?.mean ?? 0);
    max.set(f.family, Math.max(max.get(f.family) ?? 0, m));
  }
  let h = `<div class="scroll"><table id="heatmap" class="heatmap">\n<thead><tr><th>frame</th><th>family</th>`;
  for (const g of input.groups) h += `<th class="grp"${attr('data-group', g.key)}>${esc(g.key)}<br><small>${esc(g.documents)} docs</small></th>`;
  h += `</tr></thead>\n<tbody>\n`;
  for (const f of input.frames) {
    h += `<tr><th class="frame"${attr('title', f.id)}>${esc(f.id)}</th><td class="fam ${familyClass(f.family)}">${esc(f.family)}</td>`;
    for (const g of input.groups) {
      const rate = g.rates[f.id];
      const mean = rate && Number.isFinite(rate.mean) ? rate.mean : 0;
      const top = max.get(f.family) ?? 0;
      const alpha = top > 0 ? Math.min(1, Math.max(0, mean / top)) : 0;
      const tip = rate ? `${f.id} in ${g.key}: ${fmt(mean)} per 1,000 words in its own voice [${fmt(rate.lo)}–${fmt(rate.hi)}]${reportedVoices(rate)}` : `${f.id} in ${g.key}: 0`;
      // The all-voices rate stays in sight where it differs: that gap is what reported speech adds.
      const all = rate?.all !== undefined && rate.all !== mean ? `<small class="all"${attr('data-all', rate.all)}> / ${esc(fmt(rate.all))}</small>` : '';
      h +=
        `<td class="cell ${familyClass(f.family)}${alpha > 0.55 ? ' dark' : ''}"${attr('data-frame', f.id)}${attr('data-group', g.key)}` +
        `${attr('data-rate', mean)} style="--a:${alpha.toFixed(3)}"${attr('title', tip)}>${esc(fmt(mean))}${all}</td>`;
    }
    h += `</tr>\n`;
  }
  return h + `</tbody></table></div>\n`;
}

function intervals(input: HtmlPageInput): string {
  const family = new Map(input.frames.map((f) => [f.id, f.family]));
  let h = `<div class="cards">\n`;
  for (const g of input.groups) {
    const rows = input.frames.filter((f) => {
      const r = g.rates[f.id];
      return r && (r.mean > 0 || r.hi > 0 || (r.all ?? 0) > 0);
    });
    const scale = Math.max(1e-9, ...rows.map((f) => g.rates[f.id]!.hi), ...rows.map((f) => g.rates[f.id]!.mean));
    h += `<div class="card"${attr('data-outlet', g.key)}><h3>${esc(g.key)} <small>${esc(g.documents)} documents</small></h3>\n`;
    if (rows.length === 0) {
      h += `<p class="empty">No frame or rhetoric hits.</p></div>\n`;
      continue;
    }
    h +=
      `<table class="rates"><thead><tr><th>frame</th><th>own voice per 1,000 words [95% interval]</th><th></th>` +
      `<th>all voices</th><th>attributed</th><th>quoted</th><th>scare-quoted</th><th>negated</th><th>distanced</th></tr></thead><tbody>\n`;
    for (const f of rows) {
      const r = g.rates[f.id]!;
      const pct = (v: number) => `${(Math.min(1, Math.max(0, v / scale)) * 100).toFixed(1)}%`;
      h +=
        `<tr><td>${esc(f.id)}</td><td class="num">${esc(fmt(r.mean))} [${esc(fmt(r.lo))}–${esc(fmt(r.hi))}]</td>` +
        `<td class="barcell"><span class="track"><span class="range ${familyClass(family.get(f.id) ?? '')}" style="left:${pct(r.lo)};width:calc(${pct(r.hi)} - ${pct(r.lo)})"></span>` +
        `<span class="dot" style="left:${pct(r.mean)}"></span></span></td>` +
        [r.all, r.attributed, r.quoted, r.scareQuoted].map((v) => `<td class="num reported">${esc(fmt(v ?? NaN))}</td>`).join('') +
        [r.negated, r.distanced].map((v) => `<td class="num reported">${esc(v ?? '–')}</td>`).join('') +
        `</tr>\n`;
    }
    h += `</tbody></table></div>\n`;
  }
  return h + `</div>\n`;
}

function distinctive(input: HtmlPageInput): string {
  if (input.distinctive.length === 0) return `<p class="empty">No distinctive terms.</p>\n`;
  let h = `<div class="cards">\n`;
  for (const d of input.distinctive) {
    h += `<div class="card"${attr('data-outlet', d.group)}><h3>${esc(d.group)}</h3><ol class="terms">`;
    for (const t of d.terms) h += `<li><span class="term">${esc(t.term)}</span> <small>z=${esc(fmt(t.z))}</small></li>`;
    h += `</ol></div>\n`;
  }
  return h + `</div>\n`;
}

function reuse(input: HtmlPageInput, annotated: ReadonlySet<string>): string {
  let h = `<h3>Declared agency copy</h3>\n`;
  if (input.syndication.length === 0) h += `<p class="empty">No document declares agency copy.</p>\n`;
  else {
    h += `<table class="list"><thead><tr><th>document</th><th>agency</th><th>agency documents in the corpus</th></tr></thead><tbody>\n`;
    for (const s of input.syndication) {
      const docs = s.agencyDocuments.length > 0 ? s.agencyDocuments.map((x) => docLink(x, annotated)).join(', ') : '<i>none</i>';
      h += `<tr><td>${docLink(s.document, annotated)}</td><td>${esc(s.agency)}</td><td>${docs}</td></tr>\n`;
    }
    h += `</tbody></table>\n`;
  }
  h += `<h3>Reused passages</h3>\n`;
  if (input.passages.length === 0) h += `<p class="empty">No reused passages.</p>\n`;
  for (const p of input.passages) {
    h +=
      `<div class="passage"><p class="meta">${docLink(p.a, annotated)} ⇄ ${docLink(p.b, annotated)} · ${esc(p.words)} words</p>` +
      `<div class="pair"><blockquote${attr('data-doc', p.a)}>${esc(p.aText)}</blockquote><blockquote${attr('data-doc', p.b)}>${esc(p.bText)}</blockquote></div></div>\n`;
  }
  h += `<h3>Most similar pairs</h3>\n`;
  if (input.similar.length === 0) h += `<p class="empty">No similar pairs.</p>\n`;
  else {
    h += `<table class="list"><thead><tr><th>document</th><th>document</th><th>similarity</th></tr></thead><tbody>\n`;
    for (const s of input.similar) {
      const pct = Math.min(100, Math.max(0, s.similarity * 100));
      h +=
        `<tr><td>${docLink(s.a, annotated)}</td><td>${docLink(s.b, annotated)}</td>` +
        `<td class="num"><span class="sim" style="--w:${pct.toFixed(1)}%"></span> ${esc(s.similarity.toFixed(3))}</td></tr>\n`;
    }
    h += `</tbody></table>\n`;
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Page

const STYLE = `
:root{--narr:214,64,69;--counter:38,139,210;--rhet:146,84,200;--ent:120,120,120;--ink:#1d232a;--muted:#66707a;--line:#dde2e6}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fafbfc}
header.top{padding:1.2rem 2rem;background:#fff;border-bottom:1px solid var(--line)}
header.top h1{margin:0;font-size:1.4rem}
nav.toc a{margin-right:1rem;font-size:.9rem}
main{padding:0 2rem 4rem;max-width:1400px}
h2{margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
small,.meta,.doc-id{color:var(--muted)}
.empty{color:var(--muted);font-style:italic}
.warn{color:#b3261e}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:#fff}
th,td{padding:.25rem .5rem;border:1px solid var(--line);text-align:left;vertical-align:top}
.heatmap small.all,td.reported{color:var(--muted)}
.heatmap td.cell.dark small.all{color:#eee}
td.num,.heatmap td.cell{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.heatmap th.grp{text-align:center;font-size:.85rem;min-width:6rem}
.heatmap th.frame{font-weight:500;font-family:ui-monospace,monospace;font-size:.85rem}
.heatmap td.fam{font-size:.8rem;color:var(--muted)}
.heatmap td.cell{--a:0;min-width:4.5rem}
.heatmap td.cell.fam-narrative{background:rgba(var(--narr),var(--a))}
.heatmap td.cell.fam-counter{background:rgba(var(--counter),var(--a))}
.heatmap td.cell.fam-rhetoric{background:rgba(var(--rhet),var(--a))}
.heatmap td.cell.fam-other{background:rgba(var(--ent),var(--a))}
.heatmap td.cell.dark{color:#fff}
.cards{display:flex;flex-wrap:wrap;gap:1rem}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;min-width:18rem}
.card h3{margin:.2rem 0 .5rem;font-size:1rem}
.rates td{font-size:.85rem}
.barcell{width:10rem}
.track{position:relative;display:block;height:.7rem;background:#eef1f3;border-radius:3px;margin-top:.3rem}
.track .range{position:absolute;top:0;bottom:0;border-radius:3px;opacity:.45;min-width:2px}
.track .dot{position:absolute;top:-.1rem;width:.2rem;height:.9rem;margin-left:-.1rem;background:var(--ink)}
.range.fam-narrative{background:rgb(var(--narr))}.range.fam-counter{background:rgb(var(--counter))}.range.fam-rhetoric{background:rgb(var(--rhet))}.range.fam-other{background:rgb(var(--ent))}
.terms{margin:0;padding-left:1.4rem;font-size:.9rem}
.passage{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;margin:.6rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.pair blockquote{margin:0;padding:.4rem .6rem;border-left:3px solid var(--line);white-space:pre-wrap;font-size:.9rem}
.sim{display:inline-block;height:.6rem;width:var(--w);max-width:6rem;background:#8aa;vertical-align:middle}
#doc-filter{padding:.3rem .5rem;width:20rem;max-width:100%;margin:.3rem 0 .6rem}
#doc-list{list-style:none;padding:0;margin:0;columns:2 30rem}
#doc-list li{padding:.15rem 0;break-inside:avoid}
#doc-list .docid{font-family:ui-monospace,monospace;font-size:.85rem}
.doc{display:none;background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem 1.5rem;margin:1.5rem 0}
.doc:target{display:block}
.doc .back{margin:0;font-size:.85rem}
.doc-title{margin:.4rem 0 0}
.doc-id{margin:0;font-family:ui-monospace,monospace;font-size:.8rem}
.title-block{font-size:1.15rem;font-weight:600;margin:.8rem 0;line-height:2.1}
.body-block .blk{white-space:pre-wrap;line-height:2.2;margin:.5rem 0}
.body-block h4.blk{font-size:1.05rem}
.comments-block{margin-top:1.5rem;border-top:3px double var(--line);padding-top:.5rem;background:#f6f7f9;padding:.5rem 1rem;border-radius:6px}
.comments-block h4{margin:.3rem 0}
.comment{border-left:3px solid #c8ced4;padding:.2rem .8rem;margin:.6rem 0;background:#fff}
.comment.is-reply{margin-left:2rem}
.comment header{font-size:.85rem;color:var(--muted)}
.comment .author{font-weight:600;color:var(--ink)}
.comment .ctext{white-space:pre-wrap;line-height:2.1}
mark{color:inherit;border-radius:.35em;padding:.1em .3em;margin:0 .1em;line-height:1;box-decoration-break:clone;-webkit-box-decoration-break:clone}
mark .lbl{font-size:.62em;font-weight:700;text-transform:uppercase;letter-spacing:.02em;vertical-align:middle;margin-left:.4em;white-space:nowrap}
mark.ent{background:rgba(var(--ent),.14);border:1px solid rgba(var(--ent),.35)}
mark.ent>.lbl{color:rgb(var(--ent))}
mark.hit{border-width:2px}
mark.fam-narrative{background:rgba(var(--narr),.16);border-color:rgb(var(--narr))}
mark.fam-counter{background:rgba(var(--counter),.16);border-color:rgb(var(--counter))}
mark.fam-rhetoric{background:rgba(var(--rhet),.14);border-color:rgb(var(--rhet))}
mark.fam-other{background:rgba(var(--ent),.2);border-color:rgb(var(--ent))}
mark.fam-narrative>.lbl{color:rgb(var(--narr))}mark.fam-counter>.lbl{color:rgb(var(--counter))}mark.fam-rhetoric>.lbl{color:rgb(var(--rhet))}
mark.v-authorial{border-style:solid}
mark.v-attributed{border-style:dashed}
mark.v-quoted{border-style:double;border-width:3px}
mark.v-scare-quoted{border-style:dotted}
mark.negated{text-decoration:line-through}
mark[data-split="start"],mark[data-split="middle"]{border-top-right-radius:0;border-bottom-right-radius:0;margin-right:0}
mark[data-split="end"],mark[data-split="middle"]{border-top-left-radius:0;border-bottom-left-radius:0;margin-left:0}
mark .voice{margin-left:.4em;padding:0 .3em;border-radius:.3em;background:#fff;color:var(--ink);font-weight:600;text-transform:none;border:1px solid currentColor}
.legend{display:flex;flex-wrap:wrap;gap:.6rem 1.4rem;align-items:center;font-size:.9rem;margin:.5rem 0}
`;

/** The page's only script: filters the document list. No data in it, so its hash never changes. */
const SCRIPT = `
(function(){
  var input=document.getElementById('doc-filter');
  var items=document.querySelectorAll('#doc-list li');
  if(!input)return;
  input.addEventListener('input',function(){
    var q=input.value.toLowerCase();
    for(var i=0;i<items.length;i++){items[i].hidden=q!==''&&items[i].textContent.toLowerCase().indexOf(q)<0;}
  });
})();
`;

function legend(): string {
  const fam = (cls: string, name: string) => `<span><mark class="hit ${cls} v-authorial">${esc(name)}</mark></span>`;
  const voice = (v: string) => `<span><mark class="hit fam-other v-${v}">text<span class="lbl"><span class="voice">${esc(VOICE_GLYPH[v] ?? '')} ${esc(v)}</span></span></mark></span>`;
  return (
    `<div class="legend"><b>families:</b>${fam('fam-narrative', 'narrative')}${fam('fam-counter', 'counter-frame')}${fam('fam-rhetoric', 'rhetoric')}` +
    `<span><mark class="ent">entity<span class="lbl">TYPE</span></mark></span></div>\n` +
    `<div class="legend"><b>voice:</b>${VOICES.map(voice).join('')}<span>¬ negated · ≈ distanced · hover a mark for its speaker</span></div>\n`
  );
}

async function readReport(path: string): Promise<RawReport | null> {
  try {
    const r = JSON.parse(await readFile(path, 'utf8')) as unknown;
    return r && typeof r === 'object' && !Array.isArray(r) ? (r as RawReport) : null;
  } catch {
    return null;
  }
}

/** A file written through a stream, with back-pressure, removed again if the page is abandoned. */
class Spool {
  private stream: WriteStream;
  private failed: Promise<never>;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.failed = new Promise<never>((_, reject) => this.stream.once('error', reject));
    this.failed.catch(() => undefined);
  }

  async put(s: string): Promise<void> {
    if (!this.stream.write(s)) await Promise.race([new Promise<void>((resolve) => this.stream.once('drain', resolve)), this.failed]);
  }

  async end(): Promise<void> {
    await Promise.race([new Promise<void>((resolve) => this.stream.end(resolve)), this.failed]);
  }

  async copyTo(into: Spool): Promise<void> {
    for await (const chunk of createReadStream(this.path, { encoding: 'utf8', highWaterMark: 1 << 20 })) await into.put(chunk as string);
  }

  async remove(): Promise<void> {
    this.stream.destroy();
    await rm(this.path, { force: true });
  }
}

/**
 * report.html as documents arrive, in id order: each document's line of the list and, for the first
 * `maxAnnotated` that have a text, its annotated view are spooled to temporary files at once, so
 * nothing grows in memory with the corpus. `finish` writes the corpus sections (known only at the
 * end) and then the spooled parts, and renames the page into place.
 */
export class HtmlReportAccumulator {
  readonly annotated = new Set<string>();
  private listed = 0;
  private list: Spool;
  private views: Spool;
  private maxAnnotated: number;

  constructor(
    private outFile: string,
    maxAnnotated = MAX_ANNOTATED,
  ) {
    this.maxAnnotated = Math.max(0, Math.floor(maxAnnotated));
    this.list = new Spool(`${outFile}.list.${process.pid}.tmp`);
    this.views = new Spool(`${outFile}.views.${process.pid}.tmp`);
  }

  /** Whether the next annotatable document will be shown annotated. */
  get wantsViews(): boolean {
    return this.annotated.size < this.maxAnnotated;
  }

  /** One document; `view` (its rendered annotated view, see viewOf) is asked for only when the page shows one. */
  async add(d: DocSummary, view: () => Promise<string | null> | string | null): Promise<void> {
    this.listed++;
    if (d.annotatable && this.annotated.size < this.maxAnnotated && !this.annotated.has(d.id)) {
      const html = await view();
      if (html) {
        this.annotated.add(d.id);
        await this.views.put(html);
      }
    }
    await this.list.put(
      `<li${attr('data-id', d.id)}>${docLink(d.id, this.annotated)} — ${esc(d.title ?? '(untitled)')}` +
        ` <small>${d.outlet ? esc(d.outlet) + ' · ' : ''}${d.words !== null ? `${esc(d.words)} words · ` : ''}${esc(d.hits)} hits · ${esc(d.comments)} comments` +
        `${d.status !== 'ok' ? ` · ${esc(d.status)}` : ''}${d.dominant.length ? ` · ${d.dominant.map(esc).join(', ')}` : ''}</small></li>\n`,
    );
  }

  async finish(input: HtmlPageInput): Promise<void> {
    const tmp = `${this.outFile}.${process.pid}.tmp`;
    const page = new Spool(tmp);
    try {
      await this.list.end();
      await this.views.end();
      const put = (x: string) => page.put(x);
      const scriptHash = createHash('sha256').update(SCRIPT, 'utf8').digest('base64');
      const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
      await put(
        `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
          `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">\n` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n` +
          `<title>${esc(input.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
          `<header class="top"><h1>${esc(input.title)}</h1>\n<nav class="toc"><a href="#s-heatmap">Heatmap</a><a href="#s-rates">Rates</a>` +
          `<a href="#s-terms">Distinctive terms</a><a href="#s-reuse">Syndication &amp; reuse</a><a href="#documents">Documents</a></nav></header>\n<main>\n`,
      );
      await put(
        `<h2 id="s-heatmap">Frames × outlets</h2>\n<p class="meta">Hits per 1,000 words in the outlet's own voice (authorial, not negated, not distanced): ` +
          `what the outlet asserts, not what it reports others saying. After the slash, where it differs, every hit whatever its voice. ` +
          `Colour intensity is relative to the highest own-voice rate in the frame's family.</p>\n`,
      );
      await put(heatmap(input));
      await put(`<h2 id="s-rates">Rates per outlet, with 95% intervals</h2>\n<p class="meta">The interval and bar are the own-voice rate; the columns after them show the hits the outlet reports or disowns: all voices, attributed, quoted and scare-quoted rates, and negated and distanced hits.</p>\n`);
      await put(intervals(input));
      await put(`<h2 id="s-terms">Distinctive terms per outlet</h2>\n`);
      await put(distinctive(input));
      await put(`<h2 id="s-reuse">Syndication and reuse</h2>\n`);
      await put(reuse(input, this.annotated));
      await put(
        `<h2 id="documents">Documents (${this.listed})</h2>\n` +
          (this.listed > this.annotated.size
            ? `<p class="meta">${this.annotated.size} of ${this.listed} documents have an annotated view (limit ${this.maxAnnotated}); the rest are listed without one.</p>\n`
            : '') +
          legend() +
          `<input id="doc-filter" type="search" placeholder="filter documents…" aria-label="filter documents">\n<ul id="doc-list">\n`,
      );
      await this.list.copyTo(page);
      await put(`</ul>\n`);
      if (this.annotated.size > 0) {
        await put(`<div id="annotated">\n`);
        await this.views.copyTo(page);
        await put(`</div>\n`);
      }
      await put(`</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`);
      await page.end();
      await rename(tmp, this.outFile);
    } catch (err) {
      await page.remove();
      throw err;
    } finally {
      await this.list.remove();
      await this.views.remove();
    }
  }

  async abort(): Promise<void> {
    await this.list.remove();
    await this.views.remove();
  }
}

/** A document's annotated view, or null when it has no text to show. */
export function viewOf(r: RawReport, d: DocSummary): string | null {
  return typeof r.text === 'string' ? renderDocument(r, d) : null;
}

/** How many documents the page shows annotated unless told otherwise. */
export const MAX_ANNOTATED = 1000;

/** Writes the page from the reports in `input.reportsDir`, one at a time (the run writes it as it goes instead). */
export async function writeHtmlReport(input: HtmlReportInput, outFile: string): Promise<void> {
  const wanted = input.ids ? new Set(input.ids.map(reportFileName)) : null;
  const files = (await readdir(input.reportsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.startsWith('.') && (!wanted || wanted.has(f))).sort();
  const acc = new HtmlReportAccumulator(outFile, input.maxAnnotated ?? MAX_ANNOTATED);
  try {
    for (const f of files) {
      const r = await readReport(join(input.reportsDir, f));
      if (r) await acc.add(summarise(r, f), () => viewOf(r, summarise(r, f)));
    }
  } catch (err) {
    await acc.abort();
    throw err;
  }
  await acc.finish(input);
}
