import { loadDataFile } from '../data-file.js';
import type { DataVersion } from '../stage.js';
import type { Entry } from './matcher.js';
import { isQuanteda, peekYaml, readLiwc, readQuanteda } from './import.js';
import { compilePattern } from './pattern.js';

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
const FAMILIES = new Set(['narrative', 'counter-frame', 'rhetoric', 'cue']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface RawFile {
  version?: string;
  family?: string;
  frames?: Array<Record<string, unknown>>;
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
  for (const path of paths) {
    // LIWC .dic files and quanteda YAML dictionaries are converted to lexicon entries first.
    const peeked = /\.ya?ml$/.test(path) ? peekYaml(path) : null;
    const imported = path.endsWith('.dic') ? readLiwc(path) : peeked !== null && isQuanteda(peeked) ? readQuanteda(path, peeked) : null;
    if (imported) skipped.push(...imported.skipped.map((x) => `${path}: ${x}`));
    const { data, version } = imported ?? loadDataFile<RawFile>(path);
    const fail = (where: string, why: string): never => {
      throw new Error(`[E020] lexicon ${path}: ${where}: ${why}`);
    };
    if (!data.version) fail('file', 'missing "version"');
    if (!FAMILIES.has(String(data.family))) fail('file', `"family" must be one of ${[...FAMILIES].join(', ')}, not ${JSON.stringify(data.family)}`);
    if (!Array.isArray(data.frames) || data.frames.length === 0) fail('file', '"frames" must be a non-empty list');
    const family = String(data.family);
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
      for (const p of patterns) {
        if (typeof p !== 'string') fail(where, `pattern ${JSON.stringify(p)} is not a string`);
        try {
          entries.push({ id, family, pattern: compilePattern(p as string) });
        } catch (err) {
          fail(where, `pattern "${String(p)}": ${(err as Error).message}`);
        }
        def.patterns.push(p as string);
      }
      frames.set(id, def);
    });
  }
  return { frames, entries, versions, skipped };
}
