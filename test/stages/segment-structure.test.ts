import { describe, expect, it } from 'vitest';
import { analyse, type Report } from '../helpers.js';

// Page structure in plain text (issue 12): features read from the shape of lines and runs, never
// from a site's words. Each page here is invented.

const text = (t: string, id = 'doc'): Report => analyse(t, { path: `${id}.txt` }, id);

const ARTICLE = [
  'The harbour authority approved the new ferry timetable on Tuesday after three months of talks with the operators and the unions.',
  'Under the plan, the first crossing will leave at six in the morning and the last one shortly before midnight, seven days a week.',
  'Residents of the islands had asked for earlier sailings for years, saying that commuters could not reach the mainland in time for work.',
  'The operators said the extra crossings would be paid for by a small rise in fares, which the authority capped at four per cent.',
].join('\n\n');

describe('lines a scraper did not break', () => {
  it('does not chain a menu of lower-case product names into a paragraph', () => {
    const menu = ['iPad', 'iPad mini 5', 'iPhone 11', 'iPhone XR', 'iMac', 'iMac Pro', 'macOS Catalina', 'watchOS 6', 'tvOS 13', 'iPod touch', 'iPadOS', 'iOS 13', 'iPhone 8', 'iPhone SE 2', 'iPad Air'].join('\n');
    const r = text(`${menu}\n\nNew Ferry Timetable Approved\n\n${ARTICLE}`);
    expect(r.body.text).not.toContain('iPad mini 5');
    expect(r.body.text).toContain('The harbour authority approved');
  });

  it('still joins a sentence broken across two lines', () => {
    const r = text(`Ferry timetable approved\n\nThe harbour authority approved the new ferry timetable on Tuesday after three months of talks with the\noperators and the unions, who had asked for it.\n\n${ARTICLE}`);
    expect(r.body.text).toContain('talks with the\noperators and the unions');
  });
});
