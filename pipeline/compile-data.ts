import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { compiledDataPath, PACKAGE_ROOT } from './data-file.js';

/**
 * Build step (`npm run build`): each YAML data file under stages/ is parsed once here and saved as
 * JSON under dist/data, named by the hash of its bytes, which `loadDataFile` looks up first.
 */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

const made = new Set<string>();
for (const path of yamlFiles(join(PACKAGE_ROOT, 'stages'))) {
  const raw = readFileSync(path);
  const out = compiledDataPath(createHash('sha256').update(raw).digest('hex'));
  mkdirSync(dirname(out), { recursive: true });
  // Written whole then renamed: a build stopped half-way never leaves a truncated file to be trusted.
  writeFileSync(`${out}.tmp`, JSON.stringify(YAML.parse(raw.toString('utf8'))));
  renameSync(`${out}.tmp`, out);
  made.add(out);
}
// Forms of earlier versions of the files are never read again.
const dir = dirname(compiledDataPath('x'));
for (const f of readdirSync(dir)) if (!made.has(join(dir, f))) rmSync(join(dir, f), { force: true });
console.log(`compiled ${made.size} data files into dist/data`);
