import type { Markup } from '../../pipeline/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { DocumentError } from '../../pipeline/stage.js';
import { extractHtml, type Extraction } from './html.js';
import { decodeText, lenientUtf8, looksLikeHtml } from './text.js';

export { decodeText, looksLikeHtml, type Decoded } from './text.js';

// The decode stage renders an HTML page and the segment stage reads its structure; both call
// `pageOf`, and this memo keeps the page from being parsed twice. It is a cache, not a channel:
// a miss just extracts again and gives the same result.
const extracted = new WeakMap<Uint8Array, Extraction>();

/** The HTML structure of a document, or null for a plain-text document. */
export function markupOf(bytes: Uint8Array, path: string): Markup | null {
  const hit = extracted.get(bytes);
  if (hit) return hit.markup;
  // A plain-text page is told by its first bytes; only an HTML page is decoded again.
  if (!looksLikeHtml(path, lenientUtf8.decode(bytes.subarray(0, 512)))) return null;
  return extract(bytes, decodeText(bytes).text).markup;
}

function extract(bytes: Uint8Array, html: string): Extraction {
  let e = extracted.get(bytes);
  if (!e) {
    e = extractHtml(html);
    extracted.set(bytes, e);
  }
  return e;
}

/** The decode stage: the report's `text`, which for an HTML page is the rendering of its content. */
export function createDecode(): Stage<'text'> {
  return {
    name: 'decode',
    requires: [],
    assigns: 'text',
    run(doc, ctx) {
      const bytes = doc.bytes;
      if (bytes.length === 0) throw new DocumentError('decode/empty', 'the file is empty (0 bytes)');
      const nul = bytes.indexOf(0);
      if (nul >= 0) {
        throw new DocumentError('decode/binary', `the file holds a NUL byte at offset ${nul}: it is binary, not article text`);
      }
      const { text, replaced } = decodeText(bytes);
      if (replaced > 0) {
        ctx.report({
          severity: 'warning',
          code: 'decode/invalid-utf8',
          message: `${replaced} byte sequence(s) are not valid UTF-8 and were replaced by U+FFFD; check the file's encoding`,
        });
      }
      if (text.trim() === '') throw new DocumentError('decode/blank', 'the file holds only white space');
      if (!looksLikeHtml(doc.source.path, text)) return text;
      const page = extract(bytes, text);
      if (page.text.trim() === '') throw new DocumentError('decode/html-empty', 'the HTML page has no visible text once scripts, styles and navigation are dropped');
      ctx.report({
        severity: page.fallback ? 'warning' : 'info',
        code: page.fallback ? 'decode/html-no-main-content' : 'decode/html',
        message: page.fallback
          ? 'Readability found no main content; the whole <body> (without header, footer, aside and navigation) was rendered as text'
          : `HTML page: main content extracted with Readability (${page.markup.blocks.length} blocks, ${page.markup.comments.length} comments from the comment markup); offsets index the rendered text`,
      });
      return page.text;
    },
  };
}
