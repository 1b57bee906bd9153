import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../stages/report/index.js';
import { loadDataFile, shippedLexicons, stageDataPath } from './data-file.js';
import { loadLexicons } from './matcher/load.js';
import type { Doc } from './document.js';
import type { DataVersion } from './stage.js';
import { PIPELINE_VERSION } from './version.js';

/** Options that change what the stages produce (and so belong in the cache key). */
export interface PipelineOptions {
  lexicons: string[];
}

// What makes a report stale, without loading a stage: the run's main thread needs only this.

/** Every data file the stages read, hashed without building the stages (the main thread needs only this). */
export function dataVersions(opts: PipelineOptions): DataVersion[] {
  const gazDir = stageDataPath('entities', 'gazetteer');
  const files = [
    stageDataPath('segment', 'vocabulary.yaml'),
    ...readdirSync(gazDir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(gazDir, f)),
    stageDataPath('entities', 'rules.yaml'),
    stageDataPath('entities', 'given-names.yaml'),
    ...shippedLexicons('framing'),
    stageDataPath('framing', 'attribution.yaml'),
    ...shippedLexicons('rhetoric'),
  ];
  // User lexicons are read as the stages read them (imported dictionaries included), so a bad file
  // stops the run here, before any document, naming the file, the entry and the reason.
  return [...files.map((f) => loadDataFile(f).version), ...loadLexicons(opts.lexicons).versions];
}

/** Hash of the pipeline version, the data and the manifest row: any change makes old reports stale. */
export function fingerprint(data: DataVersion[], source: Doc['source']): string {
  const { path: _path, ...rest } = source;
  // The data list is the same for every document of a run: serialise it once.
  let head = fingerprintHeads.get(data);
  if (head === undefined) fingerprintHeads.set(data, (head = JSON.stringify([PIPELINE_VERSION, data]).slice(0, -1)));
  return createHash('sha256').update(`${head},${JSON.stringify(rest)}]`).digest('hex');
}

const fingerprintHeads = new WeakMap<DataVersion[], string>();

/** Where a run writes its repeated-line table, relative to the output folder. */
export const REPEATED_LINES_FILE = 'corpus-inputs/repeated-lines.json';

export function provenanceOf(doc: Readonly<Doc>, data: DataVersion[]): Provenance {
  return {
    pipeline: PIPELINE_VERSION,
    inputSha256: createHash('sha256').update(doc.bytes).digest('hex'),
    fingerprint: fingerprint(data, doc.source),
    data,
    corpusInputs: { repeatedLines: doc.source.template ? { file: REPEATED_LINES_FILE, ...doc.source.template } : null },
  };
}
