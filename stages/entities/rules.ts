import { loadDataFile, stageDataPath } from '../../pipeline/data-file.js';
import type { DataVersion } from '../../pipeline/stage.js';

/** Recognition vocabulary compiled into sets. */
export interface EntityRules {
  titles: Set<string>;
  heads: Map<string, 'ORG' | 'EVENT' | 'LAW'>;
  connectors: Set<string>;
  ordinals: Set<string>;
  ministryAreas: Map<string, string>;
  surnameSuffixes: string[];
  notNames: Set<string>;
  version: DataVersion;
}

interface Raw {
  version?: string;
  titles: string[];
  orgHeads: string[];
  eventHeads: string[];
  lawHeads: string[];
  connectors: string[];
  ordinals: string[];
  ministryAreas: Record<string, string>;
  surnameSuffixes: string[];
  notNames: string[];
}

export function loadRules(path = stageDataPath('entities', 'rules.yaml')): EntityRules {
  const { data, version } = loadDataFile<Raw>(path);
  const heads = new Map<string, 'ORG' | 'EVENT' | 'LAW'>();
  for (const h of data.orgHeads) heads.set(h, 'ORG');
  for (const h of data.eventHeads) heads.set(h, 'EVENT');
  for (const h of data.lawHeads) heads.set(h, 'LAW');
  return {
    titles: new Set(data.titles),
    heads,
    connectors: new Set(data.connectors.map(String)),
    ordinals: new Set(data.ordinals.map(String)),
    ministryAreas: new Map(Object.entries(data.ministryAreas)),
    surnameSuffixes: [...new Set(data.surnameSuffixes)].sort((a, b) => b.length - a.length),
    notNames: new Set(data.notNames),
    version,
  };
}
