import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Which group a report belongs to in `framescope compare`: a field of the report (outlet, month,
 * year, language, agency) or any column of the corpus manifest, which each report keeps in
 * `manifest`; optionally mapped onto coarser groups by a CSV file (outlet → side), so "state media
 * against the rest" is one command.
 */

/** Fields every report has, whatever its manifest held. */
export const BUILT_IN_FIELDS = ['outlet', 'month', 'year', 'language', 'agency'] as const;

/** The group of documents without a value for the field. */
export const NO_VALUE = '(none)';
/** The group of documents whose value the mapping file does not list. */
export const UNMAPPED = '(unmapped)';

/** A report as grouping reads it. */
export interface GroupedReport {
  outlet?: string | null;
  language?: string | null;
  metadata?: { date?: string | null; agency?: string | null } | null;
  manifest?: Record<string, string> | null;
}

/** Value → group, read from a mapping file whose first column holds the value and second the group. */
export interface GroupMapping {
  file: string;
  /** The header of the first two columns, e.g. "outlet" and "side". */
  valueColumn: string;
  groupColumn: string;
  groups: Map<string, string>;
}

/** `--by` as given, folded the way manifest.csv headers are (corpus.ts lowercases them). */
export function fieldName(by: string): string {
  return by.trim().toLowerCase();
}

/** The value of a field for one report, or NO_VALUE. */
export function fieldValue(r: GroupedReport, field: string): string {
  const md = r.metadata ?? {};
  let v: unknown;
  switch (field) {
    case 'outlet': v = r.outlet; break;
    case 'language': v = r.language; break;
    case 'agency': v = md.agency; break;
    case 'month': v = md.date?.slice(0, 7); break;
    case 'year': v = md.date?.slice(0, 4); break;
    default: v = r.manifest?.[field];
  }
  return typeof v === 'string' && v.trim() ? v.trim() : NO_VALUE;
}

/** Reads a mapping file; every problem is an error that names the file and what to fix. */
export function readGroupMapping(file: string): GroupMapping {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (err) {
    throw new Error(`[E043] --groups ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let rows: string[][];
  try {
    rows = parse(raw, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new Error(`[E043] --groups ${file}: not valid CSV: ${(err as Error).message}`);
  }
  const header = rows[0] ?? [];
  if (header.length < 2) throw new Error(`[E043] --groups ${file}: needs a header row and two columns, the value of the --by field and its group (e.g. "outlet,side"); found ${header.length ? `only "${header[0]}"` : 'nothing'}`);
  const groups = new Map<string, string>();
  rows.slice(1).forEach((row, i) => {
    const [value = '', group = ''] = row;
    if (!value && !group) return;
    if (!value || !group) throw new Error(`[E043] --groups ${file}: row ${i + 2} has ${value ? 'no group' : 'no value'}`);
    const before = groups.get(value);
    if (before !== undefined && before !== group) throw new Error(`[E043] --groups ${file}: "${value}" is mapped to both "${before}" and "${group}" (row ${i + 2})`);
    groups.set(value, group);
  });
  if (groups.size === 0) throw new Error(`[E043] --groups ${file}: the mapping is empty (a header but no rows)`);
  return { file, valueColumn: header[0]!, groupColumn: header[1]!, groups };
}

/** The name part of the comparison's file names: `outlet`, or `outlet_outlets` when mapped by outlets.csv. */
export function comparisonLabel(field: string, mapping: GroupMapping | null): string {
  const slug = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, '-').replace(/^-+|-+$/g, '') || 'field';
  return mapping ? `${slug(field)}_${slug(basename(mapping.file, extname(mapping.file)))}` : slug(field);
}
