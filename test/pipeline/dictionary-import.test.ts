import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicons } from '../../pipeline/matcher/load.js';
import { createProcessor } from '../../pipeline/process.js';
import { tempDir } from '../helpers.js';

// Researchers bring their own dictionaries: LIWC-style .dic files and quanteda YAML. These are
// small made-up dictionaries in those formats (real LIWC dictionaries are licensed, not shipped).
const LIWC = `%
1\tthreat
2\tvirtue
%
menac*\t1
peril\t1
under attack\t1
honour*\t2
dignity\t2
:-)\t2
`;
const QUANTEDA = `economy:
  - sanction*
  - export ban
security:
  military:
    - troops
    - missile*
  hybrid:
    - disinformation
`;

function write(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

function markers(lexicons: string[], text: string): Array<{ marker: string; text: string }> {
  const run = createProcessor({ lexicons });
  const done = run({ id: 'd', bytes: new TextEncoder().encode(text), source: { path: 'd.txt', outlet: null, url: null, date: null, language: null } });
  return JSON.parse(done.json).rhetoric.hits;
}

const ARTICLE = 'Minsk on the defensive\n\nBelarus is under attack from a menacing alliance that imposed new sanctions and an export ban on potash, officials said, while troops and missiles gathered near the border in a campaign of disinformation.\n\nThe government vowed to defend the honour and dignity of the nation against this peril.\n';

describe('imported dictionaries', () => {
  it('reads a LIWC .dic file: categories become markers, a final * matches word prefixes, phrases match as phrases', () => {
    const path = write('threats.dic', LIWC);
    const hits = markers([path], ARTICLE).filter((h) => h.marker.startsWith('threats-'));
    expect(hits.map((h) => `${h.marker}:${h.text}`).sort()).toEqual(['threats-threat:menacing', 'threats-threat:peril', 'threats-threat:under attack', 'threats-virtue:dignity', 'threats-virtue:honour'].sort());
  });

  it('says which LIWC entries it could not read instead of dropping them silently', () => {
    const lex = loadLexicons([write('threats.dic', LIWC)]);
    expect(lex.skipped).toEqual([expect.stringContaining(':-): not a word or phrase')]);
  });

  it('reads a quanteda YAML dictionary with nested categories', () => {
    const hits = markers([write('policy.yml', QUANTEDA)], ARTICLE).filter((h) => h.marker.startsWith('policy-'));
    expect(hits.map((h) => `${h.marker}:${h.text}`).sort()).toEqual(['policy-economy:export ban', 'policy-economy:sanctions', 'policy-security-hybrid:disinformation', 'policy-security-military:missiles', 'policy-security-military:troops'].sort());
  });

  it('fails fast on a .dic file without its category header, naming the file', () => {
    const path = write('broken.dic', 'menace\t1\n');
    expect(() => loadLexicons([path])).toThrow(/\[E021\] dictionary .*broken\.dic: a LIWC \.dic file starts with a category header/);
  });
});
