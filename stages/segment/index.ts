import type { Stage } from '../../pipeline/stage.js';
import { markupOf } from '../decode/index.js';
import { segmentPage } from './layout.js';
import { isProse, splitLines } from './lines.js';
import { segmentMarkup } from './markup.js';
import { lineKey } from './repeated.js';
import { loadVocabulary } from './vocabulary.js';

/** The segment stage: body, title, headings, comments, removed chrome and page metadata. */
export function createSegment(): Stage<'segment'> {
  const vocab = loadVocabulary();
  return {
    name: 'segment',
    requires: ['text'],
    assigns: 'segment',
    run(doc, ctx) {
      const text = doc.text!;
      let repeated: ReadonlySet<string> = new Set(doc.source.repeated ?? []);
      if (repeated.size) {
        // When most of a page's prose recurs in other pages of the outlet, the page is a
        // near-duplicate (a re-published article), not a template: keep its prose.
        const prose = splitLines(text).filter((l) => l !== null && isProse(l));
        const shared = prose.filter((l) => repeated.has(lineKey(l!.text)));
        if (prose.length && shared.length * 2 > prose.length) {
          const keys = new Set(shared.map((l) => lineKey(l!.text)));
          repeated = new Set([...repeated].filter((k) => !keys.has(k)));
          ctx.report({ severity: 'info', code: 'segment/near-duplicate', message: `${shared.length} of ${prose.length} prose lines recur in other documents of this outlet; the page looks re-published, so only its short repeated lines were treated as template` });
        }
      }
      const markup = markupOf(doc.bytes, doc.source.path);
      const seg = markup ? segmentMarkup(text, markup, vocab, repeated) : segmentPage(text, vocab, { outlet: doc.source.outlet, url: doc.source.url, repeated });
      if (seg.blocks.length === 0) ctx.report({ severity: 'warning', code: 'segment/no-body', message: 'no article body was found; only metadata, chrome or comments' });
      return seg;
    },
  };
}
