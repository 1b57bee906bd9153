/**
 * The visual report: one self-contained static page (`<out>/report.html`, inline CSS and a little
 * inline JS, no network, works from file://) with a frames × outlets heatmap, per-outlet rates with
 * their intervals, distinctive terms, syndication and reuse, and an annotated view of each document
 * in which entity mentions and frame/rhetoric hits are highlighted inline, displaCy-style.
 *
 * Everything that comes from a document (text, titles, comments, author names, ids, outlet names)
 * is untrusted: it only ever reaches the page through `esc()`, and the page carries a
 * Content-Security-Policy that admits nothing but its own hashed script, so even a mistake here
 * could not run injected code or load anything from the network.
 *
 * Reports are read one at a time and the page is streamed to disk, so a large corpus never sits in
 * memory; only the first `maxAnnotated` documents get an inline annotated view.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface HtmlReportInput {
  /** e.g. "framescope: 5 documents from corpus/" */
  title: string;
  /** Rows of the heatmap (narrative, counter-frame, rhetoric ids). */
  frames: Array<{ id: string; family: string }>;
  /** Per outlet: mean rate per 1,000 words and its 95% interval. */
  groups: Array<{ key: string; documents: number; rates: Record<string, { mean: number; lo: number; hi: number }> }>;
  /** Top distinctive terms per outlet. */
  distinctive: Array<{ group: string; terms: Array<{ term: string; z: number }> }>;
  /** Reused passages between documents. */
  passages: Array<{ a: string; b: string; words: number; aText: string; bText: string }>;
  syndication: Array<{ document: string; agency: string; agencyDocuments: string[] }>;
  similar: Array<{ a: string; b: string; similarity: number }>;
  /** <out>/reports: the per-document JSON reports, read one at a time. */
  reportsDir: string;
  /** Documents with an inline annotated view (default 1000); the rest are listed without one. */
  maxAnnotated?: number;
}

// ---------------------------------------------------------------------------------------------
// Escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text and (quoted) attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** An attribute, escaped; nothing at all for null/undefined. */
function attr(name: string, value: unknown): string {
  return value === null || value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

/** The element id of a document's annotated view. */
function docAnchor(id: string): string {
  return `doc-${id}`;
}

/** A same-page link to a document's annotated view (or just its id when it has none). */
function docLink(id: string, annotated: ReadonlySet<string> | null): string {
  if (annotated && !annotated.has(id)) return `<span class="docid">${esc(id)}</span>`;
  return `<a class="docid" href="#${esc(encodeURIComponent(docAnchor(id)))}">${esc(id)}</a>`;
}

/** Only plain web addresses become links; anything else (javascript:, data:) stays text. */
function safeUrl(url: unknown): string | null {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n === 0) return '0';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 0.1 ? n.toFixed(1) : n.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// Reports (loosely typed: the schema is checked elsewhere; everything here is defensive)

interface Span {
  start: number;
  end: number;
}
interface RawSpeaker {
  text?: string;
  name?: string | null;
  type?: string | null;
  resolved?: string;
}
interface RawHit extends Span {
  text?: string;
  frame?: string;
  marker?: string;
  family?: string;
  in?: string;
  voice?: string;
  speaker?: RawSpeaker | null;
  negated?: boolean;
  distancing?: string | null;
  pattern?: string;
  inName?: boolean;
}
interface RawComment extends Span {
  author?: string | null;
  time?: string | null;
  timeIso?: string | null;
  replyTo?: number | null;
  text?: string;
}
interface RawReport {
  id?: string;
  status?: string;
  error?: { code?: string; message?: string } | null;
  outlet?: string | null;
  url?: string | null;
  language?: string;
  text?: string | null;
  metadata?: { title?: string | null; date?: string | null; dateline?: string | null; agency?: string | null; byline?: string | null; truncated?: boolean };
  body?: { text?: string; headings?: string[]; blocks?: Array<Span & { kind?: string }> } | null;
  removed?: Array<Span & { kind?: string; rule?: string }>;
  comments?: RawComment[];
  stats?: { sentences?: number; tokens?: number; words?: number } | null;
  sentiment?: number | null;
  entities?: Array<{ name?: string; type?: string; wikidata?: string | null; mentions?: Array<Span & { text?: string; in?: string }> }>;
  frames?: { hits?: RawHit[]; dominant?: string[] } | null;
  rhetoric?: { hits?: RawHit[] } | null;
}

function isSpan<T>(s: T): s is T & Span {
  const o = s as unknown as Span | null;
  return !!o && typeof o === 'object' && Number.isInteger(o.start) && Number.isInteger(o.end) && o.start >= 0 && o.end >= o.start;
}

// ---------------------------------------------------------------------------------------------
// Inline annotation (displaCy-style marks, nested; crossing spans are split)

type MarkKind = 'frame' | 'rhetoric' | 'entity';
interface Mark {
  kind: MarkKind;
  start: number; // code points into the report text
  end: number;
  /** The opening tag's attributes (already escaped). */
  attrs: string;
  /** The label shown at the end of the mark (already escaped HTML). */
  label: string;
  /** Sort key for identical ranges: frame hits outermost, then rhetoric, then entities. */
  rank: number;
}
interface Piece extends Mark {
  /** Set on all but the last piece of a split mark: the label goes on the last one only. */
  continues: boolean;
  /** Set on all but the first piece. */
  continued: boolean;
}

const VOICES = ['authorial', 'attributed', 'quoted', 'scare-quoted'] as const;
const VOICE_GLYPH: Record<string, string> = { authorial: '✎', attributed: '→', quoted: '❝', 'scare-quoted': '‘?’' };
const FAMILY_CLASS: Record<string, string> = { narrative: 'fam-narrative', 'counter-frame': 'fam-counter', rhetoric: 'fam-rhetoric' };
const familyClass = (family: string): string => FAMILY_CLASS[family] ?? 'fam-other';

function speakerText(s: RawSpeaker | null | undefined): string | null {
  if (!s || typeof s !== 'object') return null;
  const name = s.name && s.name !== s.text ? `${s.name} (“${s.text ?? ''}”)` : (s.text ?? s.name ?? '');
  return name ? `${name}${s.resolved && s.resolved !== 'named' ? `, ${s.resolved}` : ''}` : null;
}

function hitMark(h: RawHit, kind: 'frame' | 'rhetoric'): Mark {
  const id = String((kind === 'frame' ? h.frame : h.marker) ?? '?');
  const family = kind === 'frame' ? String(h.family ?? 'narrative') : 'rhetoric';
  const voice = VOICES.includes(h.voice as (typeof VOICES)[number]) ? h.voice! : 'authorial';
  const speaker = speakerText(h.speaker);
  const tip = [
    `${kind === 'frame' ? 'frame' : 'rhetoric'}: ${id} (${family})`,
    `voice: ${voice}`,
    speaker ? `speaker: ${speaker}` : null,
    h.negated ? 'negated' : null,
    h.distancing ? `distancing: ${h.distancing}` : null,
    h.inName ? 'inside a name' : null,
    h.pattern ? `pattern: ${h.pattern}` : null,
  ]
    .filter((x): x is string => x !== null)
    .join('\n');
  const flags = `${h.negated ? ' ¬' : ''}${h.distancing ? ' ≈' : ''}`;
  return {
    kind,
    start: h.start,
    end: h.end,
    rank: kind === 'frame' ? 0 : 1,
    attrs:
      `class="hit ${familyClass(family)} v-${esc(voice)}${h.negated ? ' negated' : ''}"` +
      attr('data-frame', id) +
      attr('data-family', family) +
      attr('data-voice', voice) +
      attr('data-in', h.in ?? '') +
      (speaker ? attr('data-speaker', speaker) : '') +
      attr('title', tip),
    label: `<span class="lbl">${esc(id)}${esc(flags)}<span class="voice" title="${esc(voice)}">${esc(VOICE_GLYPH[voice] ?? '')} ${esc(voice)}</span></span>`,
  };
}

function entityMarks(r: RawReport): Mark[] {
  const out: Mark[] = [];
  for (const e of r.entities ?? []) {
    const type = String(e?.type ?? 'ENT');
    const tip = `${e?.name ?? ''} (${type})${e?.wikidata ? ` · ${e.wikidata}` : ''}`;
    for (const m of e?.mentions ?? []) {
      if (!isSpan(m)) continue;
      out.push({
        kind: 'entity',
        start: m.start,
        end: m.end,
        rank: 2,
        attrs: `class="ent"` + attr('data-type', type) + attr('data-entity', e?.name ?? '') + attr('data-in', m.in ?? '') + attr('title', tip),
        label: `<span class="lbl">${esc(type)}</span>`,
      });
    }
  }
  return out;
}

/** Maps code-point offsets of `text` to UTF-16 indices (identity when there is nothing astral). */
function utf16Mapper(text: string): (cp: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => Math.min(cp, text.length);
  const table: number[] = [];
  for (let i = 0; i < text.length; i++) {
    table.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  table.push(text.length);
  return (cp) => (cp < table.length ? table[cp]! : text.length);
}

function byStart(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || a.rank - b.rank;
}

/**
 * Renders text[from, to) (code points) with the marks that fall in it. Marks are clipped to the
 * range; a mark that starts inside another and ends after it is split at the outer one's end, so
 * the output is always properly nested.
 */
function annotate(text: string, toUtf16: (cp: number) => number, from: number, to: number, marks: readonly Mark[]): string {
  const queue: Piece[] = marks
    .filter((m) => m.end > from && m.start < to)
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to), continues: false, continued: false }))
    .filter((m) => m.end > m.start)
    .sort(byStart);
  const slice = (a: number, b: number) => (b > a ? esc(text.slice(toUtf16(a), toUtf16(b))) : '');
  const stack: Piece[] = [];
  let out = '';
  let pos = from;
  const close = (p: Piece) => `${p.continues ? '' : p.label}</mark>`;
  while (queue.length > 0 || stack.length > 0) {
    const top = stack[stack.length - 1];
    const next = queue[0];
    if (top && (!next || top.end <= next.start)) {
      out += slice(pos, top.end) + close(top);
      pos = top.end;
      stack.pop();
      continue;
    }
    const m = queue.shift()!;
    out += slice(pos, m.start);
    pos = m.start;
    if (top && m.end > top.end) {
      // Crossing: keep the part inside `top`, and queue the rest to open once `top` has closed.
      const rest: Piece = { ...m, start: top.end, continued: true };
      m.end = top.end;
      m.continues = true;
      let i = 0;
      while (i < queue.length && byStart(queue[i]!, rest) <= 0) i++;
      queue.splice(i, 0, rest);
    }
    out += `<mark ${m.attrs}${m.continued || m.continues ? ` data-split="${m.continued ? (m.continues ? 'middle' : 'end') : 'start'}"` : ''}>`;
    stack.push(m);
  }
  return out + slice(pos, to);
}

// ---------------------------------------------------------------------------------------------
// One document

interface DocSummary {
  id: string;
  file: string;
  outlet: string | null;
  title: string | null;
  status: string;
  words: number | null;
  hits: number;
  comments: number;
  dominant: string[];
  annotatable: boolean;
}

function summarise(r: RawReport, file: string): DocSummary {
  const frames = Array.isArray(r.frames?.hits) ? r.frames.hits.length : 0;
  const rhet = Array.isArray(r.rhetoric?.hits) ? r.rhetoric.hits.length : 0;
  return {
    id: typeof r.id === 'string' && r.id ? r.id : file.replace(/\.json$/, ''),
    file,
    outlet: typeof r.outlet === 'string' ? r.outlet : null,
    title: typeof r.metadata?.title === 'string' ? r.metadata.title : null,
    status: typeof r.status === 'string' ? r.status : 'unknown',
    words: typeof r.stats?.words === 'number' ? r.stats.words : null,
    hits: frames + rhet,
    comments: Array.isArray(r.comments) ? r.comments.length : 0,
    dominant: Array.isArray(r.frames?.dominant) ? r.frames.dominant.filter((x) => typeof x === 'string') : [],
    annotatable: typeof r.text === 'string',
  };
}

/** Where the title sits in the text, in code points (the report gives the string, not its span). */
function titleSpan(text: string, title: string | null | undefined): Span | null {
  if (!title) return null;
  const at = text.indexOf(title);
  if (at < 0) return null;
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(title).length };
}

function renderDocument(r: RawReport, d: DocSummary): string {
  const text = r.text as string;
  const cpLength = Array.from(text).length;
  const toUtf16 = utf16Mapper(text);
  const marks: Mark[] = [
    ...(r.frames?.hits ?? []).filter(isSpan).map((h) => hitMark(h, 'frame')),
    ...(r.rhetoric?.hits ?? []).filter(isSpan).map((h) => hitMark(h, 'rhetoric')),
    ...entityMarks(r),
  ].filter((m) => m.end <= cpLength);
  const md = r.metadata ?? {};
  const url = safeUrl(r.url);
  const meta: string[] = [];
  if (d.outlet) meta.push(`<span>outlet: <b>${esc(d.outlet)}</b></span>`);
  if (md.date) meta.push(`<span>date: ${esc(md.date)}</span>`);
  if (md.byline) meta.push(`<span>byline: ${esc(md.byline)}</span>`);
  if (md.agency) meta.push(`<span>agency: ${esc(md.agency)}</span>`);
  if (md.dateline) meta.push(`<span>dateline: ${esc(md.dateline)}</span>`);
  if (r.language) meta.push(`<span>language: ${esc(r.language)}</span>`);
  if (d.words !== null) meta.push(`<span>${esc(d.words)} words</span>`);
  if (typeof r.sentiment === 'number') meta.push(`<span>sentiment: ${esc(fmt(r.sentiment))}</span>`);
  meta.push(`<span>status: ${esc(d.status)}</span>`);
  if (md.truncated) meta.push(`<span class="warn">truncated</span>`);
  if (url) meta.push(`<a rel="noopener noreferrer nofollow" href="${esc(url)}">source</a>`);

  let html = `<section class="doc" id="${esc(docAnchor(d.id))}"${attr('data-id', d.id)}>\n`;
  html += `<p class="back"><a href="#documents">← all documents</a></p>\n`;
  html += `<h3 class="doc-title">${esc(d.title ?? d.id)}</h3>\n<p class="doc-id">${esc(d.id)}</p>\n<p class="meta">${meta.join(' · ')}</p>\n`;
  if (d.dominant.length > 0) html += `<p class="meta">dominant frames: ${d.dominant.map((f) => `<code>${esc(f)}</code>`).join(', ')}</p>\n`;
  if (r.error?.message) html += `<p class="warn">${esc(r.error.code ?? '')}: ${esc(r.error.message)}</p>\n`;

  // Title, as it sits in the text, with its own marks.
  const ts = titleSpan(text, md.title);
  if (ts) html += `<div class="title-block" data-block="title">${annotate(text, toUtf16, ts.start, ts.end, marks)}</div>\n`;

  // Body: its blocks, each with the marks inside it.
  const blocks = (r.body?.blocks ?? []).filter(isSpan).filter((b) => b.end <= cpLength);
  html += `<div class="body-block" data-block="body">\n`;
  if (blocks.length === 0) html += `<p class="empty">No body text was found in this document.</p>\n`;
  for (const b of blocks) {
    const tag = b.kind === 'heading' ? 'h4' : 'p';
    html += `<${tag} class="blk blk-${esc(b.kind ?? 'paragraph')}">${annotate(text, toUtf16, b.start, b.end, marks)}</${tag}>\n`;
  }
  html += `</div>\n`;

  // Reader comments: their own block, apart from the body, each with its author.
  const comments = (r.comments ?? []).filter(isSpan).filter((c) => c.end <= cpLength);
  html += `<div class="comments-block" data-block="comments">\n<h4>Reader comments (${comments.length})</h4>\n`;
  if (comments.length === 0) html += `<p class="empty">No reader comments.</p>\n`;
  comments.forEach((c, i) => {
    const reply = Number.isInteger(c.replyTo) && c.replyTo !== null ? `<span class="reply">↳ reply to #${esc(c.replyTo! + 1)}</span>` : '';
    html +=
      `<article class="comment${reply ? ' is-reply' : ''}" data-comment="${i}">` +
      `<header><span class="n">#${i + 1}</span> <span class="author">${c.author ? esc(c.author) : '<i>anonymous</i>'}</span>` +
      `${c.time || c.timeIso ? ` <time${attr('datetime', c.timeIso ?? null)}>${esc(c.time ?? c.timeIso)}</time>` : ''} ${reply}</header>` +
      `<div class="ctext">${annotate(text, toUtf16, c.start, c.end, marks)}</div></article>\n`;
  });
  html += `</div>\n`;

  const removed = (r.removed ?? []).filter(isSpan);
  if (removed.length > 0) {
    const kinds = new Map<string, number>();
    for (const x of removed) kinds.set(String(x.kind ?? 'other'), (kinds.get(String(x.kind ?? 'other')) ?? 0) + 1);
    html += `<p class="meta">removed from the body: ${[...kinds].map(([k, n]) => `${esc(n)} ${esc(k)}`).join(', ')}</p>\n`;
  }
  return html + `</section>\n`;
}

// ---------------------------------------------------------------------------------------------
// Corpus sections

function heatmap(input: HtmlReportInput): string {
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
      const tip = rate ? `${f.id} in ${g.key}: ${fmt(mean)} per 1,000 words [${fmt(rate.lo)}–${fmt(rate.hi)}]` : `${f.id} in ${g.key}: 0`;
      h +=
        `<td class="cell ${familyClass(f.family)}${alpha > 0.55 ? ' dark' : ''}"${attr('data-frame', f.id)}${attr('data-group', g.key)}` +
        `${attr('data-rate', mean)} style="--a:${alpha.toFixed(3)}"${attr('title', tip)}>${esc(fmt(mean))}</td>`;
    }
    h += `</tr>\n`;
  }
  return h + `</tbody></table></div>\n`;
}

function intervals(input: HtmlReportInput): string {
  const family = new Map(input.frames.map((f) => [f.id, f.family]));
  let h = `<div class="cards">\n`;
  for (const g of input.groups) {
    const rows = input.frames.filter((f) => {
      const r = g.rates[f.id];
      return r && (r.mean > 0 || r.hi > 0);
    });
    const scale = Math.max(1e-9, ...rows.map((f) => g.rates[f.id]!.hi), ...rows.map((f) => g.rates[f.id]!.mean));
    h += `<div class="card"${attr('data-outlet', g.key)}><h3>${esc(g.key)} <small>${esc(g.documents)} documents</small></h3>\n`;
    if (rows.length === 0) {
      h += `<p class="empty">No frame or rhetoric hits.</p></div>\n`;
      continue;
    }
    h += `<table class="rates"><thead><tr><th>frame</th><th>per 1,000 words [95% interval]</th><th></th></tr></thead><tbody>\n`;
    for (const f of rows) {
      const r = g.rates[f.id]!;
      const pct = (v: number) => `${(Math.min(1, Math.max(0, v / scale)) * 100).toFixed(1)}%`;
      h +=
        `<tr><td>${esc(f.id)}</td><td class="num">${esc(fmt(r.mean))} [${esc(fmt(r.lo))}–${esc(fmt(r.hi))}]</td>` +
        `<td class="barcell"><span class="track"><span class="range ${familyClass(family.get(f.id) ?? '')}" style="left:${pct(r.lo)};width:calc(${pct(r.hi)} - ${pct(r.lo)})"></span>` +
        `<span class="dot" style="left:${pct(r.mean)}"></span></span></td></tr>\n`;
    }
    h += `</tbody></table></div>\n`;
  }
  return h + `</div>\n`;
}

function distinctive(input: HtmlReportInput): string {
  if (input.distinctive.length === 0) return `<p class="empty">No distinctive terms.</p>\n`;
  let h = `<div class="cards">\n`;
  for (const d of input.distinctive) {
    h += `<div class="card"${attr('data-outlet', d.group)}><h3>${esc(d.group)}</h3><ol class="terms">`;
    for (const t of d.terms) h += `<li><span class="term">${esc(t.term)}</span> <small>z=${esc(fmt(t.z))}</small></li>`;
    h += `</ol></div>\n`;
  }
  return h + `</div>\n`;
}

function reuse(input: HtmlReportInput, annotated: ReadonlySet<string>): string {
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

/**
 * Writes the page to `outFile` (via a temporary file, renamed into place when complete). Reads the
 * reports twice, one at a time: once for the document list (keeping only a small summary of each),
 * once for the annotated views.
 */
export async function writeHtmlReport(input: HtmlReportInput, outFile: string): Promise<void> {
  const maxAnnotated = Math.max(0, Math.floor(input.maxAnnotated ?? 1000));
  const files = (await readdir(input.reportsDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
  const tmp = `${outFile}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const put = async (s: string): Promise<void> => {
    if (!stream.write(s)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', resolve)), failed]);
  };

  try {
    // First pass: which documents get an annotated view (so every link on the page resolves).
    const annotated = new Set<string>();
    // Only small summaries are kept (id, title, outlet, counts), never the reports themselves.
    const summaries: DocSummary[] = [];
    for (const f of files) {
      const r = await readReport(join(input.reportsDir, f));
      if (!r) continue;
      const s = summarise(r, f);
      summaries.push(s);
      if (s.annotatable && annotated.size < maxAnnotated) annotated.add(s.id);
    }

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
    await put(`<h2 id="s-heatmap">Frames × outlets</h2>\n<p class="meta">Mean rate per 1,000 words; colour intensity is relative to the highest rate in the frame's family.</p>\n`);
    await put(heatmap(input));
    await put(`<h2 id="s-rates">Rates per outlet, with 95% intervals</h2>\n`);
    await put(intervals(input));
    await put(`<h2 id="s-terms">Distinctive terms per outlet</h2>\n`);
    await put(distinctive(input));
    await put(`<h2 id="s-reuse">Syndication and reuse</h2>\n`);
    await put(reuse(input, annotated));

    // Document list.
    await put(
      `<h2 id="documents">Documents (${summaries.length})</h2>\n` +
        (summaries.length > annotated.size
          ? `<p class="meta">${annotated.size} of ${summaries.length} documents have an annotated view (limit ${maxAnnotated}); the rest are listed without one.</p>\n`
          : '') +
        legend() +
        `<input id="doc-filter" type="search" placeholder="filter documents…" aria-label="filter documents">\n<ul id="doc-list">\n`,
    );
    for (const d of summaries) {
      await put(
        `<li${attr('data-id', d.id)}>${docLink(d.id, annotated)} — ${esc(d.title ?? '(untitled)')}` +
          ` <small>${d.outlet ? esc(d.outlet) + ' · ' : ''}${d.words !== null ? `${esc(d.words)} words · ` : ''}${esc(d.hits)} hits · ${esc(d.comments)} comments` +
          `${d.status !== 'ok' ? ` · ${esc(d.status)}` : ''}${d.dominant.length ? ` · ${d.dominant.map(esc).join(', ')}` : ''}</small></li>\n`,
      );
    }
    await put(`</ul>\n`);

    // Annotated views, one report at a time.
    if (annotated.size > 0) {
      await put(`<div id="annotated">\n`);
      const rendered = new Set<string>(); // one view per id, even if two reports share one
      for (const s of summaries) {
        if (!annotated.has(s.id) || rendered.has(s.id)) continue;
        rendered.add(s.id);
        const r = await readReport(join(input.reportsDir, s.file));
        if (!r || typeof r.text !== 'string') continue;
        await put(renderDocument(r, summarise(r, s.file)));
      }
      await put(`</div>\n`);
    }
    await put(`</main>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    await rename(tmp, outFile);
  } catch (err) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}
