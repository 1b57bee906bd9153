import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Small invented articles whose one frame hit has a known voice, for the own-voice rate and
 * compare tests: a farm story around one sentence that carries the hit. The comment on each
 * sentence says how the pipeline reads it (checked against real runs).
 */

// Lines a batch repeats across an outlet's pages are read as its site template and removed, so
// every document gets its own title, lede and closing line.
const PLACES = ['Kherson', 'Odesa', 'Mykolaiv', 'Poltava', 'Vinnytsia', 'Cherkasy', 'Kirovohrad', 'Dnipro', 'Zaporizhzhia', 'Sumy', 'Chernihiv', 'Zhytomyr'];
const story = (sentence: string, n: number) => {
  const place = PLACES[n % PLACES.length]!;
  return (
    `Harvest season begins around ${place}\n\n` +
    `Farmers around ${place} began bringing in the wheat harvest this week, ${n + 2} days earlier than last year because of the warm spring.\n\n` +
    `${sentence}\n\n` +
    `Officials in ${place} expect the yield to match the average of the past ${n + 3} years, and storage sites have been cleaned and repaired ahead of the season.\n`
  );
};

export const SENTENCES = {
  // collective-west, attributed (reported speech with a named speaker)
  attributed: 'Foreign Minister Sergey Lavrov said on Tuesday that the collective West had tried to disrupt grain exports through the Black Sea.',
  // invasion, quoted
  quoted: '"Our neighbours will see that the invasion has failed to stop our farmers from working the land," the regional governor told reporters at the grain terminal.',
  // invasion, authorial but negated
  negated: 'The movement of troops near the border last month was no invasion, and the farms along the river were not in its path.',
  // collective-west, distanced by "so-called"
  distanced: 'The so-called collective West has little influence over where the grain goes this year.',
  // collective-west, scare-quoted
  scareQuoted: 'Sanctions from the ‘collective West’ have made fertiliser more expensive for the farms along the river.',
  // collective-west, the outlet's own words
  ownWest: 'Sanctions imposed by the collective West have made fertiliser more expensive for the farms along the river.',
  // invasion, the outlet's own words
  ownInvasion: 'Farm prices have risen since the invasion began, and fertiliser costs more than it did a year ago.',
  // no frame at all
  none: 'Grain prices at the regional exchange were steady on Friday, and buyers expect them to stay so until autumn.',
} as const;

export type Kind = keyof typeof SENTENCES;

/** One invented document: its id, outlet, side (a manifest column the pipeline never reads) and sentence. */
export interface Invented {
  id: string;
  outlet: string;
  side: string;
  kind: Kind;
}

/** Relay Agency only reports others' framing; Own Voice Herald frames in its own words; two outlets more for grouping. */
export const DOCUMENTS: Invented[] = [
  { id: 'relay-1', outlet: 'Relay Agency', side: 'state', kind: 'attributed' },
  { id: 'relay-2', outlet: 'Relay Agency', side: 'state', kind: 'quoted' },
  { id: 'relay-3', outlet: 'Relay Agency', side: 'state', kind: 'negated' },
  { id: 'relay-4', outlet: 'Relay Agency', side: 'state', kind: 'distanced' },
  { id: 'relay-5', outlet: 'Relay Agency', side: 'state', kind: 'scareQuoted' },
  { id: 'herald-1', outlet: 'Own Voice Herald', side: 'independent', kind: 'ownWest' },
  { id: 'herald-2', outlet: 'Own Voice Herald', side: 'independent', kind: 'ownInvasion' },
  { id: 'herald-3', outlet: 'Own Voice Herald', side: 'independent', kind: 'none' },
  { id: 'gazette-1', outlet: 'State Gazette', side: 'state', kind: 'ownWest' },
  { id: 'gazette-2', outlet: 'State Gazette', side: 'state', kind: 'none' },
  { id: 'courier-1', outlet: 'Village Courier', side: 'local', kind: 'ownInvasion' },
  { id: 'courier-2', outlet: 'Village Courier', side: 'local', kind: 'attributed' },
];

/**
 * Writes the documents and a manifest with an extra `side` column into `dir`. `reversed` writes files
 * and manifest rows in the opposite order and puts the columns in another order, which must change nothing.
 */
export function writeInventedCorpus(dir: string, docs: Invented[] = DOCUMENTS, reversed = false): string {
  mkdirSync(dir, { recursive: true });
  const list = reversed ? [...docs].reverse() : docs;
  for (const d of list) writeFileSync(join(dir, `${d.id}.txt`), story(SENTENCES[d.kind], docs.indexOf(d)));
  const rows = reversed
    ? ['side,date,outlet,id', ...list.map((d) => `${d.side},2024-05-0${1 + (d.id.length % 9)},"${d.outlet}",${d.id}`)]
    : ['id,outlet,date,side', ...list.map((d) => `${d.id},"${d.outlet}",2024-05-0${1 + (d.id.length % 9)},${d.side}`)];
  writeFileSync(join(dir, 'manifest.csv'), rows.join('\n') + '\n');
  return dir;
}
