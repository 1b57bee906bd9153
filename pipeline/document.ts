/**
 * The document carrier that flows through every stage (see DESIGN.md, "One carrier").
 * Internally every range is a UTF-16 offset pair into `text`; the report stage converts
 * to code points at the boundary, so stages can use JavaScript string indexes directly.
 */
import type { HitCondition } from './matcher/matcher.js';

/** How bad a diagnostic is: `error` means the document failed. */
export type Severity = 'error' | 'warning' | 'info';

/** A half-open UTF-16 range into the document's normalized text. */
export interface Range {
  start: number;
  end: number;
}

/** A message a stage attached to a document, with a stable code such as `decode/invalid-utf8`. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  span?: Range;
}

/** Where in the page a piece of text sits. */
export type Region = 'title' | 'heading' | 'body' | 'comment';

/** What the manifest (or the file system) says about a document before any stage runs. */
export interface SourceInfo {
  path: string;
  outlet: string | null;
  url: string | null;
  date: string | null;
  language: string | null;
  /**
   * The document's manifest.csv row, every column but `id`, as written (keys lowercased, in code-unit
   * order, so the report does not depend on the column order); null without a row. Kept so corpus
   * products can group by columns the pipeline does not read (`framescope compare --by side`).
   */
  manifest?: Record<string, string> | null;
  /**
   * Normalised lines that recur across documents of the same outlet in this batch (the
   * trafilatura idea of repeated segments): the segmenter treats them as site chrome.
   */
  repeated?: string[];
  /** The template group whose repeated lines applied, and the hash of its entry in the run's repeated-line table. */
  template?: { group: string; sha256: string } | null;
}

/**
 * Structure an HTML page gave us, as ranges into the text rendered from it: the segmenter
 * trusts these over line heuristics, since the markup already says what is a caption or a comment.
 */
export interface Markup {
  title: Range | null;
  /** `links`: the share of the block's visible characters that are link text (0 to 1). */
  blocks: Array<Range & { kind: 'heading' | 'paragraph' | 'list-item' | 'caption'; links?: number }>;
  comments: Array<{ author: Range | null; time: Range | null; timeIso: string | null; text: Range; replyTo: number | null }>;
  byline: string | null;
  /** Publication date from the page's metadata (meta tags, <time>), ISO YYYY-MM-DD. */
  date: string | null;
  /** The page's own language attribute (<html lang>), ISO 639-1, as a hint. */
  lang: string | null;
}

/** One block of the article body, in page order. */
export interface Block extends Range {
  kind: 'heading' | 'paragraph' | 'list-item';
}

/** Why a stretch of the page was kept out of the body. */
export type RemovedKind = 'boilerplate' | 'caption' | 'credit' | 'metadata' | 'truncation';

/** A stretch of the page kept out of the body, with the rule that removed it. */
export interface Removed extends Range {
  kind: RemovedKind;
  rule: string;
}

/** One reader comment, in page order. */
export interface Comment extends Range {
  author: string | null;
  /** The time shown with the comment, as written ("2 hours ago"), and as ISO 8601 when it is absolute. */
  time: string | null;
  timeIso: string | null;
  /** A reply's parent, as an index into the comments list, when the layout shows it. */
  replyTo: number | null;
}

/** Page metadata the segmenter read from the text (manifest values win in the report). */
export interface PageMetadata {
  title: (Range & { text: string }) | null;
  date: string | null;
  dateline: string | null;
  agency: string | null;
  byline: string | null;
  truncated: boolean;
}

/** Result of the segment stage. */
export interface Segmentation {
  metadata: PageMetadata;
  blocks: Block[];
  removed: Removed[];
  comments: Comment[];
}

/**
 * A run of text analysed as one wink-nlp document (the title, the body, or one comment).
 * Tokens are parallel arrays for speed; offsets are UTF-16 into the document text.
 */
export interface Unit {
  region: 'title' | 'body' | 'comment';
  /** Index into `segment.comments` for comment units, else -1. */
  comment: number;
  start: Int32Array;
  end: Int32Array;
  /** Surface form as written. */
  surface: string[];
  lemma: string[];
  pos: string[];
  /** wink's token type: word, number, punctuation, … */
  type: string[];
  /** Index of the sentence each token belongs to. */
  sentence: Int32Array;
  /** Sentences as token ranges [first, last+1). */
  sentences: Array<{ first: number; last: number; sentiment: number }>;
  /** Whether each token sits in a heading block (body units only). */
  inHeading: Uint8Array;
}

/** Result of the tokenize stage. */
export interface Tokenization {
  units: Unit[];
  stats: { sentences: number; tokens: number; words: number };
}

/** One mention of an entity. */
export interface Mention extends Range {
  region: Region;
  /** How the entity was recognised: `gazetteer`, `rule:title-person`, `compromise`, … */
  via: string;
}

/** A canonical real-world entity with all its mentions in this document. */
export interface Entity {
  name: string;
  type: string;
  wikidata: string | null;
  mentions: Mention[];
}

/** A lexicon hit: one matched phrase. */
export interface Hit extends Range {
  id: string;
  family: string;
  region: Region;
  voice: Voice;
  inName: boolean;
  negated: boolean;
  /** The word that keeps the phrase at a distance ("so-called", "alleged", "what … calls"), or null. */
  distancing: string | null;
  /** Who says it, for attributed and quoted hits, linked to the entity by its canonical name. */
  speaker: Speaker | null;
  /** Pattern that matched, so every number traces back to a dictionary line. */
  pattern: string;
  /** The pattern's conditions on the document, until the framing stage has settled them. */
  when?: HitCondition;
  from?: string;
}

/** The source of attributed or quoted words: as written ("Lavrov", "he") and as the entity it names. */
export interface Speaker {
  text: string;
  /** The entity's canonical name; null for an unnamed source ("the minister", "officials"). */
  name: string | null;
  type: string | null;
  /** `named`: the entity stands in the sentence; `pronoun`: "he"/"she"/"they" resolved; `unnamed`: a common noun. */
  resolved: 'named' | 'pronoun' | 'unnamed';
}

/** Whose words a phrase is: the outlet's, a reported source's, a quotation's, or scare-quoted. */
export type Voice = 'authorial' | 'attributed' | 'quoted' | 'scare-quoted';

/** Result of a lexicon-matching stage. */
export interface HitList {
  hits: Hit[];
  /** Hits whose pattern's condition the document did not meet: listed with the reason, never counted. */
  setAside?: Array<Hit & { reason: string }>;
}

/** The document as it flows through the pipeline; each stage fills one slot. */
export interface Doc {
  id: string;
  source: SourceInfo;
  /** Raw bytes as read; only the decode stage looks at them. */
  bytes: Uint8Array;
  /** Normalized text (REPORT_CONTRACT.md "Offsets"); set once by decode, never rewritten. */
  text?: string;
  language?: string;
  segment?: Segmentation;
  tokens?: Tokenization;
  entities?: Entity[];
  framing?: HitList;
  rhetoric?: HitList;
  /** The JSON-ready report (REPORT_CONTRACT.md), built last. */
  report?: Record<string, unknown>;
  diagnostics: Diagnostic[];
  /** Set by the runner before the report is built: ok, partial (later stages skipped) or failed. */
  outcome?: { status: 'ok' | 'partial' | 'failed'; reason: { code: string; message: string } | null };
}

/** The slots a stage may assign. */
export type Slot = 'text' | 'language' | 'segment' | 'tokens' | 'entities' | 'framing' | 'rhetoric' | 'report';
