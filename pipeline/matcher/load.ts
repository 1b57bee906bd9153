import { resolve } from 'node:path';
import { loadDataFile, stageDataPath } from '../data-file.js';
import type { DataVersion } from '../stage.js';
import { HIT_CONDITIONS, type Entry, type HitCondition } from './matcher.js';
import { isQuanteda, readLiwc, readQuanteda } from './import.js';
import { compilePattern, conceptEntry, type Atom } from './pattern.js';

/** One frame or rhetoric marker as documented in its lexicon file. */
export interface FrameDef {
  id: string;
  label: string;
  description: string;
  family: string;
  sources: string[];
  patterns: string[];
  file: string;
}

/** Frames and compiled patterns from one or more lexicon files, with each file's version and hash. */
export interface Lexicon {
  frames: Map<string, FrameDef>;
  entries: Entry[];
  versions: DataVersion[];
  /** Entries of imported dictionaries that could not become patterns, "file: entry: reason". */
  skipped: string[];
}

// `cue` files hold matcher patterns that are not frames (attribution cues) and never reach a report.
// `concepts` files hold only named concept sets, shared by the frames of every file loaded with them.
const FAMILIES = new Set(['narrative', 'counter-frame', 'rhetoric', 'cue', 'concepts']);
const CONCEPT = /^[A-Z][A-Z0-9_]*$/;
const SHIPPED_CONCEPTS = () => resolve(stageDataPath('framing', 'lexicon/concepts.yaml'));
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface RawFile {
  version?: string;
  family?: string;
  frames?: Array<Record<string, unknown>>;
  concepts?: Record<string, unknown>;
}

/**
 * Loads lexicon files in order. A later file may extend an earlier frame's patterns (a user's
 * `--lexicon` adding to a shipped frame) but not change its family. Any problem stops the run
 * with the file, the entry and the reason, before a single document is read.
 */
export function loadLexicons(paths: string[], accept: (family: string) => boolean = () => true): Lexicon {
  const frames = new Map<string, FrameDef>();
  const entries: Entry[] = [];
  const versions: DataVersion[] = [];
  const skipped: string[] = [];
  const files = paths.map((path) => {
    // LIWC .dic files and quanteda YAML dictionaries are converted to lexicon entries first.
    const loaded = path.endsWith('.dic') ? null : loadDataFile<RawFile>(path);
    const imported = !loaded ? readLiwc(path) : /\.ya?ml$/.test(path) && isQuanteda(loaded.data) ? readQuanteda(path, loaded.data) : null;
    if (imported) skipped.push(...imported.skipped.map((x) => `${path}: ${x}`));
    return { path, ...(imported ?? loaded!) };
  });
  // Concepts first, from every file, so a frame may use a concept defined in any file loaded with it.
  // The shipped concepts always come first: a user's lexicon may use @NATO without naming the file.
  const shipped = SHIPPED_CONCEPTS();
  const seed = files.some((f) => resolve(f.path) === shipped) ? [] : [{ path: shipped, data: loadDataFile<RawFile>(shipped).data }];
  const concepts = loadConcepts([...seed, ...files]);
  for (const { path, data, version } of files) {
    const fail = (where: string, why: string): never => {
      throw new Error(`[E020] lexicon ${path}: ${where}: ${why}`);
    };
    if (!data.version) fail('file', 'missing "version"');
    if (!FAMILIES.has(String(data.family))) fail('file', `"family" must be one of ${[...FAMILIES].join(', ')}, not ${JSON.stringify(data.family)}`);
    const family = String(data.family);
    if (family === 'concepts') {
      versions.push(version);
      continue;
    }
    if (!Array.isArray(data.frames) || data.frames.length === 0) fail('file', '"frames" must be a non-empty list');
    if (!accept(family)) continue;
    versions.push(version);
    data.frames!.forEach((raw, i) => {
      const id = String(raw.id ?? '');
      const where = `frame #${i + 1}${id ? ` "${id}"` : ''}`;
      if (!ID.test(id)) fail(where, '"id" must be lowercase words joined by hyphens');
      if (!Array.isArray(raw.patterns) || raw.patterns.length === 0) fail(where, '"patterns" must be a non-empty list');
      const patterns = raw.patterns as unknown[];
      const prior = frames.get(id);
      if (prior && prior.family !== family) fail(where, `already defined as ${prior.family} in ${prior.file}`);
      const def: FrameDef = prior ?? {
        id,
        label: String(raw.label ?? id),
        description: String(raw.description ?? ''),
        family,
        sources: Array.isArray(raw.sources) ? raw.sources.map(String) : [],
        patterns: [],
        file: version.file,
      };
      for (const raw of patterns) {
        const { source, when, from } = patternItem(raw, (why) => fail(where, why));
        try {
          entries.push({ id, family, pattern: compilePattern(source, concepts), ...(when ? { when } : {}), ...(from ? { from } : {}) });
        } catch (err) {
          fail(where, `pattern "${source}": ${(err as Error).message}`);
        }
        def.patterns.push(source);
      }
      frames.set(id, def);
    });
  }
  return { frames, entries, versions, skipped };
}

/** A pattern is a string, or `{pattern, when, from}` when its hits need a condition on the document. */
function patternItem(raw: unknown, fail: (why: string) => never): { source: string; when?: HitCondition; from?: string } {
  if (typeof raw === 'string') return { source: raw };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(`pattern ${JSON.stringify(raw)} is neither a string nor {pattern, when, from}`);
  const { pattern, when, from, ...rest } = raw as Record<string, unknown>;
  if (typeof pattern !== 'string') return fail(`pattern ${JSON.stringify(raw)} has no "pattern" string`);
  if (Object.keys(rest).length) return fail(`pattern "${pattern}": unknown key(s) ${Object.keys(rest).join(', ')}`);
  if (when !== undefined && !HIT_CONDITIONS.includes(when as HitCondition)) return fail(`pattern "${pattern}": "when" must be one of ${HIT_CONDITIONS.join(', ')}, not ${JSON.stringify(when)}`);
  // YAML reads an unquoted 2022-02-24 as a date: accept it, and give it back as the ISO day.
  const day = from instanceof Date ? from.toISOString().slice(0, 10) : from;
  if (day !== undefined && (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day))) return fail(`pattern "${pattern}": "from" must be a date written YYYY-MM-DD, not ${JSON.stringify(from)}`);
  return { source: pattern, when: when as HitCondition | undefined, from: day as string | undefined };
}

/**
 * The named concept sets of all files: `concepts: {NAME: [entry, …]}`. A later file adds entries to
 * a concept of the same name; an entry may use concepts defined before it (no cycles).
 */
function loadConcepts(files: Array<{ path: string; data: RawFile }>): Map<string, Atom[][]> {
  const concepts = new Map<string, Atom[][]>();
  for (const { path, data } of files) {
    if (data.concepts === undefined) continue;
    const fail = (where: string, why: string): never => {
      throw new Error(`[E020] lexicon ${path}: ${where}: ${why}`);
    };
    if (!data.concepts || typeof data.concepts !== 'object' || Array.isArray(data.concepts)) fail('concepts', 'must map concept names to lists of phrases');
    for (const [name, list] of Object.entries(data.concepts!)) {
      if (!CONCEPT.test(name)) fail(`concept ${name}`, 'names are upper-case words joined by _ (ACTOR, NATO_MOVE)');
      if (!Array.isArray(list) || list.length === 0) fail(`concept ${name}`, 'must be a non-empty list of phrases');
      const seqs = concepts.get(name) ?? [];
      for (const entry of list as unknown[]) {
        if (typeof entry !== 'string') fail(`concept ${name}`, `entry ${JSON.stringify(entry)} is not a string`);
        try {
          seqs.push(...conceptEntry(entry as string, concepts));
        } catch (err) {
          fail(`concept ${name}`, `entry "${String(entry)}": ${(err as Error).message}`);
        }
      }
      concepts.set(name, seqs);
    }
  }
  return concepts;
}
