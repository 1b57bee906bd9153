import { createDecode } from '../stages/decode/index.js';
import { createEntities } from '../stages/entities/index.js';
import { createFraming } from '../stages/framing/index.js';
import { createLanguage } from '../stages/language/index.js';
import { createReport } from '../stages/report/index.js';
import { createRhetoric } from '../stages/rhetoric/index.js';
import { createSegment } from '../stages/segment/index.js';
import { createTokenize } from '../stages/tokenize/index.js';
import { checkOrder } from './runner.js';
import type { Stage } from './stage.js';
import { dataVersions, provenanceOf, type PipelineOptions } from './provenance.js';

export type { PipelineOptions };


/** The one place that says which stages run, in which order. */
export function buildStages(opts: PipelineOptions): { stages: Stage[]; report: Stage } {
  const stages: Stage[] = [
    createDecode(),
    createSegment(),
    createLanguage(),
    createTokenize(),
    createEntities(),
    createFraming({ lexicons: opts.lexicons }),
    createRhetoric({ lexicons: opts.lexicons }),
  ];
  checkOrder(stages);
  const data = dataVersions(opts);
  const report = createReport((doc) => provenanceOf(doc, data));
  return { stages, report };
}

