import { loadDataFile, stageDataPath } from '../../pipeline/data-file.js';
import type { DataVersion } from '../../pipeline/stage.js';

/** One compiled chrome rule: its id (recorded on every removal) and its expression. */
export interface Rule {
  id: string;
  re: RegExp;
  /** Applies to full sentences too: the pattern is specific enough never to hit article prose. */
  prose?: boolean;
  /** Marks the end of the article: prose after it is page furniture (footer, author bio). */
  ends?: boolean;
  /** Introduces a list of links ("Read also", "Tags"): the short lines after it are links. */
  list?: boolean;
  /** The avatar layout repeats the author's name on the line under the header. */
  nameLine?: boolean;
  /** A cheaper expression that matches exactly when `re` does (see fastVariant), tried first. */
  fast?: RegExp;
  /** `fast` is tested against the lowercased line. */
  fastLower?: boolean;
}

/** The segmenter's vocabulary, compiled once per process. */
export interface Vocabulary {
  boilerplate: Rule[];
  credit: Rule[];
  syndication: Rule[];
  commentSection: Rule[];
  dateline: Rule[];
  datePrefix: Rule[];
  byline: Rule[];
  truncation: Rule[];
  caption: Rule[];
  labels: Rule[];
  commentLayout: Rule[];
  commentChrome: Rule[];
  commentDepth: Rule[];
  commentReplyMarker: Rule[];
  commentSignature: Rule[];
  version: DataVersion;
}

// Datelines and bylines (and rules flagged `cased`) rely on capitals (MINSK, not Minsk; By Jane Doe) to tell them from a sentence.
const CASE_SENSITIVE = new Set(['dateline', 'byline']);

type RawRule = { id: string; re: string; prose?: boolean; ends?: boolean; list?: boolean; nameLine?: boolean; cased?: boolean };
type RawRules = Record<string, RawRule[]> & { version?: string };

export function loadVocabulary(path = stageDataPath('segment', 'vocabulary.yaml')): Vocabulary {
  const { data, version } = loadDataFile<RawRules>(path);
  const compile = (key: string): Rule[] =>
    (data[key] ?? []).map((r) => {
      try {
        const { id, re, cased, ...flags } = r;
        const sensitive = cased || CASE_SENSITIVE.has(key);
        const fast = sensitive ? null : fastVariant(re);
        return { ...flags, id: `${key}:${id}`, re: new RegExp(re, sensitive ? 'u' : 'iu'), ...(fast && { fast: fast.re, fastLower: fast.lower }) };
      } catch (err) {
        throw new Error(`[E013] ${path}: rule ${key}/${r.id}: ${(err as Error).message}`);
      }
    });
  return {
    boilerplate: compile('boilerplate'),
    credit: compile('credit'),
    syndication: compile('syndication'),
    commentSection: compile('commentSection'),
    dateline: compile('dateline'),
    datePrefix: compile('datePrefix'),
    byline: compile('byline'),
    truncation: compile('truncation'),
    caption: compile('caption'),
    labels: compile('labels'),
    commentLayout: compile('commentLayout'),
    commentChrome: compile('commentChrome'),
    commentDepth: compile('commentDepth'),
    commentReplyMarker: compile('commentReplyMarker'),
    commentSignature: compile('commentSignature'),
    version,
  };
}

/**
 * V8 runs case-insensitive Unicode expressions ('iu') about 25 times slower than 'i' alone, and
 * the vocabulary is tried on every line. An expression that needs no Unicode property escapes runs
 * with 'i'; one that needs \p{L} but no case classes or capitals runs with 'u' on the lowercased
 * line. Either only screens: a line it accepts is matched again with the rule's own expression,
 * so captured groups keep their case.
 */
export function fastVariant(source: string): { re: RegExp; lower: boolean } | null {
  try {
    if (!/\\[pPu]\{/.test(source)) return { re: new RegExp(source, 'i'), lower: false };
    if (/\\[pP]\{(Lu|Ll|Lt|Uppercase|Lowercase)/.test(source)) return null;
    if (/[A-Z]/.test(source.replace(/\\[A-Za-z](\{[^}]*\})?/g, ''))) return null;
    return { re: new RegExp(source, 'u'), lower: true };
  } catch {
    return null;
  }
}

// The rules of a group are tried on one line in turn: lowercase it once.
let lastLine = '';
let lastLower = '';
function lowered(line: string): string {
  if (line !== lastLine) {
    lastLine = line;
    lastLower = line.toLowerCase();
  }
  return lastLower;
}

/** The rule's match on a line, screened by its fast variant first. */
export function matchRule(rule: Rule, line: string): RegExpMatchArray | null {
  if (rule.fast && !rule.fast.test(rule.fastLower ? lowered(line) : line)) return null;
  return line.match(rule.re);
}

/** The first rule that matches a line, if any. */
export function firstMatch(rules: Rule[], line: string): { rule: Rule; match: RegExpMatchArray } | null {
  for (const rule of rules) {
    const match = matchRule(rule, line);
    if (match) return { rule, match };
  }
  return null;
}
