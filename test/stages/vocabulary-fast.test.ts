import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { fastVariant, loadVocabulary, type Rule } from '../../stages/segment/vocabulary.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment');

/** Every non-blank line of the seeds and the segmentation fixtures, plus their lowercase and uppercase forms. */
function lines(): string[] {
  const files = [join(PACKAGE_ROOT, 'corpus'), ...readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(FIXTURES, d.name))].flatMap((dir) =>
    readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).map((f) => join(dir, f)),
  );
  const out = new Set<string>();
  for (const f of files) for (const l of readFileSync(f, 'utf8').split('\n')) if (l.trim()) out.add(l.trim());
  for (const l of [...out]) (out.add(l.toLowerCase()), out.add(l.toUpperCase()));
  return [...out];
}

describe('fast screening of the segment vocabulary', () => {
  const vocab = loadVocabulary();
  const rules = Object.values(vocab).filter(Array.isArray).flat() as Rule[];
  const all = lines();

  it('screens most case-insensitive rules', () => {
    const insensitive = rules.filter((r) => r.re.flags.includes('i'));
    expect(insensitive.filter((r) => r.fast).length).toBeGreaterThan(insensitive.length * 0.7);
  });

  it('never rejects a line the rule itself matches', () => {
    let matched = 0;
    const misses: string[] = [];
    for (const rule of rules.filter((r) => r.fast)) {
      for (const l of all) {
        if (!rule.re.test(l)) continue;
        matched++;
        if (!rule.fast!.test(rule.fastLower ? l.toLowerCase() : l)) misses.push(`${rule.id}: ${l}`);
      }
    }
    expect(misses).toEqual([]);
    expect(matched).toBeGreaterThan(100);
  });

  it('keeps the slow expression for rules that depend on letter case', () => {
    expect(fastVariant(String.raw`^by \p{Lu}\p{L}+$`)).toBeNull();
    expect(fastVariant(String.raw`^posted by [\p{L} ]+ Reuters$`)).toBeNull();
    expect(fastVariant(String.raw`^(author|автор)\s*:\s*[\p{L} ]+$`)?.lower).toBe(true);
    expect(fastVariant(String.raw`^read (more|also)\b`)?.re.flags).toBe('i');
  });
});
