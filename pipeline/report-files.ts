/**
 * Document ids become report file names here and only here. An id comes from a file name or from a
 * manifest row nobody checked, so it may hold "../", a NUL or a device name; its report must still
 * land inside <out>/reports/. Characters a file system would read as structure are percent-encoded
 * (as in URLs), which is reversible and collision-free because "%" itself is encoded; the report's
 * own `id` field keeps the id unchanged. See README, "Document ids and report file names".
 */

/** Longest id accepted, in UTF-8 bytes; the encoded name stays under the 255-byte limit of common file systems. */
export const MAX_ID_BYTES = 200;
const MAX_NAME_BYTES = 250;

// Path separators, the characters Windows forbids, "%" (the escape itself), C0 and C1 controls and DEL.
const UNSAFE = /[%/\\<>:"|?*\u0000-\u001f\u007f-\u009f]/gu;
// Names Windows reserves for devices, with or without an extension ("con", "LPT1.txt").
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/iu;

const escape = (c: string) => [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** Why an id cannot have a report file, or null when it can. */
export function idProblem(id: string): { code: string; message: string } | null {
  const bytes = Buffer.byteLength(id, 'utf8');
  if (bytes === 0) return { code: 'input/bad-id', message: 'the document id is empty' };
  if (bytes > MAX_ID_BYTES) return { code: 'input/bad-id', message: `the document id is ${bytes} bytes long; ids longer than ${MAX_ID_BYTES} bytes cannot name a report file (id starts "${printable(id.slice(0, 40))}…")` };
  if (Buffer.byteLength(reportFileName(id), 'utf8') > MAX_NAME_BYTES) return { code: 'input/bad-id', message: `the document id needs more than ${MAX_NAME_BYTES} bytes once its special characters are encoded (id starts "${printable(id.slice(0, 40))}…")` };
  return null;
}

/** The id with every character a file system would misread percent-encoded. */
export function encodeId(id: string): string {
  let s = id.replace(UNSAFE, escape);
  // A leading dot hides the file (and makes "." and ".."); Windows drops trailing dots and spaces.
  if (s.startsWith('.')) s = `%2E${s.slice(1)}`;
  if (s.endsWith('.') || s.endsWith(' ')) s = s.slice(0, -1) + escape(s.slice(-1));
  if (DEVICE.test(s)) s = escape(s[0]!) + s.slice(1);
  return s;
}

/** The inverse of encodeId. */
export function decodeId(encoded: string): string {
  return decodeURIComponent(encoded);
}

/** The report file of a document, relative to <out>/reports/. */
export function reportFileName(id: string): string {
  return `${encodeId(id)}.json`;
}

/** An id as it may be quoted in a message: control characters shown as \u escapes. */
export function printable(id: string): string {
  return id.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
