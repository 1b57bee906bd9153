import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { prng } from '../../pipeline/prng.js';

/**
 * The seeded input generator of `make fuzz`. Every input is a pure function of (seed, index) and
 * the seed material on disk, so one input can be regenerated alone (`fuzz.js --seed S --only I --dump DIR`);
 * a batch's manifest is a function of (seed, index of the batch's first input, the batch's file ids).
 *
 * Seed material is read in place, never copied: corpus/*.txt, the segmentation fixtures
 * (test/fixtures/segment/<kind>/*.txt and html/*.html) and, when ../shared is there, the PTC training
 * articles. The recipe of an input names its seed file, so a report can say which material was used.
 */

/** One generated document: the file name (its id plus .txt/.htm/.html), its bytes and how it was made. */
export interface FuzzInput {
  index: number;
  name: string;
  bytes: Uint8Array;
  recipe: string;
}

/** A generated manifest.csv for one batch. */
export interface FuzzManifest {
  bytes: Uint8Array;
  recipe: string;
  /** The kind broke the CSV itself (quoting, missing id column): the CLI may refuse the run with E040/E041 (documented, exit 2). */
  mayBeRejected: boolean;
  rows: number;
}

export interface SeedText {
  label: string;
  text: string;
}

export interface SeedMaterial {
  corpus: SeedText[];
  fixtures: SeedText[];
  html: SeedText[];
  ptc: SeedText[];
}

/** Reads the seed material in place. `shared` defaults to ../shared next to the package; absent is fine. */
export function loadSeeds(root = PACKAGE_ROOT, shared = join(root, '..', 'shared')): SeedMaterial {
  const read = (dir: string, ext: string, label: (f: string) => string): SeedText[] => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => ({ label: label(f), text: readFileSync(join(dir, f), 'utf8') }));
  };
  const fixRoot = join(root, 'test', 'fixtures', 'segment');
  const kinds = existsSync(fixRoot) ? readdirSync(fixRoot).filter((d) => statSync(join(fixRoot, d)).isDirectory()).sort() : [];
  const ptcDir = join(shared, 'benchmarks', 'ptc-dev', 'train-articles');
  return {
    corpus: read(join(root, 'corpus'), '.txt', (f) => `corpus/${f}`),
    fixtures: kinds.flatMap((k) => read(join(fixRoot, k), '.txt', (f) => `fixtures/${k}/${f}`)),
    html: read(join(fixRoot, 'html'), '.html', (f) => `fixtures/html/${f}`),
    ptc: read(ptcDir, '.txt', (f) => `ptc/${f}`),
  };
}

// ---------------------------------------------------------------------------------------------
// Randomness

/** Mixes integers into one 32-bit seed (murmur3-style finaliser), so (seed, index) pairs are independent. */
export function mix(...xs: number[]): number {
  let h = 0x9e3779b9;
  for (const x of xs) {
    const lo = x | 0;
    const hi = Math.floor(x / 4294967296) | 0;
    for (const v of [lo, hi]) {
      h = Math.imul(h ^ v, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
    }
  }
  return h | 0;
}

export class Rand {
  private next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  /** 0 ≤ n < max */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  /** lo ≤ n ≤ hi */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** Biased to small values: lo..hi on a log scale. */
  logRange(lo: number, hi: number): number {
    return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + this.next() * (Math.log(hi + 1) - Math.log(lo)))));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  weighted<T>(xs: ReadonlyArray<readonly [number, T]>): T {
    const total = xs.reduce((a, [w]) => a + w, 0);
    let r = this.next() * total;
    for (const [w, v] of xs) if ((r -= w) < 0) return v;
    return xs[xs.length - 1]![1];
  }
}

// ---------------------------------------------------------------------------------------------
// Material for mutations

const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];

/** Sentences in other scripts (news-like, so the language detector has something to chew on). */
const SCRIPTS: Record<string, string[]> = {
  cyrillic: [
    'Министр иностранных дел России Сергей Лавров заявил, что санкции Запада провалились.',
    'Владимир Зеленский встретился с делегацией Европейского союза в Киеве.',
    'Беларусь и Россия провели совместные учения вблизи границы с Литвой.',
    'Міністр закордонних справ України заявив про нові гарантії безпеки.',
  ],
  cjk: [
    '中国外交部发言人表示，美国应停止干涉中国内政。',
    '习近平主席在北京会见了俄罗斯总统普京。',
    '東京で日本政府の記者会見が行われた。',
    '서울에서 한미 외교장관 회담이 열렸다.',
  ],
  arabic: ['قال المتحدث باسم وزارة الخارجية الروسية إن العقوبات الغربية غير قانونية.', 'أعلنت الحكومة السورية عن اتفاق جديد مع موسكو.'],
  hebrew: ['אמר דובר משרד החוץ כי הממשלה תגיב בהתאם.'],
  devanagari: ['विदेश मंत्रालय के प्रवक्ता ने कहा कि पश्चिमी प्रतिबंध अवैध हैं।', 'प्रधानमंत्री नरेंद्र मोदी ने मास्को का दौरा किया।'],
  thai: ['กระทรวงการต่างประเทศแถลงว่าการประชุมจะจัดขึ้นที่กรุงเทพมหานคร'],
  greek: ['Ο υπουργός Εξωτερικών δήλωσε ότι η Αθήνα στηρίζει την Ουκρανία.'],
  georgian: ['საქართველოს მთავრობამ განაცხადა, რომ არჩევნები გაიმართება.'],
  armenian: ['Հայաստանի վարչապետը հանդիպեց Ռուսաստանի նախագահին։'],
  emoji: ['🇷🇺🇺🇦 🔥🔥🔥 👍🏽👎🏿 👨‍👩‍👧‍👦 😂😂 1️⃣ #️⃣ 🏳️‍🌈', '🤡 Lavrov 🤡 says 🇪🇺 is 💀', '💯💯💯 THIS 👆👆'],
  astral: ['𝐒𝐞𝐫𝐠𝐞𝐲 𝐋𝐚𝐯𝐫𝐨𝐯 𝐬𝐚𝐢𝐝 𝐭𝐡𝐞 𝐖𝐞𝐬𝐭 𝐢𝐬 𝐝𝐲𝐢𝐧𝐠.', '𝕿𝖍𝖊 𝕶𝖗𝖊𝖒𝖑𝖎𝖓 𝖘𝖆𝖎𝖉', '𠜎𠜱𠝹𠱓𠱸𠲖𠳏 𪚥𪆷'],
};
const SCRIPT_NAMES = Object.keys(SCRIPTS);

/** Latin letters that look like Cyrillic/Greek ones (homoglyph substitution). */
const HOMOGLYPHS: Record<string, string> = { a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у', A: 'А', B: 'В', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', i: 'і' };

const NAMES = ['John', 'Maria', 'ivan_petrov', 'Anna K.', 'Guest', 'Anonymous', 'Mikko', 'Олег', '李伟', 'محمد', 'Dr. Smith', 'OP', 'x', 'Reply', 'Sergey Lavrov', 'TASS'];
const COMMENT_HEADERS: Array<(n: string, r: Rand) => string> = [
  (n) => `${n} says:`,
  () => 'Reply',
  (_n, r) => `${r.range(1, 59)} ${r.pick(['hours', 'minutes', 'days', 'hrs', 'h', 'm'])} ago`,
  (n, r) => `${n} • ${r.range(1, 23)} hours ago`,
  (n, r) => `${n} → ${r.pick(NAMES)} • ${r.range(1, 9)}h`,
  (n) => `Post by ${n} » Tue Oct 29, 2024 5:12 pm`,
  (_n, r) => `Like · Reply · ${r.range(1, 9)}d`,
  (_n, r) => `level ${r.range(1, 40)}`,
  (n) => `In reply to ${n}.`,
  (n, r) => `${n}\n${r.range(1, 12)}h`,
  (n) => `${n} OP · 3 hr. ago`,
  (_n, r) => `${r.range(1, 999)} points · ${r.range(1, 9)} hours ago`,
  (n) => `${n} October 30, 2024 at 9:41 am`,
  () => 'Log in to Reply',
  () => '',
];

const PUNCT = '.,;:!?-–—…"\'“”‘’«»()[]{}<>/\\|*&^%$#@~`_=+§¶•·';

const ENTITIES = ['&amp;', '&lt;', '&gt;', '&nbsp;', '&nbsp', '&#8212;', '&#x2014;', '&#0;', '&#xD800;', '&#xDFFF;', '&#x110000;', '&#99999999999;', '&#x;', '&#;', '&unknown;', '&amp', '&AMP;', '&#x202E;', '&#65279;', '&#128512;'];

/** Encodes a JavaScript string as WTF-8: lone surrogates become 3-byte sequences (ED A0..BF xx), invalid UTF-8. */
export function wtf8(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Buffer.from(out);
}

/** Invalid UTF-8 byte sequences of every family. */
const INVALID_UTF8: Array<[string, number[]]> = [
  ['lone-high-surrogate', [0xed, 0xa0, 0x80]],
  ['lone-low-surrogate', [0xed, 0xbf, 0xbf]],
  ['cesu8-pair', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
  ['overlong-slash', [0xc0, 0xaf]],
  ['overlong-nul', [0xc0, 0x80]],
  ['overlong-3', [0xe0, 0x80, 0xaf]],
  ['above-10ffff', [0xf4, 0x90, 0x80, 0x80]],
  ['f5-ff', [0xf5, 0xfe, 0xff]],
  ['lone-continuation', [0x80, 0xbf]],
  ['truncated-lead', [0xe2, 0x82]],
  ['truncated-4', [0xf0, 0x9f, 0x98]],
  ['latin1-e9', [0xe9]],
  ['cp1252-quotes', [0x93, 0x94, 0x96]],
];

// ---------------------------------------------------------------------------------------------
// Helpers over strings

/** A random index on a code point boundary (never between the halves of a surrogate pair). */
function cpIndex(s: string, r: Rand): number {
  if (!s.length) return 0;
  let i = r.int(s.length + 1);
  if (i > 0 && i < s.length && /[\uDC00-\uDFFF]/.test(s[i]!) && /[\uD800-\uDBFF]/.test(s[i - 1]!)) i--;
  return i;
}

function insertAt(s: string, i: number, x: string): string {
  return s.slice(0, i) + x + s.slice(i);
}

/** Inserts n strings made by f at random code point boundaries (done in one pass, so large n stays linear). */
function sprinkle(s: string, r: Rand, n: number, f: () => string): string {
  const at = Array.from({ length: n }, () => cpIndex(s, r)).sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const i of at) {
    out += s.slice(last, i) + f();
    last = i;
  }
  return out + s.slice(last);
}

/** A random line boundary (start of a line). */
function lineStart(s: string, r: Rand): number {
  const starts = [0];
  for (let i = s.indexOf('\n'); i >= 0 && starts.length < 20000; i = s.indexOf('\n', i + 1)) starts.push(i + 1);
  return r.pick(starts);
}

const MAX_CHARS = 2_600_000;

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.ceil(chars / Math.max(1, unit.length)))).slice(0, chars);
}

function wordsOf(r: Rand, seeds: SeedMaterial): string[] {
  const t = pickSeed(r, seeds).text;
  return t.split(/\s+/).filter(Boolean);
}

function pickSeed(r: Rand, seeds: SeedMaterial): SeedText {
  const groups: Array<[number, SeedText[]]> = [
    [3, seeds.corpus],
    [3.5, seeds.fixtures],
    [3.5, seeds.ptc],
  ];
  const live = groups.filter(([, g]) => g.length > 0);
  if (!live.length) return { label: 'builtin', text: 'Sergey Lavrov said on Thursday that the West had failed.\n\nThe conference in Minsk ended.\n' };
  return r.pick(r.weighted(live));
}

function pickHtml(r: Rand, seeds: SeedMaterial): SeedText {
  return seeds.html.length ? r.pick(seeds.html) : { label: 'builtin-html', text: '<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>Headline</h1><p>Sergey Lavrov said on Thursday that the West had failed.</p></article></body></html>' };
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain text as an HTML page (paragraph per blank-line block). */
function asHtml(text: string, title = 'Page'): string {
  const paras = text.split(/\n\s*\n/).map((p) => `<p>${htmlEscape(p)}</p>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(title)}</title></head>\n<body><article><h1>${htmlEscape(title)}</h1>\n${paras}\n</article></body></html>\n`;
}

// ---------------------------------------------------------------------------------------------
// Bases: what an input starts from

type Base = { recipe: string; text?: string; bytes?: Uint8Array; html: boolean };

const BASES: ReadonlyArray<readonly [number, (r: Rand, s: SeedMaterial) => Base]> = [
  [36, (r, s) => {
    const t = pickSeed(r, s);
    return { recipe: `seed:${t.label}`, text: t.text, html: false };
  }],
  [14, (r, s) => {
    const t = pickHtml(r, s);
    return { recipe: `seed:${t.label}`, text: t.text, html: true };
  }],
  [3, (r, s) => {
    const t = pickSeed(r, s);
    return { recipe: `seed-as-html:${t.label}`, text: asHtml(t.text, t.text.split('\n')[0]!.slice(0, 120)), html: true };
  }],
  [6, (r) => {
    // An article in another script (or several), sometimes with an English headline.
    const scripts = Array.from({ length: r.range(1, 3) }, () => r.pick(SCRIPT_NAMES));
    const paras = Array.from({ length: r.range(1, 12) }, () => Array.from({ length: r.range(1, 5) }, () => r.pick(SCRIPTS[r.pick(scripts)]!)).join(' '));
    const head = r.chance(0.4) ? 'Lavrov says the West has lost\n\n' : '';
    return { recipe: `nonlatin:${[...new Set(scripts)].join('+')}`, text: head + paras.join('\n\n') + '\n', html: false };
  }],
  [5, (r, s) => {
    const t = pickSeed(r, s);
    return { recipe: `comment-flood-article:${t.label}`, text: t.text + '\n' + commentFlood(r, r.logRange(500, 5000)), html: false };
  }],
  // Deep nesting. Nested <div>s are by far the most expensive (Readability on linkedom is super-linear
  // in the depth: 2,000 take ~35 s, 4,000 over 5 minutes), so they are one tag in twelve here: enough to
  // be found in every 10,000-input run without turning it into hours of hangs.
  [3, (r, s) => {
    const t = pickSeed(r, s);
    const depth = r.pick([500, 1000, 2000, 5000, 5000, 10000]);
    const tag = r.pick(['div', 'span', 'blockquote', 'section', 'li', 'ol', 'table', 'font', 'b', 'a', 'p', 'center']);
    const close = r.chance(0.6);
    const inner = t.text.split(/\n+/).map((p) => `<p>${htmlEscape(p)}</p>`).join('\n');
    const open = tag === 'table' ? '<table><tr><td>' : `<${tag}>`;
    const end = tag === 'table' ? '</td></tr></table>' : `</${tag}>`;
    const text = `<!DOCTYPE html><html><head><title>Deep</title></head><body>${open.repeat(depth)}${inner}${close ? end.repeat(depth) : ''}</body></html>`;
    return { recipe: `deep-html:${tag}x${depth}${close ? '' : ':unclosed'}:${t.label}`, text, html: true };
  }],
  [1.5, (r, s) => {
    // Nested reply lists as WordPress writes them, thousands deep: the replyTo logic walks them.
    const depth = r.pick([100, 300, 1000, 2000]);
    const t = pickSeed(r, s);
    let c = '';
    for (let i = 0; i < depth; i++) c += `<li class="comment" id="comment-${i}"><article class="comment-body"><footer class="comment-meta"><b class="fn">${r.pick(NAMES)}</b> <time datetime="2024-10-3${i % 2}T10:00:00+00:00">October 30, 2024</time></footer><div class="comment-content"><p>Reply number ${i} on this.</p></div></article><ol class="children">`;
    c += '</ol></li>'.repeat(r.chance(0.7) ? depth : r.int(depth));
    return { recipe: `deep-comment-replies:x${depth}:${t.label}`, text: asHtml(t.text, 'Deep replies').replace('</article>', `</article><div id="comments" class="comments-area"><ol class="comment-list">${c}</ol></div>`), html: true };
  }],
  [4, (r, s) => {
    const t = pickHtml(r, s);
    let h = t.text;
    const steps: string[] = [];
    for (let k = r.range(2, 5); k > 0; k--) {
      const [label, f] = r.pick(HTML_MUTATIONS);
      const out = f(h, r, s);
      if (out.length < MAX_CHARS) {
        h = out;
        steps.push(label);
      }
    }
    return { recipe: `broken-html:${t.label}[${steps.join(',')}]`, text: h, html: true };
  }],
  [0.3, (r, s) => {
    // A ~1 MB single line: a seed with its line breaks gone, repeated; or one enormous token.
    const kind = r.pick(['prose', 'prose', 'no-spaces', 'punct', 'nonlatin']);
    const target = r.range(1_000_000, 1_100_000);
    let unit: string;
    if (kind === 'prose') unit = pickSeed(r, s).text.replace(/\s+/g, ' ') + ' ';
    else if (kind === 'no-spaces') unit = pickSeed(r, s).text.replace(/\s+/g, '');
    else if (kind === 'punct') unit = PUNCT;
    else unit = SCRIPTS[r.pick(SCRIPT_NAMES)]!.join(' ') + ' ';
    // Chars, not bytes: a non-Latin unit is cut so the file stays near 1 MB.
    const chars = kind === 'nonlatin' ? Math.floor(target / 2.5) : target;
    return { recipe: `single-line-1mb:${kind}`, text: repeatTo(unit, chars), html: false };
  }],
  [2, (r) => {
    const n = r.logRange(1000, 200_000);
    const unit = r.chance(0.5) ? r.pick(['.', '!', '-', '=', '*', '…', '—', '?!', '"', '“”', '()', '<>']) : Array.from({ length: 40 }, () => r.pick([...PUNCT])).join('');
    const lines = r.chance(0.5) ? 1 : r.range(2, 200);
    return { recipe: `punctuation:${n}x${lines}`, text: Array.from({ length: lines }, () => repeatTo(unit, Math.ceil(n / lines))).join('\n'), html: false };
  }],
  [2, (r, s) => {
    const n = r.logRange(100, 50_000);
    const t = r.chance(0.5) ? pickSeed(r, s) : null;
    const blank = r.pick(['\n', ' \n', '\t\n', '\u00a0\n', '\u3000\n', '\r\n']);
    return { recipe: `blank-lines:${n}${t ? `:${t.label}` : ''}`, text: blank.repeat(n) + (t ? t.text + blank.repeat(n) : ''), html: false };
  }],
  [1, () => ({ recipe: 'empty', bytes: new Uint8Array(0), html: false })],
  [1, (r) => ({ recipe: 'whitespace-only', text: Array.from({ length: r.range(1, 500) }, () => r.pick([' ', '\n', '\t', '\r', '\u00a0', '\u2003', '\u3000', '\u200b', '\ufeff'])).join(''), html: false })],
  [2, (r) => {
    const n = r.logRange(1, 100_000);
    const nul = r.chance(0.4);
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = nul ? r.int(256) : 1 + r.int(255);
    return { recipe: `binary:${n}${nul ? '' : ':no-nul'}`, bytes: b, html: false };
  }],
  [1, (r) => {
    // Real binary formats a scraper might save with a .txt name.
    const kind = r.pick(['pdf', 'png', 'gzip', 'zip', 'jpeg']);
    const magic: Record<string, number[]> = { pdf: [...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')], png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], gzip: [0x1f, 0x8b, 0x08, 0x00], zip: [0x50, 0x4b, 0x03, 0x04], jpeg: [0xff, 0xd8, 0xff, 0xe0] };
    const tail = Buffer.alloc(r.logRange(10, 20000));
    for (let i = 0; i < tail.length; i++) tail[i] = r.int(256);
    return { recipe: `binary-format:${kind}`, bytes: Buffer.concat([Buffer.from(magic[kind]!), tail]), html: false };
  }],
  [1, (r, s) => {
    const t = pickSeed(r, s);
    const be = r.chance(0.5);
    let b = Buffer.from(t.text, 'utf16le');
    if (be) b.swap16();
    if (r.chance(0.7)) b = Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
    return { recipe: `utf16${be ? 'be' : 'le'}:${t.label}`, bytes: b, html: false };
  }],
  [1, (r, s) => {
    // A legacy single-byte encoding: every non-ASCII character becomes one high byte.
    const t = pickSeed(r, s);
    const src = r.chance(0.5) ? t.text : r.pick(SCRIPTS.cyrillic!).repeat(r.range(1, 30));
    const b = Buffer.from([...src].map((c) => (c.codePointAt(0)! < 0x80 ? c.codePointAt(0)! : 0x80 + (c.codePointAt(0)! % 128))));
    return { recipe: `single-byte-encoding:${t.label}`, bytes: b, html: false };
  }],
  [2, (r, s) => {
    const ws = wordsOf(r, s);
    const n = r.logRange(5, 20000);
    const words = Array.from({ length: n }, () => {
      const w = r.pick(ws.length ? ws : ['word']);
      return r.chance(0.2) ? w.toUpperCase() : r.chance(0.2) ? w[0]!.toUpperCase() + w.slice(1) : w;
    });
    let text = '';
    for (const w of words) text += w + (r.chance(0.05) ? '\n' : r.chance(0.02) ? '\n\n' : ' ');
    return { recipe: `word-salad:${n}`, text, html: false };
  }],
  [1, (r) => {
    const n = r.logRange(1000, 300_000);
    const letters = r.pick(['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'аб', '中文', '0123456789', 'a-', "a'", 'é', 'e\u0301']);
    return { recipe: `long-word:${n}`, text: 'Headline\n\n' + repeatTo(letters, n) + '\n', html: false };
  }],
  [1, (r, s) => {
    // Zalgo: runs of combining marks, which NFC may reorder or compose.
    const t = pickSeed(r, s);
    const marks = () => Array.from({ length: r.range(1, 60) }, () => String.fromCharCode(0x300 + r.int(0x70))).join('');
    return { recipe: `zalgo:${t.label}`, text: t.text.replace(/[a-z]/gi, (c) => (r.chance(0.3) ? c + marks() : c)), html: false };
  }],
  [3, (r) => {
    const n = r.range(1, 30);
    const pool = [...'aZ. \n\t-"\'<>&;:#', '\u200b', '\u202e', '\ufeff', '😀', '中', 'й', '\u0301', '\r'];
    return { recipe: `tiny:${n}`, text: Array.from({ length: n }, () => r.pick(pool)).join(''), html: r.chance(0.2) };
  }],
  [1, (r, s) => {
    // Many people, places and organisations: entity merging and speaker resolution get busy.
    const first = ['Sergey', 'Maria', 'Ivan', 'Anna', 'John', 'Olaf', 'Emmanuel', 'Xi', 'Recep', 'Ursula', 'Antony', 'Dmitry'];
    const last = ['Lavrov', 'Zakharova', 'Petrov', 'Smith', 'Scholz', 'Macron', 'Jinping', 'Erdogan', 'von der Leyen', 'Blinken', 'Peskov', 'Medvedev'];
    const orgs = ['NATO', 'the EU', 'the Kremlin', 'TASS', 'the Ministry of Foreign Affairs', 'the UN Security Council', 'Gazprom', 'the Pentagon'];
    const n = r.logRange(100, 5000);
    const t = pickSeed(r, s);
    const lines = Array.from({ length: n }, (_, i) => `${r.pick(first)} ${r.pick(last)}${i % 7 === 0 ? ` ${i}` : ''} ${r.pick(['said', 'told', 'stressed', 'accused', 'noted'])} ${r.pick(orgs)} that "${r.pick(['the collective West', 'Nazis in Kyiv', 'so-called sanctions', 'the special military operation', 'Russophobia'])}" ${r.pick(['was', 'is', 'had been'])} ${r.pick(['a lie', 'collapsing', 'alleged'])}.`);
    return { recipe: `entity-flood:${n}:${t.label}`, text: t.text.split('\n')[0] + '\n\n' + lines.join(r.chance(0.5) ? ' ' : '\n'), html: false };
  }],
  [1, (r, s) => {
    const n = r.logRange(100, 5000);
    const t = pickSeed(r, s);
    const dates = ['October 31, 2024', '31.10.2024', '2024-10-31', '31 Oct 2024 14:05', 'Thursday', 'yesterday', '2 hours ago', 'Oct 22, 2024 | 14:35', '29/02/2023', '2024-13-45', '00:00', 'Updated: 31 октября 2024', '2024年10月31日'];
    return { recipe: `date-flood:${n}:${t.label}`, text: t.text + '\n' + Array.from({ length: n }, () => r.pick(dates)).join(r.chance(0.5) ? '\n' : ' '), html: false };
  }],
];

/** Comment headers, replies and times repeated n times, as a badly scraped comment section. */
function commentFlood(r: Rand, n: number): string {
  const withText = r.chance(0.5);
  const fixed = r.chance(0.5) ? r.pick(COMMENT_HEADERS) : null;
  let out = '';
  for (let i = 0; i < n; i++) {
    const name = r.pick(NAMES);
    out += (fixed ?? r.pick(COMMENT_HEADERS))(name, r) + '\n';
    if (withText && r.chance(0.7)) out += r.pick(['I agree.', 'This is propaganda!', 'The West is collapsing, Lavrov is right.', 'LOL', 'Source?', SCRIPTS.cyrillic![0]!, '😂😂😂']) + '\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations over text

type TextMutation = readonly [string, (s: string, r: Rand, seeds: SeedMaterial) => string];

const TEXT_MUTATIONS: ReadonlyArray<readonly [number, TextMutation]> = [
  [5, ['line-endings', (s, r) => {
    const kind = r.pick(['cr', 'crlf', 'mixed', 'lsep', 'nel', 'vt-ff', 'cr-cr-lf', 'lf-cr']);
    switch (kind) {
      case 'cr': return s.replace(/\r?\n/g, '\r');
      case 'crlf': return s.replace(/\r?\n/g, '\r\n');
      case 'mixed': return s.replace(/\r?\n/g, () => r.pick(['\n', '\r', '\r\n', '\n\r', '\r\r\n']));
      case 'lsep': return s.replace(/\n/g, () => r.pick(['\u2028', '\u2029', '\n']));
      case 'nel': return s.replace(/\n/g, '\u0085');
      case 'vt-ff': return s.replace(/\n/g, () => r.pick(['\v', '\f', '\n']));
      case 'cr-cr-lf': return s.replace(/\n/g, '\r\r\n');
      default: return s.replace(/\n/g, '\n\r');
    }
  }]],
  [5, ['zero-width', (s, r) => sprinkle(s, r, r.logRange(1, 500), () => r.pick(ZERO_WIDTH).repeat(r.chance(0.1) ? r.range(2, 50) : 1))]],
  [2, ['zero-width-in-words', (s, r) => s.replace(/[A-Za-z]{4,}/g, (w) => (r.chance(0.3) ? w.slice(0, 2) + r.pick(ZERO_WIDTH) + w.slice(2) : w))]],
  [4, ['bidi', (s, r) => {
    if (r.chance(0.5)) return sprinkle(s, r, r.logRange(1, 300), () => r.pick(BIDI));
    // Wrap whole lines in an override, balanced or not.
    return s.replace(/^.+$/gm, (l) => (r.chance(0.3) ? `${r.pick(BIDI)}${l}${r.chance(0.5) ? r.pick(['\u202C', '\u2069']) : ''}` : l));
  }]],
  [4, ['non-latin', (s, r) => {
    const script = r.pick(SCRIPT_NAMES);
    const mode = r.pick(['paragraphs', 'words', 'title']);
    if (mode === 'paragraphs') return sprinkle(s, r, r.range(1, 8), () => `\n\n${r.pick(SCRIPTS[script]!)}\n\n`);
    if (mode === 'title') return r.pick(SCRIPTS[script]!) + '\n' + s;
    const ws = SCRIPTS[script]!.join(' ').split(/\s+/);
    return s.replace(/\b[a-z]{3,}\b/g, (w) => (r.chance(0.15) ? r.pick(ws) : w));
  }]],
  [2, ['homoglyphs', (s, r) => s.replace(/[aceopxyABEHKMOPTXi]/g, (c) => (r.chance(0.3) ? HOMOGLYPHS[c]! : c))]],
  [2, ['astral-letters', (s, r) => s.replace(/[A-Za-z]/g, (c) => {
    if (!r.chance(0.2)) return c;
    const base = c <= 'Z' ? 0x1d400 + (c.charCodeAt(0) - 65) : 0x1d41a + (c.charCodeAt(0) - 97);
    return String.fromCodePoint(base);
  })]],
  [2, ['emoji', (s, r) => sprinkle(s, r, r.logRange(1, 300), () => r.pick(SCRIPTS.emoji!).split(' ')[r.int(3)] ?? '🔥')]],
  [4, ['comment-headers', (s, r) => {
    if (s.length > MAX_CHARS / 2) return s;
    const i = r.chance(0.7) ? s.length : lineStart(s, r);
    return insertAt(s, i, '\n' + commentFlood(r, r.logRange(500, 5000)));
  }]],
  [3, ['blank-lines', (s, r) => {
    const n = r.logRange(100, 20000);
    return insertAt(s, lineStart(s, r), r.pick(['\n', ' \n', '\t\n', '\u00a0\n', '\u2028', '\r\n']).repeat(n));
  }]],
  [3, ['punctuation-line', (s, r) => {
    const n = r.logRange(500, 200_000);
    const unit = r.chance(0.5) ? r.pick(['.', '!', '-', '=', '_', '*', '…', '"', '«»', '...']) : Array.from({ length: 30 }, () => r.pick([...PUNCT])).join('');
    return insertAt(s, lineStart(s, r), repeatTo(unit, n) + '\n');
  }]],
  [3, ['duplicate-line', (s, r) => {
    const lines = s.split('\n');
    const l = r.pick(lines);
    const n = Math.min(r.logRange(2, 3000), Math.floor(MAX_CHARS / 2 / (l.length + 1)));
    const at = r.int(lines.length + 1);
    return [...lines.slice(0, at), ...Array<string>(Math.max(1, n)).fill(l), ...lines.slice(at)].join('\n');
  }]],
  [1, ['shuffle-lines', (s, r) => {
    const lines = s.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    }
    return lines.join('\n');
  }]],
  [1, ['case', (s, r) => (r.chance(0.5) ? s.toUpperCase() : s.toLowerCase())]],
  [2, ['nfd', (s) => s.normalize('NFD')]],
  [1, ['nfkd', (s) => s.normalize('NFKD')]],
  [3, ['quotes', (s, r) => sprinkle(s, r, r.logRange(1, 2000), () => r.pick(['"', '“', '”', '„', '«', '»', "'", '‘', '’', '‹', '›', '「', '」', '"""']))]],
  [2, ['controls', (s, r) => sprinkle(s, r, r.logRange(1, 200), () => String.fromCharCode(r.chance(0.5) ? 1 + r.int(31) : 0x7f + r.int(33)))]],
  [1, ['nul-char', (s, r) => sprinkle(s, r, r.range(1, 5), () => '\u0000')]],
  [2, ['bom', (s, r) => (r.chance(0.5) ? '\ufeff'.repeat(r.range(1, 5)) + s : sprinkle(s, r, r.range(1, 20), () => '\ufeff'))]],
  // One long token. wink-nlp's tokenizer is super-linear on long URL-like tokens (11 KB ~8 s, 22 KB ~80 s),
  // so lengths are log-uniform from 200 characters to 100 KB.
  [1.5, ['long-word', (s, r) => insertAt(s, cpIndex(s, r), ' ' + repeatTo(r.pick(['a', 'xy', 'Lavrov', '-', 'ааа', 'http://x.y/', '=', 'a.b', 'x_y']), r.logRange(200, 100_000)) + ' ')]],
  [1, ['long-url', (s, r) => insertAt(s, lineStart(s, r), 'https://example.com/' + repeatTo('path/segment-', r.logRange(100, 100_000)) + '?q=' + '%20'.repeat(r.range(1, 1000)) + '\n')]],
  [2, ['hard-wrap', (s, r) => {
    const w = r.range(10, 80);
    return s.replace(/[^\n]+/g, (l) => l.replace(new RegExp(`(.{${w}})\\s`, 'g'), '$1\n'));
  }]],
  [2, ['odd-spaces', (s, r) => s.replace(/ /g, () => (r.chance(0.3) ? r.pick(['\t', '\u00a0', '\u2009', '\u3000', '\u2003', '  ', '\u180e', '\u205f']) : ' '))]],
  [1, ['markdown', (s, r) => s.replace(/^(?=.)/gm, () => (r.chance(0.3) ? r.pick(['# ', '## ', '* ', '- ', '> ', '1. ', '| ', '    ']) : ''))]],
  [1, ['html-sniff', (s, r) => r.pick(['<html>', '<!DOCTYPE html>', '  <html lang="ru">\n', '<HTML>', '<!doctype html><html><body>']) + s]],
  [2, ['truncate-chars', (s, r) => s.slice(0, r.int(s.length + 1))]],
  [1, ['lone-surrogates', (s, r) => sprinkle(s, r, r.range(1, 20), () => String.fromCharCode(0xd800 + r.int(0x800)))]],
  [1, ['split-surrogate-pairs', (s, r) => s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, (p) => (r.chance(0.5) ? p[0]! + (r.chance(0.5) ? ' ' : '') : p))]],
];

// ---------------------------------------------------------------------------------------------
// Mutations over HTML

const HTML_MUTATIONS: readonly TextMutation[] = [
  ['unclose-tags', (s, r) => s.replace(/<\/[a-z0-9]+>/gi, (m) => (r.chance(0.4) ? '' : m))],
  ['stray-lt', (s, r) => sprinkle(s, r, r.logRange(1, 500), () => r.pick(['<', '</', '<!', '<?', '< ', '<3', '<<', '<a', '</p', '>', '<p <p>', '<!--', '-->', '<![CDATA[', ']]>']))],
  ['deep-wrap', (s, r) => {
    const n = r.pick([200, 500, 2000, 5000]);
    const tag = r.pick(['div', 'span', 'p', 'blockquote', 'b', 'table', 'section', 'i']);
    const i = s.search(/<body[^>]*>/i);
    const at = i >= 0 ? s.indexOf('>', i) + 1 : 0;
    return insertAt(s, at, `<${tag}>`.repeat(n)).replace(/<\/body>/i, (r.chance(0.5) ? `</${tag}>`.repeat(n) : '') + '</body>');
  }],
  ['huge-attribute', (s, r) => {
    const n = r.logRange(1000, 500_000);
    const v = repeatTo(r.pick(['a', 'x y ', '&amp;', 'data:image/png;base64,iVBORw0KGgo', '"', "'", '>']), n);
    return s.replace(/<(p|div|article|body|a|h1)(\s|>)/i, (_m, t: string, e: string) => `<${t} ${r.pick(['class', 'style', 'data-x', 'title', 'href', 'onclick'])}="${v}"${e}`);
  }],
  ['script-style-text', (s, r, seeds) => {
    const t = pickSeed(r, seeds).text;
    const tag = r.pick(['script', 'style', 'noscript', 'template', 'textarea', 'title', 'xmp', 'iframe', 'svg', 'math', 'plaintext', 'object']);
    const unterminated = r.chance(0.2);
    const block = `<${tag}>${r.chance(0.5) ? t : htmlEscape(t)}${unterminated ? '' : `</${tag}>`}`;
    const i = s.search(/<\/?(p|article|body)[\s>]/i);
    return insertAt(s, i >= 0 ? i : s.length, block);
  }],
  ['entities', (s, r) => sprinkle(s, r, r.logRange(1, 2000), () => r.pick(ENTITIES))],
  ['unterminated-comment', (s, r) => insertAt(s, cpIndex(s, r), r.pick(['<!--', '<!-- x --', '<![CDATA[', '<!', '<?xml ', '<!DOCTYPE']))],
  ['comment-markup-flood', (s, r) => {
    const n = r.logRange(100, 3000);
    const li = `<li class="comment"><div class="comment-author vcard"><cite class="fn">${r.pick(NAMES)}</cite> <span class="says">says:</span></div><div class="comment-meta"><a href="#c">October 30, 2024 at 9:41 am</a></div><p>${r.pick(['I agree.', 'Propaganda.', 'Lavrov is right.'])}</p><div class="reply"><a>Reply</a></div></li>`;
    const block = `<ol class="commentlist">${li.repeat(n)}</ol>`;
    return /<\/body>/i.test(s) ? s.replace(/<\/body>/i, block + '</body>') : s + block;
  }],
  ['lang-attribute', (s, r) => {
    const v = r.pick(['', 'RU', 'x', '12', 'рус', 'zh-Hant-TW', 'en_US', 'EN', 'und', 'i-klingon', '""', 'de ', ' fr', '🇷🇺']);
    return /<html[^>]*>/i.test(s) ? s.replace(/<html[^>]*>/i, `<html lang="${v}">`) : `<html lang="${v}">` + s;
  }],
  ['meta-soup', (s, r) => s.replace(/<head[^>]*>/i, (h) => h + Array.from({ length: r.range(1, 50) }, () => r.pick([
    '<meta charset="windows-1251">', '<meta property="article:published_time" content="not a date">', '<meta property="article:published_time" content="2024-02-30T25:61:00Z">',
    '<meta name="author" content="">', '<meta name="date" content="0000-00-00">', '<time datetime="99999-01-01">x</time>', '<title></title>', '<title>' + 'T'.repeat(r.range(1, 5000)) + '</title>', '<base href="javascript:alert(1)">',
  ])).join(''))],
  ['strip-gt', (s, r) => s.replace(/>/g, (m) => (r.chance(0.1) ? '' : m))],
  ['misnest', (s, r) => sprinkle(s, r, r.logRange(10, 3000), () => r.pick(['<b><i>', '</b></i>', '<a href="#"><a href="#">', '<p><div>', '</div></p>', '<table><p>', '<li>', '</ol>', '<h1><h2>']))],
  ['headings-flood', (s, r) => s.replace(/<\/body>/i, Array.from({ length: r.logRange(10, 3000) }, (_, i) => `<h${1 + (i % 6)}>Heading ${i}</h${1 + (i % 6)}>`).join('') + '</body>')],
];

// ---------------------------------------------------------------------------------------------
// Mutations over bytes (applied last, so their damage survives)

type ByteMutation = readonly [string, (b: Buffer, r: Rand, seeds: SeedMaterial) => Buffer];

const BYTE_MUTATIONS: ReadonlyArray<readonly [number, ByteMutation]> = [
  [5, ['truncate', (b, r) => {
    if (!b.length) return b;
    // Half the time cut just inside a multi-byte sequence.
    if (r.chance(0.5)) {
      const cont: number[] = [];
      for (let i = 0; i < b.length && cont.length < 5000; i++) if ((b[i]! & 0xc0) === 0x80) cont.push(i);
      if (cont.length) return b.subarray(0, r.pick(cont));
    }
    return b.subarray(0, r.int(b.length + 1));
  }]],
  [4, ['byte-flips', (b, r) => {
    const c = Buffer.from(b);
    for (let k = r.logRange(1, 200); k > 0 && c.length; k--) {
      const i = r.int(c.length);
      c[i] = r.chance(0.5) ? c[i]! ^ (1 << r.int(8)) : r.int(256);
    }
    return c;
  }]],
  [3, ['insert-bytes', (b, r) => {
    const parts: Buffer[] = [];
    let last = 0;
    const at = Array.from({ length: r.logRange(1, 100) }, () => r.int(b.length + 1)).sort((x, y) => x - y);
    for (const i of at) {
      parts.push(b.subarray(last, i), Buffer.from(Array.from({ length: r.range(1, 16) }, () => 1 + r.int(255))));
      last = i;
    }
    parts.push(b.subarray(last));
    return Buffer.concat(parts);
  }]],
  [3, ['delete-bytes', (b, r) => {
    let c = b;
    for (let k = r.range(1, 20); k > 0 && c.length; k--) {
      const i = r.int(c.length);
      c = Buffer.concat([c.subarray(0, i), c.subarray(Math.min(c.length, i + r.logRange(1, 500)))]);
    }
    return c;
  }]],
  [4, ['invalid-utf8', (b, r) => {
    const parts: Buffer[] = [];
    let last = 0;
    const kinds: string[] = [];
    const at = Array.from({ length: r.logRange(1, 100) }, () => r.int(b.length + 1)).sort((x, y) => x - y);
    for (const i of at) {
      const [k, bytes] = r.pick(INVALID_UTF8);
      kinds.push(k);
      parts.push(b.subarray(last, i), Buffer.from(bytes));
      last = i;
    }
    parts.push(b.subarray(last));
    return Buffer.concat(parts);
  }]],
  [1, ['nul-bytes', (b, r) => {
    const c = Buffer.from(b);
    for (let k = r.range(1, 3); k > 0 && c.length; k--) c[r.int(c.length)] = 0;
    return c.length ? c : Buffer.from([0]);
  }]],
  [2, ['splice', (b, r, seeds) => {
    const other = Buffer.from(r.chance(0.3) ? pickHtml(r, seeds).text : pickSeed(r, seeds).text);
    return Buffer.concat([b.subarray(0, r.int(b.length + 1)), other.subarray(r.int(other.length + 1))]);
  }]],
  [1, ['bom-bytes', (b, r) => Buffer.concat([Buffer.from(r.pick([[0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb]])), b])]],
];

// ---------------------------------------------------------------------------------------------
// Inputs

/** The file name of input `index`: ids stay in [a-z0-9_-]. */
export function inputId(index: number): string {
  return `i${String(index).padStart(6, '0')}`;
}

/** Generates input `index` of the stream seeded by `seed`. */
export function generateInput(seeds: SeedMaterial, seed: number, index: number): FuzzInput {
  const r = new Rand(mix(seed, index, 0x51ed));
  const base = r.weighted(BASES)(r, seeds);
  const steps: string[] = [base.recipe];
  let html = base.html;
  let bytes: Buffer;
  if (base.bytes) bytes = Buffer.from(base.bytes);
  else {
    let text = base.text!;
    // 0 to 4 text mutations (HTML inputs draw from the HTML list too); a large base gets fewer.
    const n = text.length > 500_000 ? r.int(2) : r.weighted([[15, 0], [40, 1], [25, 2], [12, 3], [8, 4]] as const);
    for (let k = 0; k < n; k++) {
      const [label, f] = html && r.chance(0.5) ? r.pick(HTML_MUTATIONS) : r.weighted(TEXT_MUTATIONS);
      const out = f(text, r, seeds);
      if (out.length > MAX_CHARS) continue;
      text = out;
      steps.push(label);
    }
    // Lone surrogates survive as WTF-8 (invalid UTF-8), as a buggy scraper would write them.
    bytes = /[\uD800-\uDFFF]/.test(text) ? wtf8(text) : Buffer.from(text, 'utf8');
  }
  // Byte mutations: none for most inputs, up to 3 for some.
  const nb = r.weighted([[60, 0], [25, 1], [10, 2], [5, 3]] as const);
  for (let k = 0; k < nb; k++) {
    const [label, f] = r.weighted(BYTE_MUTATIONS);
    bytes = f(bytes, r, seeds);
    steps.push(label);
  }
  // The extension usually follows the content; sometimes it lies.
  let ext = html ? (r.chance(0.2) ? '.htm' : '.html') : '.txt';
  if (r.chance(0.05)) {
    ext = html ? '.txt' : '.html';
    html = !html;
    steps.push(`ext:${ext}`);
  }
  return { index, name: inputId(index) + ext, bytes, recipe: steps.join(' > ') };
}

// ---------------------------------------------------------------------------------------------
// Manifests

const OUTLETS = ['TASS', 'RIA Novosti', 'The Eastern Herald', 'Danube Observer', 'BelTA', 'Reuters', 'Eastern Flank Monitor'];
const HOSTS = ['tass.com', 'ria.ru', 'example.org', 'belta.by', 'reuters.com'];

function csvField(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function oddValue(r: Rand, col: string): string {
  const common = ['', ' ', '""', 'null', 'NULL', 'N/A', '\u200b', '\ufeff', 'é', '😀', 'a,b', 'line\nbreak', 'x'.repeat(r.logRange(100, 20000)), '\u202eevil', '=cmd|" /C calc"!A0'];
  const byCol: Record<string, string[]> = {
    outlet: ['ТАСС', '新华社', ' TASS ', 'tass', 'TASS\u200b', 'Reuters; TASS', '"Quoted" Outlet'],
    url: ['not a url', 'javascript:alert(1)', 'http://', 'https://例子.测试/新闻', 'ftp://x/y', 'https://tass.com/' + 'a/'.repeat(2000), '//tass.com', 'file:///etc/passwd', 'https://[::1]:99999/'],
    date: ['2024-02-30', '0000-00-00', '9999-99-99', '2024-1-1', '31.10.2024', 'yesterday', '2024-10-31T10:00:00Z', ' 2024-10-31 ', '1969-12-31', '2024-10-31\u200b', '２０２４-１０-３１', '٢٠٢٤-١٠-٣١'],
    language: ['en', 'EN', 'eng', 'English', 'english', 'ru', 'rus', 'Russian', 'русский', 'zz', 'xx-YY', 'en-US', 'en_GB', ' en ', 'und', 'zh-Hant', 'français', 'de', 'uk', '12', 'e', 'mul', 'zxx', 'qaa'],
  };
  return r.chance(0.7) && byCol[col] ? r.pick(byCol[col]!) : r.pick(common);
}

/** Ids that are odd but not path-hostile: no '/', '\\', '..', NUL or other control characters, no leading '.'. */
function oddId(r: Rand, ids: string[]): string {
  const id = ids.length ? r.pick(ids) : 'i000000';
  return r.pick([
    () => id.toUpperCase(),
    () => ` ${id} `,
    () => `${id}\u200b`,
    () => `\ufeff${id}`,
    () => `${id}.txt`,
    () => `${id}.html`,
    () => `${id} copy`,
    () => `${id},x`,
    () => `"${id}"`,
    () => `${id}#1`,
    () => `${id}%20`,
    () => `${id}.`,
    () => 'статья-1',
    () => '新闻',
    () => 'مقال',
    () => '😀',
    () => '\u202etxt.exe',
    () => 'a b c',
    () => '-leading-dash',
    () => '~tilde',
    () => '$HOME',
    () => '*',
    () => "it's",
    () => 'e\u0301',
    () => '\u00e9',
    () => 'x'.repeat(r.range(60, 120)),
    () => 'Ab',
    () => 'ab',
    () => String(r.int(1000)),
    () => '0',
  ])();
}

/**
 * The manifest of the batch whose first input is `first` (null for most batches). Kinds: plain rows,
 * odd values, odd ids, broken quoting, a broken header, and a gigantic manifest mostly naming no file.
 */
export function generateManifest(seed: number, first: number, ids: string[], opts: { giantRows?: number } = {}): FuzzManifest | null {
  const r = new Rand(mix(seed, first, 0x3a41f357));
  const kind = r.weighted([
    [48, 'none'],
    [18, 'plain'],
    [11, 'odd-values'],
    [8, 'odd-ids'],
    [6, 'broken-quoting'],
    [3, 'broken-header'],
    [6, 'gigantic'],
  ] as const);
  if (kind === 'none') return null;
  const cols = ['id', 'outlet', 'url', 'date', 'language'];
  if (r.chance(0.3)) cols.push(r.pick(['title', 'notes', 'ID2', '']));
  const header = r.chance(0.2) ? cols.map((c) => (r.chance(0.5) ? ` ${c.toUpperCase()} ` : c)) : cols;
  const eol = r.pick(['\n', '\r\n', '\r\n', '\n']);
  const rows: string[][] = [];
  const plainRow = (id: string): string[] => {
    const o = r.int(OUTLETS.length);
    return cols.map((c) => {
      if (c === 'id') return id;
      if (c === 'outlet') return r.chance(0.9) ? OUTLETS[o]! : '';
      if (c === 'url') return r.chance(0.6) ? `https://${HOSTS[o % HOSTS.length]}/news/${r.int(100000)}` : '';
      if (c === 'date') return r.chance(0.6) ? `2024-${String(r.range(1, 12)).padStart(2, '0')}-${String(r.range(1, 28)).padStart(2, '0')}` : '';
      if (c === 'language') return r.weighted([[8, 'en'], [1, ''], [1, 'ru'], [0.5, 'de']] as const);
      return r.chance(0.5) ? 'note' : '';
    });
  };
  const subset = ids.filter(() => r.chance(0.6));
  let recipe: string = kind;
  let mayBeRejected = false;
  let text: string;
  if (kind === 'gigantic') {
    const n = opts.giantRows ?? 50_000;
    const real = new Set(subset);
    const out: string[] = [header.map(csvField).join(',')];
    let k = 0;
    for (let i = 0; i < n; i++) {
      // Mostly ghosts (rows naming no file), the batch's files sprinkled among them.
      const id = k < subset.length && r.chance(subset.length / n) ? subset[k++]! : `g${String(i).padStart(6, '0')}`;
      out.push(plainRow(id).map(csvField).join(','));
    }
    for (; k < subset.length; k++) out.push(plainRow(subset[k]!).map(csvField).join(','));
    recipe = `gigantic:${n}-rows:${real.size}-real`;
    text = out.join(eol) + eol;
  } else {
    for (const id of subset) rows.push(plainRow(id));
    // A few ghosts and duplicate rows in every kind.
    for (let g = r.range(0, 5); g > 0; g--) rows.push(plainRow(`ghost-${r.int(1000)}`));
    if (rows.length && r.chance(0.3)) rows.push(r.pick(rows).slice());
    if (kind === 'odd-values') {
      for (const row of rows) cols.forEach((c, j) => c !== 'id' && r.chance(0.3) && (row[j] = oddValue(r, c)));
      // Ragged rows: csv-parse runs with relax_column_count.
      for (const row of rows) if (r.chance(0.1)) row.splice(r.int(row.length) + 1);
      for (const row of rows) if (r.chance(0.05)) row.push('extra', 'more');
    }
    if (kind === 'odd-ids') {
      for (let g = r.range(3, 30); g > 0; g--) {
        const row = plainRow(oddId(r, ids));
        if (r.chance(0.3)) cols.forEach((c, j) => c !== 'id' && (row[j] = oddValue(r, c)));
        rows.push(row);
      }
      if (r.chance(0.3)) rows.push(plainRow(''));
      if (r.chance(0.3)) rows.push(plainRow('   '));
    }
    let lines = rows.map((row) => row.map(csvField).join(','));
    if (kind === 'broken-quoting') {
      mayBeRejected = true;
      const breaks = ['"unterminated', 'a"b', '"a"b', '"a""', '""x"', '"x"\u00a0', '"line\rbreak', "'single'", '"', '\\"escaped\\"'];
      const used: string[] = [];
      lines = lines.map((l) => {
        if (!r.chance(0.2)) return l;
        const b = r.pick(breaks);
        used.push(b);
        const parts = l.split(',');
        parts[r.range(1, Math.max(1, parts.length - 1))] = b;
        return parts.join(',');
      });
      if (!used.length) lines.push(`ghost-broken,"${r.pick(OUTLETS)},,,en`);
    }
    let headerLine = header.map(csvField).join(',');
    if (kind === 'broken-header') {
      mayBeRejected = true;
      const variant = r.pick(['no-id-column', 'empty-file', 'header-only', 'bom-only', 'duplicate-columns', 'blank-header', 'semicolons']);
      recipe += `:${variant}`;
      if (variant === 'no-id-column') headerLine = headerLine.replace(/\bid\b/i, 'identifier');
      if (variant === 'empty-file') (headerLine = ''), (lines = []);
      if (variant === 'header-only') lines = [];
      if (variant === 'bom-only') (headerLine = '\ufeff'), (lines = []);
      if (variant === 'duplicate-columns') headerLine = 'id,id,outlet,outlet,date';
      if (variant === 'blank-header') headerLine = ',,,,';
      if (variant === 'semicolons') (headerLine = headerLine.replace(/,/g, ';')), (lines = lines.map((l) => l.replace(/,/g, ';')));
    }
    text = (r.chance(0.1) ? '\ufeff' : '') + [headerLine, ...lines].join(eol) + (r.chance(0.8) ? eol : '');
    if (r.chance(0.2)) text += eol.repeat(r.range(1, 5));
  }
  const rowCount = text.split(/\r?\n/).length - 1;
  return { bytes: Buffer.from(text, 'utf8'), recipe: `manifest:${recipe}`, mayBeRejected, rows: rowCount };
}
