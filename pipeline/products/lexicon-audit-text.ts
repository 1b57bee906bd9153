import type { AuditCounts, AuditExample, LexiconAudit, UnmatchedGold } from './lexicon-audit.js';

/**
 * The lexicon audit as a plain-text table for a terminal or a pager: one block per frame and
 * marker, one row per pattern with its examples under it. The JSON (--json) holds everything; the
 * text keeps each list short enough to read.
 */

// False positives shown per pattern; the JSON lists them all.
const FALSE_POSITIVES_SHOWN = 10;

const VOICES = ['authorial', 'attributed', 'quoted', 'scare-quoted'] as const;
const COLUMNS = ['hits', 'docs', 'outlets', 'auth', 'attr', 'quot', 'scare'];
const WIDTH = [6, 6, 8, 6, 6, 6, 6];
const PRECISION_WIDTH = 13;

const cell = (v: string | number, w: number) => String(v).padStart(w);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function precision(c: AuditCounts): string {
  if (!c.gold) return 'not judged';
  if (!c.gold.judged) return '–';
  return `${c.gold.matched}/${c.gold.judged} ${c.gold.precision!.toFixed(3)}`;
}

function row(c: AuditCounts): string {
  const values = [c.hits, c.documents, c.outlets, ...VOICES.map((v) => c.byVoice[v] ?? 0)];
  return values.map((v, i) => cell(v, WIDTH[i]!)).join('');
}

function example(label: string, e: AuditExample): string {
  return `          ${label} ${e.document}${e.outlet ? ` (${e.outlet})` : ''}, ${e.voice}${e.in === 'body' ? '' : `, in ${e.in}`}: ${e.context}`;
}

function extras(c: AuditCounts): string {
  const other = Object.entries(c.byVoice).filter(([v]) => !(VOICES as readonly string[]).includes(v)).map(([v, n]) => `${n} ${v}`);
  const parts = [
    ...other,
    ...(c.inName ? [`${c.inName} in names (not judged)`] : []),
    ...(c.negated ? [`${c.negated} negated`] : []),
    ...(c.setAside ? [`${c.setAside} set aside (condition not met)`] : []),
    ...(c.distanced ? [`${c.distanced} distanced`] : []),
    ...(c.byRegion.comment ? [`${c.byRegion.comment} in comments`] : []),
  ];
  return parts.length ? `; ${parts.join(', ')}` : '';
}

function gap(g: UnmatchedGold): string {
  const where = `${g.document}${g.outlet ? ` (${g.outlet})` : ''}`;
  const why = g.reason === 'not-in-text' ? "  [phrase not in the report's text]" : `: ${g.context}`;
  const other = g.otherHits.length ? `\n          also hit there by ${g.otherHits.join(' | ')}` : '';
  return `    ${where} "${g.phrase}"${g.in && g.in !== 'body' ? ` (in ${g.in})` : ''}${why}${other}`;
}

/** The audit as the text `framescope lexicon-audit` prints. */
export function formatLexiconAudit(a: LexiconAudit): string {
  const out: string[] = [];
  out.push(`framescope lexicon-audit: ${plural(a.reports, 'report')}${a.unreadable.length ? `, ${a.unreadable.length} unreadable (skipped)` : ''}; ${a.examplesPerPattern} example(s) per pattern`);
  if (a.gold) {
    const p = a.gold.precision === null ? '–' : a.gold.precision.toFixed(3);
    out.push(`gold: ${plural(a.gold.documents, 'document')}, ${a.gold.documentsWithReport} with a report; precision ${p} (${a.gold.matched} of ${a.gold.judged} counted frame hits overlap a gold phrase of their frame)`);
    if (a.gold.missingReports.length) out.push(`gold documents without a report: ${a.gold.missingReports.join(', ')}`);
  }
  out.push(`columns: hits, documents, outlets, then hits by voice (authorial, attributed, quoted, scare-quoted)${a.gold ? '; precision = matched/counted hits in gold documents' : ''}`);
  // Precision is a frame column only: the gold lists every frame phrase but not every rhetoric marker.
  const judged = (kind: string) => Boolean(a.gold) && kind === 'frame';
  const header = (kind: string) => COLUMNS.map((c, i) => cell(c, WIDTH[i]!)).join('') + (judged(kind) ? `  ${'precision'.padEnd(PRECISION_WIDTH)}` : '') + '  pattern';
  for (const kind of ['frame', 'rhetoric'] as const) {
    const list = a.frames.filter((f) => f.kind === kind);
    out.push('', `== ${kind === 'frame' ? 'frames' : 'rhetoric markers'} (${list.length} with hits) ==`);
    for (const f of list) {
      const p = judged(kind) ? `; precision ${precision(f)}` : '';
      out.push('', `${f.id} (${f.family}): ${plural(f.hits, 'hit')} in ${plural(f.documents, 'document')}, ${plural(f.outlets, 'outlet')}${p}${extras(f)}`);
      out.push(header(kind));
      for (const pt of f.patterns) {
        out.push(row(pt) + (judged(kind) ? `  ${precision(pt).padEnd(PRECISION_WIDTH)}` : '') + `  ${pt.pattern}`);
        const more = extras(pt);
        if (more) out.push(`          ${more.slice(2)}`);
        for (const e of pt.examples) out.push(example('e.g.', e));
        for (const e of pt.falsePositives.slice(0, FALSE_POSITIVES_SHOWN)) out.push(example('FP  ', e));
        if (pt.falsePositives.length > FALSE_POSITIVES_SHOWN) out.push(`          … ${pt.falsePositives.length - FALSE_POSITIVES_SHOWN} more false positives in --json`);
      }
    }
  }
  if (a.gold) {
    for (const kind of ['frame', 'rhetoric'] as const) {
      const gaps = a.unmatchedGold.filter((g) => g.kind === kind);
      out.push('', `== gold ${kind === 'frame' ? 'frame phrases' : 'rhetoric phrases'} no hit found (${gaps.length}) ==`);
      let last = '';
      for (const g of gaps) {
        if (g.id !== last) out.push(`  ${g.id}`);
        last = g.id;
        out.push(gap(g));
      }
    }
  }
  return out.join('\n') + '\n';
}
