import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

// Recognition beyond the gazetteer, on sentences in the style of wire copy (the CoNLL-2003 and
// OntoNotes conventions: titles outside the name, acronyms as organisations).
type E = { name: string; type: string; mentions: Array<{ text: string; in: string }> };
const article = (title: string, ...paras: string[]) => [title, ...paras].join('\n\n') + '\n';
const byMention = (es: E[], text: string) => es.find((e) => e.mentions.some((m) => m.text === text));

describe('entities beyond the gazetteer', () => {
  it.each([
    ['a given name from outside English', 'Japan coach Shu Kamo said the team played well, and Takuya Takagi scored twice in the second half on Friday.', 'Takuya Takagi', 'PERSON'],
    ['a profession as title', 'Goalkeeper Salem Bitar appeared to have covered the header but then allowed the ball to slip into the net.', 'Salem Bitar', 'PERSON'],
    ['an unknown acronym in running text', 'Natural gas futures on the NYMEX ended sharply lower on Friday as traders bet on milder weather in the Northeast.', 'NYMEX', 'ORG'],
    ['a sentence-case headline lends its full name to the body', null, 'Marcello Cuttitta', 'PERSON'],
  ])('%s', (_label, sentence, mention, type) => {
    const text = sentence ? article('Markets and Sport Roundup', sentence) : article('Italy recalled Marcello Cuttitta', 'Cuttitta, who trainer George Coste said was certain to play on Saturday week, was named in a 21-man squad for the match.');
    const e = byMention(analyse(text).entities, mention);
    expect(e?.type).toBe(type);
    if (!sentence) expect(e?.mentions.map((m) => m.text)).toEqual(['Marcello Cuttitta', 'Cuttitta']);
  });

  it('does not take a place inside a longer unknown name for the place', () => {
    const es: E[] = analyse(article('Cricket', 'The West Indies beat Australia by five wickets at the Melbourne Cricket Ground on Sunday, with their captain unbeaten.')).entities;
    expect(es.some((e) => e.mentions.some((m) => m.text === 'West'))).toBe(false);
    expect(byMention(es, 'Australia')?.type).toBe('GPE');
  });

  it('keeps an acronym the text spells out in lowercase words out of the organisations', () => {
    const es: E[] = analyse(article('Briefing', 'The special military operation (SMO) began in 2022, and the SMO continues, officials said on Monday in Moscow.')).entities;
    expect(es.map((e) => e.name)).not.toContain('SMO');
    expect(byMention(es, 'Moscow')?.type).toBe('GPE');
  });

  it('reads the names in a list of people as people, though no rule knows them alone', () => {
    const es: E[] = analyse(article('Japan squad named', 'Coach Shu Kamo named his side on Friday: Kenichi Shimokawa, Norio Omura, Masami Ihara and Hiroaki Morishima start, with Yasuto Honda on the bench.')).entities;
    for (const n of ['Norio Omura', 'Masami Ihara']) expect(byMention(es, n)?.type, n).toBe('PERSON');
    // A list of places is no list of people.
    const places: E[] = analyse(article('Route announced', 'The convoy will pass through Minsk, Grodno, Brest and Pinsk before it reaches the border crossing on Sunday.')).entities;
    expect(places.filter((e) => e.type === 'PERSON')).toEqual([]);
  });

  it('reads chat abbreviations in comments as chat, and the same letters in the article as the organisation', () => {
    const withComment = analyse(`${article('Shipping rules', 'The IMO adopted new rules for tankers on Monday, the International Maritime Organization said in London.')}\n1 Comments\n\nAvatar of Bob\n\nBob\n\nLOL these rules will change nothing, IMO the tankers will sail on as before.\n`);
    const imo = withComment.entities.find((e: E) => e.name === 'International Maritime Organization') as E;
    expect(imo.mentions.map((m) => m.in)).toEqual(['body', 'body']);
    expect(withComment.entities.some((e: E) => e.mentions.some((m) => m.text === 'LOL'))).toBe(false);
  });
});
