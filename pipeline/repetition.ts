import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pLimit from 'p-limit';
import { decodeText, looksLikeHtml } from '../stages/decode/text.js';
import { RepeatedLines, templateHash, type RepeatedLineTable } from '../stages/segment/repeated.js';
import type { CorpusEntry } from './corpus.js';

/** Which documents share a site template: the manifest outlet, else the URL's host, else the folder. */
export function templateGroup(entry: CorpusEntry): string {
  if (entry.source.outlet) return `outlet:${entry.source.outlet.toLowerCase()}`;
  if (entry.source.url) {
    try {
      return `host:${new URL(entry.source.url).hostname.replace(/^www\./, '')}`;
    } catch {
      // not a URL; fall through to the folder
    }
  }
  return `folder:${dirname(entry.source.path)}`;
}

/** What the first pass hands each page: its lines that are template, and which table entry said so. */
export interface TemplateLines {
  lines: string[];
  /** The page's template group and the hash of that group's template lines (HTML pages name theirs too, though their markup decides their chrome). */
  input: { group: string; sha256: string };
}

/**
 * First pass over the batch: counts each line's recurrence per template group, so the second
 * pass can hand every page the lines that are its site's template. HTML pages are left out:
 * their chrome is removed by the content extractor, from the markup. The table is a declared
 * input of every report: the run writes it, and each report names its group's hash.
 */
export async function countRepeatedLines(dir: string, entries: CorpusEntry[], io: ReturnType<typeof pLimit>): Promise<{ table: RepeatedLineTable; of: (entry: CorpusEntry, bytes: Uint8Array) => TemplateLines }> {
  const lines = new RepeatedLines();
  // A group too small to have a template is never read twice.
  const size = new Map<string, number>();
  for (const e of entries) if (!e.problem) size.set(templateGroup(e), (size.get(templateGroup(e)) ?? 0) + 1);
  const counted = (e: CorpusEntry) => (size.get(templateGroup(e)) ?? 0) >= lines.minDocs;
  await Promise.all(
    entries
      .filter((e) => !e.problem && counted(e))
      .map((e) =>
        io(async () => {
          let bytes: Uint8Array;
          try {
            bytes = await readFile(join(dir, e.source.path));
          } catch {
            return; // the second pass reports the unreadable file
          }
          const { text } = decodeText(bytes);
          if (!looksLikeHtml(e.source.path, text)) lines.add(templateGroup(e), text);
        }),
      ),
  );
  const table = lines.table();
  const hashOf = new Map(table.groups.map((g) => [g.group, g.sha256]));
  const none = templateHash([]);
  return {
    table,
    of: (entry, bytes) => {
      const group = templateGroup(entry);
      const input = { group, sha256: hashOf.get(group) ?? none };
      // Only a page of a group large enough to have a template is decoded here a second time.
      if (!counted(entry)) return { lines: [], input };
      const { text } = decodeText(bytes);
      return { lines: looksLikeHtml(entry.source.path, text) ? [] : lines.of(group, text), input };
    },
  };
}
