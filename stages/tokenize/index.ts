import type { Block, Range, Unit } from '../../pipeline/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { wink } from '../../pipeline/wink.js';

/** A piece of document text placed into a unit string, so unit offsets map back to the document. */
interface Piece extends Range {
  at: number;
  heading: boolean;
}

// Blocks are joined by a blank line so wink never runs a heading into the next sentence.
const JOIN = '\n\n';
const CLITIC = /^['’](s|re|ve|ll|d|m)$|^n['’]t$/i;

/** A token of white space only (wink keeps runs of spaces and line breaks as tokens): every Unicode space, zero-width space and BOM. */
function blank(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 32 && c !== 0x85 && c !== 0xa0 && c !== 0x1680 && !(c >= 0x2000 && c <= 0x200b) && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x3000 && c !== 0xfeff) return false;
  }
  return true;
}

// No word, URL or hashtag runs this long; wink's token patterns (ordinals, e-mail addresses) take
// time quadratic in a run's length, so a 187,000-character "word" took two minutes.
const MAX_RUN = 1000;
const OVERLONG = new RegExp(`\\S{${MAX_RUN},}`, 'gu');

/** The ranges with every overlong run of non-space characters cut out, and how many were. */
function withoutOverlongRuns(text: string, ranges: Array<Range & { heading?: boolean }>): { ranges: Array<Range & { heading?: boolean }>; skipped: number } {
  const out: Array<Range & { heading?: boolean }> = [];
  let skipped = 0;
  for (const r of ranges) {
    let at = r.start;
    for (const m of text.slice(r.start, r.end).matchAll(OVERLONG)) {
      const runStart = r.start + (m.index ?? 0);
      if (runStart > at) out.push({ ...r, start: at, end: runStart });
      at = runStart + m[0].length;
      skipped++;
    }
    if (at === r.start) out.push(r);
    else if (at < r.end) out.push({ ...r, start: at, end: r.end });
  }
  return { ranges: out, skipped };
}

/**
 * Where a token starts. wink gives the spaces before each token, but drops some kinds of white space
 * (an ideographic space, U+3000), and every later offset would drift: so the token is looked for
 * where its spaces say, else after the white space that follows the previous token.
 */
function placed(text: string, value: string, pos: number, spaces: number): number {
  if (text.startsWith(value, pos + spaces)) return pos + spaces;
  for (let at = pos; at < text.length && blank(text[at]!); at++) if (text.startsWith(value, at + 1)) return at + 1;
  return pos + spaces;
}

/**
 * The tokenize stage: wink-nlp over the title, the body (one readDoc for all blocks) and each
 * comment. Sentences never cross a block boundary; offsets are mapped back to the document.
 */
export function createTokenize(): Stage<'tokens'> {
  const nlp = wink();
  const its = nlp.its;

  let skipped = 0;
  function analyse(text: string, all: Array<Range & { heading?: boolean }>, region: Unit['region'], comment: number): Unit {
    const pieces: Piece[] = [];
    let unitText = '';
    const ranges = withoutOverlongRuns(text, all);
    skipped += ranges.skipped;
    for (const r of ranges.ranges) {
      if (unitText) unitText += JOIN;
      pieces.push({ start: r.start, end: r.end, at: unitText.length, heading: !!r.heading });
      unitText += text.slice(r.start, r.end);
    }
    const doc = nlp.readDoc(unitText);
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const spaces = tokens.out(its.precedingSpaces) as string[];
    const types = tokens.out(its.type) as string[];
    // wink types its.lemma as an add-on function; the lite model provides it at run time.
    const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
    const poss = tokens.out(its.pos) as string[];
    const n = values.length;
    // Typed arrays sized for every wink token; only non-space tokens are kept.
    const keep = new Int32Array(n);
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    const heading = new Uint8Array(n);
    const pieceOf = new Int32Array(n);
    let kept = 0;
    let pos = 0;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      pos = placed(unitText, v, pos, spaces[i]!.length);
      if (types[i] !== 'tabCRLF' && !blank(v)) {
        while (p < pieces.length - 1 && pos >= pieces[p + 1]!.at) p++;
        const piece = pieces[p]!;
        keep[kept] = i;
        start[kept] = piece.start + pos - piece.at;
        end[kept] = piece.start + pos - piece.at + v.length;
        heading[kept] = piece.heading ? 1 : 0;
        pieceOf[kept] = p;
        kept++;
      }
      pos += v.length;
    }
    // wink sentence spans index all tokens; map them onto kept tokens and also cut at block edges.
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    const sentiments = doc.sentences().out(its.sentiment) as unknown as number[];
    const winkSentence = new Int32Array(n);
    spans.forEach(([a, b], si) => winkSentence.fill(si, a, b + 1));
    const sentence = new Int32Array(kept);
    const sentences: Unit['sentences'] = [];
    for (let k = 0; k < kept; k++) {
      const ws = winkSentence[keep[k]!]!;
      if (k === 0 || ws !== winkSentence[keep[k - 1]!] || pieceOf[k] !== pieceOf[k - 1]) {
        if (sentences.length) sentences[sentences.length - 1]!.last = k;
        sentences.push({ first: k, last: kept, sentiment: sentiments[ws] ?? 0 });
      }
      sentence[k] = sentences.length - 1;
    }
    const surface = new Array<string>(kept);
    const lemma = new Array<string>(kept);
    const pos_ = new Array<string>(kept);
    const type = new Array<string>(kept);
    for (let k = 0; k < kept; k++) {
      const i = keep[k]!;
      surface[k] = values[i]!;
      // wink gives no lemma for some split forms ("cannot" → can + not): the word stands for itself.
      lemma[k] = lemmas[i] ?? values[i]!;
      pos_[k] = poss[i]!;
      type[k] = types[i]!;
    }
    return {
      region,
      comment,
      start: start.slice(0, kept),
      end: end.slice(0, kept),
      surface,
      lemma,
      pos: pos_,
      type,
      sentence,
      sentences,
      inHeading: heading.slice(0, kept),
    };
  }

  return {
    name: 'tokenize',
    requires: ['text', 'segment'],
    assigns: 'tokens',
    run(doc, ctx) {
      const text = doc.text!;
      const seg = doc.segment!;
      const units: Unit[] = [];
      skipped = 0;
      if (seg.metadata.title) units.push(analyse(text, [seg.metadata.title], 'title', -1));
      const body = analyse(text, seg.blocks.map((b: Block) => ({ start: b.start, end: b.end, heading: b.kind === 'heading' })), 'body', -1);
      units.push(body);
      seg.comments.forEach((c, i) => units.push(analyse(text, [c], 'comment', i)));
      let words = 0;
      // wink types most words 'word'; words in other scripts may come as other types.
      for (let k = 0; k < body.surface.length; k++) {
        const t = body.surface[k]!;
        if ((body.type[k] === 'word' || (body.type[k] !== 'punctuation' && /\p{L}/u.test(t))) && !CLITIC.test(t)) words++;
      }
      if (skipped) ctx.report({ severity: 'warning', code: 'tokenize/overlong-run', message: `${skipped} run(s) of ${MAX_RUN} or more characters without a space were left untokenized: no language has such words, and the tokenizer's patterns slow down on them without end` });
      return { units, stats: { sentences: body.sentences.length, tokens: body.surface.length, words } };
    },
  };
}
