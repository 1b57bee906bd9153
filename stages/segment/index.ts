import type { Stage } from '../../pipeline/stage.js';
import { segmentPage } from './layout.js';
import { loadVocabulary } from './vocabulary.js';

/** The segment stage: body, title, headings, comments, removed chrome and page metadata. */
export function createSegment(): Stage<'segment'> {
  const vocab = loadVocabulary();
  return {
    name: 'segment',
    requires: ['text'],
    assigns: 'segment',
    run(doc, ctx) {
      const seg = segmentPage(doc.text!, vocab, { outlet: doc.source.outlet });
      if (seg.blocks.length === 0) ctx.report({ severity: 'warning', code: 'segment/no-body', message: 'no article body was found; only metadata, chrome or comments' });
      return seg;
    },
  };
}
