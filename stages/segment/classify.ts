import type { PageMetadata, RemovedKind } from '../../pipeline/document.js';
import { isDateLine, isoDate } from './dates.js';
import { isProse, type Line } from './lines.js';
import { lineKey } from './repeated.js';
import { firstMatch, matchRule, type Rule, type Vocabulary } from './vocabulary.js';

/** Why a line is not content: the report's kind, the rule's id, and the rule itself when it has flags. */
export interface Verdict {
  kind: RemovedKind;
  rule: string;
  flags?: Rule;
}

/** What classification needs besides the line: the vocabulary, the page's script, the batch's template lines. */
export interface LineContext {
  vocab: Vocabulary;
  latinPage: boolean;
  repeated: ReadonlySet<string>;
}

/** The first rule that may remove this line: a rule without `prose: true` never removes a full sentence. */
function hit(rules: Rule[], line: Line): { rule: Rule; match: RegExpMatchArray } | null {
  const prose = isProse(line);
  for (const rule of rules) {
    if (prose && !rule.prose) continue;
    const match = matchRule(rule, line.text);
    if (match) return { rule, match };
  }
  return null;
}

// A day-month-year stamp under a label in any language ("Дата публикации: 31.10.2024").
const DATE_NUMERIC = /^[^\d]{0,40}\b\d{1,2}[./]\d{1,2}[./]\d{4}\b[\s\d:.,]*$/u;

/**
 * What one line is when it is not content, judged alone: its script, the vocabulary, whether it
 * is a date stamp or a label, and whether it is the outlet's template. Facts it reads (agency,
 * byline, date) go into `md`; the first one found wins.
 */
export function classifyLine(line: Line, ctx: LineContext, md: PageMetadata): Verdict | null {
  const { vocab } = ctx;
  const t = line.text;
  // A line in another script on an English page ("Дата публикации: 31.10.2024") is the site's
  // own furniture, or an untranslated original; either way not the English article.
  const foreign = ctx.latinPage && line.nonLatin >= 0.5;
  // "Read more" and "…" are truncation only right after the body; the layout decides.
  if (firstMatch(vocab.truncation, t)) return null;
  const syn = hit(vocab.syndication, line);
  if (syn) {
    md.agency ??= syn.match.groups?.agency?.trim() ?? null;
    return { kind: 'metadata', rule: syn.rule.id };
  }
  const caption = hit(vocab.caption, line);
  if (caption && line.words <= 60) return { kind: 'caption', rule: caption.rule.id };
  const credit = hit(vocab.credit, line);
  if (credit && (line.words <= 15 || credit.rule.prose)) return { kind: 'credit', rule: credit.rule.id, flags: credit.rule };
  if (firstMatch(vocab.commentSection, t)) return { kind: 'boilerplate', rule: 'commentSection:marker' };
  const chrome = hit(vocab.boilerplate, line);
  if (chrome) {
    if (chrome.match.groups?.date) md.date ??= isoDate(chrome.match.groups.date);
    return { kind: 'boilerplate', rule: chrome.rule.id, flags: chrome.rule };
  }
  const by = firstMatch(vocab.byline, t);
  if (by) {
    const g = by.match.groups ?? {};
    // A byline's "Associated Press" is the author's employer; the dateline names the agency.
    md.byline ??= g.byline?.trim() ?? null;
    if (g.date) md.date ??= isoDate(g.date);
    return { kind: 'metadata', rule: by.rule.id };
  }
  const label = line.words <= 12 ? firstMatch(vocab.labels, t) : null;
  if (label) {
    const author = label.match.groups?.byline;
    if (author) md.byline ??= author.trim();
    return { kind: author || /(time-label|edited-by|date-label)$/.test(label.rule.id) ? 'metadata' : 'boilerplate', rule: label.rule.id };
  }
  if (foreign) {
    if (isDateLine(t) || DATE_NUMERIC.test(t)) {
      md.date ??= isoDate(t);
      return { kind: 'metadata', rule: 'metadata:foreign-date-line' };
    }
    return { kind: 'boilerplate', rule: line.words <= 12 ? 'language:foreign-line' : 'language:foreign-paragraph' };
  }
  if (!line.terminal && isDateLine(t)) {
    md.date ??= isoDate(t);
    return { kind: 'metadata', rule: 'metadata:date-line' };
  }
  if (ctx.repeated.size && ctx.repeated.has(lineKey(t))) return { kind: 'boilerplate', rule: 'corpus:repeated-line' };
  return null;
}
