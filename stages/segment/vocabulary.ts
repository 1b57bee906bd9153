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
        return { ...flags, id: `${key}:${id}`, re: new RegExp(re, cased || CASE_SENSITIVE.has(key) ? 'u' : 'iu') };
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

/** The first rule that matches a line, if any. */
export function firstMatch(rules: Rule[], line: string): { rule: Rule; match: RegExpMatchArray } | null {
  for (const rule of rules) {
    const match = line.match(rule.re);
    if (match) return { rule, match };
  }
  return null;
}
