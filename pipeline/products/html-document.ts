/**
 * One document of the visual report: its summary for the document list, and its annotated view,
 * with entity mentions and frame and rhetoric hits marked inline (displaCy-style, nested; spans
 * that cross are split) and the reader comments in a block of their own.
 */
import { attr, docAnchor, esc, fmt, safeUrl } from './html-escape.js';
import { utf16Indexer } from '../offsets.js';

// ---------------------------------------------------------------------------------------------
// Reports (loosely typed: the schema is checked elsewhere; everything here is defensive)

export interface Span {
  start: number;
  end: number;
}
export interface RawSpeaker {
  text?: string;
  name?: string | null;
  type?: string | null;
  resolved?: string;
}
export interface RawHit extends Span {
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
export interface RawComment extends Span {
  author?: string | null;
  time?: string | null;
  timeIso?: string | null;
  replyTo?: number | null;
  text?: string;
}
export interface RawReport {
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

export function isSpan<T>(s: T): s is T & Span {
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

export const VOICES = ['authorial', 'attributed', 'quoted', 'scare-quoted'] as const;
export const VOICE_GLYPH: Record<string, string> = { authorial: '✎', attributed: '→', quoted: '❝', 'scare-quoted': '‘?’' };
const FAMILY_CLASS: Record<string, string> = { narrative: 'fam-narrative', 'counter-frame': 'fam-counter', rhetoric: 'fam-rhetoric' };
export const familyClass = (family: string): string => FAMILY_CLASS[family] ?? 'fam-other';

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

export interface DocSummary {
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

export function summarise(r: RawReport, file: string): DocSummary {
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

export function renderDocument(r: RawReport, d: DocSummary): string {
  const text = r.text as string;
  const cpLength = Array.from(text).length;
  const toUtf16 = utf16Indexer(text);
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

