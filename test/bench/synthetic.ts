import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { prng } from '../../pipeline/prng.js';
import { prng } from '../../pipeline/prng.js';

/**
 * Builds `n` documents by drawing paragraphs across all corpus articles (not repeating whole
 * texts, which would flatter any cache), with a title line and, for a third of them, a comment
 * section in the seed-004 layout, so every stage does real work.
 */
export function buildSynthetic(corpusDir: string, outDir: string, n: number): string[] {
  const paras: string[] = [];
  const comments: string[] = [];
  for (const f of readdirSync(corpusDir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(join(corpusDir, f), 'utf8');
    const [article, thread] = text.split(/\n\d+ Comments\n/);
    for (const p of article!.split(/\n+/).map((x) => x.trim())) if (p.split(/\s+/).length >= 12) paras.push(p);
    for (const p of (thread ?? '').split(/\n+/).map((x) => x.trim())) if (p.split(/\s+/).length >= 8) comments.push(p);
  }
  const rnd = prng(20261122);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  mkdirSync(outDir, { recursive: true });
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => pick(paras));
    const title = pick(paras).split(/\s+/).slice(0, 9).join(' ').replace(/[.,;:]$/, '');
    let text = `${title}\n\n${body.join('\n\n')}\n`;
    if (i % 3 === 0 && comments.length) {
      const k = 1 + Math.floor(rnd() * 4);
      text += `\n${k} Comments\n\n` + Array.from({ length: k }, (_, j) => `Avatar of reader${j}\n\nreader${j}\n\n${pick(comments)}\n`).join('\n');
    }
    writeFileSync(join(outDir, `syn_${String(i).padStart(5, '0')}.txt`), text);
    texts.push(text);
  }
  return texts;
}
