import { describe, expect, it } from 'vitest';
import { analyse, cpSlice, spans } from '../helpers.js';

// Regression (found by make fuzz): wink drops an ideographic space (U+3000) and line and paragraph
// separators (U+2028, U+2029) from the spaces it reports before a token, so every later offset drifted and spans cut astral letters in half.
describe('tokenize: offsets stay on the text whatever the white space', () => {
  it.each([
    ['ideographic space', 'Officials said\u3000Donald Trump met Sergey Lavrov in Geneva on Monday to discuss Ukraine.'],
    ['astral letters', 'Officials said Brett 𝐊av𝐚naugh met Sergey Lavrov in Geneva on Monday to discuss Ukraine.'],
    ['line and paragraph separators after emoji', 'Reader • 1h\u2028😂😂😂\u2028TASS reported that Sergey Lavrov met officials in Geneva.\u2029Kyiv rejected the claim.'],
    ['both, and an em space', 'Vice President 𝐊amala\u3000Harris met\u2003Sergey Lavrov in Geneva; 🔥Lavrov blamed the collective West.'],
  ])('%s', (_label, text) => {
    const r = analyse(text);
    const all = spans(r);
    expect(all.length).toBeGreaterThan(2);
    for (const s of all) expect(cpSlice(r.text, s.start, s.end), s.where).toBe(s.text);
    expect(r.entities.map((e: { name: string }) => e.name)).toContain('Sergey Lavrov');
  });
});

// Regression (found by make fuzz, seed 1, inputs 1600, 6128, 7688): wink's token patterns take time
// quadratic in the length of a run without spaces; a 187,000-character "word" ran past the budget.
describe('tokenize: a run of characters no language has', () => {
  it('is left untokenized with a warning, and the sentences around it are read', () => {
    const text = `Sergey Lavrov met officials in Geneva on Monday. ${'x\u200b'.repeat(60_000)} Kyiv rejected the claim on Tuesday.`;
    const r = analyse(text, { language: 'en' });
    expect(r.status).toBe('ok');
    expect(r.diagnostics.map((d: { code: string }) => d.code)).toContain('tokenize/overlong-run');
    expect(r.entities.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['Sergey Lavrov', 'Kyiv']));
    for (const s of spans(r)) expect(cpSlice(r.text, s.start, s.end), s.where).toBe(s.text);
  });
});
