import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

// Voice and speaker of frame hits on invented sentences, one row per rule: which part of a
// sentence a reporting cue covers, reporting nouns and source phrases, and how quotation marks
// are paired. Each rule has rows that must turn attributed and rows that must stay the outlet's.
type Hit = { frame: string; text: string; voice: string; speaker: { name: string | null; text: string } | null };
const article = (...paras: string[]) => ['Security talks in Europe', ...paras].join('\n\n') + '\n';
const hit = (text: string, frame: string, phrase: string): Hit | undefined =>
  (analyse(text).frames.hits as Hit[]).find((h) => h.frame === frame && (h.text.includes(phrase) || phrase.includes(h.text)));

// [rule, body paragraphs, frame, phrase in the hit, voice, speaker's canonical name (undefined: not checked)]
type Row = [string, string[], string, string, string, string | null | undefined];

const rows: Row[] = [
  // Scope: a verb reaches its reported clause, not the rest of the sentence.
  ['what X calls: the named term is attributed', ['The government has cracked down on independent media as it wages what it calls a special military operation in Ukraine.'], 'war-euphemism', 'military operation', 'attributed', undefined],
  ['what X calls: the main clause stays authorial', ['The government has cracked down on independent media as it wages what it calls a special military operation in Ukraine.'], 'authoritarian-regime', 'cracked down', 'authorial', null],
  ['so-called is distancing, not speech', ['The so-called collective West has imposed new sanctions on Minsk.'], 'collective-west', 'collective West', 'authorial', null],
  [', citing …: the main clause stays authorial', ['Moscow launched its invasion of Ukraine in February, citing the need to protect Russian speakers.'], 'invasion', 'invasion of Ukraine', 'authorial', null],
  ['verb before its complement', ['Lavrov said the collective West was trying to isolate Russia from its partners.'], 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['adverbial lead-in before the verb', ['On Tuesday, Lavrov said the collective West had declared a total war on Russia.'], 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['post-posed verb reaches the clause before it', ['The collective West is losing its influence in Asia, Lukashenko said at the forum in Minsk.'], 'collective-west', 'collective West', 'attributed', 'Alexander Lukashenko'],
  ['post-posed verb: its adjunct after it is the outlet’s', ['"We will hold the line," Zelensky said on a visit to troops facing the Russian invasion near Kharkiv.'], 'invasion', 'invasion', 'authorial', null],
  [', and has …: a second verb phrase of the outlet', ['Russia has been demanding security guarantees from NATO, and has deployed troops near the border with Ukraine as the invasion fears grow.'], 'invasion', 'invasion', 'authorial', null],
  ['with X accusing Y of …', ['The talks resumed in Geneva, with the West accusing Moscow of planning an invasion of Ukraine.'], 'invasion', 'invasion', 'attributed', undefined],
  ['no cue at all stays authorial', ['Officials fear an invasion of Ukraine could come within weeks.'], 'invasion', 'invasion of Ukraine', 'authorial', null],
  ['first person is the author', ['We believe the collective West has lost its way in this crisis.'], 'collective-west', 'collective West', 'authorial', null],
  // Reporting nouns and stance verbs.
  ['claims about …', ['Recently, claims about a potential Russian invasion have become more frequent in Western media.'], 'invasion', 'invasion', 'attributed', null],
  ['possessor of a claim is its source', ['Kyiv\'s claims of a Russian invasion were dismissed in Moscow.'], 'invasion', 'invasion', 'attributed', 'Kyiv'],
  ['dismissed X as …', ['Kremlin spokesman Dmitry Peskov dismissed the allegations of an imminent invasion as hysteria.'], 'invasion', 'invasion', 'attributed', 'Dmitry Peskov'],
  ['a pledge to …', ['Moscow wants guarantees that include a pledge to halt the eastward expansion of NATO.'], 'nato-threat', 'expansion', 'attributed', undefined],
  // Source phrases and pronouns across sentences.
  ['according to him', ['Vladimir Putin spoke at the forum on Friday.', 'According to him, the collective West is trying to isolate Russia.'], 'collective-west', 'collective West', 'attributed', 'Vladimir Putin'],
  ['in his words', ['Sergey Lavrov spoke at the forum on Friday.', 'In his words, the collective West is trying to isolate Russia.'], 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['he stressed that: the pronoun, not the topic named after it', ['Sergey Lavrov spoke at the security forum in Minsk on Friday afternoon before a large audience.', 'He stressed that the collective West is trying to isolate Russia.'], 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['as X put it', ['Dmitry Peskov spoke on Friday. As Lavrov put it, the collective West is trying to isolate Russia.'], 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['in the view of X', ['In the view of the Kremlin, the collective West is trying to isolate Russia.'], 'collective-west', 'collective West', 'attributed', undefined],
  // Quotation marks.
  ['mixed marks “…" still pair', ['It is “completely legitimate to strike," the minister said. The collective West has no plan for peace.'], 'collective-west', 'collective West', 'authorial', null],
  ['a stray mark does not invert later quotes', ['He read Orwell\'s "1984\' as a warning. The collective West is in decline, the author argues.'], 'collective-west', 'collective West', 'attributed', undefined],
  ['mixed marks "…” around a short term', ['Kyiv spoke of an imminent "Russian invasion.” Moscow rejected this.'], 'invasion', 'Russian invasion', 'scare-quoted', null],
  ['a lone quoted word is a term', ['Western media say Russia is plotting to "invade" its neighbour.'], 'invasion', 'invade', 'scare-quoted', null],
  ['a quoted clause is a quotation', ['"The collective West wants to weaken Russia at any cost," Lavrov told reporters.'], 'collective-west', 'collective West', 'quoted', 'Sergey Lavrov'],
];

describe('voice and speaker table', () => {
  it.each(rows)('%s', (_rule, paras, frame, phrase, voice, speaker) => {
    const h = hit(article(...paras), frame, phrase);
    expect(h, `no ${frame} hit on "${phrase}"`).toBeDefined();
    expect(h!.voice).toBe(voice);
    if (speaker === null) expect(h!.speaker?.name ?? null).toBeNull();
    else if (speaker !== undefined) expect(h!.speaker?.name).toBe(speaker);
  });

  it('a headline naming its source after a dash is attributed to it', () => {
    const r = analyse('The collective West is waging economic war – Dmitry Medvedev\n\nThe former president spoke on Friday in Saint Petersburg.\n');
    const h = (r.frames.hits as Hit[]).find((x) => x.frame === 'collective-west');
    expect(h?.voice).toBe('attributed');
    expect(h?.speaker?.name).toBe('Dmitry Medvedev');
  });

  it('a headline without a named source stays authorial', () => {
    const r = analyse('The collective West is waging economic war on Russia\n\nThe former president spoke on Friday in Saint Petersburg.\n');
    expect((r.frames.hits as Hit[]).find((x) => x.frame === 'collective-west')?.voice).toBe('authorial');
  });
});
