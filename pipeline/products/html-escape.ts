/**
 * Escaping for the visual report: everything that comes from a document reaches the page only
 * through these, in text and in quoted attribute values alike.
 */
// ---------------------------------------------------------------------------------------------
// Escaping

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a value for HTML text and (quoted) attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** An attribute, escaped; nothing at all for null/undefined. */
export function attr(name: string, value: unknown): string {
  return value === null || value === undefined ? '' : ` ${name}="${esc(value)}"`;
}

/** The element id of a document's annotated view. */
export function docAnchor(id: string): string {
  return `doc-${id}`;
}

/** A same-page link to a document's annotated view (or just its id when it has none). */
export function docLink(id: string, annotated: ReadonlySet<string> | null): string {
  if (annotated && !annotated.has(id)) return `<span class="docid">${esc(id)}</span>`;
  return `<a class="docid" href="#${esc(encodeURIComponent(docAnchor(id)))}">${esc(id)}</a>`;
}

/** Only plain web addresses become links; anything else (javascript:, data:) stays text. */
export function safeUrl(url: unknown): string | null {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n === 0) return '0';
  const a = Math.abs(n);
  return a >= 100 ? n.toFixed(0) : a >= 0.1 ? n.toFixed(1) : n.toFixed(2);
}

