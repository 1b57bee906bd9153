import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLexicons } from '../../pipeline/matcher/load.js';
import { analyse, seed, seedOutlet, tempDir } from '../helpers.js';

type H = { frame: string; text: string; start: number; end: number; voice: string; inName: boolean; negated: boolean; in: string };
const hits = (text: string): H[] => analyse(text).frames.hits;

describe('framing stage: matching and voice on seed sentences', () => {
  it.each([
    ["They agreed to coordinate foreign policy efforts against sanctions from the 'collective West'.", 'collective-west', 'collective West', 'scare-quoted'],
    ["Lavrov notably accused Western countries of 'openly gearing up for a large-scale conflict in Europe', citing their alleged undermining of arms control agreements.", 'western-warmongering', 'openly gearing up for a large-scale conflict in Europe', 'quoted'],
    ['Lavrov accused the Europeans of supporting the continued eastward expansion of NATO.', 'nato-threat', 'eastward expansion of NATO', 'attributed'],
    ['Minsk began implementing it only after the start of the special military operation (SMO) in Ukraine.', 'war-euphemism', 'special military operation', 'authorial'],
    ['According to Putin, it is crucial to establish a model that ensures “equal and indivisible security, beneficial cooperation, and balanced development.”', 'indivisible-security', 'equal and indivisible security', 'quoted'],
    ['The principle of security indivisibility should become a key one in the Eurasian region.', 'indivisible-security', 'security indivisibility', 'authorial'],
    ['The deployment of nuclear weapons in Belarus has become a forced response to threats to the Union State.', 'forced-response', 'forced response', 'authorial'],
  ])('%s', (sentence, frame, phrase, voice) => {
    // As the evaluation does: a hit of the frame must overlap where the phrase stands in the sentence.
    const at = sentence.indexOf(phrase);
    const h = hits(sentence).find((x) => x.frame === frame && x.start < at + phrase.length && at < x.end);
    expect(h, JSON.stringify(hits(sentence))).toBeDefined();
    expect(h!.text).toBe(sentence.slice(h!.start, h!.end));
    expect(h!.voice).toBe(voice);
  });

  it('marks hits inside a proper name and does not count them', () => {
    const r = analyse('Experts included the head of the Geneva Institute of Multipolarity Guy Mettan, who spoke first.');
    const inside = r.frames.hits.filter((h: H) => h.inName);
    expect(inside.map((h: H) => h.text)).toEqual(['Multipolarity']);
    for (const h of inside) expect(r.frames.scores[h.frame]?.count ?? 0).toBe(0);
  });

  it('records negation before a phrase', () => {
    const h = hits('Officials insisted this was not a special military operation but a war.').find((x) => x.frame === 'war-euphemism');
    expect(h?.negated).toBe(true);
  });

  it('tells apostrophes from quotation marks', () => {
    const h = hits("Russia's position rests on Belarus's 'Eurasian security architecture' proposal.").find((x) => x.frame === 'eurasian-security-order');
    expect(h?.voice).toBe('scare-quoted');
  });

  it('scores the body and the comments separately', () => {
    const r = analyse(seed('004'), { outlet: seedOutlet('004') });
    const commentHits = r.frames.hits.filter((h: H) => h.in === 'comment');
    expect(commentHits.length).toBeGreaterThan(0);
    const bodyCount = r.frames.hits.filter((h: H) => h.in !== 'comment' && h.in !== 'title' && !h.inName).length;
    const scored = Object.values(r.frames.scores as Record<string, { count: number }>).reduce((a, s) => a + s.count, 0);
    expect(scored).toBe(bodyCount);
    expect(Object.values(r.frames.commentScores as Record<string, { count: number }>).reduce((a, s) => a + s.count, 0)).toBe(commentHits.length);
  });
});

describe('lexicon loading', () => {
  const dir = tempDir();
  const file = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  it.each([
    ['no family', 'version: 1\nframes:\n  - id: a\n    patterns: [x]\n', /"family" must be one of/],
    ['bad id', 'version: 1\nfamily: narrative\nframes:\n  - id: Bad Id\n    patterns: [x]\n', /frame #1 "Bad Id": "id" must be/],
    ['gap at edge', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: ["* west"]\n', /frame #1 "a": pattern "\* west": a pattern cannot start or end with a gap/],
    ['unknown POS', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: ["[FOO] west"]\n', /unknown POS tag \[FOO\]/],
    ['broken YAML', 'version: 1\nfamily: [narrative\n', /not valid YAML/],
  ])('fails fast on %s, naming file, entry and reason', (name, body, msg) => {
    const p = file(`${name.replace(/\W/g, '-')}.yaml`, body);
    expect(() => loadLexicons([p])).toThrow(msg);
    expect(() => loadLexicons([p])).toThrow(p);
  });

  it('lets a user file extend a shipped frame with new patterns', () => {
    const p = file('extra.yaml', 'version: 1\nfamily: narrative\nframes:\n  - id: collective-west\n    patterns: ["western curators"]\n');
    const lex = loadLexicons([p]);
    expect(lex.entries.map((e) => e.pattern.source)).toEqual(['western curators']);
  });
});
