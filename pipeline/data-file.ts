import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { DataVersion } from './stage.js';

/**
 * The package root, found from this file whether it runs as TypeScript source (tests) or as
 * compiled JavaScript under dist/: data files stay next to the stage sources, never copied.
 */
export const PACKAGE_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'framescope') return dir;
    } catch {
      // not here; go up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('[E010] cannot find the framescope package root');
    dir = up;
  }
})();

/** A parsed YAML or JSON data file with its provenance (version and content hash). */
export interface LoadedData<T> {
  data: T;
  version: DataVersion;
}

/**
 * Where the build leaves a YAML file's parsed form as JSON, named by the hash of the YAML's bytes
 * (see compile-data.ts): every worker of every run would otherwise parse the same YAML again, a
 * quarter of a small run's time. A file edited after the build has another hash and is parsed as YAML.
 */
export function compiledDataPath(sha256: string): string {
  return join(PACKAGE_ROOT, 'dist', 'data', `${sha256}.json`);
}

// The YAML parser is loaded only for a file the build did not compile (a user's lexicon, an edit).
const require = createRequire(import.meta.url);
const yamlParse = (s: string): unknown => (require('yaml') as typeof import('yaml')).parse(s);

/** Reads a versioned data file; the hash is of the bytes, so any edit changes it. */
export function loadDataFile<T extends { version?: unknown }>(path: string): LoadedData<T> {
  const raw = readFileSync(path);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  let data: T;
  try {
    const compiled = path.endsWith('.json') ? null : compiledDataPath(sha256);
    data = (compiled && existsSync(compiled) ? JSON.parse(readFileSync(compiled, 'utf8')) : path.endsWith('.json') ? JSON.parse(raw.toString('utf8')) : yamlParse(raw.toString('utf8'))) as T;
  } catch (err) {
    throw new Error(`[E011] ${path}: not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`);
  }
  if (data === null || typeof data !== 'object') throw new Error(`[E012] ${path}: expected a mapping at the top level`);
  const rel = path.startsWith(PACKAGE_ROOT) ? relative(PACKAGE_ROOT, path) : path;
  return {
    data,
    version: {
      file: rel.split('\\').join('/'),
      version: String(data.version ?? 'unversioned'),
      sha256,
    },
  };
}

/** Path of a data file that ships next to a stage's sources. */
export function stageDataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'stages', ...parts);
}

/** The shipped lexicon files of a stage, in a stable order. */
export function shippedLexicons(stage: string): string[] {
  const dir = stageDataPath(stage, 'lexicon');
  return readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, f));
}
