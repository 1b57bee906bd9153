import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { analyse, cpSlice, spans, type Report } from '../helpers.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment', 'html');

/** One of the shipped HTML fixtures, run as a corpus run would see it (an .html path). */
const fixture = (name: string): Report => analyse(readFileSync(join(FIXTURES, `${name}.html`)), { path: `${name}.html` }, name);
/** An inline page, recognised as HTML by its path. */
const page = (html: string, id = 'page'): Report => analyse(html, { path: `${id}.html` }, id);

type Block = { kind: string; start: number; end: number };
type Comment = { author: string | null; time: string | null; timeIso: string | null; replyTo: number | null; text: string; start: number; end: number };
type Removed = { kind: string; rule: string; text: string; start: number; end: number };
type Diagnostic = { severity: string; code: string; message: string };

const blockTexts = (r: Report, kind?: string): string[] =>
  (r.body.blocks as Block[]).filter((b) => !kind || b.kind === kind).map((b) => cpSlice(r.text, b.start, b.end));
const codes = (r: Report): string[] => (r.diagnostics as Diagnostic[]).map((d) => `${d.severity}:${d.code}`);

// A WordPress (Twenty-Twenty-style) single post: menu, entry header, content with an h2, a list
// and HTML entities, a post footer, then a comment list with one nested reply, the reply form
// and the site footer. The first comment holds an emoji (outside the BMP) so that every later
// offset differs between UTF-16 units and code points.
const WORDPRESS = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>Georgia&#8217;s parliament passes budget &#8211; Caucasus Ledger</title>
<meta property="article:published_time" content="2024-11-05T10:30:00+04:00">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header">
  <p class="site-title"><a href="/">Caucasus Ledger</a></p>
  <nav id="site-navigation" class="main-navigation"><ul class="menu">
    <li class="menu-item"><a href="/politics/">Politics</a></li>
    <li class="menu-item"><a href="/economy/">Economy</a></li>
    <li class="menu-item"><a href="/about/">About the Ledger</a></li>
  </ul></nav>
</header>
<main id="main" class="site-main">
<article id="post-5120" class="post-5120 post type-post status-publish">
  <header class="entry-header">
    <h1 class="entry-title">Georgia&#8217;s parliament passes 2025 budget with higher defence spending</h1>
  </header>
  <div class="entry-content">
<p>Georgia&#8217;s parliament approved the state budget for 2025 on Tuesday, raising defence spending by 12 per cent and setting aside new funds for the railway link to the Black Sea port of Anaklia, the finance ministry said.</p>
<p>The budget passed by 84 votes to 12 after a debate that lasted more than nine hours. Opposition deputies walked out before the final vote, accusing the governing party of ignoring the recommendations of the State Audit Office on public procurement.</p>
<h2 class="wp-block-heading">Where the money goes</h2>
<p>According to the finance ministry, the largest increases are planned for three areas:</p>
<ul class="wp-block-list">
<li>defence and border security, which rise to 1.9&nbsp;billion lari;</li>
<li>regional roads and the Anaklia rail connection;</li>
<li>pensions, which will be indexed to inflation from January.</li>
</ul>
<p>&ldquo;This budget protects the most vulnerable while investing in the country&rsquo;s security,&rdquo; Finance Minister Lasha Khutsishvili told deputies. Economists in Tbilisi said the deficit target of 2.5 per cent of GDP looked achievable if growth stayed above five per cent &amp; tax collection kept improving.</p>
  </div>
  <footer class="entry-footer"><span class="cat-links">Posted in <a href="/politics/">Politics</a></span></footer>
</article>
<div id="comments" class="comments-area">
  <h2 class="comments-title">3 thoughts on &ldquo;Georgia&#8217;s parliament passes 2025 budget&rdquo;</h2>
  <ol class="comment-list">
    <li id="comment-201" class="comment even thread-even depth-1 parent">
      <article id="div-comment-201" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><b class="fn">Giorgi T.</b> <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-201"><time datetime="2024-11-05T14:02:00+00:00">November 5, 2024 at 2:02 pm</time></a></div>
        </footer>
        <div class="comment-content"><p>Twelve per cent more for defence and still nothing for the hospitals in Kutaisi &#128580;</p></div>
        <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-201">Reply</a></div>
      </article>
      <ol class="children">
        <li id="comment-203" class="comment odd alt depth-2">
          <article id="div-comment-203" class="comment-body">
            <footer class="comment-meta">
              <div class="comment-author vcard"><b class="fn">Mariam K.</b> <span class="says">says:</span></div>
              <div class="comment-metadata"><a href="#comment-203"><time datetime="2024-11-06T08:15:00+00:00">November 6, 2024 at 8:15 am</time></a></div>
            </footer>
            <div class="comment-content"><p>The health budget went up too, it is on page 40 of the law.</p><p>Read the annex before complaining.</p></div>
            <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-203">Reply</a></div>
          </article>
        </li>
      </ol>
    </li>
    <li id="comment-202" class="comment even thread-odd depth-1">
      <article id="div-comment-202" class="comment-body">
        <footer class="comment-meta">
          <div class="comment-author vcard"><b class="fn">Levan</b> <span class="says">says:</span></div>
          <div class="comment-metadata"><a href="#comment-202"><time datetime="2024-11-05T17:40:00+00:00">2 days ago</time></a></div>
        </footer>
        <div class="comment-content"><p>Anaklia again. I will believe it when the first ship docks there.</p></div>
      </article>
    </li>
  </ol>
  <div id="respond" class="comment-respond">
    <h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
    <form action="/wp-comments-post.php" method="post" id="commentform" class="comment-form">
      <p class="comment-notes">Your email address will not be published.</p>
      <p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
    </form>
  </div>
</div>
</main>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2024 Caucasus Ledger. All rights reserved. Proudly powered by WordPress</div></footer>
</body>
</html>`;

// A regional news page: a bare <nav> menu, an article with a photo and its caption between two
// paragraphs, and a site footer. The <title> differs from the <h1>, as on many sites.
const FIGURE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Northern Courier | World</title></head>
<body>
<nav class="top-menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/opinion">Opinion pieces</a> <a href="/newsletters">Newsletters</a></nav>
<article>
<h1>Poland and Lithuania open a second road crossing on the Suwa&#322;ki corridor</h1>
<p>Poland and Lithuania opened a second road border crossing on the narrow strip of land between Belarus and the Russian exclave of Kaliningrad on Friday, easing congestion for lorries that have queued for up to 30 hours at the existing checkpoint.</p>
<figure><img src="/img/crossing.jpg" alt="Lorries at a border checkpoint"><figcaption>Lorries wait at the Budzisko checkpoint on the Polish side of the border. Photo: Marek Nowak</figcaption></figure>
<p>The crossing at Ogrodniki&ndash;Lazdijai was rebuilt with European Union funds and can handle up to 1,200 heavy vehicles a day, the Polish infrastructure ministry said. Officials from both countries said the project also had a security dimension, since the corridor is considered a vulnerable point on NATO's eastern flank.</p>
<p>Hauliers' associations welcomed the opening but said staffing at customs posts remained the main bottleneck during the winter months.</p>
</article>
<footer class="site-footer"><p>Contact the newsroom at tips@northern-courier.pl. Copyright 2024 Northern Courier Media Group.</p></footer>
</body>
</html>`;

// A news site's comment widget that is not WordPress: div.comment items with .author, .date and
// .text, inside a section.comments, with sort links, like buttons and a form around them.
const GENERIC = `<!DOCTYPE html>
<html lang="en">
<head><title>Moldova counts votes after tense presidential runoff - Danube Daily</title></head>
<body>
<article>
<h1>Moldova counts votes after tense presidential runoff</h1>
<p>Election officials in Chisinau began counting ballots on Sunday evening after a presidential runoff that drew a record turnout among Moldovans living abroad, according to the Central Electoral Commission.</p>
<p>The commission said it expected to publish preliminary results for all precincts by Monday morning, while observers from the OSCE said the vote had been competitive but marred by reports of organised transport of voters.</p>
<p>Both candidates urged their supporters to remain calm until the final count was announced.</p>
</article>
<section class="comments">
  <h3>Comments (2)</h3>
  <div class="comments-sort">Sort by: <a href="?sort=new">Newest</a> <a href="?sort=top">Top</a></div>
  <div class="comment">
    <span class="author">Ion_B</span> <span class="date">2 hours ago</span>
    <div class="text"><p>I waited four hours in Frankfurt and would do it again.</p></div>
    <button class="like">Like (31)</button>
  </div>
  <div class="comment">
    <span class="author">Valentina Ciobanu</span> <span class="date">04.11.2024 09:12</span>
    <div class="text"><p>Running out of ballots in Italy is not a small problem.</p></div>
    <button class="like">Like (18)</button>
  </div>
  <form class="comment-form"><textarea name="text" placeholder="Write a comment..."></textarea><button>Post</button></form>
</section>
</body>
</html>`;

// A page with a headline, a subscription wall and a "most read" box but no article: Readability
// finds no main content at all and the whole body (without header, footer, aside and navigation)
// is rendered instead.
const PAYWALL = `<!DOCTYPE html>
<html lang="en">
<head><title>Hungary and Slovakia sign gas storage deal</title></head>
<body>
<h1>Hungary and Slovakia sign gas storage deal</h1>
<div class="paywall" role="dialog" aria-modal="true"><p>This article is for subscribers. Subscribe from 4.99 euros a month to keep reading independent reporting from Central Europe.</p></div>
<aside class="most-read"><h3>Most read</h3><ul><li><a href="/politics/orban-fico-bratislava">Orb&aacute;n meets Fico in Bratislava</a></li></ul></aside>
</body>
</html>`;

// The same headline page with a navigation bar: no article text anywhere.
const NO_ARTICLE = `<!DOCTYPE html>
<html lang="en">
<head><title>Hungary and Slovakia sign gas storage deal</title></head>
<body>
<nav class="site-nav"><a href="/politics">Politics</a> <a href="/business">Business</a> <a href="/culture">Culture</a></nav>
<h1>Hungary and Slovakia sign gas storage deal</h1>
<div class="paywall" role="dialog" aria-modal="true"><p>This article is for subscribers. Subscribe from 4.99 euros a month to keep reading independent reporting from Central Europe.</p></div>
<aside class="most-read"><h3>Most read</h3><ul><li><a href="/politics/orban-fico-bratislava">Orb&aacute;n meets Fico in Bratislava</a></li></ul></aside>
</body>
</html>`;

// A single-page-app shell: nothing visible until scripts run.
const APP_SHELL = `<!DOCTYPE html>
<html lang="en">
<head><title>Danube Daily</title><script src="/static/js/main.4f1c2a.js" defer></script></head>
<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript></body>
</html>`;

describe('HTML input: a WordPress post', () => {
  const r = page(WORDPRESS, 'wordpress');

  it('is read as HTML and analysed as an English article', () => {
    expect(r.status).toBe('ok');
    expect(r.language).toBe('en');
    expect(codes(r)).toContain('info:decode/html');
    expect(codes(r)).not.toContain('warning:decode/html-no-main-content');
  });

  it('takes the title from the <h1>, puts it first in the rendered text and the date from the meta tag', () => {
    expect(r.metadata.title).toBe('Georgia’s parliament passes 2025 budget with higher defence spending');
    expect(r.text.startsWith(`${r.metadata.title}\n\n`)).toBe(true);
    expect(r.metadata.date).toBe('2024-11-05');
  });

  it('keeps paragraphs, the h2 heading and the list items in page order', () => {
    expect(r.body.headings).toEqual(['Where the money goes']);
    expect(blockTexts(r, 'list-item')).toEqual([
      'defence and border security, which rise to 1.9 billion lari;',
      'regional roads and the Anaklia rail connection;',
      'pensions, which will be indexed to inflation from January.',
    ]);
    expect((r.body.blocks as Block[]).map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph', 'list-item', 'list-item', 'list-item', 'paragraph']);
    expect(r.body.text.startsWith('Georgia’s parliament approved the state budget for 2025 on Tuesday')).toBe(true);
    expect(r.body.text.endsWith('if growth stayed above five per cent & tax collection kept improving.')).toBe(true);
  });

  it('decodes named and numeric character references', () => {
    expect(r.body.text).toContain('“This budget protects the most vulnerable while investing in the country’s security,”');
    expect(r.body.text).toContain('five per cent & tax collection');
    // &nbsp; is white space in the rendering, not a literal no-break space or an entity
    expect(r.body.text).toContain('1.9 billion lari');
    expect(r.comments[0].text.endsWith('Kutaisi \u{1F644}')).toBe(true);
    expect(r.text).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
    expect(r.text).not.toContain('\u00a0');
  });

  it.each(['Caucasus Ledger', 'About the Ledger', 'Posted in', 'thoughts on', 'says:', 'Reply', 'Your email address will not be published', 'Proudly powered by WordPress', 'dataLayer'])(
    'keeps site chrome out of the body: %s',
    (chrome) => expect(r.body.text).not.toContain(chrome),
  );

  it('does not render the menu, the reply form or the site footer at all', () => {
    for (const chrome of ['About the Ledger', 'Leave a Reply', 'Your email address', 'All rights reserved', 'Posted in']) expect(r.text).not.toContain(chrome);
  });

  it('reads the comments with author, time as shown, the datetime date and the reply link', () => {
    expect((r.comments as Comment[]).map((c) => [c.author, c.time, c.timeIso, c.replyTo, c.text])).toEqual([
      ['Giorgi T.', 'November 5, 2024 at 2:02 pm', '2024-11-05', null, 'Twelve per cent more for defence and still nothing for the hospitals in Kutaisi \u{1F644}'],
      ['Mariam K.', 'November 6, 2024 at 8:15 am', '2024-11-06', 0, 'The health budget went up too, it is on page 40 of the law.\nRead the annex before complaining.'],
      // A relative time as shown, but the machine-readable datetime still dates the comment.
      ['Levan', '2 days ago', '2024-11-05', null, 'Anaklia again. I will believe it when the first ship docks there.'],
    ]);
  });

  it('keeps comment text out of the body and places the comments after it', () => {
    expect(r.body.text).not.toContain('Kutaisi');
    expect(r.body.text).not.toContain('Read the annex');
    const lastBlock = (r.body.blocks as Block[]).at(-1)!;
    for (const c of r.comments as Comment[]) expect(c.start).toBeGreaterThan(lastBlock.end);
  });

  it('records each comment author and time line as removed comment header', () => {
    const headers = (r.removed as Removed[]).filter((x) => x.rule === 'html:comment-header');
    expect(headers.map((x) => x.text)).toEqual(['Giorgi T.', 'November 5, 2024 at 2:02 pm', 'Mariam K.', 'November 6, 2024 at 8:15 am', 'Levan', '2 days ago']);
    expect(headers.every((x) => x.kind === 'boilerplate')).toBe(true);
  });
});

describe('HTML input: figure captions and navigation', () => {
  const r = page(FIGURE, 'figure');

  it('takes the <h1> as title even when <title> says something else', () => {
    expect(r.metadata.title).toBe('Poland and Lithuania open a second road crossing on the Suwałki corridor');
    expect(r.text.startsWith('Poland and Lithuania open a second road crossing on the Suwałki corridor\n\n')).toBe(true);
    expect(r.body.headings).toEqual([]);
  });

  it('removes the figcaption as a caption and keeps the paragraphs on both sides of the figure', () => {
    expect(r.removed).toContainEqual(expect.objectContaining({ kind: 'caption', rule: 'html:figcaption', text: 'Lorries wait at the Budzisko checkpoint on the Polish side of the border. Photo: Marek Nowak' }));
    expect(r.body.text).not.toContain('Lorries wait');
    expect(r.body.text).not.toContain('Photo: Marek Nowak');
    expect(blockTexts(r)).toHaveLength(3);
    expect(blockTexts(r)[0]!.startsWith('Poland and Lithuania opened a second road border crossing')).toBe(true);
    expect(blockTexts(r)[1]!.startsWith('The crossing at Ogrodniki–Lazdijai was rebuilt')).toBe(true);
  });

  it('leaves the navigation menu, the image alt text and the footer out of the text', () => {
    for (const chrome of ['Opinion pieces', 'Newsletters', 'Business', 'Lorries at a border checkpoint', 'tips@northern-courier.pl', 'Northern Courier Media Group']) {
      expect(r.text).not.toContain(chrome);
    }
  });
});

describe('HTML input: generic comment markup', () => {
  const r = page(GENERIC, 'generic');

  it('reads div.comment items with author, shown time and an absolute date when there is one', () => {
    expect((r.comments as Comment[]).map((c) => [c.author, c.time, c.timeIso, c.replyTo, c.text])).toEqual([
      ['Ion_B', '2 hours ago', null, null, 'I waited four hours in Frankfurt and would do it again.'],
      ['Valentina Ciobanu', '04.11.2024 09:12', '2024-11-04', null, 'Running out of ballots in Italy is not a small problem.'],
    ]);
  });

  it('keeps the comment widget out of the body', () => {
    expect(r.body.text.endsWith('until the final count was announced.')).toBe(true);
    for (const chrome of ['Comments (2)', 'Sort by', 'Like (31)', 'Write a comment', 'Frankfurt']) expect(r.body.text).not.toContain(chrome);
  });
});

describe('HTML input: the shipped page fixtures', () => {
  it('reads a full WordPress thread with two levels of replies', () => {
    const r = fixture('html-wordpress-threaded');
    expect(r.metadata.title).toBe('Lithuania to extend border barrier after new wave of drone incursions');
    expect(r.body.headings).toEqual(['What the plan includes', 'Minsk denies involvement']);
    expect(blockTexts(r, 'list-item')).toHaveLength(4);
    expect(blockTexts(r, 'list-item')[1]).toBe('radio-frequency sensors and jammers at 14 border posts;');
    expect((r.comments as Comment[]).map((c) => [c.author, c.timeIso, c.replyTo])).toEqual([
      ['Tomas Kazlauskas', '2024-10-31', null],
      ['Rasa M.', '2024-10-31', 0],
      ['Tomas Kazlauskas', '2024-10-31', 1],
      ['Mark Ellison', '2024-10-31', null],
      ['Daiva Rimkutė', '2024-11-01', 3],
    ]);
    expect(r.removed).toContainEqual(expect.objectContaining({ kind: 'caption', rule: 'html:figcaption', text: 'Border guards inspect a section of the fence near the Medininkai checkpoint. Photo: Eastern Flank Monitor' }));
    for (const chrome of ['Support our work', 'Recent Posts', 'Proudly powered by WordPress', 'We use cookies', 'Leave a Reply']) expect(r.body.text).not.toContain(chrome);
  });

  it('keeps every figure caption out of the body of a photo-heavy article', () => {
    const r = fixture('html-figure-captions');
    const captions = (r.removed as Removed[]).filter((x) => x.kind === 'caption');
    expect(captions.map((x) => x.rule)).toEqual(['html:figcaption', 'html:figcaption']);
    expect(captions.map((x) => x.text)).toEqual([
      'Economy Minister Edgars Kalniņš speaks to guests at the mooring ceremony. © Baltic Energy Times / Kārlis Ozols',
      'Graphic: Projected LNG import capacity in the Baltic states and Finland, 2024–2027. Source: ENTSOG, company data',
    ]);
    for (const gone of ['towed into the port of Skulte on Tuesday morning', 'Photo: Latvian Port Authority', 'speaks to guests', 'Source: ENTSOG', 'Get Premium', 'Gas & LNG']) {
      expect(r.body.text).not.toContain(gone);
    }
    expect(r.body.headings).toEqual(['Regional competition for cargoes']);
  });

  it('reads the generic comment section of a news site', () => {
    const r = fixture('html-generic-comments');
    expect((r.comments as Comment[]).map((c) => c.author)).toEqual(['Ion_B', 'Valentina Ciobanu', 'Guest', 'petru.m']);
    expect(r.comments[3].timeIso).toBe('2024-11-03');
    expect(r.comments[3].text).toBe(
      'Good coverage, thank you. Could you publish the numbers per country when the commission releases them?\nEspecially the UK and Ireland, the queues there looked enormous on social media.',
    );
    for (const chrome of ['Like (31)', 'Load more comments', 'community rules', 'Comments (4)']) expect(r.text).not.toContain(chrome);
  });
});

describe('HTML input: pages without an article', () => {
  it('renders the body without header, footer, aside and navigation, and warns, when Readability finds no main content', () => {
    const r = page(PAYWALL, 'paywall');
    expect(r.status).toBe('ok');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'decode/html-no-main-content' }));
    expect(codes(r)).not.toContain('info:decode/html');
    expect(r.metadata.title).toBe('Hungary and Slovakia sign gas storage deal');
    expect(r.text.startsWith('Hungary and Slovakia sign gas storage deal\n\n')).toBe(true);
    for (const chrome of ['Most read', 'Orbán meets Fico']) expect(r.text).not.toContain(chrome);
  });

  it('says there is no body when the page holds only a headline and navigation', () => {
    const r = page(NO_ARTICLE, 'no-article');
    expect(r.status).toBe('ok');
    expect(r.metadata.title).toBe('Hungary and Slovakia sign gas storage deal');
    expect(r.body.text).toBe('');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'segment/no-body' }));
    for (const chrome of ['Politics', 'Culture', 'Most read', 'Orbán']) expect(r.text).not.toContain(chrome);
  });

  it('fails a page with no visible text with a specific reason', () => {
    const r = page(APP_SHELL, 'app-shell');
    expect(r.status).toBe('failed');
    expect(r.error.code).toBe('decode/html-empty');
    expect(r.text).toBeNull();
  });
});

const ALL: Array<[string, () => Report]> = [
  ['inline WordPress post', () => page(WORDPRESS, 'wordpress')],
  ['inline figure page', () => page(FIGURE, 'figure')],
  ['inline generic comments', () => page(GENERIC, 'generic')],
  ['inline paywall page', () => page(PAYWALL, 'paywall')],
  ...['html-figure-captions', 'html-generic-comments', 'html-heavy-chrome', 'html-read-also-newsletter', 'html-wordpress-jetpack-replies', 'html-wordpress-threaded'].map(
    (n): [string, () => Report] => [n, () => fixture(n)],
  ),
];

describe('HTML input: offsets index the rendered text in code points', () => {
  it.each(ALL)('every body block, heading, comment, removed stretch and entity mention of %s round-trips', (_name, run) => {
    const r = run();
    expect(r.text.length).toBeGreaterThan(0);
    expect(blockTexts(r).join('\n')).toBe(r.body.text);
    expect(blockTexts(r, 'heading')).toEqual(r.body.headings);
    const all = spans(r);
    expect(all.filter((s) => s.where.startsWith('comments')).length).toBe(r.comments.length);
    expect(all.filter((s) => s.where.startsWith('removed')).length).toBe(r.removed.length);
    for (const s of all) expect({ where: s.where, text: cpSlice(r.text, s.start, s.end) }).toEqual({ where: s.where, text: s.text });
  });

  // Everything the rendering holds is the title line, a body block, a removed stretch or a comment:
  // the report never silently drops text it rendered.
  // Not run on the figure and paywall pages, where the <h1> kept in the content is rendered a second
  // time after the title line and lies in no span: a known defect, tracked separately.
  it.each(ALL)('accounts for every rendered character of %s', (_name, run) => {
    const r = run();
    const chars = Array.from(r.text as string);
    const covered = chars.map(() => false);
    const mark = (start: number, end: number) => covered.fill(true, start, end);
    const title = r.metadata.title as string | null;
    if (title && r.text.startsWith(title)) mark(0, Array.from(title).length);
    for (const x of [...(r.body.blocks as Block[]), ...(r.removed as Removed[]), ...(r.comments as Comment[])]) mark(x.start, x.end);
    const orphans = chars.map((c, i) => (covered[i] ? '\u0000' : c)).join('').split('\u0000').map((s) => s.trim()).filter(Boolean);
    expect(orphans).toEqual([]);
  });
});

// Regression (found by make fuzz): an .html file with no tag at all gave linkedom no <html>
// element, and Readability threw, failing the document with decode/crash.
describe('HTML input: a file with no markup', () => {
  it('is read as the body of a page', () => {
    const r = analyse('Ukrainian officials said on Monday that Russian forces had shelled the city again overnight, damaging homes and a school near the centre. Moscow denied the claim and said its forces struck only military targets.', { path: 'fragment.html' }, 'fragment');
    expect(r.status).toBe('ok');
    expect(r.body.text).toContain('Ukrainian officials said on Monday');
    expect(r.diagnostics.map((d: { code: string }) => d.code).filter((c: string) => c.endsWith('/crash'))).toEqual([]);
  });
});

// Regression (found by make fuzz): with the article inside <head>, Readability walked up from it
// past the root looking for <body> and threw, failing the page with decode/crash.
describe('HTML input: prose where no article belongs', () => {
  it('renders the page whole instead of failing', () => {
    const p = 'Ukrainian officials said on Monday that Russian forces had shelled the city again overnight, damaging homes, a school and a hospital near the centre, and cutting power to thousands. '.repeat(3);
    const r = analyse(`<html><head><div><p>${p}</p><p>${p}</p></div></head><body></body></html>`, { path: 'head.html' }, 'head');
    expect(r.status).toBe('ok');
    expect(r.body.text).toContain('Ukrainian officials said on Monday');
    expect(r.diagnostics.map((d: { code: string }) => d.code)).toContain('decode/html-no-main-content');
  });
});

// Regressions (found by make fuzz, seed 1, inputs 4708 and 4748).
describe('HTML input: broken and pathological markup', () => {
  const comment = '<li class="comment"><div class="comment-author vcard"><cite class="fn">Sergey Lavrov</cite> <span class="says">says:</span></div><div class="comment-meta"><a href="#c">October 30, 2024 at 9:41 am</a></div><p>I agree.</p><div class="reply"><a>Reply</a></div></li>';

  it('renders text before a comment list with no <html> around it, comments once', () => {
    // Readability detached the root of this fragment's DOM, and rendering it whole then threw.
    const r = analyse(`The Kremlin said\n\n<ol class="commentlist">${comment.repeat(3)}</ol>`, { path: 'fragment.html' }, 'fragment');
    expect(r.status).toBe('ok');
    expect(r.text.startsWith('The Kremlin said')).toBe(true);
    expect(r.comments).toHaveLength(3);
    expect(r.text.split('I agree.')).toHaveLength(4);
  });

  it('reads text before the first element of a fragment', () => {
    const r = analyse('Text <p>The Kremlin said</p>', { path: 'fragment.html' }, 'fragment');
    expect(r.text).toBe('Text\n\nThe Kremlin said');
  });

  it('fails a page nested deeper than browsers nest, the same way in a worker and in the main thread', () => {
    // Unclosed tables 3,000 elements deep: Readability overflowed the main thread's stack (decode/crash) but ran
    // past the 120 s budget in a worker's larger stack (pipeline/timeout).
    const html = `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<table><tr><td>'.repeat(1000)}<p>Deep text.</p></body></html>`;
    const r = analyse(html, { path: 'deep.html' }, 'deep');
    expect(r.status).toBe('failed');
    expect(r.error.code).toBe('decode/html-too-deep');
    expect(r.error.message).toContain('3003 deep');
  });
});
