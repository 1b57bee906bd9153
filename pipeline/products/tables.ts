import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { ParquetWriter } from 'hyparquet-writer';
import { fileWriter } from 'hyparquet-writer/src/node.js';
import writeFileAtomic from 'write-file-atomic';
import { utf16Indexer } from '../offsets.js';
import { readReports } from '../reports.js';
import { sentenceAround } from './sentence-around.js';
import { rateColumns, rateValues } from './rate-columns.js';
import { voiceCounts } from './voice-counts.js';

/**
 * Tidy tables of a run, for pandas and R: one row per document, per frame or rhetoric hit, per
 * entity mention and per comment, as CSV and Parquet, described by a Frictionless datapackage.json.
 * Reports are read one at a time and rows stream out, so a run of any size fits in memory; every
 * file is written under a temporary name and renamed when complete, so a stopped run leaves the
 * previous tables whole.
 */

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
/** One column of a table, with its type and the description datapackage.json gives it. */
export interface Field {
  name: string;
  type: FieldType;
  description: string;
}

/** A report as the tables read it (REPORT_CONTRACT.md and the extra fields of this pipeline). */
export interface Report {
  id: string;
  status: string;
  outlet: string | null;
  url?: string | null;
  language: string;
  text: string | null;
  metadata: { title: string | null; date: string | null; dateline: string | null; agency: string | null; byline?: string | null; truncated: boolean };
  comments: Array<{ author: string | null; time?: string | null; timeIso?: string | null; replyTo?: number | null; text: string; start: number; end: number }>;
  stats: { sentences: number; tokens: number; words: number } | null;
  sentiment?: number | null;
  entities: Array<{ name: string; type: string; wikidata: string | null; mentions: Array<{ text: string; start: number; end: number; in: string; via?: string }> }>;
  frames: { hits: Hit[]; scores: Record<string, { count: number; per1000: number }>; dominant?: string[] } | null;
  rhetoric: { hits: Hit[]; scores: Record<string, { count: number; per1000: number }> } | null;
}
interface Hit {
  frame?: string;
  marker?: string;
  family?: string;
  text: string;
  start: number;
  end: number;
  in: string;
  voice: string;
  speaker?: { text: string; name: string | null } | null;
  inName?: boolean;
  negated: boolean;
  distancing?: string | null;
  pattern: string;
}

const DOCUMENT_FIELDS: Field[] = [
  { name: 'id', type: 'string', description: 'document id (file name without extension)' },
  { name: 'status', type: 'string', description: 'ok, partial or failed' },
  { name: 'outlet', type: 'string', description: 'outlet from the manifest' },
  { name: 'url', type: 'string', description: 'URL from the manifest' },
  { name: 'date', type: 'date', description: 'publication date (manifest, else text)' },
  { name: 'language', type: 'string', description: 'ISO 639-1 code, und when unknown' },
  { name: 'title', type: 'string', description: 'headline' },
  { name: 'agency', type: 'string', description: 'wire agency the text comes from or is based on' },
  { name: 'dateline', type: 'string', description: 'wire dateline place' },
  { name: 'truncated', type: 'boolean', description: 'text visibly cut off' },
  { name: 'sentences', type: 'integer', description: 'sentences in the body' },
  { name: 'words', type: 'integer', description: 'words in the body (the denominator of every rate)' },
  { name: 'comments', type: 'integer', description: 'reader comments' },
  { name: 'entities', type: 'integer', description: 'distinct entities named in the article' },
  { name: 'sentiment', type: 'number', description: 'mean wink-nlp sentence sentiment of the body' },
  { name: 'dominant_frames', type: 'string', description: 'the most frequent frames of the body, ";"-separated' },
];

const HIT_FIELDS: Field[] = [
  { name: 'document', type: 'string', description: 'document id' },
  { name: 'outlet', type: 'string', description: 'outlet of the document' },
  { name: 'kind', type: 'string', description: 'frame (narratives, counter-frames) or rhetoric (markers)' },
  { name: 'frame', type: 'string', description: 'frame or marker id' },
  { name: 'family', type: 'string', description: 'narrative, counter-frame or rhetoric' },
  { name: 'voice', type: 'string', description: 'authorial, attributed, quoted or scare-quoted' },
  { name: 'speaker', type: 'string', description: 'the source as written, for attributed and quoted hits' },
  { name: 'speaker_entity', type: 'string', description: 'canonical entity name of the speaker (joins entities.entity)' },
  { name: 'in', type: 'string', description: 'title, heading, body or comment' },
  { name: 'start', type: 'integer', description: 'code-point offset into the report text' },
  { name: 'end', type: 'integer', description: 'code-point offset into the report text (exclusive)' },
  { name: 'text', type: 'string', description: 'the matched phrase' },
  { name: 'sentence', type: 'string', description: 'the sentence around the hit' },
  { name: 'negated', type: 'boolean', description: 'a negation stands just before the phrase' },
  { name: 'distancing', type: 'string', description: 'so-called, alleged, what … calls, when present' },
  { name: 'in_name', type: 'boolean', description: 'inside a proper name; not counted in scores' },
  { name: 'pattern', type: 'string', description: 'the lexicon pattern that matched' },
];

const ENTITY_FIELDS: Field[] = [
  { name: 'document', type: 'string', description: 'document id' },
  { name: 'outlet', type: 'string', description: 'outlet of the document' },
  { name: 'entity', type: 'string', description: 'canonical name' },
  { name: 'type', type: 'string', description: 'PERSON, ORG, GPE, LOC, EVENT, NORP, LAW, …' },
  { name: 'wikidata', type: 'string', description: 'Wikidata QID when known' },
  { name: 'spelling', type: 'string', description: 'the mention as written (the outlet’s spelling)' },
  { name: 'in', type: 'string', description: 'title, heading, body or comment' },
  { name: 'start', type: 'integer', description: 'code-point offset into the report text' },
  { name: 'end', type: 'integer', description: 'code-point offset into the report text (exclusive)' },
  { name: 'via', type: 'string', description: 'the gazetteer or rule that found it' },
];

const COMMENT_FIELDS: Field[] = [
  { name: 'document', type: 'string', description: 'document id' },
  { name: 'outlet', type: 'string', description: 'outlet of the document' },
  { name: 'index', type: 'integer', description: 'position of the comment on the page, from 0' },
  { name: 'author', type: 'string', description: 'commenter as shown' },
  { name: 'time', type: 'string', description: 'time as shown ("2 hours ago")' },
  { name: 'time_iso', type: 'date', description: 'the date, when the page gives an absolute one' },
  { name: 'reply_to', type: 'integer', description: 'index of the comment this one answers' },
  { name: 'start', type: 'integer', description: 'code-point offset into the report text' },
  { name: 'end', type: 'integer', description: 'code-point offset into the report text (exclusive)' },
  { name: 'text', type: 'string', description: 'comment text' },
];

const PARQUET_TYPE: Record<FieldType, 'STRING' | 'INT64' | 'DOUBLE' | 'BOOLEAN'> = { string: 'STRING', date: 'STRING', integer: 'INT64', number: 'DOUBLE', boolean: 'BOOLEAN' };
const BATCH = 5000;

/** One table: a CSV stream and a Parquet file written in row groups, both under temporary names. */
class Table {
  private out: WriteStream;
  private done: Promise<void>;
  private parquet: ParquetWriter;
  private batch: Array<Record<string, unknown>> = [];
  rows = 0;

  constructor(
    private dir: string,
    readonly name: string,
    readonly fields: Field[],
  ) {
    this.out = createWriteStream(join(dir, `.${name}.csv.tmp`));
    this.out.write(stringify([fields.map((f) => f.name)]));
    this.done = new Promise((resolve, reject) => {
      this.out.on('finish', resolve);
      this.out.on('error', reject);
    });
    this.parquet = new ParquetWriter({
      writer: fileWriter(join(dir, `.${name}.parquet.tmp`)),
      schema: [{ name: 'root', num_children: fields.length }, ...fields.map((f) => ({ name: f.name, repetition_type: 'OPTIONAL' as const, ...schemaOf(f.type) }))],
      createdBy: 'framescope',
    });
  }

  /** One row; `csv` is its CSV line when a worker already rendered it (csvLines), else it is rendered here. */
  async add(row: Record<string, unknown>, csv?: string): Promise<void> {
    this.rows++;
    if (!this.out.write(csv ?? csvLines(this.fields, [row]))) await new Promise<void>((r) => this.out.once('drain', () => r()));
    this.batch.push(row);
    if (this.batch.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.batch.length) return;
    this.parquet.write({
      columnData: this.fields.map((f) => ({
        name: f.name,
        data: this.batch.map((r) => {
          const v = r[f.name];
          if (v === undefined || v === null) return null;
          return f.type === 'integer' ? BigInt(v as number) : v;
        }),
      })),
    });
    this.batch = [];
  }

  /** Stops writing (the run failed): the temporary files are removed by the caller. */
  destroy(): void {
    this.out.destroy();
  }

  async close(): Promise<void> {
    this.flush();
    this.parquet.finish();
    this.out.end();
    await this.done;
    renameSync(join(this.dir, `.${this.name}.csv.tmp`), join(this.dir, `${this.name}.csv`));
    renameSync(join(this.dir, `.${this.name}.parquet.tmp`), join(this.dir, `${this.name}.parquet`));
  }
}

function schemaOf(t: FieldType): { type: 'BYTE_ARRAY' | 'INT64' | 'DOUBLE' | 'BOOLEAN'; converted_type?: 'UTF8' } {
  const p = PARQUET_TYPE[t];
  return p === 'STRING' ? { type: 'BYTE_ARRAY', converted_type: 'UTF8' } : { type: p };
}

export interface TablesSummary {
  dir: string;
  documents: number;
  hits: number;
  mentions: number;
  comments: number;
}

const CSV_CAST = { boolean: (b: boolean) => (b ? 'true' : 'false') };

/** Rows as CSV lines in the columns of `fields`: the same bytes wherever they are rendered. */
export function csvLines(fields: Field[], rows: Array<Record<string, unknown>>): string {
  return stringify(rows.map((row) => fields.map((f) => row[f.name] ?? null)), { cast: CSV_CAST });
}

/** A document's rows as CSV, one string per table, rendered in the worker so the main thread only writes them. */
export interface RenderedRows {
  documents: string;
  hits: string[];
  entities: string[];
  comments: string[];
}

export function renderRows(rows: TableRows, rateIds: string[]): RenderedRows {
  return {
    documents: csvLines([...DOCUMENT_FIELDS, ...rateIds.flatMap(rateColumns)], [rows.document]),
    hits: rows.hits.map((h) => csvLines(HIT_FIELDS, [h])),
    entities: rows.entities.map((e) => csvLines(ENTITY_FIELDS, [e])),
    comments: rows.comments.map((c) => csvLines(COMMENT_FIELDS, [c])),
  };
}

/** One document's rows of the four tables, made where its report is made (the digest's `tables`). */
export interface TableRows {
  document: Record<string, unknown>;
  hits: Array<Record<string, unknown>>;
  entities: Array<Record<string, unknown>>;
  comments: Array<Record<string, unknown>>;
}

/** The rows of one report. `rateIds` are the frame and marker ids whose body rates become `rate_<id>` columns. */
export function tableRows(r: Report, rateIds: string[]): TableRows {
  const text = r.text ?? '';
  const at = utf16Indexer(text);
  const scores = { ...(r.frames?.scores ?? {}), ...(r.rhetoric?.scores ?? {}) };
  const document = {
    id: r.id, status: r.status, outlet: r.outlet, url: r.url ?? null, date: r.metadata?.date ?? null, language: r.language,
    title: r.metadata?.title ?? null, agency: r.metadata?.agency ?? null, dateline: r.metadata?.dateline ?? null, truncated: r.metadata?.truncated ?? false,
    sentences: r.stats?.sentences ?? null, words: r.stats?.words ?? null, comments: r.comments?.length ?? 0,
    entities: (r.entities ?? []).filter((e) => e.mentions.some((m) => m.in !== 'comment')).length,
    sentiment: r.sentiment ?? null, dominant_frames: r.frames?.dominant?.join(';') ?? null,
    ...rateValues(rateIds, r.stats?.words ?? null, scores, voiceCounts([...(r.frames?.hits ?? []), ...(r.rhetoric?.hits ?? [])])),
  };
  const hits: Array<Record<string, unknown>> = [];
  for (const [kind, list] of [['frame', r.frames?.hits ?? []], ['rhetoric', r.rhetoric?.hits ?? []]] as const) {
    for (const h of list) {
      hits.push({
        document: r.id, outlet: r.outlet, kind, frame: h.frame ?? h.marker, family: h.family ?? 'rhetoric', voice: h.voice,
        speaker: h.speaker?.text ?? null, speaker_entity: h.speaker?.name ?? null, in: h.in, start: h.start, end: h.end, text: h.text,
        sentence: sentenceAround(text, at(h.start), at(h.end)), negated: h.negated, distancing: h.distancing ?? null, in_name: h.inName ?? false, pattern: h.pattern,
      });
    }
  }
  const entities = (r.entities ?? []).flatMap((e) => e.mentions.map((m) => ({ document: r.id, outlet: r.outlet, entity: e.name, type: e.type, wikidata: e.wikidata, spelling: m.text, in: m.in, start: m.start, end: m.end, via: m.via ?? null })));
  const comments = (r.comments ?? []).map((c, index) => ({ document: r.id, outlet: r.outlet, index, author: c.author, time: c.time ?? null, time_iso: c.timeIso ?? null, reply_to: c.replyTo ?? null, start: c.start, end: c.end, text: c.text }));
  return { document, hits, entities, comments };
}

/**
 * <out>/tables/{documents,frame_hits,entities,comments}.{csv,parquet} and datapackage.json, written
 * as documents arrive (in id order): rows stream out, so a run of any size fits in memory. Until
 * `close`, every file has a temporary name; `abort` removes them, leaving the previous tables whole.
 */
export class TablesAccumulator {
  private dir: string;
  private tables: { documents: Table; hits: Table; entities: Table; comments: Table };

  constructor(outDir: string, rateIds: string[]) {
    this.dir = join(outDir, 'tables');
    mkdirSync(this.dir, { recursive: true });
    this.tables = {
      documents: new Table(this.dir, 'documents', [...DOCUMENT_FIELDS, ...rateIds.flatMap(rateColumns)]),
      hits: new Table(this.dir, 'frame_hits', HIT_FIELDS),
      entities: new Table(this.dir, 'entities', ENTITY_FIELDS),
      comments: new Table(this.dir, 'comments', COMMENT_FIELDS),
    };
  }

  async add(rows: TableRows, rendered?: RenderedRows): Promise<void> {
    await this.tables.documents.add(rows.document, rendered?.documents);
    for (const [i, h] of rows.hits.entries()) await this.tables.hits.add(h, rendered?.hits[i]);
    for (const [i, e] of rows.entities.entries()) await this.tables.entities.add(e, rendered?.entities[i]);
    for (const [i, c] of rows.comments.entries()) await this.tables.comments.add(c, rendered?.comments[i]);
  }

  async close(): Promise<TablesSummary> {
    const t = this.tables;
    for (const x of Object.values(t)) await x.close();
    writeDataPackage(this.dir, Object.values(t));
    return { dir: this.dir, documents: t.documents.rows, hits: t.hits.rows, mentions: t.entities.rows, comments: t.comments.rows };
  }

  abort(): void {
    for (const t of Object.values(this.tables)) {
      t.destroy();
      for (const ext of ['csv', 'parquet']) rmSync(join(this.dir, `.${t.name}.${ext}.tmp`), { force: true });
    }
  }
}

/** The tables from the reports in <out>/reports (the products of a run are written as it goes; this re-reads). */
export async function writeTables(outDir: string, rateIds: string[], ids?: string[]): Promise<TablesSummary> {
  const acc = new TablesAccumulator(outDir, rateIds);
  try {
    for (const r of readReports<Report>(join(outDir, 'reports'), ids)) await acc.add(tableRows(r, rateIds));
    return await acc.close();
  } catch (err) {
    acc.abort();
    throw err;
  }
}

/** The Frictionless Tabular Data Package describing every column of every table. */
function writeDataPackage(dir: string, tables: Table[]): void {
  const keys: Record<string, unknown> = {
    documents: { primaryKey: ['id'] },
    frame_hits: { foreignKeys: [{ fields: ['document'], reference: { resource: 'documents', fields: ['id'] } }] },
    entities: { foreignKeys: [{ fields: ['document'], reference: { resource: 'documents', fields: ['id'] } }] },
    comments: { primaryKey: ['document', 'index'], foreignKeys: [{ fields: ['document'], reference: { resource: 'documents', fields: ['id'] } }] },
  };
  const pkg = {
    profile: 'tabular-data-package',
    name: 'framescope-run',
    title: 'framescope corpus tables',
    description: 'One row per document, frame or rhetoric hit, entity mention and reader comment. Offsets are Unicode code points into each report’s text. Each table is also written as Parquet with the same columns.',
    resources: tables.map((t) => ({
      name: t.name,
      path: `${t.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: t.fields.map((f) => ({ name: f.name, type: f.type, description: f.description, ...(f.type === 'boolean' ? { trueValues: ['true'], falseValues: ['false'] } : {}) })), missingValues: [''], ...(keys[t.name] as object) },
    })),
  };
  writeFileAtomic.sync(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
}
