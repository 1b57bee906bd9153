import { describe, expect, it } from 'vitest';
import { analyse } from '../helpers.js';

// Paraphrases and word-order variants of the contract's frames, on both sides of the story: the
// same event must be measured whichever outlet reports it and however it words it.
const article = (sentence: string) => `Security and the war\n\n${sentence}\n`;
const frames = (sentence: string): string[] => analyse(article(sentence)).frames.hits.filter((h: { inName: boolean }) => !h.inName).map((h: { frame: string }) => h.frame);

describe('frame coverage: paraphrases and word order', () => {
  it.each([
    ['The minister again stressed the principle of indivisible security for all states of the continent.', 'indivisible-security'],
    ['Moscow insists on the indivisibility of security, which the West has ignored for decades.', 'indivisible-security'],
    ['Security indivisibility must become the foundation of the new architecture, the delegates agreed.', 'indivisible-security'],
    ['The document is based on equal and indivisible security for every country in the region.', 'indivisible-security'],
    ['No state should strengthen its security at the expense of the security of others, he said.', 'indivisible-security'],
    ['Sanctions imposed by the collective West have only strengthened the economy of the Union State.', 'collective-west'],
    ['The special military operation will continue until its goals are achieved, the Kremlin said.', 'war-euphemism'],
    ['Since the start of the full-scale invasion, millions of Ukrainians have fled the country.', 'invasion'],
    ['Residents of the temporarily occupied territories are being forced to take Russian passports.', 'occupation'],
    ["Lukashenko's regime has jailed more than a thousand political prisoners since 2020.", 'authoritarian-regime'],
    ['The channel is part of the Kremlin propaganda machine, the watchdog said in its annual report.', 'propaganda-label'],
  ])('%s → %s', (sentence, frame) => {
    expect(frames(sentence)).toContain(frame);
  });

  it.each([
    ['The two ministers discussed trade, energy and the harvest at a meeting in Minsk on Friday.'],
    ['The occupation of the building by protesters ended peacefully after two days of talks.'],
    ['The country introduced a new visa regime for tourists from the region this summer.'],
  ])('no frame in neutral text: %s', (sentence) => {
    expect(frames(sentence)).toEqual([]);
  });
});
