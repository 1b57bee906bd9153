import { francAll } from 'franc-min';
import { iso6393 } from 'iso-639-3';
import type { Doc } from '../../pipeline/document.js';
import type { Stage } from '../../pipeline/stage.js';

const TO_639_1 = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391!]));
const KNOWN_639_1 = new Set(TO_639_1.values());
const BY_NAME = new Map(iso6393.filter((l) => l.iso6391).map((l) => [l.name.toLowerCase(), l.iso6391!]));

// English function words that are rare as words of other languages. A page where they make up a
// fifth of the words is English beyond doubt, and franc (about 1 ms a page) need not run; every
// other page, whatever its script, goes to franc.
const ENGLISH = new Set('the of and to is was that with for are this have has from by which were been their they said would will its his her he she be not at as it'.split(' '));
const SAMPLE_WORDS = 300;
// The languages franc-min knows that are written in Cyrillic (ISO 639-3).
const CYRILLIC_LANGUAGES = ['rus', 'ukr', 'bel', 'bul', 'srp', 'mkd', 'kaz', 'kir', 'tat', 'bak', 'tgk', 'khk'];
const SAMPLE_CHARS = 2000;
const MIN_LATIN_LETTERS = 250;
const ENGLISH_SHARE = 0.2;
const MIXED_SHARE = 0.1;

/** The language a manifest gives ("en", "eng", "English") as ISO 639-1, or null if unreadable. */
export function normaliseLanguage(s: string): string | null {
  // A regional tag ("en-GB", "pt_BR") names its language first.
  const t = s.trim().toLowerCase().replace(/^([a-z]{2,3})[-_][a-z0-9]{2,8}$/, '$1');
  if (KNOWN_639_1.has(t)) return t;
  return TO_639_1.get(t) ?? BY_NAME.get(t) ?? null;
}

/** What the detector made of a text: an ISO 639-1 code or 'und', and how it decided. */
export interface Detection {
  language: string;
  via: 'function-words' | 'franc' | 'too-short';
  runnerUp: string | null;
}

/** Detects a text's language: the English function-word check, then franc-min (82 languages). */
export function detectLanguage(text: string): Detection {
  // Most pages are plain ASCII English: ASCII words and a non-Unicode expression decide them fast.
  const head = text.slice(0, SAMPLE_CHARS);
  if (mostlyAscii(head)) {
    const ascii = head.toLowerCase().match(/[a-z]+/g)?.slice(0, SAMPLE_WORDS) ?? [];
    if (ascii.length >= 20 && ascii.filter((w) => ENGLISH.has(w)).length / ascii.length >= ENGLISH_SHARE) return { language: 'en', via: 'function-words', runnerUp: null };
  }
  const words = text.slice(0, SAMPLE_CHARS * 2).match(/\p{L}+/gu)?.slice(0, SAMPLE_WORDS) ?? [];
  const englishShare = words.length ? words.filter((w) => ENGLISH.has(w.toLowerCase())).length / words.length : 0;
  if (words.length >= 20 && englishShare >= ENGLISH_SHARE) return { language: 'en', via: 'function-words', runnerUp: null };
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  // Trigram statistics need text: a Latin-script sentence or two is guessed wrong as often as
  // right (franc calls a plain English sentence Italian), while another script narrows it anyway.
  if (letters < 30 || (latin > letters / 2 && letters < MIN_LATIN_LETTERS)) return { language: 'und', via: 'too-short', runnerUp: null };
  // A page written in Cyrillic is in a Cyrillic-script language, whatever Latin chrome or
  // transliterated names its sample holds: franc is asked to choose among those only.
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const ranked = francAll(sample, cyrillic * 2 > letters ? { minLength: 10, only: CYRILLIC_LANGUAGES } : { minLength: 10 });
  const [best, second] = ranked;
  if (!best || best[0] === 'und') return { language: 'und', via: 'too-short', runnerUp: null };
  // franc's scores for Latin-script languages sit close together, so whether English is still in
  // play is read from the function words: a text with many is mixed or odd, and is better analysed
  // as English with a warning than silently skipped.
  if (best[0] !== 'eng' && englishShare >= MIXED_SHARE) return { language: 'und', via: 'franc', runnerUp: TO_639_1.get(best[0]) ?? best[0] };
  return { language: TO_639_1.get(best[0]) ?? 'und', via: 'franc', runnerUp: second ? (TO_639_1.get(second[0]) ?? second[0]) : null };
}

function mostlyAscii(s: string): boolean {
  let other = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) other++;
  return other <= s.length * 0.02;
}

/** The text the language is judged on: title and body, or the whole page when no body was found. */
function sampleOf(doc: Readonly<Doc>): string {
  const text = doc.text!;
  const seg = doc.segment!;
  const parts: string[] = [];
  if (seg.metadata.title) parts.push(seg.metadata.title.text);
  let n = 0;
  for (const b of seg.blocks) {
    if (n > SAMPLE_CHARS * 2) break;
    parts.push(text.slice(b.start, b.end));
    n += b.end - b.start;
  }
  return seg.blocks.length ? parts.join('\n') : text;
}

/**
 * The language stage. A manifest language wins (a researcher's label is authoritative) but a
 * disagreeing detection is reported. A page that is not English cuts the run short: the entity,
 * framing and rhetoric stages and their English data would only produce garbage on it.
 */
export function createLanguage(): Stage<'language'> {
  return {
    name: 'language',
    requires: ['text', 'segment'],
    assigns: 'language',
    run(doc, ctx) {
      const found = detectLanguage(sampleOf(doc));
      let language = found.language;
      if (doc.source.language) {
        const given = normaliseLanguage(doc.source.language);
        if (!given) {
          ctx.report({ severity: 'warning', code: 'language/manifest-unknown', message: `manifest language "${doc.source.language}" is not an ISO 639 code or language name; the detected language (${found.language}) is used` });
        } else {
          if (found.language !== 'und' && found.language !== given) {
            ctx.report({ severity: 'warning', code: 'language/manifest-mismatch', message: `the manifest says "${given}" but the text reads as "${found.language}" (${found.via}); the manifest value is used` });
          }
          language = given;
        }
      }
      if (language === 'und') {
        const why = found.runnerUp ? `franc's best guess "${found.runnerUp}" is barely ahead of English` : 'the body is too short to tell its language';
        ctx.report({ severity: 'warning', code: 'language/undetermined', message: `${why}; it is analysed as English` });
        return language;
      }
      if (language !== 'en') {
        ctx.skipRest('language/not-english', `the document is in "${language}" (${doc.source.language ? 'manifest' : found.via}); tokenisation, entities, framing and rhetoric are English-only and were skipped, so the report has segmentation only`);
      }
      return language;
    },
  };
}
