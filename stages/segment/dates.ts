import * as chrono from 'chrono-node';

/**
 * An absolute calendar date in ISO form (YYYY-MM-DD), or null for relative or partial dates
 * ("2 hours ago", "October 31"): a guessed year would be a silent mistake in a research table.
 */
export function isoDate(text: string): string | null {
  const iso = text.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // Day-first numeric dates (31.10.2024) are the norm on the European sites we read.
  const r = chrono.en.GB.parse(text)[0] ?? chrono.parse(text)[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  const y = r.start.get('year'), m = r.start.get('month'), d = r.start.get('day');
  if (y === null || m === null || d === null) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is nothing but a date or time stamp ("October 31, 2024 at 10:31 am", "2 hours ago"). */
const MAYBE_DATE = /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|ago)/i;

export function isDateLine(text: string): boolean {
  // chrono is thorough but slow; most lines have no digit or month word and cannot be dates.
  if (text.length > 80 || !MAYBE_DATE.test(text) || text.split(/\s+/).length > 9) return false;
  const r = chrono.parse(text)[0];
  if (!r) return false;
  const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).replace(/\b(published|posted|updated|on|at|date|last)\b|[\s:,|–—-]/giu, '');
  return rest.length <= 2;
}
