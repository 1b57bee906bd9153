import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DocumentError } from '../../pipeline/stage.js';
import type { Markup, Range } from '../../pipeline/document.js';
import { findComments, type FoundComment } from './html-comments.js';
import { flat, squash } from './whitespace.js';
export { looksLikeHtml } from './text.js';

/** An HTML page rendered as plain text, with the structure the markup gave. */
export interface Extraction {
  text: string;
  markup: Markup;
  /** Readability found no main content and the whole <body> was rendered instead. */
  fallback: boolean;
}

// Elements whose text is never article prose.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'button', 'form', 'input', 'select', 'textarea', 'nav', 'img', 'video', 'audio', 'source', 'picture']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'address', 'details', 'summary', 'caption']);
const FALLBACK_SKIP = new Set(['header', 'footer', 'aside']);
const MIN_CONTENT_CHARS = 140;
// Blink's HTML parser stops nesting elements at this depth (kMaximumHTMLParserDOMTreeDepth).
const MAX_DEPTH = 512;

/**
 * Main content via Mozilla Readability on a linkedom DOM (the Firefox Reader View extractor),
 * reader comments from the comment markup first (Readability drops them), then one rendering:
 * title, content blocks separated by blank lines, then the comments. Every offset in the report
 * indexes into this rendering, which is what the report's `text` holds for an HTML input.
 */
export function extractHtml(html: string): Extraction {
  const document = parsePage(html);
  // Readability and the renderer recurse through the tree, so how far a pathological page gets
  // would depend on the thread's stack size (a worker's is larger than the main thread's): such
  // a page fails the same clear way with any number of workers.
  const depth = treeDepth(document.documentElement as unknown as Element);
  if (depth > MAX_DEPTH) throw new DocumentError('decode/html-too-deep', `the HTML nests elements ${depth} deep; pages deeper than ${MAX_DEPTH} (the depth at which browsers stop nesting) are not rendered`);
  const lang = document.documentElement?.getAttribute('lang')?.toLowerCase().slice(0, 2) || null;
  const h1 = document.querySelector('article h1, main h1, h1');
  const headline = h1 ? flat(h1.textContent ?? '') : null;
  const comments = findComments(document);
  const metaDate = pageDate(document);

  type Article = { title?: string | null; byline?: string | null; publishedTime?: string | null; content?: unknown; length?: number } | null;
  let article: Article = null;
  try {
    article = new Readability(document as unknown as Document, { serializer: (el: Node) => el, charThreshold: 200 }).parse() as Article;
  } catch {
    // Readability assumes every candidate sits under <body>; on badly broken markup linkedom may
    // place one elsewhere and Readability throws. The page is then rendered whole, as when
    // Readability finds no article, and the report says so (decode/html-no-main-content).
  }
  const out = new Renderer();
  const title = headline || flat(article?.title ?? '') || null;
  let titleRange: Range | null = null;
  if (title) {
    titleRange = out.block(title);
    // Readability keeps the <h1> inside the content; the title line already holds it.
    out.skipHeadingOnce = title;
  }
  let fallback = false;
  // On a page with no article (a paywall, a bare shell) Readability settles for any text it finds,
  // often the footer; a content this short is treated as no content, with a warning.
  const root = (article && (article.length ?? 0) >= MIN_CONTENT_CHARS ? article.content : null) as Element | null;
  if (root) out.walk(root, false);
  else {
    fallback = true;
    // Readability strips the document it reads (and on broken markup may detach its root), so
    // the whole page is rendered from a fresh parse.
    const page = parsePage(html);
    // The comments are rendered from their markup below; on the fresh page they are taken out again.
    findComments(page);
    if (page.body) out.walk(page.body as unknown as Element, true);
    // Broken markup can leave prose blocks in <head>, where a browser would move them to <body>.
    for (const el of Array.from(page.head?.children ?? [])) if (BLOCK.has(el.tagName.toLowerCase())) out.walk(el as unknown as Element, true);
  }
  const rendered = out.renderComments(comments);
  return {
    text: out.text,
    fallback,
    markup: {
      title: titleRange,
      blocks: out.blocks,
      comments: rendered,
      byline: cleanByline(article?.byline ?? null),
      date: isoPrefix(article?.publishedTime ?? null) ?? metaDate,
      lang,
    },
  };
}

/** The deepest nesting of elements under `root`, counted without recursion. */
function treeDepth(root: Element | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    if (d > max) max = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

/** The page's DOM. linkedom builds no <html> element for a text without one, and Readability
 * needs it: such a text is read as the body of a page, as a browser would. */
function parsePage(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  // A fragment without <html> comes back rooted at its first element ("Text <p>…</p>" at the <p>).
  return document.documentElement?.tagName === 'HTML' ? document : parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
}

type Block = Markup['blocks'][number];

/** Accumulates the rendering: one block per line, blank lines between blocks. */
class Renderer {
  text = '';
  blocks: Block[] = [];
  private inline = '';
  /** Non-space characters of `inline`, and how many of them are link text. */
  private visible = 0;
  private linked = 0;
  private flushes = 0;
  private linkDepth = 0;

  block(s: string): Range {
    if (this.text) this.text += '\n\n';
    const start = this.text.length;
    this.text += s;
    return { start, end: this.text.length };
  }

  /** A heading text already rendered as the title line, not to be rendered again. */
  skipHeadingOnce: string | null = null;

  private flush(kind: Block['kind']): void {
    const s = squash(this.inline);
    const links = this.linkDepth > 0 ? 1 : this.visible ? Math.min(1, this.linked / this.visible) : 0;
    this.inline = '';
    this.visible = 0;
    this.linked = 0;
    this.flushes++;
    if (s) this.blocks.push({ kind, ...this.block(s), links: Math.round(links * 100) / 100 });
  }

  /** Depth-first over the content; inline text gathers until a block boundary ends it. */
  walk(el: Element, fallback: boolean): void {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) {
        const t = (node.textContent ?? '').replace(/[\s\u00a0]+/gu, ' ');
        this.inline += t;
        this.visible += t.length - (t.match(/ /g)?.length ?? 0);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const tag = child.tagName.toLowerCase();
      if (SKIP.has(tag) || (fallback && FALLBACK_SKIP.has(tag)) || child.getAttribute('hidden') !== null || child.getAttribute('aria-hidden') === 'true') continue;
      if (tag === 'br') {
        this.inline += '\n';
        continue;
      }
      if (!BLOCK.has(tag)) {
        const before = this.visible;
        const flushes = this.flushes;
        if (tag === 'a') this.linkDepth++;
        this.walk(child, fallback);
        if (tag === 'a') this.linkDepth--;
        // A link wrapping blocks (a card: <a><h3>…</h3><p>…</p></a>) makes all its text link text.
        if (tag === 'a') this.linked += flushes === this.flushes ? this.visible - before : this.visible;
        continue;
      }
      this.flush('paragraph');
      if (/^h[1-6]$/.test(tag)) {
        const heading = flat(child.textContent ?? '');
        if (heading === this.skipHeadingOnce) {
          this.skipHeadingOnce = null;
          continue;
        }
        this.inline = heading;
        this.visible = heading.replace(/\s+/gu, '').length;
        this.linked = Array.from(child.querySelectorAll('a')).reduce((n, a) => n + flat(a.textContent ?? '').replace(/\s+/gu, '').length, 0);
        this.flush('heading');
      } else if (tag === 'figcaption' || tag === 'caption') {
        this.inline = flat(child.textContent ?? '');
        this.flush('caption');
      } else if (tag === 'li') {
        this.walk(child, fallback);
        this.flush('list-item');
      } else {
        this.walk(child, fallback);
        this.flush('paragraph');
      }
    }
  }

  /** Comments go after the content: author line, time line, then the text, each its own block. */
  renderComments(found: FoundComment[]): Markup['comments'] {
    this.flush('paragraph');
    return found.map((c) => ({
      author: c.author ? this.block(c.author) : null,
      time: c.time ? this.block(c.time) : null,
      timeIso: c.timeIso,
      text: this.block(c.paragraphs.join('\n')),
      replyTo: c.replyTo,
    }));
  }
}

function isoPrefix(s: string | null): string | null {
  const m = s?.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1]! : null;
}

function pageDate(document: { querySelector(s: string): Element | null }): string | null {
  const meta = document.querySelector('meta[property="article:published_time"], meta[name="date"], meta[itemprop="datePublished"], meta[name="pubdate"]');
  const fromMeta = isoPrefix(meta?.getAttribute('content') ?? null);
  if (fromMeta) return fromMeta;
  const time = document.querySelector('article time[datetime], [itemprop="datePublished"][datetime]');
  return isoPrefix(time?.getAttribute('datetime') ?? null);
}

function cleanByline(s: string | null): string | null {
  const t = s ? flat(s).replace(/^by\s+/i, '').trim() : '';
  // Readability sometimes returns a whole meta line; a byline longer than a few names is not one.
  return t && t.split(/\s+/).length <= 8 ? t : null;
}
