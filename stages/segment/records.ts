import type { Removed } from '../../pipeline/document.js';
import { isDateLine } from './dates.js';
import type { Line } from './lines.js';
import { lineKey } from './repeated.js';
import { firstMatch, type Vocabulary } from './vocabulary.js';

/** One comment read from the section's own template. */
export interface MinedComment {
  author: string | null;
  time: string | null;
  parentName: string | null;
  /** Thread depth when the layout shows it ("level 2"). */
  depth: number | null;
  lines: Line[];
}

type Kind = 'name' | 'time' | 'action' | 'text';

// Relative and clock times as comment widgets print them: "4 hr. ago", "2d", "12:41", "3 h".
const TIME = /^(?:\d+\s*(?:s|sec|secs|m|min|mins|h|hr|hrs|d|w|wk|mo|y|yr|yrs)\.?(?:\s+ago)?|\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|yesterday|just now|\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?)$/iu;
const COUNT = /^(?:[♥❤👍▲▼↑↓+−-]\s*)?[\d.,]+\s*[kKmM]?$/u;
const SEPARATOR = /^[·•∙|–—-]$/u;
// A name line may carry the layout's verb ("Jaan K. said...", "Ann says:", "Petr wrote:").
const SAID = /\s+(?:said|says|wrote|writes)(?:\.{3}|…|:)?$/iu;
const REPLIED = /(?:^|\s)(?:replied to|replying to|in reply to|reply to)\s+@?(?<parent>[^·•|,]{1,40}?)\.?$/iu;

// "mhausen 6 hours ago | parent | next [–]": a name, a time, then the thread's links.
const NAME_TIME = /^(?<name>[^\s|·•]{2,40})\s+(?<time>\d+\s+\p{L}+\s+ago|\d+\s*[smhdwy])(?:\s*[|·•].{0,80})?$/u;

/** A name line that also prints the time ("Mari Tamm · 5 h", "Andrei · 4 h · replying to Mari"). */
function inlineHeader(t: string): { name: string; time: string; parent: string | null } | null {
  const nt = NAME_TIME.exec(t);
  if (nt) return { name: nt.groups!.name!, time: nt.groups!.time!, parent: null };
  const parts = t.split(/\s+[·•|]\s+/u);
  if (parts.length < 2 || !isTime(parts[1]!.trim())) return null;
  const reply = parts.slice(2).map((p) => REPLIED.exec(' ' + p)?.groups?.parent ?? null).find(Boolean) ?? null;
  // "Pavel → Jana • 4 hours ago": the arrow names the comment answered.
  const [name, parent] = parts[0]!.split(/\s+→\s+/u);
  return { name: name!.trim(), time: parts[1]!.trim(), parent: parent?.trim() ?? reply };
}

function isTime(t: string): boolean {
  return TIME.test(t) || isDateLine(t);
}

/**
 * Reads a comment section from its own repeated structure, as data-record mining (MDR, DEPTA)
 * does for the DOM: each line is a name, a time, an action (a short line the section repeats:
 * "Reply", "Upvote", "·", vote counts) or text. A record opens at a name line; the classes of the
 * lines between the name and the record's text are its header signature, and the signature most
 * records share is the section's template. Only name lines followed by that signature open a
 * comment, so a short reply ("lol") or a name inside a comment does not. Returns null when no
 * template holds for at least two records.
 */
export function mineRecords(lines: Line[], vocab: Vocabulary): { records: MinedComment[]; removed: Removed[]; template: string; first: number } | null {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.words <= 4) counts.set(lineKey(l.text), (counts.get(lineKey(l.text)) ?? 0) + 1);
  // A name line's own header (name, time, parent), read once: every name line passes its test.
  const inline: Array<ReturnType<typeof inlineHeader>> = lines.map(() => null);
  const kinds: Kind[] = lines.map((l, i) => {
    const t = l.text;
    if (isTime(t)) return 'time';
    if (SEPARATOR.test(t) || COUNT.test(t) || firstMatch(vocab.commentChrome, t) || firstMatch(vocab.commentSection, t)) return 'action';
    if (l.words <= 4 && (counts.get(lineKey(t)) ?? 0) >= 3) return 'action';
    inline[i] = inlineHeader(t);
    if (inline[i]) return 'name';
    const name = t.replace(SAID, '');
    // A name may end in an initial ("Jaan K."), not in a sentence's full stop.
    if (l.words <= 6 && name.length <= 40 && (!/[.!?…,;]["'”’»)]*$/u.test(name) || /(?:^|\s)\p{Lu}\.$/u.test(name)) && /\p{L}/u.test(name)) return 'name';
    return 'text';
  });
  // The header signature after each name line: the kinds up to the first text line (a time printed
  // on the name line itself counts first), and where the layout prints the time after the text
  // (VK, Blogger), the kinds after the text up to the next name, marked "after".
  const signatures = new Map<number, string>();
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'name') continue;
    const sig: string[] = inline[i] ? ['time'] : [];
    let k = i + 1;
    while (k < lines.length && k <= i + 4 && kinds[k] !== 'text' && kinds[k] !== 'name') sig.push(kinds[k++]!);
    if (k >= lines.length || kinds[k] !== 'text') continue;
    if (!sig.length) {
      while (k < lines.length && kinds[k] === 'text') k++;
      const after: string[] = [];
      while (k < lines.length && after.length < 4 && kinds[k] !== 'text' && kinds[k] !== 'name') after.push(kinds[k++]!);
      if (after[0] === 'time') sig.push('after', 'time');
    }
    signatures.set(i, sig.join(' '));
  }
  const tally = new Map<string, number>();
  for (const s of signatures.values()) tally.set(s, (tally.get(s) ?? 0) + 1);
  // A template with a time in it is the strongest evidence; then the most frequent one.
  const ranked = [...tally.entries()].sort((a, b) => Number(b[0].includes('time')) - Number(a[0].includes('time')) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // A name directly followed by text is any heading over a paragraph: a template needs a time or
  // an action between them.
  const best = ranked.find(([sig]) => sig !== '');
  if (!best || best[1] < 2) return null;
  const template = best[0];
  const opens = [...signatures.entries()].filter(([, s]) => s === template).map(([i]) => i);
  const removed: Removed[] = [];
  const drop = (l: Line, rule: string) => removed.push({ kind: 'boilerplate', start: l.start, end: l.end, rule });
  const records: MinedComment[] = [];
  // "level 2" above a name gives the depth of the comment it opens.
  const depthAt = (i: number): number | null => {
    for (let k = i - 1; k >= 0 && k >= i - 3 && kinds[k] !== 'text'; k--) {
      const level = firstMatch(vocab.commentDepth, lines[k]!.text);
      if (level) return Number(level.match.groups?.depth ?? 1);
    }
    return null;
  };
  for (let r = 0; r < opens.length; r++) {
    const at = opens[r]!;
    const next = opens[r + 1] ?? lines.length;
    const head = lines[at]!;
    const own = inline[at];
    const author = own?.name ?? head.text.replace(SAID, '').trim();
    let time: string | null = own?.time ?? null;
    let parentName: string | null = own?.parent ?? null;
    drop(head, 'comment:template-name');
    const text: Line[] = [];
    for (let k = at + 1; k < next; k++) {
      const l = lines[k]!;
      const reply = REPLIED.exec(l.text) ?? firstMatch(vocab.commentReplyMarker, l.text)?.match ?? null;
      if (kinds[k] !== 'text' && reply?.groups?.parent) parentName ??= reply.groups.parent.trim();
      if (kinds[k] === 'time') {
        time ??= l.text.replace(REPLIED, '').trim();
        if (reply?.groups?.parent) parentName ??= reply.groups.parent.trim();
        drop(l, 'comment:template-time');
      } else if (kinds[k] === 'text' || (kinds[k] === 'name' && text.length > 0 && !isTrailingChrome(lines, kinds, k, next))) text.push(l);
      else {
        // An action row may carry the time ("Like · Reply · 2d").
        time ??= firstMatch(vocab.commentChrome, l.text)?.match.groups?.time ?? null;
        drop(l, 'comment:template-chrome');
      }
    }
    if (text.length) records.push({ author: author || null, time, parentName, depth: depthAt(at), lines: text });
  }
  if (records.length < 2) return null;
  // Lines above the first record are the section's own header ("12 comments:", sort menus).
  for (let k = 0; k < (opens[0] ?? 0); k++) drop(lines[k]!, 'comment:before-first');
  return { records, removed, template, first: opens[0]! };
}

/** A short line after a comment's text that only actions follow is the widget's, not the comment's. */
function isTrailingChrome(lines: Line[], kinds: Kind[], k: number, next: number): boolean {
  for (let j = k + 1; j < next; j++) if (kinds[j] === 'text') return false;
  return lines[k]!.words <= 3;
}
