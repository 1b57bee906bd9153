import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The wink-nlp instance type, loaded from wink-eng-lite-web-model. */
export type Wink = ReturnType<typeof winkNLP>;

/** A document as wink-nlp returns it from readDoc. */
export type WinkDoc = ReturnType<Wink['readDoc']>;

/**
 * The annotation pipes we read: sentences, POS, negation and sentence sentiment. The model's own
 * 'ner' pipe (dates, money, ordinals; no people, organisations or places) is left out: nothing
 * reads it, and it is about a quarter of readDoc's time.
 */
export const WINK_PIPE = ['sbd', 'negation', 'sentiment', 'pos'];

/** The part of wink's loaded model that its cache grows: the lexeme table. */
interface Lexemes {
  hash: Record<string, number>;
  list: string[];
  intrinsicSize: number;
}

// Forgotten words stay in wink's lists (its private per-word feature table must stay aligned with
// them), so the lists grow with every document; a fresh model (~125 ms) every so many words keeps
// memory flat. Rebuilding never changes a result, since no result depends on remembered words.
const REBUILD_AFTER_WORDS = 400_000;

/**
 * wink-nlp adds every out-of-vocabulary word it meets to the loaded model, and its tokenizer keeps a
 * word it has met before whole: "Trump’s" stays one token once any earlier text had it, and is
 * "Trump" + "’s" in a fresh model. A report would then depend on which documents the same worker
 * read before it. Each readDoc here first forgets the words the previous one added, so what wink
 * returns depends on the text alone. The previous document's tokens stay readable until then.
 */
class PureWink {
  private nlp!: Wink;
  private lexemes!: Lexemes;
  /** Index of the first word added since the last forget. */
  private mark = 0;

  constructor() {
    this.load();
  }

  get its(): Wink['its'] {
    return this.nlp.its;
  }

  readDoc(text: string): WinkDoc {
    this.forget();
    return this.nlp.readDoc(text);
  }

  private load(): void {
    let core: { features: { lexeme: Lexemes } } | null = null;
    // The model hands wink a fresh copy of its tables from core(); keep a handle on the lexeme table.
    const watched = { ...model, core: () => (core = (model as unknown as { core: () => typeof core }).core()) } as typeof model;
    this.nlp = winkNLP(watched, WINK_PIPE);
    if (!core) throw new Error('[E060] wink-eng-lite-web-model did not load its core tables');
    this.lexemes = (core as { features: { lexeme: Lexemes } }).features.lexeme;
    this.mark = this.lexemes.list.length;
  }

  private forget(): void {
    const { hash, list } = this.lexemes;
    for (let i = this.mark; i < list.length; i++) {
      if (hash[list[i]!] === i) delete hash[list[i]!];
    }
    this.mark = list.length;
    if (list.length - this.lexemes.intrinsicSize > REBUILD_AFTER_WORDS) this.load();
  }
}

let shared: PureWink | null = null;

/** One model per thread: loading it takes ~125 ms and ~30 MB, so every stage in a worker shares it. */
export function wink(): PureWink {
  shared ??= new PureWink();
  return shared;
}
