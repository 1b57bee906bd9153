import { describe, expect, it } from 'vitest';
import { analyse, type Report } from '../helpers.js';

// The HTML path on what real pages put around and inside the article: non-Latin scripts, link
// lists, teaser boxes, quotations in another script. Each page is small but built as sites build
// them: Readability's content keeps the widgets that sit inside the article's container.

const page = (html: string, id = 'page'): Report => analyse(html, { path: `${id}.html` }, id);
type Removed = { kind: string; rule: string; text: string };
const removedBy = (r: Report, rule: string): string[] => (r.removed as Removed[]).filter((x) => x.rule === rule).map((x) => x.text);

const shell = (lang: string, title: string, content: string): string => `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>${title}</h1>
${content}
</article></main>
<footer><p>© 2024 Example Media. All rights reserved.</p></footer>
</body></html>`;

const RUSSIAN = shell(
  'ru',
  'Правительство утвердило план ремонта дорог',
  `<p>Правительство утвердило план ремонта региональных дорог на ближайшие три года. Документ предусматривает восстановление более двух тысяч километров трасс.</p>
<p>По словам министра транспорта, основное внимание будет уделено мостам и путепроводам, построенным в прошлом веке. Работы начнутся весной.</p>
<p>Финансирование распределят между федеральным бюджетом и регионами. Эксперты считают, что сроки выполнения программы выглядят реалистичными.</p>`,
);

const KOREAN = shell(
  'ko',
  '서울시, 대중교통 요금 인상 계획 발표',
  `<p>서울시는 내년 상반기부터 지하철과 버스 기본요금을 인상하는 방안을 발표했다. 시는 적자 누적으로 인해 요금 조정이 불가피하다고 설명했다.</p>
<p>시민단체들은 물가 상승으로 어려움을 겪는 서민들에게 부담이 된다며 반대 입장을 밝혔다. 시는 공청회를 거쳐 최종안을 확정할 계획이다.</p>
<p>전문가들은 요금 인상과 함께 서비스 개선 방안도 제시되어야 한다고 지적했다.</p>`,
);

const PARAGRAPHS = `<p>The city council voted on Tuesday to extend the tram line to the northern suburbs, ending a decade of debate over the route and its cost to taxpayers.</p>
<p>Supporters said the extension would cut commuting times by a third for thousands of residents who now rely on crowded buses along the ring road.</p>
<p>Opponents argued that the money would be better spent on repairing existing lines, several of which have been closed for weeks this year because of faults.</p>`;

describe('HTML path: pages in other scripts', () => {
  it.each([
    ['Russian', RUSSIAN, 'ru', 'Правительство утвердило план ремонта региональных дорог'],
    ['Korean', KOREAN, 'ko', '서울시는 내년 상반기부터'],
  ])('gives a %s page its body and its own language', (_name, html, lang, opening) => {
    const r = page(html);
    expect(r.body.text.startsWith(opening)).toBe(true);
    expect(r.body.blocks).toHaveLength(3);
    expect(r.language).toBe(lang);
    expect(removedBy(r, 'language:foreign-paragraph')).toEqual([]);
  });

  it('keeps a quotation in another script inside an English article', () => {
    const quote = 'Мы будем продолжать работу над проектом, несмотря на все трудности и задержки последних месяцев.';
    const r = page(shell('en', 'Tram line extension approved', `${PARAGRAPHS}<blockquote><p>${quote}</p></blockquote><p>The mayor's office said construction would begin next spring once the final contracts were signed.</p>`));
    expect(r.body.text).toContain(quote);
    expect(r.language).toBe('en');
  });
});

describe('HTML path: navigation inside the content', () => {
  it('removes a list of linked headlines after the article, keeps a lone link between paragraphs', () => {
    const related = ['Bus fares to rise in January', 'New cycle lanes open on the ring road', 'Airport rail link delayed again', 'Council approves budget for schools']
      .map((h) => `<p><a href="/news/${h.length}">${h}</a></p>`)
      .join('\n');
    const r = page(shell('en', 'Tram line extension approved', `${PARAGRAPHS}<p><a href="/docs/plan.pdf">Read the full council plan</a></p><p>The mayor's office said construction would begin next spring once the final contracts were signed.</p><h3>More from the city</h3>${related}`));
    expect(removedBy(r, 'html:link-block')).toEqual(['Bus fares to rise in January', 'New cycle lanes open on the ring road', 'Airport rail link delayed again', 'Council approves budget for schools']);
    expect(r.body.text).toContain('Read the full council plan');
    expect(r.body.text).not.toContain('More from the city');
  });

  it('removes teaser records (kicker, linked headline, blurb) that Readability left after the article', () => {
    const teasers = [
      ['TRANSPORT', 'Bus fares to rise in January', 'The increase is the first in four years.'],
      ['SCHOOLS', 'Council approves budget for schools', 'Head teachers welcomed the extra money.'],
      ['HOUSING', 'Plans for 500 homes go on display', 'Residents can comment until the end of May.'],
    ]
      .map(([k, h, b]) => `<p>${k}</p><h3><a href="/n/${k}">${h}</a></h3><p>${b}</p>`)
      .join('\n');
    const r = page(shell('en', 'Tram line extension approved', `${PARAGRAPHS}${teasers}`));
    expect(r.body.text.endsWith('closed for weeks this year because of faults.')).toBe(true);
    expect(removedBy(r, 'layout:teaser-records')).toHaveLength(9);
  });

  it('keeps an article whose sections repeat a heading-and-paragraph shape without links', () => {
    const sections = ['What changes', 'Who pays', 'When it starts']
      .map((h, i) => `<h2>${h}</h2><p>Section ${i + 1} explains the plan in one short paragraph.</p>`)
      .join('\n');
    const r = page(shell('en', 'Tram line extension approved', `${PARAGRAPHS}${sections}`));
    expect(r.body.headings).toEqual(['What changes', 'Who pays', 'When it starts']);
    expect(removedBy(r, 'layout:teaser-records')).toEqual([]);
  });
});
