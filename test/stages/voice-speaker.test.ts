import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

// Voice, speaker and distancing on sentences in the style of TASS, BelTA, RT, Reuters and the
// Kyiv Independent: who says the framing phrase, and whether the outlet keeps it at a distance.
type H = { frame?: string; marker?: string; text: string; voice: string; distancing: string | null; speaker: { text: string; name: string; resolved: string } | null };
const article = (...paras: string[]) => ['Minister speaks on security', ...paras].join('\n\n') + '\n';
const hitsOf = (text: string): H[] => {
  const r = analyse(text);
  return [...(r.frames?.hits ?? []), ...(r.rhetoric?.hits ?? [])];
};
const frameHit = (text: string, frame: string) => hitsOf(text).find((h) => h.frame === frame);

describe('voice and speaker of frame hits', () => {
  it.each([
    ['reported speech with the speaker before the verb', article('Russian Foreign Minister Sergey Lavrov said the collective West was trying to isolate Russia from its partners.'), 'collective-west', 'attributed', 'Sergey Lavrov', 'named'],
    ['reported speech with the speaker after the verb', article('The collective West has no interest in a settlement, said Belarusian President Alexander Lukashenko on Tuesday in Minsk.'), 'collective-west', 'attributed', 'Alexander Lukashenko', 'named'],
    ['according to', article('According to Maria Zakharova, the collective West bears full responsibility for the escalation in the region.'), 'collective-west', 'attributed', 'Maria Zakharova', 'named'],
    ['an organisation as the source', article('The Russian Foreign Ministry noted that the collective West continued to supply weapons to Kyiv despite the risks.'), 'collective-west', 'attributed', 'Ministry of Foreign Affairs of Russia', 'named'],
    ['a pronoun resolved to the person named before', article('Vladimir Putin spoke at the forum in St Petersburg on Friday afternoon before a large audience.', 'He said the collective West had lost its sense of reality and was pushing the world towards a larger conflict.'), 'collective-west', 'attributed', 'Vladimir Putin', 'pronoun'],
    ['a quotation with the speaker after it', article('"The collective West is trying to destroy everything that does not fit its rules," Lavrov told reporters in Moscow on Monday.'), 'collective-west', 'quoted', 'Sergey Lavrov', 'named'],
    ['a quotation that runs over two paragraphs', article('"We have said many times that the collective West wants a strategic defeat of Russia. This is no secret for anyone.', '"And we will respond to every threat to our security," Sergey Shoigu said at the meeting.'), 'collective-west', 'quoted', 'Sergei Shoigu', 'named'],
  ])('%s', (_label, text, frame, voice, speaker, resolved) => {
    const h = frameHit(text, frame);
    expect(h?.voice).toBe(voice);
    expect(h?.speaker?.name).toBe(speaker);
    expect(h?.speaker?.resolved).toBe(resolved);
  });

  it('gives the outlet’s own words no speaker', () => {
    const h = frameHit(article('The collective West has once again shown that it is not interested in a peaceful settlement of the conflict.'), 'collective-west');
    expect(h?.voice).toBe('authorial');
    expect(h?.speaker).toBeNull();
  });

  it('does not take the topic of a quotation for its speaker', () => {
    const h = frameHit(article('"Washington and the collective West will not dictate to us," the spokeswoman Maria Zakharova said on Thursday.'), 'collective-west');
    expect(h?.speaker?.name).toBe('Maria Zakharova');
  });

  it('scare quotes are not speech: no speaker', () => {
    const h = frameHit(article('Minsk has again complained about sanctions imposed by the \'collective West\' on its potash exports this year.'), 'collective-west');
    expect(h?.voice).toBe('scare-quoted');
    expect(h?.speaker).toBeNull();
  });
});

describe('distancing and negation on hits', () => {
  it.each([
    ['so-called', article('Kyiv rejected what it described as the so-called special military operation, calling it a full-scale invasion of a sovereign state.'), 'war-euphemism', 'so-called'],
    ['what … calls', article('Thousands of troops have been killed in what Moscow calls a special military operation in eastern Ukraine since February.'), 'war-euphemism', 'what … calls'],
    ['alleged', article('The report describes the alleged invasion of Belarusian airspace by Polish helicopters during the exercises last week.'), 'invasion', 'alleged'],
  ])('%s', (_label, text, frame, distancing) => {
    expect(frameHit(text, frame)?.distancing).toBe(distancing);
  });

  it('leaves a plain hit undistanced', () => {
    expect(frameHit(article('The special military operation will continue until all of its goals have been achieved, officials said in Moscow.'), 'war-euphemism')?.distancing).toBeNull();
  });

  it('records a negated phrase, and an unnamed source as unnamed rather than the nearest name', () => {
    const h = frameHit(article('Moscow has never been an aggressor, and there is no Russian invasion, the minister said at the briefing.'), 'invasion') as H & { negated: boolean };
    expect(h.negated).toBe(true);
    expect(h.speaker).toEqual({ text: 'the minister', name: null, type: null, resolved: 'unnamed' });
  });
});
