import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A real corpus the bench runs the CLI over, with the texts bare wink reads. */
export interface BenchCorpus {
  name: string;
  /** The folder given to `framescope run`. */
  dir: string;
  /** Every article file the run reads, for bare wink over the same texts. */
  files: string[];
}

function listTexts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.txt')) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

/**
 * The corpora under `shared`: PTC's 245 dev articles and the 15,220 articles of
 * russia-ukraine-news, both read in place. With `limit`, `limit` files evenly spaced by name are
 * copied with their manifest rows into `scratch`, so a quick bench runs on real text too.
 */
export function benchCorpora(shared: string, scratch: string, limit: number | null): BenchCorpus[] {
  const found: BenchCorpus[] = [];
  for (const [name, dir] of [['ptc-dev', join(shared, 'benchmarks/ptc-dev/train-articles')], ['russia-ukraine-news', join(shared, 'corpora/russia-ukraine-news')]] as const) {
    if (!existsSync(dir)) continue;
    const files = listTexts(dir);
    if (limit === null || files.length <= limit) {
      found.push({ name, dir, files });
      continue;
    }
    const sub = join(scratch, `${name}-${limit}`);
    // Evenly spaced over the sorted names, so a sample of a corpus laid out by outlet has every outlet.
    const step = files.length / limit;
    const kept = Array.from({ length: limit }, (_, i) => files[Math.floor(i * step)]!);
    for (const f of kept) {
      const to = join(sub, relative(dir, f));
      mkdirSync(join(to, '..'), { recursive: true });
      copyFileSync(f, to);
    }
    const manifest = join(dir, 'manifest.csv');
    if (existsSync(manifest)) {
      const ids = new Set(kept.map((f) => f.slice(f.lastIndexOf('/') + 1, -4)));
      const lines = readFileSync(manifest, 'utf8').split('\n');
      // Rows are kept whole (a quoted field may hold a comma); the id is the first field.
      writeFileSync(join(sub, 'manifest.csv'), [lines[0], ...lines.slice(1).filter((l) => ids.has(l.slice(0, l.indexOf(','))))].join('\n') + '\n');
    }
    found.push({ name: `${name} (${limit} of ${files.length})`, dir: sub, files: kept.map((f) => join(sub, relative(dir, f))) });
  }
  return found;
}
