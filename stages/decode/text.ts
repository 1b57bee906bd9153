// Bytes to text, without the HTML extractor and its libraries: the run's main thread reads every
// input through this before any stage is loaded.

export const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
export const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decoded text and how many invalid byte sequences were replaced on the way. */
export interface Decoded {
  text: string;
  replaced: number;
}

/**
 * Bytes to text: UTF-8 with the BOM dropped (TextDecoder does that), CR/CRLF to LF, NFC. Nothing
 * else changes, because every span downstream indexes into this string. Shared with the run's
 * repeated-line pre-pass so both see the same lines.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  let replaced = 0;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = lenientUtf8.decode(bytes);
    replaced = [...text].filter((c) => c === '\uFFFD').length;
  }
  return { text: text.replace(/\r\n?/g, '\n').normalize('NFC'), replaced };
}

/** Whether an input is an HTML page: by its extension, else by how it starts. */
export function looksLikeHtml(path: string, text: string): boolean {
  if (/\.x?html?$/i.test(path)) return true;
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 512));
}
