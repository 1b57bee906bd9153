import type { Stage } from '../../pipeline/stage.js';
import { lexiconStage, type FramingOptions } from '../framing/index.js';

/** The rhetoric stage: marker hits (intensifiers, loaded language, …) from rhetoric-family lexicons. */
export function createRhetoric(opts: FramingOptions = {}): Stage<'rhetoric'> {
  return lexiconStage('rhetoric', 'rhetoric', (f) => f === 'rhetoric', opts);
}
