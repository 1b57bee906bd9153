import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import writeFileAtomic from 'write-file-atomic';
import { UNMAPPED } from './compare-groups.js';
import type { Comparison, Rate } from './compare.js';
import { byCodeUnit } from '../sort.js';

/** What `framescope compare` leaves behind: CSV tables next to the corpus tables, and the screen summary. */

const RATE_COLUMNS: Array<[keyof Rate, string]> = [
  ['group', 'group'], ['frame', 'frame'], ['documents', 'documents'], ['words', 'words'],
  ['authorialCount', 'authorial_count'], ['authorialRate', 'authorial_rate'], ['authorialLo', 'authorial_lo'], ['authorialHi', 'authorial_hi'],
  ['attributedRate', 'attributed_rate'], ['quotedRate', 'quoted_rate'], ['scareQuotedRate', 'scare_quoted_rate'], ['negated', 'negated'], ['distanced', 'distanced'],
  ['count', 'count'], ['rate', 'rate'], ['lo', 'lo'], ['hi', 'hi'],
];

/**
 * Writes the comparison next to the corpus tables: rates and distinctive terms, and with a mapping
 * file the members table (which value went to which group), so a value the file missed is seen.
 */
export function writeComparison(tablesDir: string, c: Comparison): string[] {
  const file = (what: string) => join(tablesDir, `compare_${c.label}_${what}.csv`);
  const written = [file('rates'), file('distinctive')];
  writeFileAtomic.sync(written[0]!, stringify(c.rates, { header: true, columns: RATE_COLUMNS.map(([key, header]) => ({ key, header })) }));
  writeFileAtomic.sync(written[1]!, stringify(c.distinctive, { header: true, columns: ['group', 'kind', 'term', 'countGroup', 'countRest', 'logOdds', 'z'] }));
  if (c.mapping) {
    written.push(file('groups'));
    writeFileAtomic.sync(written[2]!, stringify(c.members, { header: true, columns: [{ key: 'value', header: c.by }, 'group', 'documents'] }));
  }
  return written;
}

/** The screen summary: per group, its frames by headline rate with the reported voices beside, and its most distinctive words. */
export function formatComparison(c: Comparison, topFrames = 5, topTerms = 8): string {
  const lines = [
    `compare by ${c.by}${c.mapping ? ` → ${c.mapping.groupColumn} (${c.mapping.file})` : ''}: ${c.groups.length} group(s)`,
    `rates are hits per 1,000 words. Headline: the outlet's own framing (authorial voice, not negated, not distanced) [95% interval over documents];`,
    `beside it, all voices and how the rest splits (attributed, quoted, scare-quoted rates; negated and distanced hits).`,
  ];
  if (c.mapping) {
    const unmapped = c.members.filter((m) => m.group === UNMAPPED);
    if (unmapped.length) lines.push(`${UNMAPPED}: ${unmapped.length} value(s) of ${c.by} not in ${c.mapping.file}: ${unmapped.map((m) => `${m.value} (${m.documents})`).join(', ')}`);
    if (c.mapping.unused.length) lines.push(`in ${c.mapping.file} but in no report: ${c.mapping.unused.join(', ')}`);
  }
  for (const g of c.groups) {
    lines.push('', `${g.key}  (${g.documents} document(s), ${g.words} words)`);
    const rs = c.rates.filter((r) => r.group === g.key && r.count > 0).sort((a, b) => b.authorialRate - a.authorialRate || b.rate - a.rate || byCodeUnit(a.frame, b.frame)).slice(0, topFrames);
    for (const r of rs) {
      lines.push(
        `  ${r.frame.padEnd(26)} ${r.authorialRate.toFixed(2).padStart(6)} [${r.authorialLo.toFixed(2)}, ${r.authorialHi.toFixed(2)}]` +
          `   all voices ${r.rate.toFixed(2)} (attributed ${r.attributedRate.toFixed(2)}, quoted ${r.quotedRate.toFixed(2)}, scare-quoted ${r.scareQuotedRate.toFixed(2)}; negated ${r.negated}, distanced ${r.distanced})`,
      );
    }
    const ts = c.distinctive.filter((d) => d.group === g.key && d.kind === 'term').slice(0, topTerms);
    if (ts.length) lines.push(`  distinctive words: ${ts.map((t) => `${t.term} (z ${t.z.toFixed(1)})`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
