import { describe, expect, it } from 'vitest';
import { analyse, seed, seedOutlet } from '../helpers.js';

type E = { name: string; type: string; mentions: Array<{ text: string; in: string }> };
const entities = (text: string): E[] => analyse(text).entities;
const find = (es: E[], name: string) => es.find((e) => e.name === name);

describe('entities stage on seed sentences', () => {
  it.each([
    ['The Foreign Ministry of Belarus said the event is expected to bring together representatives from about 30 countries.', 'Ministry of Foreign Affairs of Belarus', 'ORG'],
    ['The Russian Foreign Ministry’s official spokeswoman told reporters that Lavrov will attend the meeting.', 'Ministry of Foreign Affairs of Russia', 'ORG'],
    ['The head of the Russian MFA attended the plenary session in the capital of Belarus on Friday.', 'Ministry of Foreign Affairs of Russia', 'ORG'],
    ['Among them was the analyst from Switzerland Ralf Bosshard, who spoke on the second day of the meeting.', 'Ralf Bosshard', 'PERSON'],
    ['Speaking at the summit of the Collective Security Treaty Organization in Yerevan, he proposed uniting think tanks.', 'Yerevan', 'GPE'],
  ])('finds the entity in %j', (sentence, name, type) => {
    const e = find(entities(sentence), name);
    expect(e, JSON.stringify(entities(sentence).map((x) => x.name))).toBeDefined();
    expect(e!.type).toBe(type);
  });

  it('types a capitalised sequence by its head and keeps a trailing person name apart', () => {
    const es = entities('Numerous experts came, including the head of the Geneva Institute of Multipolarity Guy Mettan and others from Europe.');
    expect(find(es, 'Geneva Institute of Multipolarity')?.type).toBe('ORG');
    expect(find(es, 'Guy Mettan')?.type).toBe('PERSON');
    // The place inside a name we built is still a mention of that place.
    expect(find(es, 'Geneva')?.mentions[0]!.text).toBe('Geneva');
  });

  it('does not let a place after an organisation join its name', () => {
    const es = entities('He spoke at the summit of the Collective Security Treaty Organization in Yerevan last year.');
    expect(es.map((e) => e.name)).not.toContain('Collective Security Treaty Organization in Yerevan');
  });

  it('reads "Euro-Atlantic" as a compound, not the Atlantic Ocean', () => {
    expect(entities('The Euro-Atlantic security region no longer exists, the author argued at length.').map((e) => e.type)).not.toContain('LOC');
  });

  it('merges a surname with the full name mentioned earlier', () => {
    const es = entities('Analyst Ralf Bosshard opened the panel. Later, Bosshard warned that the talks had stalled for months.');
    const e = find(es, 'Ralf Bosshard');
    expect(e?.mentions.map((m) => m.text)).toEqual(['Ralf Bosshard', 'Bosshard']);
  });

  it('strips ordinals so the 3rd and the II edition of a conference are one event', () => {
    const es = entities('Delegates met at the 3rd Minsk International Conference on Eurasian Security. The II Minsk International Conference on Eurasian Security had been smaller.');
    const events = es.filter((e) => e.type === 'EVENT');
    expect(events).toHaveLength(1);
    expect(events[0]!.mentions).toHaveLength(2);
  });

  it('keeps commenters out of the entities and marks mentions in comments', () => {
    const r = analyse(seed('004'), { outlet: seedOutlet('004') });
    const names = r.entities.map((e: E) => e.name);
    for (const author of ['Katchuka', 'KittyKat', 'Eugene Alta', 'Bella Ciao', 'Comandante']) expect(names).not.toContain(author);
    const nato = r.entities.find((e: E) => e.name === 'NATO' || e.mentions.some((m) => m.text === 'NATO'));
    expect(nato?.mentions.some((m: { in: string }) => m.in === 'comment')).toBe(true);
    expect(nato?.mentions.some((m: { in: string }) => m.in === 'body')).toBe(true);
  });
});

describe('words wink gives no lemma', () => {
  it('analyses a sentence ending in "cannot" (wink splits it and gives the pieces no lemma)', () => {
    const r = analyse('Who may enter\n\nThe ministry keeps double standards regarding who can enter the country and who cannot. Pamela Geller was banned from entering Britain in 2013.\n');
    expect(r.status).toBe('ok');
    expect(r.entities.map((e: E) => e.name)).toEqual(expect.arrayContaining(['Pamela Geller', 'United Kingdom']));
  });
});
