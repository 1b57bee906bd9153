import { readFileSync } from 'node:fs';
import nlp from 'compromise';
import { createProcessor } from '../../pipeline/process.js';

/**
 * `make eval-ner NER=path/to/conll.txt`: entity recognition scored on a CoNLL-2003-style file
 * (token per line, IOB tag last, "-DOCSTART-" between documents), the standard news NER test set.
 * The data is not shipped (Reuters licence): point NER at your copy. Each document becomes a page
 * (first sentence the headline, each further sentence a paragraph) and runs through the whole
 * pipeline, so the score includes what segmentation keeps out. Scoring is conlleval's: a mention
 * counts when its span and class are both exact. compromise alone over the same text is the baseline.
 */

type Cls = 'PER' | 'ORG' | 'LOC' | 'MISC';
interface Span {
  start: number;
  end: number;
  cls: Cls;
}
interface Page {
  text: string;
  gold: Span[];
}

// OntoNotes-style types onto CoNLL's four classes.
const CLASS: Record<string, Cls> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', NORP: 'MISC', EVENT: 'MISC', LAW: 'MISC', PRODUCT: 'MISC', WORK_OF_ART: 'MISC' };

export function readConll(raw: string): Page[] {
  const pages: Page[] = [];
  let sentences: Array<Array<{ tok: string; tag: string }>> = [];
  let cur: Array<{ tok: string; tag: string }> = [];
  const flush = () => {
    if (cur.length) sentences.push(cur);
    cur = [];
  };
  const close = () => {
    flush();
    if (sentences.length) pages.push(toPage(sentences));
    sentences = [];
  };
  for (const line of raw.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') close();
    else if (!line.trim()) flush();
    else cur.push({ tok: cols[0]!, tag: cols[cols.length - 1]! });
  }
  close();
  return pages;
}

function toPage(sentences: Array<Array<{ tok: string; tag: string }>>): Page {
  let text = '';
  const gold: Span[] = [];
  sentences.forEach((sent, si) => {
    if (si > 0) text += '\n\n';
    let open: Span | null = null;
    sent.forEach(({ tok, tag }, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += tok;
      const [bio, cls] = tag.split('-') as [string, Cls | undefined];
      // IOB1 and IOB2 alike: a span continues on I- of the same class.
      if (open && (bio !== 'I' || cls !== open.cls)) open = null;
      if (cls && !open) gold.push((open = { start, end: text.length, cls }));
      else if (open) open.end = text.length;
    });
  });
  return { text: text + '\n', gold };
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function score(pred: Span[], gold: Span[], t: Map<string, Tally>): void {
  const key = (s: Span) => `${s.start}:${s.end}:${s.cls}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  const add = (cls: string, f: keyof Tally) => {
    for (const c of [cls, 'all']) (t.get(c) ?? t.set(c, { tp: 0, fp: 0, fn: 0 }).get(c)!)[f]++;
  };
  for (const s of pred) add(s.cls, g.has(key(s)) ? 'tp' : 'fp');
  for (const s of gold) if (!p.has(key(s))) add(s.cls, 'fn');
}

function line(label: string, t: Map<string, Tally>): string {
  const f = (x: Tally) => {
    const p = x.tp / (x.tp + x.fp || 1);
    const r = x.tp / (x.tp + x.fn || 1);
    return { p, r, f1: (2 * p * r) / (p + r || 1) };
  };
  const all = f(t.get('all') ?? { tp: 0, fp: 0, fn: 0 });
  const per = (['PER', 'ORG', 'LOC', 'MISC'] as const).map((c) => `${c}=${f(t.get(c) ?? { tp: 0, fp: 0, fn: 0 }).f1.toFixed(3)}`).join(' ');
  return `${label.padEnd(11)} precision=${all.p.toFixed(3)} recall=${all.r.toFixed(3)} f1=${all.f1.toFixed(3)}  ${per}`;
}

function compromiseSpans(text: string): Span[] {
  const doc = nlp(text);
  const out: Span[] = [];
  for (const [cls, view] of [['PER', doc.people()], ['LOC', doc.places()], ['ORG', doc.organizations()]] as const) {
    for (const o of view.out('offset') as Array<{ offset: { start: number; length: number }; text: string }>) {
      // compromise's spans may carry trailing punctuation ("Japan,"); conlleval compares the words.
      const t = o.text.replace(/[\s.,;:!?'"()]+$/u, '');
      out.push({ start: o.offset.start, end: o.offset.start + t.length, cls });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: make eval-ner NER=path/to/conll-file  (CoNLL-2003 format: token ... IOB-tag, -DOCSTART- between documents)');
    process.exit(2);
  }
  const pages = readConll(readFileSync(path, 'utf8'));
  const run = createProcessor({ lexicons: [] });
  const ours = new Map<string, Tally>();
  const base = new Map<string, Tally>();
  let removedGold = 0;
  let goldCount = 0;
  pages.forEach((page, i) => {
    const done = run({ id: `conll_${i}`, bytes: new TextEncoder().encode(page.text), source: { path: `conll_${i}.txt`, outlet: null, url: null, date: null, language: 'en' } });
    const r = JSON.parse(done.json) as { entities: Array<{ type: string; mentions: Array<{ start: number; end: number; in: string }> }>; removed: Array<{ start: number; end: number; kind: string; rule: string; text: string }> };
    const pred = r.entities.flatMap((e) => e.mentions.filter((m) => m.in !== 'comment').map((m) => ({ start: m.start, end: m.end, cls: CLASS[e.type] ?? 'MISC' })));
    score(pred, page.gold, ours);
    if (process.env.NER_ERRORS) {
      const k = (x: Span) => `${x.start}:${x.end}:${x.cls}`;
      const g = new Set(page.gold.map(k));
      const p = new Set(pred.map(k));
      const rm = (x: Span) => r.removed.find((m) => m.start <= x.start && x.end <= m.end) as { kind?: string; rule?: string; text?: string } | undefined;
      const where = (x: Span) => (rm(x) ? ` [removed ${rm(x)!.kind} ${rm(x)!.rule}: ${rm(x)!.text?.slice(0, 60)}]` : '');
      for (const x of page.gold) if (!p.has(k(x))) console.log(`FN ${x.cls} ${page.text.slice(x.start, x.end)}${where(x)}`);
      for (const x of pred) if (!g.has(k(x))) console.log(`FP ${x.cls} ${page.text.slice(x.start, x.end)}`);
    }
    score(compromiseSpans(page.text), page.gold, base);
    goldCount += page.gold.length;
    removedGold += page.gold.filter((g) => r.removed.some((x) => x.start <= g.start && g.end <= x.end)).length;
  });
  console.log(`${pages.length} documents, ${goldCount} gold mentions (${removedGold} in lines the segmenter kept out of the body)`);
  console.log(line('framescope', ours));
  console.log(line('compromise', base));
}

await main();
