import { describe, expect, it } from 'vitest';
import { analyse, type Report } from '../helpers.js';

// Page furniture as scrapers and "select all, copy" leave it (issue 12): captions glued to their
// credits inside a paragraph, embedded posts, disclaimers, forum and blog chrome, and comment
// sections of sites no vocabulary lists, read from their own repeated structure.

type Removed = { kind: string; rule: string; text: string };
type Comment = { author: string | null; time: string | null; replyTo: number | null; text: string };
const text = (t: string, id = 'doc'): Report => analyse(t, { path: `${id}.txt` }, id);
const removed = (r: Report, kind?: string): string[] => (r.removed as Removed[]).filter((x) => !kind || x.kind === kind).map((x) => x.text);
const comments = (r: Report): Array<[string | null, string | null, number | null]> => (r.comments as Comment[]).map((c) => [c.author, c.time, c.replyTo]);

const LEDE = 'NATO has expelled eight members of Russia\'s mission to the alliance who were "undeclared Russian intelligence officers", a NATO official said on Wednesday.';
const SECOND = 'The expulsion was reported earlier by Sky News, which said Moscow\'s mission to the alliance headquarters would be halved. Russia did not immediately comment on the decision.';

describe('captions glued into a scraped paragraph', () => {
  it('cuts a wire caption and its credit before the dateline, and still reads the dateline', () => {
    const r = text(`NATO expels eight Russian officers\n\nBanners displaying the NATO logo are placed at the entrance of the headquarters in Brussels, Belgium April 19, 2018. REUTERS/Yves Herman/File Photo BRUSSELS/MOSCOW, Oct 6 (Reuters) - ${LEDE} ${SECOND}`);
    expect(r.body.text.startsWith('NATO has expelled eight members')).toBe(true);
    expect(removed(r, 'caption')).toEqual(['Banners displaying the NATO logo are placed at the entrance of the headquarters in Brussels, Belgium April 19, 2018. REUTERS/Yves Herman/File Photo']);
    expect(r.metadata.dateline).toBe('BRUSSELS/MOSCOW');
    expect(r.metadata.agency).toBe('Reuters');
  });

  it.each([
    ['AP Photo/Name', 'Foreign ministers speak at a news conference in Brussels on Monday. AP Photo/Virginia Mayo'],
    ['(Photo by …/AFP via Getty Images)', 'A destroyed bridge near the town of Irpin. (Photo by Sergei Supinsky/AFP via Getty Images)'],
    ['REUTERS/Name/Pool', 'Russian President Vladimir Putin attends a meeting in Moscow, Russia. Sputnik/Mikhail Klimentyev/Kremlin via REUTERS'],
    ['an AP-style caption with a weekday and a place', 'President Joe Biden speaks at the National League of Cities conference, Monday, March 14, 2022, in Washington.'],
  ])('removes a caption with %s between two sentences of the article', (_what, caption) => {
    const r = text(`Talks continue\n\n${LEDE} ${caption} ${SECOND}`);
    expect(r.body.text).toContain(LEDE);
    expect(r.body.text).toContain(SECOND);
    expect(r.body.text).not.toContain(caption.slice(0, 30));
    expect(removed(r, 'caption').join(' ')).toContain(caption.slice(-20));
  });

  it('removes an agency caption of several sentences, from the dated description to the credit', () => {
    const caption = "FILE - Italian Premier Mario Draghi waves to lawmakers at the end of his address at the Parliament in Rome, on July 21, 2022. Italy's push to cut its dependence on Russian gas has made the country less vulnerable, Draghi said Wednesday. (AP Photo/Andrew Medichini, File)";
    const r = text(`Draghi on gas\n\n${LEDE} ${caption} ${SECOND}`);
    expect(removed(r, 'caption')).toEqual([caption]);
    expect(r.body.text).toContain(SECOND);
  });

  // Found on the russia-ukraine corpus: a radio show's whole description was removed because its
  // last sentence is the show's disclaimer.
  it('keeps an article whose last sentence is a views disclaimer', () => {
    const show = 'On this episode, the hosts talk about the prospects for economic recovery after billions of dollars in reserves were frozen, and about the talks in Geneva. The views and opinions expressed in this podcast are those of the speakers and do not necessarily reflect the position of the network.';
    const r = text(`Fault Lines\n\n${show}`, 'show');
    expect(r.body.text).toContain('the hosts talk about the prospects');
  });

  it('keeps a sentence that only mentions a full date', () => {
    const dated = 'Russia launched its full-scale invasion on Thursday, Feb. 24, 2022, and officials said the war had displaced millions.';
    const r = text(`Talks continue\n\n${LEDE} ${dated} ${SECOND}`);
    expect(r.body.text).toContain(dated);
  });

  it('keeps an embedded post\'s text and removes its signature and links', () => {
    const tweet = 'At least 35 people have been killed and 134 wounded #UkraineWar';
    const r = text(`Strike on base\n\n${LEDE} ${tweet} pic.twitter.com/h4rxrEANmk — Yalda Hakim (@BBCYaldaHakim) March 13, 2022 ${SECOND}`);
    expect(r.body.text).toContain(tweet);
    expect(removed(r, 'credit')).toEqual(['pic.twitter.com/h4rxrEANmk', '— Yalda Hakim (@BBCYaldaHakim) March 13, 2022']);
  });

  it('removes what is left of stripped links ("’S ‘, ’ : ‘ ’")', () => {
    const r = text(`Talks continue\n\n${LEDE} ’S ‘, ’ : ‘ ’ ${SECOND}`);
    expect(removed(r, 'boilerplate')).toContain('’S ‘, ’ : ‘ ’');
    expect(r.body.text).toContain(SECOND);
  });
});

describe('furniture on lines of its own', () => {
  // The lede stays: only recognised furniture separates it from the rest, and the run of prose
  // is widened over furniture (a menu line would stop it).
  it('removes media captions, pipe credits with the caption above them, gallery counters and script notices', () => {
    const page = [
      'Governor doubles down on drug campaign',
      LEDE,
      // A credit right under its caption, as innerText renders a figure.
      'Kristi Noem, governor of South Dakota, pictured at the White House in 2018.\nAlex Wong | Getty Images',
      'Image caption Scooter Braun has managed Justin Bieber, among others, throughout his career',
      'Image 1 of 6',
      'This slideshow requires JavaScript.',
      SECOND,
    ].join('\n\n');
    const r = text(page, 'lines');
    expect(r.body.text).toBe(`${LEDE}\n${SECOND}`);
    expect(removed(r, 'caption')).toEqual(['Kristi Noem, governor of South Dakota, pictured at the White House in 2018.', 'Image caption Scooter Braun has managed Justin Bieber, among others, throughout his career']);
    expect(removed(r, 'credit')).toEqual(['Alex Wong | Getty Images']);
  });
});

describe('the end of the text', () => {
  it('removes a related-story headline glued after the last sentence', () => {
    const r = text(`Instagram to be blocked\n\n${LEDE} ${SECOND} Ukraine war: The TikToker spreading viral videos`);
    expect(r.body.text.endsWith('comment on the decision.')).toBe(true);
    expect(removed(r, 'boilerplate')).toContain('Ukraine war: The TikToker spreading viral videos');
    expect(r.metadata.truncated).toBe(false);
  });

  it('keeps a last paragraph cut off mid-sentence as body and marks the text truncated', () => {
    const r = text(`Minsk talks end\n\n${LEDE}\n\n${SECOND} Officials said the two sides had agreed to keep the working group in place and that the next meeting would`);
    expect(r.body.text.endsWith('the next meeting would')).toBe(true);
    expect(r.metadata.truncated).toBe(true);
  });

  it('reads a bracketed ellipsis as the end of an excerpt', () => {
    const r = text(`Talks with the President of France\n\n${LEDE}\n\n${SECOND} <…>`);
    expect(r.body.text.endsWith('comment on the decision.')).toBe(true);
    expect(r.metadata.truncated).toBe(true);
  });
});

const BLOG = `Baltic Notes
Thursday, March 7, 2024
Ferry traffic resumes after storm
The ferry link between Tallinn and Helsinki resumed on Thursday morning after two days of cancellations caused by the storm, the operator said.
Passengers who missed their crossings can rebook free of charge until the end of the month, the company added in a statement.
Editor's note: This article was updated on March 8 to correct the name of the operator.
The views expressed in this post are the author's own and do not necessarily reflect those of Baltic Notes.
Posted by Mari Tamm at 10:41 AM
12 comments:
Jaan K. said...
Finally. My sister was stuck in Helsinki for two days.
March 7, 2024 at 11:02 AM
Liis said...
The operator handled it well this time.
March 7, 2024 at 12:15 PM
Post a Comment
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)`;

const REDDIT = `r/europe
Posted by u/baltic_watcher
5 hr. ago
Estonia to build new border fence along Narva river
The Estonian government approved plans on Tuesday to build a fence along a 40-kilometre stretch of the Narva river, the interior ministry said, citing the need to control crossings from Russia.
Construction is expected to start in the summer and cost about 20 million euros, the ministry said, adding that the fence would include cameras and motion sensors.
1.2k
Upvote
Award
Share
243 comments
kestrel_eu
·
4 hr. ago
About time. The river freezes in winter and anyone can walk across.
Upvote
87
Reply
Share
narva_local
·
3 hr. ago
Most people here cross for shopping, not for anything sinister.
Upvote
41
Reply
Share`;

describe('blog and forum chrome', () => {
  it('reads a Blogger page: notes and disclaimers out of the body, the byline, "X said..." comments with their times', () => {
    const r = text(BLOG, 'blog');
    expect(r.body.text.endsWith('the company added in a statement.')).toBe(true);
    expect(r.metadata.byline).toBe('Mari Tamm');
    expect(removed(r)).toEqual(expect.arrayContaining(["Editor's note: This article was updated on March 8 to correct the name of the operator.", 'Post a Comment', 'Newer Post Older Post Home']));
    expect(comments(r)).toEqual([
      ['Jaan K.', 'March 7, 2024 at 11:02 AM', null],
      ['Liis', 'March 7, 2024 at 12:15 PM', null],
    ]);
  });

  it('reads a new-Reddit thread: votes, awards and actions are chrome, each comment has its author and time', () => {
    const r = text(REDDIT, 'reddit');
    expect(r.body.text.endsWith('cameras and motion sensors.')).toBe(true);
    for (const chrome of ['1.2k', 'Upvote', 'Award', '87', 'Reply']) expect(r.body.text).not.toContain(`\n${chrome}\n`);
    expect(comments(r)).toEqual([
      ['kestrel_eu', '4 hr. ago', null],
      ['narva_local', '3 hr. ago', null],
    ]);
    expect((r.comments as Comment[]).map((c) => c.text)).toEqual(['About time. The river freezes in winter and anyone can walk across.', 'Most people here cross for shopping, not for anything sinister.']);
  });
});

describe('comment sections read from their own template', () => {
  // A layout no vocabulary lists ("Name · time", text, an action row), on a page with no
  // comment marker at all: the repeated records find the section and its authors.
  const WIDGET = ['Viktor Grigorjev · 1 d', 'Good decision by the city. Hopefully the timetable will be posted at the stop itself.', 'Like · Reply · Report', 'Mari Tamm · 5 h', 'Finally. My mother waited 50 minutes at the stop last week.', 'Like · Reply · Report', 'Andrei Ivanov · 4 h · replying to Mari Tamm', 'The buses from the station are never on time either.', 'Like · Reply · Report'].join('\n');

  it('finds the section without a marker and links the reply by the name it answers', () => {
    const r = text(`Narva adds bus runs to the border\n\n${LEDE}\n\n${SECOND}\n\n${WIDGET}`, 'widget');
    expect(r.body.text.endsWith('comment on the decision.')).toBe(true);
    expect(comments(r)).toEqual([
      ['Viktor Grigorjev', '1 d', null],
      ['Mari Tamm', '5 h', null],
      ['Andrei Ivanov', '4 h', 1],
    ]);
  });

  it('does not read an interview\'s speaker turns as comments', () => {
    const turns = ['Anna Kovalenko', 'What did you find when you arrived at the hospital that morning?', 'Dr Petro Marchenko', 'The screens were black and the staff were writing everything on paper.', 'Anna Kovalenko', 'How long did it take to restore the systems?', 'Dr Petro Marchenko', 'Almost three weeks, and some records were never recovered.'].join('\n');
    const r = text(`Inside the hospital cyber attack\n\n${LEDE}\n\n${turns}\n\n${SECOND}`, 'interview');
    expect(r.comments).toEqual([]);
    expect(r.body.text).toContain('Almost three weeks');
  });
});
