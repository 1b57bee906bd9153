import { loadDataFile, stageDataPath } from '../../pipeline/data-file.js';
import { foldKey } from './fold.js';
import type { DataVersion } from '../../pipeline/stage.js';

/** Recognition vocabulary compiled into sets. */
export interface EntityRules {
  titles: Set<string>;
  /** Title words that only modify a title ("former", "Foreign"): a name never follows them directly. */
  titleModifiers: Set<string>;
  heads: Map<string, 'ORG' | 'EVENT' | 'LAW'>;
  connectors: Set<string>;
  /** Name particles ("van der", "al-", "bin"), lowercase. */
  particles: Set<string>;
  ordinals: Set<string>;
  ministryAreas: Map<string, string>;
  surnameSuffixes: string[];
  notNames: Set<string>;
  capsWords: Set<string>;
  familyNameFirst: Set<string>;
  /** Given names from across the world, case-folded (given-names.yaml). */
  givenNames: Set<string>;
  notOrgAcronyms: Set<string>;
  chatAbbreviations: Set<string>;
  versions: DataVersion[];
  version: DataVersion;
}

interface Raw {
  version?: string;
  titles: string[];
  titleModifiers: string[];
  orgHeads: string[];
  eventHeads: string[];
  lawHeads: string[];
  connectors: string[];
  particles: string[];
  ordinals: string[];
  ministryAreas: Record<string, string>;
  surnameSuffixes: string[];
  notNames: string[];
  capsWords: string[];
  familyNameFirst: string[];
  notOrgAcronyms: string[];
  chatAbbreviations: string[];
}

export function loadRules(path = stageDataPath('entities', 'rules.yaml'), namesPath = stageDataPath('entities', 'given-names.yaml')): EntityRules {
  const { data, version } = loadDataFile<Raw>(path);
  const names = loadDataFile<{ version?: string; names?: Record<string, unknown[]> }>(namesPath);
  const givenNames = new Set(Object.values(names.data.names ?? {}).flat().map((n) => foldKey(String(n))));
  const heads = new Map<string, 'ORG' | 'EVENT' | 'LAW'>();
  for (const h of data.orgHeads) heads.set(h, 'ORG');
  for (const h of data.eventHeads) heads.set(h, 'EVENT');
  for (const h of data.lawHeads) heads.set(h, 'LAW');
  return {
    titles: new Set(data.titles),
    titleModifiers: new Set(data.titleModifiers ?? []),
    heads,
    connectors: new Set(data.connectors.map(String)),
    particles: new Set((data.particles ?? []).map(String)),
    ordinals: new Set(data.ordinals.map(String)),
    ministryAreas: new Map(Object.entries(data.ministryAreas)),
    surnameSuffixes: [...new Set(data.surnameSuffixes)].sort((a, b) => b.length - a.length),
    notNames: new Set(data.notNames),
    capsWords: new Set(data.capsWords ?? []),
    familyNameFirst: new Set(data.familyNameFirst ?? []),
    givenNames,
    notOrgAcronyms: new Set(data.notOrgAcronyms ?? []),
    chatAbbreviations: new Set(data.chatAbbreviations ?? []),
    versions: [version, names.version],
    version,
  };
}
