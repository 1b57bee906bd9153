import type { Entity, Speaker } from '../../pipeline/document.js';
import type { Match } from '../../pipeline/matcher/matcher.js';
import type { Stream } from '../../pipeline/matcher/stream.js';
import type { Quote } from './quotes.js';
import { NOUN_CUES, SOURCE_PHRASES } from './reported.js';

/** One entity mention in document offsets, for finding who speaks. */
interface Named {
  start: number;
  end: number;
  name: string;
  type: string;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const PERSON_PRONOUNS = new Set(['he', 'she']);
const GROUP_PRONOUNS = new Set(['they', 'it']);

// Framing and rhetoric both ask for the same document's speakers: list them once.
const speakerMemo = new WeakMap<Entity[], Named[]>();

/** The entity mentions that can speak, in text order. */
export function speakers(entities: Entity[]): Named[] {
  let out = speakerMemo.get(entities);
  if (!out) speakerMemo.set(entities, (out = listSpeakers(entities)));
  return out;
}

function listSpeakers(entities: Entity[]): Named[] {
  return entities
    .filter((e) => SPEAKER_TYPES.has(e.type))
    .flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, name: e.name, type: e.type })))
    .sort((a, b) => a.start - b.start);
}

/**
 * Who is speaking in a sentence with reporting cues: the named source nearest a cue, before it
 * ("Lavrov said", "the Belarusian Foreign Ministry noted") or after it ("said Lavrov", "according
 * to Putin"); a "he"/"she" before the cue is the last person named earlier. Mentions inside the
 * quotation itself are its topic, not its speaker.
 */
export function speakerOf(text: string, s: Stream, from: number, to: number, cues: Match[], named: Named[], skip: Quote | null): Speaker | null {
  const sentStart = s.start[from]!;
  const sentEnd = s.end[to - 1]!;
  const outside = (n: Named) => !skip || n.end <= skip.start - 1 || n.start >= skip.end + 1;
  const inSentence = named.filter((n) => n.start >= sentStart && n.end <= sentEnd && outside(n));
  let best = null as { n: Named; d: number } | null;
  for (const c of cues) {
    // "…, the minister said": the subject right before the verb is a common noun, so the source
    // is unnamed; a named entity further back in the sentence is its topic, not its speaker.
    const before = c.first - 1;
    if (before >= from && s.pos[before] === 'NOUN' && !isAccordingCue(s, c)) {
      let a = before;
      while (a - 1 >= from && (s.pos[a - 1] === 'ADJ' || s.pos[a - 1] === 'NOUN' || s.pos[a - 1] === 'DET')) a--;
      return { text: text.slice(s.start[a]!, s.end[before]!), name: null, type: null, resolved: 'unnamed' };
    }
    const cueStart = s.start[c.first]!;
    const cueEnd = s.end[c.last - 1]!;
    const isAccording = isAccordingCue(s, c);
    // "According to him", "in his words", "he stressed that": the pronoun is the source, and whoever
    // is named after it is what the source talks about.
    // ("citing their …" names what is cited, not who cites.)
    const sourcePhrase = isAccording && !CITING.has(s.lower[c.first]!);
    const pronounAt = sourcePhrase ? [...Array(c.last - c.first + 1).keys()].map((k) => c.first + k) : isAccording ? [] : [c.first - 1, c.first - 2];
    const pk = pronounAt.find((k) => k >= from && k < to && PRONOUN_OF.has(s.lower[k]!) && (sourcePhrase || k === c.first - 1 || s.pos[c.first - 1] === 'ADV' || s.pos[c.first - 1] === 'AUX'));
    if (pk !== undefined) {
      const who = resolvePronoun(s.lower[pk]!, named, cueStart);
      if (who) return who;
    }
    // A claim noun's source is its possessor ("Kyiv's claims about …"), never what the claim is about.
    const nounCue = NOUN_CUES.has(s.lower[c.first]!) && s.pos[c.first] === 'NOUN';
    for (const n of inSentence) {
      // "as Lavrov put it", "in the view of the Kremlin": the source stands inside the cue.
      if (n.start >= cueStart && n.end <= cueEnd) {
        if (!best || best.d > 0) best = { n, d: 0 };
        continue;
      }
      // "according to X" and "citing X" name the source after the cue; a verb's subject stands before it.
      // Before the verb only a close subject counts ("Lavrov said", "the Foreign Ministry noted"); after
      // it only an inverted subject ("said Belarusian President X"), not the reported clause's ("said that Russia …").
      const after = n.start - cueEnd;
      const inverted = !nounCue && after >= 0 && after <= 30 && !/\bthat\b/.test(text.slice(cueEnd, n.start));
      const d = n.end <= cueStart ? (isAccording || cueStart - n.end > 40 ? Infinity : cueStart - n.end) : n.start >= cueEnd && (isAccording || inverted) ? after + (isAccording ? 0 : 2) : Infinity;
      // A nationality speaks only when no one is named ("the Russians said"), not in "said Belarusian President X".
      const dd = n.type === 'NORP' ? d + 1000 : d;
      if (dd < (best?.d ?? Infinity)) best = { n, d: dd };
    }
    if (!best && !isAccording) {
      // "he said": the last person named before this sentence.
      const pronoun = s.lower.slice(Math.max(from, c.first - 3), c.first).find((w) => PERSON_PRONOUNS.has(w) || GROUP_PRONOUNS.has(w));
      if (pronoun) {
        const wantPerson = PERSON_PRONOUNS.has(pronoun);
        const prior = named.filter((n) => n.end <= cueStart && (wantPerson ? n.type === 'PERSON' : n.type !== 'PERSON')).at(-1);
        if (prior) return { text: pronoun, name: prior.name, type: prior.type, resolved: 'pronoun' };
      }
    }
  }
  if (!best || best.d === Infinity) return null;
  return { text: text.slice(best.n.start, best.n.end), name: best.n.name, type: best.n.type, resolved: 'named' };
}

/** A cue that names its source after it or inside it: "according to X", "citing X", "as X put it". */
function isAccordingCue(s: Stream, c: Match): boolean {
  const w = s.lower[c.first]!;
  // "X was quoted as saying": the source stands before the cue, as for a verb.
  return (SOURCE_PHRASES.has(w) && w !== 'quoted') || CITING.has(w);
}

const CITING = new Set(['citing', 'cite']);

// Pronouns a source goes by, and whether they stand for a person.
const PRONOUN_OF = new Map([
  ['he', true], ['she', true], ['him', true], ['her', true], ['his', true],
  ['they', false], ['them', false], ['their', false],
]);

/** The source a pronoun stands for: the last person (he, his) or organisation (they) named before it. */
function resolvePronoun(pronoun: string, named: Named[], before: number): Speaker | null {
  const person = PRONOUN_OF.get(pronoun)!;
  const prior = named.filter((n) => n.end <= before && (person ? n.type === 'PERSON' : n.type !== 'PERSON')).at(-1);
  return prior ? { text: pronoun, name: prior.name, type: prior.type, resolved: 'pronoun' } : null;
}

// Words that put a phrase at a distance: the outlet names it without owning it.
const DISTANCERS = new Set(['so-called', 'alleged', 'allegedly', 'supposed', 'supposedly', 'self-proclaimed', 'self-styled', 'purported', 'purportedly', 'pseudo', 'quasi']);

/**
 * The distancing word before a hit ("so-called collective West", "the alleged invasion", "what
 * Moscow calls a special military operation"), or null.
 */
export function distancingOf(s: Stream, from: number, first: number): string | null {
  for (let k = first - 1; k >= Math.max(from, first - 4); k--) {
    const w = s.lower[k]!;
    // Stream pieces split "so-called" into so, -, called.
    if (w === 'called' && s.lower[k - 1] === '-' && s.lower[k - 2] === 'so') return 'so-called';
    if (DISTANCERS.has(w)) return w;
    if (w === 'calls' || w === 'called' || w === 'call' || w === 'terms' || w === 'termed' || w === 'dubs' || w === 'dubbed') {
      for (let j = k - 1; j >= Math.max(from, k - 4); j--) if (s.lower[j] === 'what') return `what … ${w}`;
    }
  }
  return null;
}
