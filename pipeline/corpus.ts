import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SourceInfo } from './document.js';
import { idProblem, printable } from './report-files.js';
import { byCodeUnit } from './sort.js';

/** A document the run will read, or one it cannot (missing file, clashing id) with the reason. */
export interface CorpusEntry {
  id: string;
  source: SourceInfo;
  problem: { code: string; message: string } | null;
}

/** The corpus as listed: documents in id order, plus warnings about the manifest itself. */
export interface Corpus {
  entries: CorpusEntry[];
  warnings: string[];
}

type Row = Record<string, string>;

// The largest saved news pages are a few MB; a bigger file is a dump or an archive, and reading it
// whole would take the memory the rest of the batch needs.
export const MAX_DOCUMENT_BYTES = 64 * 2 ** 20;

/** Article text, or a saved web page whose main content the decode stage extracts. */
const DOCUMENT_EXT = new Set(['.txt', '.html', '.htm']);

/**
 * Lists `.txt` and `.html` files (in sub-folders too, so a corpus can be laid out by outlet) and joins them
 * with manifest.csv. Ids must be unique: two files with one id would overwrite each other's
 * report, so both are refused with a reason instead of one silently winning. `skip` is a folder
 * (absolute) left out of the walk: the run's own output folder.
 */
export function readCorpus(dir: string, skip?: string): Corpus {
  const warnings: string[] = [];
  const files = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodeUnit(a.name, b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      // An output folder inside the corpus holds report.html: never read it back as an article.
      if (e.isDirectory()) {
        if (!skip || resolve(p) !== skip) walk(p);
      }
      else if (DOCUMENT_EXT.has(extname(e.name).toLowerCase())) {
        const id = basename(e.name, extname(e.name));
        files.set(id, [...(files.get(id) ?? []), p]);
      }
    }
  };
  walk(dir);
  const manifest = readManifest(dir, warnings);
  const ids = new Set([...files.keys(), ...manifest.keys()]);
  const entries: CorpusEntry[] = [];
  for (const id of [...ids].sort()) {
    const paths = files.get(id) ?? [];
    const row = manifest.get(id);
    const source: SourceInfo = {
      // A manifest row without its file has no path: nothing is ever read for it.
      path: paths[0] ? relative(dir, paths[0]) : '',
      outlet: nonEmpty(row?.outlet),
      url: nonEmpty(row?.url),
      date: validDate(row?.date),
      language: nonEmpty(row?.language),
      manifest: row ? manifestColumns(row) : null,
    };
    let problem: CorpusEntry['problem'] = idProblem(id);
    if (problem) problem.message += '; rename the file or fix the manifest row';
    else if (paths.length === 0) problem = { code: 'input/missing-file', message: `manifest.csv lists "${printable(id)}" but there is no ${printable(id)}.txt or ${printable(id)}.html in the corpus` };
    else if (paths.length === 1 && sizeOf(paths[0]!) > MAX_DOCUMENT_BYTES) problem = { code: 'input/too-large', message: `${relative(dir, paths[0]!)} is ${(sizeOf(paths[0]!) / 2 ** 20).toFixed(0)} MB; documents above ${MAX_DOCUMENT_BYTES / 2 ** 20} MB are not articles and are not read` };
    else if (paths.length > 1) problem = { code: 'input/duplicate-id', message: `${paths.length} files share the id "${printable(id)}": ${paths.map((p) => relative(dir, p)).join(', ')}; rename one so each report has one source` };
    entries.push({ id, source, problem });
  }
  return { entries, warnings };
}

function readManifest(dir: string, warnings: string[]): Map<string, Row> {
  const out = new Map<string, Row>();
  let raw: Buffer;
  try {
    raw = readFileSync(join(dir, 'manifest.csv'));
  } catch {
    return out;
  }
  let rows: Row[];
  try {
    rows = parse(raw, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Row[];
  } catch (err) {
    throw new Error(`[E040] ${join(dir, 'manifest.csv')}: not valid CSV: ${(err as Error).message}`);
  }
  if (rows.length && !('id' in rows[0]!)) throw new Error(`[E041] ${join(dir, 'manifest.csv')}: the header has no "id" column`);
  rows.forEach((r, i) => {
    const id = r.id?.trim();
    if (!id) warnings.push(`manifest.csv row ${i + 2}: empty id, row ignored`);
    else if (out.has(id)) warnings.push(`manifest.csv row ${i + 2}: id "${printable(id)}" appears again; the first row is used`);
    else {
      if (r.date && !validDate(r.date)) warnings.push(`manifest.csv row ${i + 2}: date "${r.date}" is not YYYY-MM-DD; ignored`);
      out.set(id, r);
    }
  });
  return out;
}

/** A file's size, or -1 when it cannot be read (the run then reports it as unreadable). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1;
  }
}

function validDate(s: string | undefined): string | null {
  return s && /^\d{4}-\d{2}-\d{2}$/.test(s.trim()) ? s.trim() : null;
}

/** The row as the report keeps it: columns in code-unit order, so reordering the manifest's columns changes no report. */
function manifestColumns(row: Row): Record<string, string> {
  return Object.fromEntries(Object.keys(row).filter((k) => k !== 'id').sort(byCodeUnit).map((k) => [k, row[k] ?? '']));
}

function nonEmpty(s: string | undefined): string | null {
  return s && s.trim() ? s.trim() : null;
}
