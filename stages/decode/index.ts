import type { Stage } from '../../pipeline/stage.js';
import { DocumentError } from '../../pipeline/stage.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Bytes to the report's `text`: UTF-8 with the BOM dropped (TextDecoder does that), CR/CRLF to LF,
 * NFC. Nothing else changes, because every span downstream indexes into this string.
 */
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
      let text: string;
      try {
        text = strictUtf8.decode(bytes);
      } catch {
        text = lenientUtf8.decode(bytes);
        const bad = [...text].filter((c) => c === '\uFFFD').length;
        ctx.report({
          severity: 'warning',
          code: 'decode/invalid-utf8',
          message: `${bad} byte sequence(s) are not valid UTF-8 and were replaced by U+FFFD; check the file's encoding`,
        });
      }
      text = text.replace(/\r\n?/g, '\n').normalize('NFC');
      if (text.trim() === '') throw new DocumentError('decode/blank', 'the file holds only white space');
      return text;
    },
  };
}
