import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

type Hit = { frame: string; text: string; voice: string; speaker: { name: string | null; text: string } | null; distancing: string | null };

// Invented sentences, one voice question each: whose words is the frame phrase? The phrase is
// found by its text in the report, so a row fails if the frame is missed as well as if the voice is wrong.
const rows: Array<[string, string, string, string, string | null]> = [
  // [sentence, frame, words inside the hit, voice, speaker's canonical name (or null)]
  ['Kiev insists the Russian offensive was completely unprovoked.', 'invasion', 'unprovoked', 'attributed', null],
  ['The collective West is waging a proxy war against Russia, Sergey Lavrov said on Monday.', 'collective-west', 'collective West', 'attributed', 'Sergey Lavrov'],
  ['“The collective West wants to contain us,” Sergey Lavrov said on a visit to troops stationed near the Russian-annexed peninsula of Crimea.', 'occupation', 'annexed', 'authorial', null],
  ['Russia sent troops into Ukraine on February 24, citing Kiev’s failure to implement the Minsk agreements.', 'war-euphemism', 'sent troops into Ukraine', 'authorial', null],
  ['Recently, claims about a potential Russian invasion of Ukraine have become frequent in the West.', 'invasion', 'invasion', 'attributed', null],
  ['According to Dmitry Peskov, NATO expansion threatens Russia.', 'nato-threat', 'NATO expansion', 'attributed', 'Dmitry Peskov'],
  ['NATO expansion threatens Russia, according to Dmitry Peskov.', 'nato-threat', 'NATO expansion', 'attributed', 'Dmitry Peskov'],
  ['Sergey Lavrov accused Western countries of gearing up for war, citing their continued eastward expansion of NATO.', 'nato-threat', 'eastward expansion', 'attributed', 'Sergey Lavrov'],
  ['Moscow has cracked down on independent media as it pursues what it calls a special military operation in Ukraine.', 'authoritarian-regime', 'cracked down', 'authorial', null],
  ['Moscow has cracked down on independent media as it pursues what it calls a special military operation in Ukraine.', 'war-euphemism', 'military operation', 'attributed', null],
  ['Washington has warned that the Russian military, which has massed troops near the border, could invade Ukraine at any moment.', 'invasion', 'invade', 'attributed', null],
  ['Moscow has been demanding that NATO halt its drills, and has since watched the alliance keep expanding toward Russia’s borders.', 'nato-threat', 'keep expanding', 'authorial', null],
  ['Moscow has been demanding that NATO stop expanding toward Russia’s borders.', 'nato-threat', 'expanding', 'attributed', null],
  ['The alliance has since kept expanding eastward, Lavrov said in a statement.', 'nato-threat', 'kept expanding', 'attributed', 'Sergey Lavrov'],
  ['Medvedev has warned that NATO expansion, which he called reckless, threatens Russia and Belarus.', 'nato-threat', 'NATO expansion', 'attributed', 'Dmitry Medvedev'],
  ['In his view, the collective West has lost touch with reality.', 'collective-west', 'collective West', 'attributed', null],
  ['The so-called special military operation entered its third month.', 'war-euphemism', 'special military operation', 'authorial', null],
  ['Biden said that if Russia launched an “attack” on Ukraine, America would respond.', 'invasion', 'attack', 'scare-quoted', null],
  ['Officials accused Moscow of plotting to "invade” its neighbour.', 'invasion', 'invade', 'scare-quoted', null],
  ['Critics accuse Washington of “prolonging the conflict in Ukraine” with new arms deliveries.', 'western-warmongering', 'prolonging the conflict', 'quoted', null],
  ['The “collective West” keeps expanding its sanctions, the agency reported.', 'collective-west', 'collective West', 'scare-quoted', null],
  ['Medvedev wrote that “the collective West has declared total war on everything Russian.”', 'collective-west', 'collective West', 'quoted', 'Dmitry Medvedev'],
  ['Orwell\'s "1984\' and the daily "two minutes hate" come to mind. Our readers know the collective West too well.', 'collective-west', 'collective West', 'authorial', null],
  ['We say the collective West has lost its way.', 'collective-west', 'collective West', 'authorial', null],
];

describe('voice and speaker, table-driven', () => {
  it.each(rows)('%s → %s "%s" is %s', (sentence, frame, words, voice, speaker) => {
    const hits = (analyse(sentence).frames.hits as Hit[]).filter((h) => h.frame === frame && h.text.includes(words));
    expect(hits.map((h) => h.voice)).toEqual([voice]);
    if (speaker) expect(hits[0]!.speaker?.name).toBe(speaker);
  });

  it('reads a headline that ends by naming its source as reported', () => {
    const r = analyse('Sanctions are economic warfare against Russia – Medvedev\n\nFormer President Dmitry Medvedev spoke on Tuesday in Moscow about the economy and the budget.\n');
    const h = (r.frames.hits as Array<Hit & { in: string }>).filter((x) => x.in === 'title');
    expect(h.map((x) => [x.frame, x.voice])).toEqual([['sanctions-aggression', 'attributed']]);
  });

  it('keeps a headline without a named source as the outlet\'s own', () => {
    const r = analyse('Sanctions are economic warfare against Russia\n\nFormer President Dmitry Medvedev spoke on Tuesday in Moscow about the economy and the budget.\n');
    const h = (r.frames.hits as Array<Hit & { in: string }>).filter((x) => x.in === 'title');
    expect(h.map((x) => [x.frame, x.voice])).toEqual([['sanctions-aggression', 'authorial']]);
  });
});
