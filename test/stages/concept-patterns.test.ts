import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../pipeline/matcher/load.js';
import { createProcessor } from '../../pipeline/process.js';
import { analyse, tempDir, type Report } from '../helpers.js';

// A user lexicon of one frame per feature of the concept language, run through the whole pipeline,
// so each assertion reads what a report says: which frame, over which words, negated or not.
const dir = tempDir();
const lexicon = join(dir, 'concept-test.yaml');
writeFileSync(
  lexicon,
  `version: 1.0.0
family: narrative
concepts:
  MOVE_CLOSER: [expand, expansion, "move|moving|moved closer", encroach]
  OUR_BORDERS: ["our|russia's|russian borders", "<GPE:Russia,Belarus> 's? borders"]
frames:
  - id: test-alliance-creep
    patterns: ["@NATO .. @MOVE_CLOSER .. toward|towards|to @OUR_BORDERS"]
  - id: test-slot-person
    patterns: ["<PERSON> .. warmonger|warmongers"]
  - id: test-slot-named
    patterns: ["<ORG:NATO> 's? provocations"]
  - id: test-occupy
    patterns: ["occupy", "occup* of the south"]
`,
);
let processor: ReturnType<typeof createProcessor> | null = null;
function run(text: string): Report {
  processor ??= createProcessor({ lexicons: [lexicon] });
  const done = processor({ id: 'doc', bytes: new TextEncoder().encode(text), source: { path: 'doc.txt', outlet: null, url: null, date: null, language: null } });
  return JSON.parse(done.json) as Report;
}
const hits = (r: Report, frame: string) => (r.frames.hits as Array<{ frame: string; text: string; negated: boolean }>).filter((h) => h.frame === frame);

describe('concept patterns', () => {
  it.each([
    ['The alliance keeps moving closer to our borders.', 'The alliance keeps moving closer to our borders'],
    ['NATO has been expanding towards Russia\u2019s borders for decades.', 'NATO has been expanding towards Russia\u2019s borders'],
    ['Officials say the bloc continues its steady expansion toward Belarus\u2019s borders.', 'the bloc continues its steady expansion toward Belarus\u2019s borders'],
  ])('combines actor, action and target within a clause, over lemmas: %s', (text, span) => {
    expect(hits(run(text), 'test-alliance-creep').map((h) => h.text)).toEqual([span]);
  });

  it.each([
    'NATO, which Finland joined, is expanding its budget; troops moved closer to our borders.',
    'NATO met in Brussels. Troops moved closer to our borders.',
    'NATO members, but not the alliance itself, expanded cooperation toward our borders.',
  ])('does not combine across a clause or sentence boundary: %s', (text) => {
    expect(hits(run(text), 'test-alliance-creep')).toEqual([]);
  });

  it('takes the shortest stretch that carries the frame', () => {
    const [h] = hits(run('The alliance, the alliance expands toward our borders.'), 'test-alliance-creep');
    expect(h?.text).toBe('the alliance expands toward our borders');
  });

  it('marks a negator inside the clause as negation, and not one the pattern spells', () => {
    expect(hits(run('The bloc has not encroached toward Belarus’s borders.'), 'test-alliance-creep').map((h) => h.negated)).toEqual([true]);
    expect(hits(run('The bloc has steadily encroached toward Belarus’s borders.'), 'test-alliance-creep').map((h) => h.negated)).toEqual([false]);
  });

  it('fills entity slots from the entities stage, by type and by canonical name', () => {
    expect(hits(run('Senator John McCain is a warmonger, the minister said.'), 'test-slot-person').map((h) => h.text)).toEqual(['John McCain is a warmonger']);
    expect(hits(run('Critics say they are all warmongers.'), 'test-slot-person')).toEqual([]);
    // The gazetteer's canonical name for NATO is the long one; the slot names it by its acronym.
    expect(hits(run("Moscow condemned NATO's provocations in the Baltic."), 'test-slot-named').map((h) => h.text)).toEqual(["NATO's provocations"]);
    expect(hits(run("Moscow condemned Poland's provocations in the Baltic."), 'test-slot-named')).toEqual([]);
  });

  it('matches every inflection of a lemma, and a stem for derived nouns', () => {
    for (const t of ['Russian troops still occupy much of the east.', 'Troops occupied the city.', 'They are occupying two villages.']) expect(hits(run(t), 'test-occupy')).toHaveLength(1);
    expect(hits(run('The occupation of the south began in March.'), 'test-occupy').map((h) => h.text)).toEqual(['occupation of the south']);
  });
});

describe('concept language errors', () => {
  const file = (name: string, body: string) => {
    const p = join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  it.each([
    ['unknown concept', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: ["@NOPE .. west"]\n', /unknown concept @NOPE/],
    ['lower-case concept name', 'version: 1\nfamily: narrative\nconcepts:\n  actor: [nato]\nframes:\n  - id: a\n    patterns: [x]\n', /names are upper-case words/],
    ['clause gap at an edge', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: [".. west"]\n', /cannot start or end with a gap/],
    ['unknown condition', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: [{ pattern: "the =West", when: always }]\n', /"when" must be one of narrative-leaning/],
    ['unknown pattern key', 'version: 1\nfamily: narrative\nframes:\n  - id: a\n    patterns: [{ pattern: "the =West", weight: 2 }]\n', /unknown key\(s\) weight/],
  ])('fails fast on %s, naming the file', (name, body, msg) => {
    const p = file(`${name.replace(/\W/g, '-')}.yaml`, body);
    expect(() => loadLexicons([p])).toThrow(msg);
    expect(() => loadLexicons([p])).toThrow(p);
  });
});

describe('a bare "the West" frames only a text that leans to the narratives', () => {
  const lean = 'Moscow says the collective West wants to contain Russia and that NATO expansion threatens Russian security. Sanctions are economic warfare, officials said. Russia will live without the West.';
  const counter = 'Russia launched a full-scale invasion of Ukraine in February. Russian forces occupied the south. Ties between Moscow and the West remain strained.';
  it('counts it beside the narratives', () => {
    const r = analyse(lean);
    expect((r.frames.hits as Array<{ text: string; frame: string }>).some((h) => h.text === 'the West' && h.frame === 'collective-west')).toBe(true);
    expect(r.frames.setAside).toEqual([]);
  });
  it('sets it aside, with the reason, in a text framed by the counter-frames', () => {
    const r = analyse(counter);
    expect((r.frames.hits as Array<{ text: string }>).some((h) => h.text === 'the West')).toBe(false);
    expect(r.frames.setAside).toEqual([expect.objectContaining({ frame: 'collective-west', text: 'the West', reason: expect.stringMatching(/^narrative-leaning: 0 other narrative hit\(s\), [1-9]\d* counter-frame hit\(s\) in the outlet's own voice$/) })]);
    expect(r.frames.scores['collective-west']).toBeUndefined();
  });
  it("weighs the outlet's own framing for its own words, not what it reports", () => {
    const r = analyse('Lavrov said the collective West wants to contain Russia and that NATO expansion threatens Russian security. Russia\'s invasion of Ukraine has isolated Moscow from the West.');
    expect((r.frames.hits as Array<{ text: string }>).some((h) => h.text === 'the West')).toBe(false);
    expect((r.frames.setAside as Array<{ reason: string }>).map((a) => a.reason)).toEqual(["narrative-leaning: 0 other narrative hit(s), 1 counter-frame hit(s) in the outlet's own voice"]);
  });
});

describe('overlaps between frames', () => {
  const frames = (text: string) => (analyse(text).frames.hits as Array<{ frame: string; text: string }>).map((h) => `${h.frame}: ${h.text}`);
  it("keeps another frame's phrase inside a clause pattern's span", () => {
    const got = frames('The collective West is continuing its policy of confrontation with Russia.');
    expect(got).toContain('collective-west: collective West');
    expect(got.some((h) => h.startsWith('western-warmongering: The collective West is continuing'))).toBe(true);
  });
  it("drops a phrase nested in another frame's stock phrase", () => {
    expect(frames('Minsk advocates a unified and indivisible Eurasian security architecture.').filter((h) => h.startsWith('eurasian-security-order'))).toEqual([]);
  });
});

describe('a pattern dated from an event frames only in texts published after it', () => {
  const text = 'The collective West keeps pumping weapons into Kiev. Putin and Lukashenko discussed the situation in Ukraine on Friday.';
  const euphemism = (date: string | null) => {
    const r = analyse(text, { date }, `d-${date}`);
    return { hit: (r.frames.hits as Array<{ frame: string }>).some((h) => h.frame === 'war-euphemism'), aside: r.frames.setAside as Array<{ reason: string }> };
  };
  it('sets "the situation in Ukraine" aside before the full-scale invasion, with the reason', () => {
    const before = euphemism('2021-12-01');
    expect(before.hit).toBe(false);
    expect(before.aside.map((a) => a.reason)).toEqual(['from 2022-02-24: dated 2021-12-01']);
  });
  it('counts it after the invasion, and in an undated text', () => {
    expect(euphemism('2022-06-01')).toEqual({ hit: true, aside: [] });
    expect(euphemism(null)).toEqual({ hit: true, aside: [] });
  });
});
