import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance type, loaded from wink-eng-lite-web-model. */
export type Wink = ReturnType<typeof winkNLP>;

/**
 * The annotation pipes we read: sentences, POS, negation and sentence sentiment. The model's own
 * 'ner' pipe (dates, money, ordinals; no people, organisations or places) is left out: nothing
 * reads it, and it is about a quarter of readDoc's time.
 */
export const WINK_PIPE = ['sbd', 'negation', 'sentiment', 'pos'];

let shared: Wink | null = null;

/** One model per thread: loading it takes ~100 ms and ~30 MB, so every stage in a worker shares it. */
export function wink(): Wink {
  shared ??= winkNLP(model, WINK_PIPE);
  return shared;
}
