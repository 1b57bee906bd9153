import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pLimit from 'p-limit';
import { decodeText } from '../stages/decode/index.js';
import { looksLikeHtml } from '../stages/decode/html.js';
import { RepeatedLines } from '../stages/segment/repeated.js';
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

/**
 * First pass over the batch: counts each line's recurrence per template group, so the second
 * pass can hand every page the lines that are its site's template. HTML pages are left out:
 * their chrome is removed by the content extractor, from the markup.
 */
export async function countRepeatedLines(dir: string, entries: CorpusEntry[], io: ReturnType<typeof pLimit>): Promise<(entry: CorpusEntry, bytes: Uint8Array) => string[]> {
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
  return (entry, bytes) => {
    if (!counted(entry)) return [];
    const { text } = decodeText(bytes);
    return looksLikeHtml(entry.source.path, text) ? [] : lines.of(templateGroup(entry), text);
  };
}
