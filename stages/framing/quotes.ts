import type { Range } from '../../pipeline/document.js';

/** A quotation: the range of its content (inside the marks) and how many words it holds. */
export interface Quote extends Range {
  words: number;
}

const QUOTE_CHARS = /["“”«»„'‘’]/g;
const OPEN_CLOSE: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’' };

/**
 * Quotations in one block of text. A quotation that runs on into the next paragraph follows the
 * press convention: the paragraph ends with the quotation still open and the next one starts with
 * an opening mark; `continues` says so, and the open part up to the block's end is a quotation too. Double quotes pair up; a single quote opens only after a space
 * or bracket and before a letter, and closes only before a space or punctuation, so the
 * apostrophes of "Russia's" and "Belarus's" never open or close a quote.
 */
export function findQuotes(text: string, range: Range, continues = false): Quote[] {
  const out: Quote[] = [];
  const stack: Array<{ ch: string; at: number }> = [];
  QUOTE_CHARS.lastIndex = range.start;
  for (let m = QUOTE_CHARS.exec(text); m && m.index < range.end; m = QUOTE_CHARS.exec(text)) {
    const i = m.index;
    const c = text[i]!;
    const prev = i > range.start ? text[i - 1]! : ' ';
    const next = i + 1 < range.end ? text[i + 1]! : ' ';
    const top = stack[stack.length - 1];
    const close = (ch: string) => {
      const k = stack.map((s) => s.ch).lastIndexOf(ch);
      if (k < 0) return false;
      const open = stack[k]!;
      stack.length = k;
      const content = text.slice(open.at + 1, i);
      out.push({ start: open.at + 1, end: i, words: content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length });
      return true;
    };
    if (c === '"') {
      // A straight mark between a word and a space closes; between a space and a word it opens.
      // Writers mix marks ("Russian invasion.”) and leave strays ("1984'): a closer with nothing to
      // close is dropped, and one may close a curly opening.
      const closing = /[\p{L}\p{N}.,!?…)%’']/u.test(prev) && /[\s.,;:!?)\]}—–-]/u.test(next);
      const opening = /[\s([{—–-]/u.test(prev) && !/\s/u.test(next);
      if (closing) close('"') || close('”');
      else if (opening) stack.push({ ch: '"', at: i });
      else if (top?.ch === '"' || stack.some((s) => s.ch === '"')) close('"');
      else stack.push({ ch: '"', at: i });
    } else if (c === '“' || c === '«' || c === '„') {
      stack.push({ ch: OPEN_CLOSE[c]!, at: i });
    } else if (c === '”' || c === '»') {
      close(c) || (c === '”' && close('"'));
    } else if (c === "'" || c === '‘' || c === '’') {
      const opensHere = /[\s([{—–-]/u.test(prev) && /[\p{L}\p{N}]/u.test(next);
      const closesHere = /[\p{L}\p{N}.,!?…)%]/u.test(prev) && /[\s.,;:!?)\]}—–-]/u.test(next);
      const want = c === "'" ? "'" : '’';
      if (closesHere && stack.some((s) => s.ch === want)) close(want);
      else if (opensHere && c !== '’') stack.push({ ch: c === '‘' ? '’' : "'", at: i });
    }
  }
  // The quotation that runs on is the last one opened, and only if no whole quotation follows it:
  // straight marks do not nest, so an opener before a closed pair is a stray.
  const open = [...stack].reverse().find((x) => x.ch === '"' || x.ch === '”' || x.ch === '»');
  if (continues && open && !out.some((q) => q.start > open.at)) {
    const content = text.slice(open.at + 1, range.end);
    out.push({ start: open.at + 1, end: range.end, words: content.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a block opens with a quotation mark (the sign that the previous block's quotation runs on). */
export function opensWithQuote(text: string, range: Range): boolean {
  return /^["“«„]/u.test(text.slice(range.start, range.start + 1));
}
