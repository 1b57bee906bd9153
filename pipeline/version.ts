import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './data-file.js';

/** The pipeline's version, from package.json: part of every report's provenance and cache key. */
export const PIPELINE_VERSION: string = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The report schema id (REPORT_CONTRACT.md); bumped only when a stable field changes meaning. */
export const REPORT_SCHEMA = 'framescope.report/1';
