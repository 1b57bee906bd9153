import { loadDataFile, stageDataPath } from '../../pipeline/data-file.js';
import type { DataVersion } from '../../pipeline/stage.js';

/** One compiled chrome rule: its id (recorded on every removal) and its expression. */
export interface Rule {
  id: string;
  re: RegExp;
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
  commentLayout: Array<Rule & { nameLine: boolean }>;
  commentChrome: Rule[];
  version: DataVersion;
}

// Datelines and bylines rely on capitals (MINSK, not Minsk; By Jane Doe) to tell them from a sentence.
const CASE_SENSITIVE = new Set(['dateline', 'byline']);

type RawRules = Record<string, Array<{ id: string; re: string }>> & { version?: string };

export function loadVocabulary(path = stageDataPath('segment', 'vocabulary.yaml')): Vocabulary {
  const { data, version } = loadDataFile<RawRules>(path);
  const compile = (key: string): Rule[] =>
    (data[key] ?? []).map((r) => {
      try {
        return { id: `${key}:${r.id}`, re: new RegExp(r.re, CASE_SENSITIVE.has(key) ? 'u' : 'iu') };
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
    commentLayout: compile('commentLayout').map((r, i) => ({ ...r, nameLine: Boolean((data.commentLayout?.[i] as { nameLine?: boolean })?.nameLine) })),
    commentChrome: compile('commentChrome'),
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
