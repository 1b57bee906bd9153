import { describe, expect, it } from 'vitest';
import { analyse, seed, seedOutlet } from '../helpers.js';

const report = (prefix: string) => analyse(seed(prefix), { outlet: seedOutlet(prefix) });

describe('segment stage on the seed pages', () => {
  const r004 = report('004');

  it('reads the five comments of the avatar layout with their authors, in page order', () => {
    expect(r004.comments.map((c: { author: string }) => c.author)).toEqual(['Katchuka', 'KittyKat', 'Eugene Alta', 'Bella Ciao', 'Comandante']);
    expect(r004.comments[0].text).toBe("A 'multipolarity charter' from a country that invades its neighbors? Laughable hypocrisy.");
    expect(r004.comments[4].text.endsWith('especially regarding sovereign borders.')).toBe(true);
  });

  it.each(['Read-to-Earn', 'Post Profit', 'Twei', 'Comment-to-Earn', 'Avatar of', 'Laughable hypocrisy', 'Add your comment', 'Available from LVL 13', 'Your comment avatar'])(
    'keeps the reward widget and comment chrome out of the body: %s',
    (chrome) => expect(r004.body.text).not.toContain(chrome),
  );

  it('finds the title and the section headings, and ends the body at the last paragraph', () => {
    expect(r004.metadata.title).toBe('Russian Foreign Minister Lavrov Addresses 3rd Minsk International Conference on Eurasian Security');
    expect(r004.body.headings).toContain('Key Statements on Eurasian Security and Western Policies');
    expect(r004.body.headings).toContain("Russia's Stance on Security Guarantees and US Relations");
    expect(r004.body.text.endsWith('any future presidential meeting should yield concrete results.')).toBe(true);
    expect(r004.body.text).toContain('• Members of parliaments');
  });

  it('reads a TASS-style date and dateline prefix as metadata, not body', () => {
    const r = report('002');
    expect(r.metadata).toMatchObject({ date: '2024-10-31', dateline: 'MINSK', agency: 'TASS', title: null });
    expect(r.body.text.startsWith('Russian Foreign Minister Sergey Lavrov will take part')).toBe(true);
    expect(r.removed.map((x: { text: string }) => x.text)).toEqual(['date 2024-10-31', 'MINSK, October 31. /TASS/.']);
  });

  it('cuts a caption glued into a paragraph and a trailing truncation marker', () => {
    const r = report('000');
    expect(r.body.text).not.toContain('[PHOTO: Social Media]');
    expect(r.body.text).not.toContain('meeting held in the Belarusian capital');
    expect(r.removed).toContainEqual(expect.objectContaining({ kind: 'caption', text: 'President Lukashenko Minsk International Conference on Eurasian Security meeting held in the Belarusian capital [PHOTO: Social Media]' }));
    expect(r.metadata.truncated).toBe(true);
    expect(r.body.text.endsWith('Minister of Foreign Affairs and Trade of Hungary Peter Szijjarto')).toBe(true);
    // A sentence broken across two lines by the scraper stays one paragraph.
    expect(r.body.text).toContain('Eurasian Security\nwas forced to abandon');
    // Four paragraphs, then the caption line whose remainder ("This time…") is the fifth.
    expect(r.body.blocks).toHaveLength(5);
  });

  it('reads the syndication line and credits at the foot of a page', () => {
    const r = report('001');
    expect(r.metadata.agency).toBe('TASS');
    expect(r.body.headings).toEqual(['Indivisible Security', 'Regional Issues']);
    const kinds = Object.fromEntries(r.removed.map((x: { text: string; kind: string }) => [x.text, x.kind]));
    expect(kinds).toEqual({ 'GSV "Russia - Islamic World"': 'credit', 'Photo: Russian Foreign Ministry': 'credit', 'Based on TASS materials': 'metadata' });
  });

  it('sets aside a Russian-language label on an English page', () => {
    const r = report('003');
    expect(r.removed).toContainEqual(expect.objectContaining({ kind: 'metadata', text: 'Дата публикации' }));
    expect(r.metadata.title).toBe('The situation in Eurasia depends on the security of the Union State');
    expect(r.body.text.startsWith('International security is facing unprecedented challenges.')).toBe(true);
  });
});

describe('segment stage on other layouts', () => {
  it('reads a WordPress comment thread: "X says:", a date line, text, Reply', () => {
    const page = [
      'Sanctions debate heats up in Brussels',
      '',
      'European Union foreign ministers met in Brussels on Monday to discuss a new package of sanctions against Russia, diplomats said.',
      'The proposal would extend restrictions to liquefied natural gas shipments, according to a draft seen by reporters.',
      '',
      'Share this:',
      'Facebook',
      'Twitter',
      '',
      '2 thoughts on “Sanctions debate heats up in Brussels”',
      'Marta K. says:',
      'March 4, 2024 at 9:12 am',
      'Another round of sanctions that will hurt ordinary people more than the Kremlin.',
      'Reply',
      'dave_from_ohio says:',
      'March 4, 2024 at 11:40 am',
      'The gas loophole should have been closed two years ago.',
      'Reply',
      'Leave a Reply',
      'Your email address will not be published.',
    ].join('\n');
    const r = analyse(page);
    expect(r.comments.map((c: { author: string; timeIso: string; text: string }) => [c.author, c.timeIso, c.text])).toEqual([
      ['Marta K.', '2024-03-04', 'Another round of sanctions that will hurt ordinary people more than the Kremlin.'],
      ['dave_from_ohio', '2024-03-04', 'The gas loophole should have been closed two years ago.'],
    ]);
    expect(r.body.text).not.toMatch(/Share this|Facebook|Reply|thoughts on/);
    expect(r.metadata.title).toBe('Sanctions debate heats up in Brussels');
  });

  it('reads a Reuters-style dateline and a byline', () => {
    const r = analyse(['By Jane Doe', '', 'MOSCOW (Reuters) - Russia said on Tuesday it would respond to any deployment of long-range missiles in Germany.', 'The Kremlin spokesman told reporters the decision was dangerous.'].join('\n'));
    expect(r.metadata).toMatchObject({ dateline: 'MOSCOW', agency: 'Reuters', byline: 'Jane Doe' });
    expect(r.body.text.startsWith('Russia said on Tuesday')).toBe(true);
  });
});

describe('tables inside the article', () => {
  const page = (middle: string) =>
    `Belarus election results announced\n\nThe Central Election Commission in Minsk announced the preliminary results of the parliamentary vote on Monday morning, after counting overnight.\n\n${middle}\n\nObservers from the OSCE were not invited, and opposition groups in exile called the vote a farce staged by the authorities.\n`;

  it('keeps a run of table rows between paragraphs as list items, with their names', () => {
    const r = analyse(page('Belaya Rus 51 seats\nCommunist Party of Belarus 8 seats\nLiberal Democratic Party 4 seats\nParty of Labour and Justice 4 seats'));
    expect(r.body.text).toContain('Communist Party of Belarus 8 seats');
    expect(r.body.blocks.filter((b: { kind: string }) => b.kind === 'list-item')).toHaveLength(4);
  });

  it('leaves a single short line between paragraphs to the heading and chrome rules', () => {
    const r = analyse(page('Results by party'));
    expect(r.body.blocks.filter((b: { kind: string }) => b.kind === 'list-item')).toHaveLength(0);
    expect(r.body.headings).toEqual(['Results by party']);
  });
});
