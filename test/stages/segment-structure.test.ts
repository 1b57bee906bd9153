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

describe('teasers: a paragraph alone between short lines', () => {
  // Six teasers, each a linked headline, a one-paragraph blurb and a "by" line, below the chrome
  // that ends the article: together they have more words than the article itself.
  const teasers = [
    ['Council Votes To Close Old Bridge', 'The council voted on Monday to close the old bridge to cars after engineers found cracks in two of its piers, and said a temporary crossing for cyclists and walkers would open within a month.'],
    ['Bakery Wins Regional Prize', 'A family bakery in the market square has won the regional prize for its rye bread, beating more than forty entries from across the county in a blind tasting held at the agricultural show.'],
    ['School Roof Repairs Delayed', 'Repairs to the roof of the primary school will not be finished before the new term, the education office said, because the contractor could not get the slate it had ordered from the quarry.'],
    ['Library Extends Opening Hours', 'The town library will stay open until eight in the evening on weekdays from next month, after a survey found that most of its readers could only visit after work or after school.'],
    ['New Bus Route To The Hospital', 'A new bus route will link the northern estates with the hospital from the spring, the transport company said, after patients complained that the journey needed two changes and took an hour.'],
    ['Harbour Festival Dates Announced', 'The harbour festival will run for four days at the end of July this year, the organisers said, with boat races, a fish market and concerts on the quay every evening of the festival.'],
  ].map(([h, p]) => `${h}\n\n${p}\n\nby Staff Reporter`).join('\n\n');
  const chrome = ['Related', 'Ferries', 'Harbour', 'Islands', 'Tweet', 'Share', 'Read these next', 'Trending', 'Comments', 'Advertisement', 'Local News'].join('\n');

  it('keeps a list of teasers below the article out of the body', () => {
    const r = text(`Ferry Timetable Approved\n\n${ARTICLE}\n\n${chrome}\n${teasers}`);
    expect(r.body.text).toContain('The harbour authority approved');
    expect(r.body.text).not.toContain('bakery in the market square');
  });

  it('keeps every entry of a page where no paragraph stands beside another (a live blog)', () => {
    const entries = ARTICLE.split('\n\n').map((p, i) => `${14 - i}:05 GMT\nAoife Brennan\n${p}\nShare`).join('\n');
    const r = text(`Ferry Timetable: Live Updates\n${entries}`);
    // The first entry's fate is the headline finder's; the region must not cut the others.
    for (const p of ARTICLE.split('\n\n').slice(1)) expect(r.body.text).toContain(p);
  });
});

describe('lines repeated within the page', () => {
  it('does not open the body with a second copy of the headline', () => {
    const headline = 'Harbour authority approves new ferry timetable after months of talks with operators';
    const r = text(`News\nIslands\n${headline}\nShare this article\n${headline}\n\n${ARTICLE}`);
    expect(r.metadata.title).toBe(headline);
    expect(r.body.text).not.toContain('after months of talks with operators');
    expect(r.body.text.startsWith('The harbour authority approved')).toBe(true);
  });
});

describe('a paragraph at the edge of the page', () => {
  it('keeps a one-paragraph article over a one-line comment below it (the edge is no paragraph)', () => {
    const r = text('Shipping rules\n\nThe IMO adopted new rules for tankers on Monday, the International Maritime Organization said in London.\n1 Comments\n\nAvatar of Bob\n\nBob\n\nLOL these rules will change nothing, the tankers will sail on as before.\n');
    expect(r.body.text).toContain('The IMO adopted new rules');
  });
});
