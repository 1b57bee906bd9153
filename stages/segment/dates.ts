import * as chrono from 'chrono-node';

const REFERENCE_A = new Date(Date.UTC(2001, 0, 1));
const REFERENCE_B = new Date(Date.UTC(2011, 6, 15));

/**
 * An absolute calendar date in ISO form (YYYY-MM-DD), or null for relative or partial dates
 * ("2 hours ago", "October 31"): a guessed year would be a silent mistake in a research table.
 */
export function isoDate(text: string): string | null {
  const iso = text.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  // Day-first numeric dates (31.10.2024) are the norm on the European sites we read.
  const r = chrono.en.GB.parse(text, REFERENCE_A)[0] ?? chrono.parse(text, REFERENCE_A)[0];
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  // "7 hr. ago" comes back as a certain date relative to the reference: a date that moves with the
  // reference is relative, and reading it against today would make reports depend on the run day.
  const again = chrono.en.GB.parse(text, REFERENCE_B)[0] ?? chrono.parse(text, REFERENCE_B)[0];
  if (!again || again.start.date().getTime() !== r.start.date().getTime()) return null;
  const y = r.start.get('year'), m = r.start.get('month'), d = r.start.get('day');
  if (y === null || m === null || d === null) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is nothing but a date or time stamp ("October 31, 2024 at 10:31 am", "2 hours ago"). */
// A digit alone is not enough ("reader0", "Top 10"): a date needs a month or day word, a relative
// word, a year, or digits joined by a date or clock separator.
const MAYBE_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|noon|midnight)\b|\bago\b|\d[./:-]\d|\b\d{4}\b|\d\s*(h|hr|hrs|hours?|m|min|mins|minutes?|d|days?|w|wk|weeks?|months?|y|yr|years?|s|secs?|seconds?|am|pm)\b/i;
// What may surround the dates on a date line: labels, clock times, zones, reading time, separators.
const FILLER = /(?<![\p{L}])(published|posted|updated|edited|modified|on|at|date|last|gmt|utc|cet|cest|msk|eet|est|edt|bst|am|pm|\d+\s*min(ute)?s?\s*read|read|veröffentlicht|aktualisiert|am|um|uhr|publicado|actualizado|el|publié|mis à jour|le|dата|дата|публикации|опубликовано|обновлено|опубліковано|оновлено|в|о)(?![\p{L}])|\b\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?\b|[+-]\d{1,2}(:\d{2})?\b|[\s:,|·•–—()-]/giu;

// Every word of three letters or more that a date line may hold: dates, times, relative times and
// the labels and zones FILLER removes.
const DATE_WORDS = new Set(
  (
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october ' +
    'november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday ' +
    'yesterday today tomorrow tonight noon midnight now just ago last next this the and morning evening afternoon night ' +
    'day days week weeks month months year years hour hours minute minutes second seconds sec secs min mins hrs ' +
    'published posted updated edited modified date gmt utc cet cest msk eet est edt bst read ' +
    'veröffentlicht aktualisiert uhr publicado actualizado publié mis jour дата публикации опубликовано обновлено опубліковано оновлено'
  ).split(' '),
);

export function isDateLine(text: string): boolean {
  // chrono is thorough but slow; most lines have no digit or month word and cannot be dates.
  if (text.length > 100 || !MAYBE_DATE.test(text)) return false;
  // A date line is a stamp, not a sentence: beyond a few words only labels and times surround it.
  const words = text.split(/\s+/).length;
  if (words > 14 || (words > 6 && !/\d/.test(text))) return false;
  // chrono costs milliseconds a call once V8 has let its hundreds of expressions go cold, so a line
  // with any word that neither a date nor its labels use is turned away first.
  for (const w of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (!DATE_WORDS.has(w)) return false;
  const found = chrono.parse(text);
  if (!found.length) return false;
  let rest = text;
  for (const r of [...found].sort((a, b) => b.index - a.index)) rest = rest.slice(0, r.index) + ' ' + rest.slice(r.index + r.text.length);
  return rest.replace(FILLER, '').length <= 2;
}
