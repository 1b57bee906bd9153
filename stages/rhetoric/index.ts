import type { Stage } from '../../pipeline/stage.js';
import { lexiconStage, type FramingOptions } from '../framing/index.js';

/**
 * The rhetoric stage: marker hits (intensifiers, loaded language, …) from rhetoric-family lexicons.
 * Overlapping matches are resolved within one marker only: techniques overlap (a rhetorical
 * question may hold a loaded word), so a clause-long doubt or fear span must not swallow the
 * loaded-language or name-calling word inside it.
 */
export function createRhetoric(opts: FramingOptions = {}): Stage<'rhetoric'> {
  return lexiconStage('rhetoric', 'rhetoric', (f) => f === 'rhetoric', opts);
}
