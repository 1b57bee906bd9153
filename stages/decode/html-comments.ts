import { isoDate } from '../segment/dates.js';
import { flat } from './whitespace.js';

/** A reader comment as the markup shows it; `replyTo` indexes the list in page order. */
export interface FoundComment {
  author: string | null;
  time: string | null;
  timeIso: string | null;
  paragraphs: string[];
  replyTo: number | null;
}

// Class names the common comment systems give one comment: WordPress (`comment`), Drupal
// (`comment`, `comment-item`), generic themes and schema.org microdata.
const ITEM_CLASS = /^(comment|comment-item|commentlist-item|comment-container|c-comment|js-comment|comment-thread-item|media-comment|user-comment)$/;
const ITEM_ID = /^(div-)?comment-\d+$/;
// A container between two comments that makes the inner one a reply rather than a wrapper.
const REPLY_BOX = /(^|[-_])(children|replies|reply-list|thread|responses|nested)([-_]|$)/;
const CONTAINER = '#comments, .comments-area, .comment-list, .commentlist, .comments, #disqus_thread, .comment-section, .comments-section, #respond, .comment-respond, .comment-form';
const AUTHOR = ['.fn', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '.comment-author-name', '.comment-author', '.author-name', '.username', '.user-name', '.author', 'cite'];
const TIME = ['time', '.comment-date', '.comment-time', '.comment-metadata a', '.date', '.timestamp'];
const TEXT = ['.comment-content', '.comment-text', '.comment-body-text', '[itemprop="text"]', '.comment-message', '.message', '.text'];

type El = Element;

function isItem(el: El): boolean {
  const cls = (el.getAttribute('class') ?? '').split(/\s+/);
  if (cls.some((c) => ITEM_CLASS.test(c))) return true;
  if (ITEM_ID.test(el.getAttribute('id') ?? '')) return true;
  return /schema\.org\/(User)?Comment$/.test(el.getAttribute('itemtype') ?? '');
}

/** The nearest enclosing comment item, and whether a reply container sits between the two. */
function enclosing(el: El): { item: El; viaReplyBox: boolean } | null {
  let viaReplyBox = false;
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (isItem(p)) return { item: p, viaReplyBox };
    const tag = p.tagName.toLowerCase();
    const cls = `${p.getAttribute('class') ?? ''} ${p.getAttribute('id') ?? ''}`.toLowerCase();
    if (tag === 'ol' || tag === 'ul' || cls.split(/\s+/).some((c) => REPLY_BOX.test(c))) viaReplyBox = true;
  }
  return null;
}

/**
 * Finds reader comments in the page's markup, in page order, with replies linked to their parent,
 * then removes the comment section from the DOM so the content extractor never reads it as article.
 */
export function findComments(document: { querySelectorAll(s: string): ArrayLike<El> }): FoundComment[] {
  const candidates = Array.from(document.querySelectorAll('[class], [id], [itemtype]')).filter(isItem);
  // An item inside another item without a reply container between them is the same comment's
  // inner wrapper (WordPress nests article.comment-body inside li.comment).
  const items: El[] = [];
  const parentOf = new Map<El, El | null>();
  for (const el of candidates) {
    if (el.closest('form, #respond')) continue;
    const up = enclosing(el);
    if (up && !up.viaReplyBox) continue;
    items.push(el);
    parentOf.set(el, up?.item ?? null);
  }
  // Parents come before their replies in document order, so a parent's position is already known.
  const position = new Map<El, number>();
  const itemSet = new Set(items);
  // Which kept comment a node belongs to: wrappers were not kept, so they are walked through.
  const owner = (x: El): El | null => {
    for (let p: El | null = x; p; p = p.parentElement) if (itemSet.has(p)) return p;
    return null;
  };
  const found: FoundComment[] = [];
  for (const el of items) {
    const own = (sel: string) => Array.from(el.querySelectorAll(sel)).filter((x) => owner(x) === el);
    const first = (sels: string[]) => {
      for (const s of sels) {
        const hit = own(s)[0];
        if (hit) return hit;
      }
      return null;
    };
    const authorEl = first(AUTHOR);
    const timeEl = first(TIME);
    const textEl = first(TEXT);
    const paragraphs = textEl ? paragraphsOf(textEl, owner) : own('p').map((p) => flat(p.textContent ?? '')).filter(Boolean);
    if (paragraphs.length === 0) continue;
    const author = authorEl ? flat(authorEl.textContent ?? '').replace(/\s*says:?$/i, '') || null : null;
    const time = timeEl ? flat(timeEl.textContent ?? '') || null : null;
    const stamp = timeEl?.getAttribute('datetime')?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? null;
    const parent = parentOf.get(el);
    position.set(el, found.length);
    found.push({ author, time, timeIso: stamp ?? (time ? isoDate(time) : null), paragraphs, replyTo: parent ? (position.get(parent) ?? null) : null });
  }
  for (const c of Array.from(document.querySelectorAll(CONTAINER))) c.remove();
  for (const el of items) el.remove();
  return found;
}

function paragraphsOf(el: El, owner: (x: El) => El | null): string[] {
  const ps = Array.from(el.querySelectorAll('p')).filter((p) => owner(p) === owner(el));
  const texts = (ps.length ? ps : [el]).map((p) => flat(p.textContent ?? '')).filter(Boolean);
  return texts;
}
