import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DataVersion } from '../stage.js';

/** A lexicon file in framescope's own shape, converted from another dictionary format. */
export interface Converted {
  data: { version: string; family: string; frames: Array<{ id: string; label: string; description: string; sources: string[]; patterns: string[] }> };
  version: DataVersion;
  /** Dictionary entries that could not become patterns, with the reason. */
  skipped: string[];
}

// Characters a dictionary word may hold to become a pattern: letters, digits, apostrophes, hyphens,
// spaces (multi-word entries) and a final * (prefix).
const WORD = /^[\p{L}\p{N}'’-]+(?: [\p{L}\p{N}'’-]+)*\*?$/u;

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'category';
}

function version(path: string, raw: Buffer): DataVersion {
  return { file: path, version: 'imported', sha256: createHash('sha256').update(raw).digest('hex') };
}

/**
 * Imported dictionaries are counted as rhetoric markers, one marker per category, named after the
 * dictionary file and the category ("mydict-negemo"), so they never collide with shipped frames.
 */
function toFrames(path: string, categories: Map<string, string[]>, source: string): Converted['data']['frames'] {
  const dict = slug(basename(path).replace(/\.[^.]+$/, ''));
  return [...categories]
    .filter(([, words]) => words.length > 0)
    .map(([name, words]) => ({
      id: `${dict}-${slug(name)}`,
      label: name,
      description: `Category "${name}" of the imported dictionary ${basename(path)}.`,
      sources: [source],
      patterns: [...new Set(words.map((w) => w.toLowerCase()))],
    }));
}

/**
 * A LIWC-style .dic file: a header between two "%" lines numbering the categories, then one word
 * per line followed by its category numbers. A final "*" matches any word starting so.
 */
export function readLiwc(path: string): Converted {
  const raw = readFileSync(path);
  const lines = raw.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (why: string): never => {
    throw new Error(`[E021] dictionary ${path}: ${why}`);
  };
  const marks = lines.map((l, i) => (l.trim() === '%' ? i : -1)).filter((i) => i >= 0);
  if (marks.length < 2) fail('a LIWC .dic file starts with a category header between two "%" lines');
  const names = new Map<string, string>();
  for (const l of lines.slice(marks[0]! + 1, marks[1]!)) {
    const m = l.trim().match(/^(\S+)\s+(.+)$/);
    if (!m) {
      if (l.trim()) fail(`header line "${l.trim()}" is not "number<TAB>name"`);
      continue;
    }
    names.set(m[1]!, m[2]!.trim());
  }
  if (!names.size) fail('no categories in the header');
  const categories = new Map<string, string[]>([...names.values()].map((n) => [n, []]));
  const skipped: string[] = [];
  for (const l of lines.slice(marks[1]! + 1)) {
    if (!l.trim()) continue;
    const cols = l.split('\t').map((c) => c.trim()).filter(Boolean);
    // Words may be separated from their codes by spaces instead of tabs.
    const parts = cols.length > 1 ? cols : l.trim().split(/\s+/);
    const codes = parts.filter((p, k) => k > 0 && /^\d+$/.test(p));
    const word = cols.length > 1 ? cols[0]! : parts.filter((p) => !/^\d+$/.test(p)).join(' ');
    if (!WORD.test(word)) {
      skipped.push(`${word}: not a word or phrase the token matcher can read`);
      continue;
    }
    for (const c of codes) {
      const name = names.get(c);
      if (name) categories.get(name)!.push(word);
      else skipped.push(`${word}: category ${c} is not in the header`);
    }
  }
  return { data: { version: 'imported', family: 'rhetoric', frames: toFrames(path, categories, `LIWC-format dictionary ${basename(path)}`) }, version: version(path, raw), skipped };
}

/**
 * A quanteda dictionary in YAML: categories mapping to lists of words or glob patterns, possibly
 * nested ("economy: {jobs: [...]}"), nested names joined by ".".
 */
export function readQuanteda(path: string, data: unknown): Converted {
  const raw = readFileSync(path);
  const categories = new Map<string, string[]>();
  const skipped: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (Array.isArray(node)) {
      const list = categories.get(prefix) ?? categories.set(prefix, []).get(prefix)!;
      for (const w of node.map(String)) {
        // quanteda globs: "*" at the end is a prefix; other wildcards cannot be expressed over tokens.
        if (WORD.test(w)) list.push(w);
        else skipped.push(`${prefix}: "${w}" is not a word, a phrase or a word followed by *`);
      }
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else throw new Error(`[E021] dictionary ${path}: category "${prefix}" must hold a list of words or sub-categories`);
  };
  walk(data, '');
  if (!categories.size) throw new Error(`[E021] dictionary ${path}: no categories`);
  return { data: { version: 'imported', family: 'rhetoric', frames: toFrames(path, categories, `quanteda dictionary ${basename(path)}`) }, version: version(path, raw), skipped };
}

/** Whether a parsed YAML file is a quanteda dictionary rather than a framescope lexicon. */
export function isQuanteda(data: unknown): boolean {
  // A framescope file names its version, family and frames; a quanteda dictionary only categories.
  return !!data && typeof data === 'object' && !Array.isArray(data) && !('frames' in data) && !('family' in data) && !('version' in data);
}
