import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { byCodeUnit } from './sort.js';
import type { TablesSummary } from './products/tables.js';
import type { ProductSummary } from './products/write.js';

/**
 * What a run leaves for the next one, in <out>/index/: `documents.jsonl`, one line per document
 * with the hash of its input and its fingerprint (pipeline, data and manifest row), so a re-run
 * knows what is current without opening a report; `digests.jsonl`, each document's digest (what the
 * corpus products need of it), so a re-run feeds unchanged documents to the products from one file
 * read front to back; and `products.json`, the key of the inputs the products were last made from.
 * Both .jsonl files are in id order. They are replaced whole at the end of a run: a run stopped
 * half-way leaves the previous index, and its reports are then checked one by one.
 */
export const INDEX_DIR = 'index';

export interface IndexEntry {
  id: string;
  sha256: string;
  fingerprint: string;
  status: string;
}

export interface IndexHeader {
  index: 1;
  digest: number;
  /** The key of the inputs the products were made from; null when a product failed. */
  products: string | null;
  /** What the run summary said of the products, repeated by a re-run that does not remake them. */
  outputs?: { tables: Omit<TablesSummary, 'dir'> | null; reuse: ProductSummary['reuse'] | null };
}

const DOCUMENTS = 'documents.jsonl';
const DIGESTS = 'digests.jsonl';

/** The previous run's index, or an empty one when there is none or it cannot be read. */
export function readIndex(out: string): { header: IndexHeader | null; entries: Map<string, IndexEntry> } {
  const entries = new Map<string, IndexEntry>();
  let header: IndexHeader | null = null;
  try {
    for (const line of new LineReader(join(out, INDEX_DIR, DOCUMENTS))) {
      const o = JSON.parse(line) as IndexEntry | IndexHeader;
      if ('index' in o) header = o;
      else entries.set(o.id, o);
    }
  } catch {
    return { header: null, entries: new Map() };
  }
  return { header, entries };
}

/** Writes the index of this run (entries in id order), replacing the previous one whole. */
export function writeIndex(out: string, header: IndexHeader, entries: IndexEntry[]): void {
  const w = new LineWriter(join(out, INDEX_DIR, DOCUMENTS));
  try {
    w.write(JSON.stringify(header));
    for (const e of entries) w.write(JSON.stringify({ id: e.id, sha256: e.sha256, fingerprint: e.fingerprint, status: e.status }));
    w.commit();
  } catch (err) {
    w.abort();
    throw err;
  }
}

/** The previous run's digests, read forward as the new run asks for them in id order. */
export class DigestReader {
  private lines: Iterator<string> | null;
  private pending: { id: string; line: string } | null = null;

  constructor(out: string) {
    try {
      this.lines = new LineReader(join(out, INDEX_DIR, DIGESTS))[Symbol.iterator]();
    } catch {
      this.lines = null;
    }
  }

  /** The saved digest line of `id`, or null; ids must be asked for in increasing order. */
  take(id: string): string | null {
    for (;;) {
      if (!this.pending) {
        const next = this.lines?.next();
        if (!next || next.done) return null;
        const m = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(next.value);
        if (!m) continue;
        this.pending = { id: JSON.parse(m[1]!) as string, line: next.value };
      }
      const c = byCodeUnit(this.pending.id, id);
      if (c > 0) return null;
      const line = this.pending.line;
      this.pending = null;
      if (c === 0) return line;
    }
  }
}

/** This run's digests, appended in id order under a temporary name and put in place by `commit`. */
export class DigestWriter {
  private w: LineWriter;

  constructor(out: string) {
    this.w = new LineWriter(join(out, INDEX_DIR, DIGESTS));
  }

  write(line: string): void {
    this.w.write(line);
  }

  commit(): void {
    this.w.commit();
  }

  abort(): void {
    this.w.abort();
  }
}

/** Lines of a file, read in 1 MB chunks (the digest store of a large corpus is far bigger than one string may be). */
class LineReader implements Iterable<string> {
  constructor(private path: string) {
    closeSync(openSync(path, 'r'));
  }

  *[Symbol.iterator](): Iterator<string> {
    const fd = openSync(this.path, 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      let rest = Buffer.alloc(0);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, null);
        if (n === 0) break;
        let chunk = Buffer.concat([rest, buf.subarray(0, n)]);
        let nl: number;
        while ((nl = chunk.indexOf(10)) >= 0) {
          if (nl > 0) yield chunk.toString('utf8', 0, nl);
          chunk = chunk.subarray(nl + 1);
        }
        rest = Buffer.from(chunk);
      }
      if (rest.length) yield rest.toString('utf8');
    } finally {
      closeSync(fd);
    }
  }
}

/** Lines written to `<path>.tmp` and renamed to `path` by `commit`. */
class LineWriter {
  private fd: number;
  private tmp: string;
  private buffered: string[] = [];
  private size = 0;

  constructor(private path: string) {
    this.tmp = `${path}.tmp`;
    this.fd = openSync(this.tmp, 'w');
  }

  write(line: string): void {
    this.buffered.push(line, '\n');
    this.size += line.length + 1;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.buffered.length) return;
    writeSync(this.fd, this.buffered.join(''));
    this.buffered = [];
    this.size = 0;
  }

  commit(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}
