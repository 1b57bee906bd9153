import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
const SENTENCE = 'The Belarusian Foreign Ministry said the event will gather experts from about 30 countries.';

describe('decode stage', () => {
  it.each([
    ['BOM and CRLF', cat(Uint8Array.of(0xef, 0xbb, 0xbf), enc(`Title line here\r\n\r\n${SENTENCE}\r\n`)), `Title line here\n\n${SENTENCE}\n`],
    ['lone CR', enc(`Title line here\r\r${SENTENCE}`), `Title line here\n\n${SENTENCE}`],
    ['decomposed accents become NFC', enc(`Pe\u0301ter Szijja\u0301rto\u0301 spoke. ${SENTENCE}`), `Péter Szijjártó spoke. ${SENTENCE}`],
  ])('normalises %s exactly as the contract says', (_name, bytes, want) => {
    const r = analyse(bytes);
    expect(r.status).toBe('ok');
    expect(r.text).toBe(want);
  });

  it('keeps going on invalid UTF-8, replacing the bad bytes and saying so', () => {
    const r = analyse(cat(enc('Minsk hosted the conference '), Uint8Array.of(0xff, 0xfe), enc(` again. ${SENTENCE}`)));
    expect(r.status).toBe('ok');
    expect(r.text).toContain('\uFFFD');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'decode/invalid-utf8' }));
  });

  it.each([
    ['empty file', new Uint8Array(0), 'decode/empty'],
    ['binary file', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d), 'decode/binary'],
    ['only white space', enc(' \n\t\n '), 'decode/blank'],
  ])('fails a %s with a specific reason and still writes a report', (_name, bytes, code) => {
    const r = analyse(bytes);
    expect(r.status).toBe('failed');
    expect(r.error.code).toBe(code);
    expect(r.error.message.length).toBeGreaterThan(10);
    expect(r.text).toBeNull();
  });
});
