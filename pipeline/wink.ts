import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance type, loaded from wink-eng-lite-web-model. */
export type Wink = ReturnType<typeof winkNLP>;

let shared: Wink | null = null;

/** One model per thread: loading it takes ~100 ms and ~30 MB, so every stage in a worker shares it. */
export function wink(): Wink {
  shared ??= winkNLP(model);
  return shared;
}
