import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFile, stageDataPath } from '../../pipeline/data-file.js';
import { foldToken, splitHyphens } from '../../pipeline/matcher/pattern.js';
import type { DataVersion } from '../../pipeline/stage.js';
import { wink } from '../../pipeline/wink.js';
import { foldKey, isAcronym, isCapitalised } from './fold.js';
import { loadRules } from './rules.js';

/** One curated entity: canonical name, type, Wikidata id and every spelling we accept. */
export interface GazetteerEntry {
  name: string;
  type: string;
  qid: string | null;
  aliases: string[];
  demonyms: string[];
  agency: boolean;
  file: string;
}

/** One spelling of an entry, as the token keys the matcher compares. */
export interface AliasForm {
  keys: string[];
  /** Per token: must the text token be capitalised (it is in the alias) or match exactly (acronym)? */
  rule: Array<'any' | 'cap' | 'exact'>;
  exact: string[];
  entry: GazetteerEntry;
  /** Leading title words the alias needs to be unambiguous but the mention leaves out ("King Salman" → "Salman"). */
  skip: number;
}

/** A node of the alias trie: the aliases that end here and the key of each next token. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  forms: AliasForm[];
}

/** All gazetteer files, indexed for matching by the key of an alias's first token. */
export interface Gazetteer {
  entries: GazetteerEntry[];
  byFirst: Map<string, AliasForm[]>;
  /** Every alias as a path of token keys: one walk per token finds all the aliases starting there. */
  trie: TrieNode;
  /** First keys of aliases whose first word is not capitalised ("the Kremlin", "dpa"). */
  lowerFirst: Set<string>;
  /** Demonym (folded) → country entry: "belarusian" → Belarus. */
  demonyms: Map<string, GazetteerEntry>;
  byName: Map<string, GazetteerEntry>;
  versions: DataVersion[];
}

interface RawEntry {
  name?: unknown;
  type?: unknown;
  qid?: unknown;
  aliases?: unknown;
  demonyms?: unknown;
  agency?: unknown;
}

const TYPES = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'EVENT', 'NORP', 'LAW', 'FAC', 'PRODUCT', 'WORK_OF_ART']);

/** Splits a name the way the tokenize stage and the lexicon stream split text, so keys line up. */
export function nameTokens(name: string): string[] {
  const its = wink().its;
  const values = wink().readDoc(name).tokens().out(its.value) as string[];
  return values.flatMap((v) => splitHyphens(foldToken(v)));
}

let cached: Gazetteer | null = null;

export function loadGazetteer(dir = stageDataPath('entities', 'gazetteer')): Gazetteer {
  if (cached && dir === stageDataPath('entities', 'gazetteer')) return cached;
  const entries: GazetteerEntry[] = [];
  const versions: DataVersion[] = [];
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    const path = join(dir, f);
    const { data, version } = loadDataFile<{ version?: string; entries?: RawEntry[] }>(path);
    versions.push(version);
    (data.entries ?? []).forEach((e, i) => {
      if (typeof e.name !== 'string' || !TYPES.has(String(e.type))) {
        throw new Error(`[E030] gazetteer ${path}: entry #${i + 1} ${JSON.stringify(e.name)}: needs a string "name" and a "type" among ${[...TYPES].join(', ')}`);
      }
      entries.push({
        name: e.name,
        type: String(e.type),
        qid: typeof e.qid === 'string' && /^Q\d+$/.test(e.qid) ? e.qid : null,
        aliases: Array.isArray(e.aliases) ? e.aliases.map(String) : [],
        demonyms: Array.isArray(e.demonyms) ? e.demonyms.map(String) : [],
        agency: e.agency === true,
        file: version.file,
      });
    });
  }
  const byFirst = new Map<string, AliasForm[]>();
  const demonyms = new Map<string, GazetteerEntry>();
  const byName = new Map<string, GazetteerEntry>();
  const { titles } = loadRules();
  for (const entry of entries) {
    byName.set(foldKey(entry.name), entry);
    for (const d of entry.demonyms) if (!demonyms.has(foldKey(d))) demonyms.set(foldKey(d), entry);
    // "the Kremlin" is listed so the article is allowed, but the mention is "Kremlin".
    for (const alias of new Set([entry.name, ...entry.aliases].map((a) => a.replace(/^the\s+(?=\S)/, '')))) {
      const toks = nameTokens(alias);
      if (toks.length === 0) continue;
      const form: AliasForm = {
        keys: toks.map(foldKey),
        rule: toks.map((t) => (isAcronym(t) ? 'exact' : isCapitalised(t) ? 'cap' : 'any')),
        exact: toks,
        entry,
        skip: 0,
      };
      if (entry.type === 'PERSON') while (form.skip < toks.length - 1 && titles.has(form.keys[form.skip]!)) form.skip++;
      const k = form.keys[0]!;
      (byFirst.get(k) ?? byFirst.set(k, []).get(k)!).push(form);
    }
  }
  for (const forms of byFirst.values()) forms.sort((a, b) => b.keys.length - a.keys.length);
  const lowerFirst = new Set([...byFirst].filter(([, forms]) => forms.some((f) => f.rule[0] === 'any')).map(([k]) => k));
  const trie: TrieNode = { next: new Map(), forms: [] };
  for (const forms of byFirst.values()) {
    for (const f of forms) {
      let node = trie;
      for (const k of f.keys) node = node.next.get(k) ?? node.next.set(k, { next: new Map(), forms: [] }).get(k)!;
      node.forms.push(f);
    }
  }
  const g = { entries, byFirst, trie, lowerFirst, demonyms, byName, versions };
  if (dir === stageDataPath('entities', 'gazetteer')) cached = g;
  return g;
}
