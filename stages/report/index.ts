import type { Doc, Hit } from '../../pipeline/document.js';
import { codePointMapper } from '../../pipeline/offsets.js';
import type { DataVersion, Stage } from '../../pipeline/stage.js';
import { REPORT_SCHEMA } from '../../pipeline/version.js';
import { normaliseLanguage } from '../language/index.js';
import { dominant, score } from './scores.js';

/** What the report records about how it was made; also the cache key for re-runs. */
export interface Provenance {
  pipeline: string;
  inputSha256: string;
  fingerprint: string;
  data: DataVersion[];
  /** Inputs computed from the whole batch, so a changed report can be traced to a changed batch. */
  corpusInputs: { repeatedLines: { file: string; group: string; sha256: string } | null };
}

const inBody = (h: Hit) => h.region === 'body' || h.region === 'heading';
const inComments = (h: Hit) => h.region === 'comment';

/**
 * Builds the JSON report of REPORT_CONTRACT.md from whatever slots the document has: a failed or
 * cut-short document still gets a report saying why. Offsets become code points here and only here.
 */
export function createReport(provenance: (doc: Readonly<Doc>) => Provenance): Stage<'report'> {
  return {
    name: 'report',
    requires: [],
    assigns: 'report',
    run(doc) {
      const text = doc.text ?? null;
      const cp = codePointMapper(text ?? '');
      const span = (r: { start: number; end: number }) => ({ text: text!.slice(r.start, r.end), start: cp(r.start), end: cp(r.end) });
      const seg = doc.segment;
      const words = doc.tokens?.stats.words ?? 0;
      const md = seg?.metadata;
      const frameScores = doc.framing ? score(doc.framing.hits, words, inBody) : null;
      const report: Record<string, unknown> = {
        schema: REPORT_SCHEMA,
        id: doc.id,
        status: doc.outcome?.status ?? 'failed',
        error: doc.outcome?.status === 'failed' ? doc.outcome.reason : null,
        outlet: doc.source.outlet,
        url: doc.source.url,
        manifest: doc.source.manifest ?? null,
        // A document that failed before the language stage says the manifest's language, read as
        // the language stage reads it ("eng" is en; "qaa" or an emoji is no language: und).
        language: doc.language ?? (doc.source.language ? normaliseLanguage(doc.source.language) : null) ?? 'und',
        text,
        metadata: {
          title: md?.title?.text ?? null,
          date: doc.source.date ?? md?.date ?? null,
          dateline: md?.dateline ?? null,
          agency: md?.agency ?? null,
          byline: md?.byline ?? null,
          truncated: md?.truncated ?? false,
        },
        body: seg && text !== null
          ? {
              text: seg.blocks.map((b) => text.slice(b.start, b.end)).join('\n'),
              headings: seg.blocks.filter((b) => b.kind === 'heading').map((b) => text.slice(b.start, b.end)),
              blocks: seg.blocks.map((b) => ({ kind: b.kind, start: cp(b.start), end: cp(b.end) })),
            }
          : null,
        removed: seg?.removed.map((r) => ({ kind: r.kind, text: text!.slice(r.start, r.end), start: cp(r.start), end: cp(r.end), rule: r.rule })) ?? [],
        comments: seg?.comments.map((c) => ({ author: c.author, time: c.time, timeIso: c.timeIso, replyTo: c.replyTo, text: text!.slice(c.start, c.end), start: cp(c.start), end: cp(c.end) })) ?? [],
        stats: doc.tokens?.stats ?? null,
        sentiment: doc.tokens ? bodySentiment(doc) : null,
        entities: doc.entities?.map((e) => {
          // Built field by field, not by spreading: the report stage runs for every document.
          const mentions = e.mentions.map((m) => ({ text: text!.slice(m.start, m.end), start: cp(m.start), end: cp(m.end), in: m.region, via: m.via }));
          return { name: e.name, type: e.type, wikidata: e.wikidata, mentions, spellings: spellings(mentions) };
        }) ?? [],
        frames: doc.framing
          ? {
              hits: doc.framing.hits.map((h) => ({ frame: h.id, family: h.family, text: text!.slice(h.start, h.end), start: cp(h.start), end: cp(h.end), in: h.region, voice: h.voice, speaker: h.speaker, inName: h.inName, negated: h.negated, distancing: h.distancing, pattern: h.pattern })),
              scores: frameScores!,
              setAside: (doc.framing.setAside ?? []).map((h) => ({ frame: h.id, family: h.family, text: text!.slice(h.start, h.end), start: cp(h.start), end: cp(h.end), in: h.region, voice: h.voice, pattern: h.pattern, reason: h.reason })),
              commentScores: score(doc.framing.hits, commentWords(doc), inComments),
              dominant: dominant(frameScores!),
            }
          : null,
        rhetoric: doc.rhetoric
          ? {
              hits: doc.rhetoric.hits.map((h) => ({ marker: h.id, text: text!.slice(h.start, h.end), start: cp(h.start), end: cp(h.end), in: h.region, voice: h.voice, speaker: h.speaker, negated: h.negated, distancing: h.distancing, pattern: h.pattern })),
              scores: score(doc.rhetoric.hits, words, inBody),
            }
          : null,
        diagnostics: doc.diagnostics.map((d) => ({ ...d, span: d.span && text !== null ? span(d.span) : undefined })),
        provenance: provenance(doc),
      };
      return report;
    },
  };
}

function bodySentiment(doc: Readonly<Doc>): number | null {
  const body = doc.tokens!.units.find((u) => u.region === 'body');
  if (!body || body.sentences.length === 0) return null;
  const sum = body.sentences.reduce((a, s) => a + s.sentiment, 0);
  return Math.round((sum / body.sentences.length) * 1000) / 1000;
}

function commentWords(doc: Readonly<Doc>): number {
  let n = 0;
  for (const u of doc.tokens!.units) if (u.region === 'comment') for (let k = 0; k < u.surface.length; k++) if (u.type[k] === 'word' || /\p{L}/u.test(u.surface[k]!)) n++;
  return n;
}

/**
 * How often each spelling names the entity in the article (title, headings, body): "Kiev" or
 * "Kyiv", "Lukashenko" or "Lukashenka" is the outlet's choice and a framing signal. Comments are
 * left out: there the readers choose. Most used first, then alphabetical, so the order is stable.
 */
function spellings(mentions: Array<{ text: string; in: string }>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.in !== 'comment') counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
