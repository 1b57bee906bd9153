import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { scoreFixtures, type FixtureScore } from '../eval/segment-score.js';
import { analyse, tempDir } from '../helpers.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment');
const comments = (id: string) => analyse(readFileSync(join(FIXTURES, 'comments', `${id}.txt`)), { outlet: 'Test Outlet' });

describe('segmentation fixture set (make eval-segment)', () => {
  let scores: FixtureScore[] = [];
  beforeAll(async () => {
    scores = await scoreFixtures(FIXTURES, tempDir());
  }, 120_000);

  it('scores at least 0.95 over all hand-annotated fixtures', () => {
    const passed = scores.reduce((n, s) => n + s.passed, 0);
    const total = scores.reduce((n, s) => n + s.total, 0);
    expect(scores.length).toBeGreaterThanOrEqual(30);
    expect(passed / total).toBeGreaterThanOrEqual(0.95);
  });

  // Comment layouts of sites no vocabulary lists (YouTube, VK, LiveJournal, Discourse, Telegram,
  // Medium, Hacker News, OpenWeb, a made-up widget), read from the section's own template: a floor
  // at what the method reaches, so that it can only rise.
  it('reads comment sections of unlisted sites at least at the measured level', () => {
    const gs = scores.filter((s) => s.group === 'comments-unlisted');
    expect(gs.length).toBeGreaterThanOrEqual(9);
    expect(gs.reduce((n, s) => n + s.passed, 0) / gs.reduce((n, s) => n + s.total, 0)).toBeGreaterThanOrEqual(0.79);
  });

  it.each(['chrome', 'comments', 'html', 'language', 'repeat', 'no-comments'])('scores at least 0.9 on the %s group', (group) => {
    const gs = scores.filter((s) => s.group === group);
    expect(gs.length).toBeGreaterThan(0);
    expect(gs.reduce((n, s) => n + s.passed, 0) / gs.reduce((n, s) => n + s.total, 0)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('comment layouts', () => {
  it.each([
    ['comments-wordpress-threaded', ['Davit Harutyunyan', 'Leyla M.', 'Davit Harutyunyan', 'policywonk42', 'Anahit Sargsyan', 'J. Whitfield'], [null, 0, 1, null, 3, null]],
    ['comments-disqus-replies', ['Jana Brenner', 'Pavel Ostrowski', 'Jana Brenner', 'Vlad_Chisinau', 'mk1983', 'Observer in Iasi', 'Greta Lind'], [null, 0, 1, null, 3, null, 5]],
    ['comments-reddit-levels', ['VistulaRiverRat', 'kestrel_analyst', 'VistulaRiverRat', 'Ausra_LT', 'throwaway_mil_logistics', 'dr_marta_k'], [null, 0, 1, null, 3, null]],
  ])('%s: authors in page order and each reply linked to its parent', (id, authors, replyTo) => {
    const r = comments(id);
    expect(r.comments.map((c: { author: string }) => c.author)).toEqual(authors);
    expect(r.comments.map((c: { replyTo: number | null }) => c.replyTo)).toEqual(replyTo);
  });

  it('keeps widget lines out of comment text (votes, Reply, Share ›, level markers)', () => {
    for (const id of ['comments-disqus-replies', 'comments-reddit-levels', 'comments-substack-basic', 'comments-facebook-plugin']) {
      for (const c of comments(id).comments) expect(c.text).not.toMatch(/^(Reply|Share ›|level \d|\d+ points|Like \(\d+\)|▲.*▼)$/m);
    }
  });

  it('reads the time shown with each comment, as written, and as a date only when it is absolute', () => {
    const wp = comments('comments-wordpress-threaded').comments[0];
    expect(wp).toMatchObject({ time: 'October 31, 2024 at 3:15 pm', timeIso: '2024-10-31' });
    const fb = comments('comments-facebook-plugin').comments[0];
    expect(fb).toMatchObject({ author: 'Giorgi Kapanadze', time: '2d', timeIso: null });
    const substack = comments('comments-substack-basic').comments[0];
    expect(substack).toMatchObject({ author: 'Simon Achterberg', time: 'Nov 2', timeIso: null });
  });

  it('reads a forum thread: the opening post is the body, the replies are comments, signatures are dropped', () => {
    const r = comments('comments-forum-phpbb');
    expect(r.body.text.startsWith('With the Ukrainian transit contract ending on 31 December')).toBe(true);
    expect(r.comments.map((c: { author: string }) => c.author)).toEqual(['Hauptmann_a.D.', 'Irina_B', 'tomaszg', 'OldCable']);
    expect(r.comments.map((c: { text: string }) => c.text).join('\n')).not.toContain('Moderator, Eastern Europe subforum');
    expect(r.metadata.date).toBe('2024-10-31');
  });

  it('finds no comment in a section that is only a reply form', () => {
    const r = comments('comments-empty-form');
    expect(r.comments).toEqual([]);
    expect(r.removed.map((x: { text: string }) => x.text)).toContain('Please enter your comment!');
  });
});
