import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { shippedLexicons } from '../../stages/framing/index.js';
import { analyse } from '../helpers.js';

type Example = { text: string; match: boolean };
type File = { family: string; frames?: Array<{ id: string; examples?: Example[] }> };

// Every lexicon entry documents sentences it must and must not match; they run through the whole pipeline.
const cases = [...shippedLexicons('framing'), ...shippedLexicons('rhetoric')].flatMap((path) => {
  const f = YAML.parse(readFileSync(path, 'utf8')) as File;
  return (f.frames ?? []).flatMap((fr) => (fr.examples ?? []).map((e) => ({ family: f.family, id: fr.id, ...e })));
});

describe('lexicon examples', () => {
  it('has examples for every frame', () => expect(cases.length).toBeGreaterThan(50));
  it.each(cases)('$id: $match for "$text"', ({ family, id, text, match }) => {
    const r = analyse(text);
    const hits = family === 'rhetoric' ? r.rhetoric.hits.map((h: { marker: string }) => h.marker) : r.frames.hits.filter((h: { inName: boolean }) => !h.inName).map((h: { frame: string }) => h.frame);
    expect(hits.includes(id)).toBe(match);
  });
});
