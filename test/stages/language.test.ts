import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../pipeline/data-file.js';
import { detectLanguage, normaliseLanguage } from '../../stages/language/index.js';
import { analyse, cpSlice, seed, type Report } from '../helpers.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'segment', 'language');
const text = (name: string): string => readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');

type Diagnostic = { severity: string; code: string; message: string };
const languageDiagnostics = (r: Report): Diagnostic[] => (r.diagnostics as Diagnostic[]).filter((d) => d.code.startsWith('language/'));
const codes = (r: Report): string[] => languageDiagnostics(r).map((d) => `${d.severity}:${d.code}`);

const FOREIGN: Array<[string, string, string, string]> = [
  // fixture, language, title, first words of the body
  ['language-ru-oil-transit', 'ru', 'Москва и Астана продлили соглашение о транзите нефти до 2030 года', 'Россия и Казахстан подписали протокол о продлении межправительственного соглашения'],
  ['language-uk-energy-winter-plan', 'uk', 'Уряд затвердив план захисту енергетичної інфраструктури на зимовий період', 'Кабінет міністрів затвердив оновлений план захисту'],
  ['language-de-sabotage-lagezentrum', 'de', 'Innenminister wollen gemeinsames Lagezentrum gegen Sabotage', 'Die Innenminister von Bund und Ländern haben sich'],
  ['language-es-interconexion-estrecho', 'es', 'España y Marruecos acuerdan ampliar la interconexión eléctrica bajo el Estrecho', 'Los gobiernos de España y Marruecos firmaron este jueves en Rabat'],
];

describe('detectLanguage', () => {
  it.each(FOREIGN)('reads %s as %s with franc', (name, lang) => {
    const d = detectLanguage(text(name));
    expect(d.language).toBe(lang);
    expect(d.via).toBe('franc');
  });

  it('tells Ukrainian from Russian, its closest neighbour', () => {
    expect(detectLanguage(text('language-uk-energy-winter-plan')).runnerUp).toBe('ru');
    expect(detectLanguage(text('language-ru-oil-transit')).language).not.toBe('uk');
  });

  it.each(['000', '001', '002', '003', '004'])('reads seed %s as English from its function words alone', (prefix) => {
    expect(detectLanguage(seed(prefix))).toEqual({ language: 'en', via: 'function-words', runnerUp: null });
  });

  it.each(['language-en-belarus-portal-russian-chrome', 'language-en-german-bilingual-menu'])('reads %s as English despite its foreign menu', (name) => {
    expect(detectLanguage(text(name)).language).toBe('en');
  });

  it.each([
    ['a one-line English headline', 'Minsk talks end without agreement.'],
    ['a short Russian line', 'Переговоры завершились.'],
    ['a timestamp', '31.10.2024 16:05'],
    ['nothing', ''],
  ])('will not guess from %s', (_name, t) => {
    expect(detectLanguage(t)).toEqual({ language: 'und', via: 'too-short', runnerUp: null });
  });
});

describe('normaliseLanguage', () => {
  it.each([
    ['en', 'en'],
    [' EN ', 'en'],
    ['eng', 'en'],
    ['English', 'en'],
    ['english', 'en'],
    ['rus', 'ru'],
    ['Russian', 'ru'],
    ['ukr', 'uk'],
    ['Ukrainian', 'uk'],
    ['Belarusian', 'be'],
    ['deu', 'de'],
    ['Spanish', 'es'],
    ['en-GB', 'en'],
    ['pt_BR', 'pt'],
  ])('reads the manifest value %j as %s', (given, want) => {
    expect(normaliseLanguage(given)).toBe(want);
  });

  it.each(['Engish', 'xx', 'Klingon', ''])('gives null for the unreadable manifest value %j', (given) => {
    expect(normaliseLanguage(given)).toBeNull();
  });
});

describe('language stage: documents that are not in English', () => {
  it.each(FOREIGN)('stops %s (%s) after segmentation, with the reason', (name, lang, title, starts) => {
    const r = analyse(text(name), {}, name);
    expect(r.status).toBe('partial');
    expect(r.language).toBe(lang);
    const skip = languageDiagnostics(r);
    expect(skip).toHaveLength(1);
    expect(skip[0]).toMatchObject({ severity: 'warning', code: 'language/not-english' });
    expect(skip[0]!.message).toContain(`"${lang}"`);
    // The English-only stages did not run.
    expect(r.entities).toEqual([]);
    expect(r.frames).toBeNull();
    expect(r.rhetoric).toBeNull();
    expect(r.stats).toBeNull();
    expect(r.sentiment).toBeNull();
    // Segmentation did, and its spans still index the text.
    expect(r.metadata.title).toBe(title);
    expect(r.body.text.startsWith(starts)).toBe(true);
    expect(r.body.blocks.length).toBeGreaterThan(2);
    expect(r.body.blocks.map((b: { start: number; end: number }) => cpSlice(r.text, b.start, b.end)).join('\n')).toBe(r.body.text);
    expect(r.removed.length).toBeGreaterThan(0);
  });

  it('keeps a Russian page menu and copyright line out of the body even though the page is skipped', () => {
    const r = analyse(text('language-ru-oil-transit'));
    expect(r.body.text).not.toContain('Подписывайтесь на наш канал в Telegram');
    expect(r.body.text).not.toContain('Все права защищены');
    expect(r.body.text.endsWith('Следующее заседание межправительственной комиссии запланировано на весну 2025 года в Астане.')).toBe(true);
  });

  it('analyses English pages with Russian or German chrome in full, without a language warning', () => {
    for (const name of ['language-en-belarus-portal-russian-chrome', 'language-en-german-bilingual-menu']) {
      const r = analyse(text(name), {}, name);
      expect(r.status).toBe('ok');
      expect(r.language).toBe('en');
      expect(languageDiagnostics(r)).toEqual([]);
      expect(r.stats.words).toBeGreaterThan(150);
      expect(r.frames).not.toBeNull();
    }
    const minsk = analyse(text('language-en-belarus-portal-russian-chrome'));
    expect(minsk.entities.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['Belarus', 'China', 'Minsk']));
  });
});

describe('language stage: the manifest language', () => {
  it.each(['English', 'eng', 'en', 'EN'])('reads the manifest value %j as English and agrees with the text', (given) => {
    const r = analyse(seed('001'), { language: given });
    expect(r.status).toBe('ok');
    expect(r.language).toBe('en');
    expect(languageDiagnostics(r)).toEqual([]);
    expect(r.entities.length).toBeGreaterThan(0);
  });

  it('uses the manifest language over the detected one and warns about the mismatch', () => {
    const r = analyse(seed('001'), { language: 'ru' });
    expect(r.language).toBe('ru');
    const mismatch = languageDiagnostics(r).find((d) => d.code === 'language/manifest-mismatch');
    expect(mismatch).toMatchObject({ severity: 'warning' });
    expect(mismatch!.message).toContain('"ru"');
    expect(mismatch!.message).toContain('"en"');
    // The manifest says Russian, so the English-only stages are skipped.
    expect(r.status).toBe('partial');
    expect(codes(r)).toEqual(['warning:language/manifest-mismatch', 'warning:language/not-english']);
    expect(r.entities).toEqual([]);
  });

  it('analyses a Russian text labelled English as English, with a mismatch warning', () => {
    const r = analyse(text('language-ru-oil-transit'), { language: 'English' });
    expect(r.status).toBe('ok');
    expect(r.language).toBe('en');
    expect(codes(r)).toEqual(['warning:language/manifest-mismatch']);
    expect(languageDiagnostics(r)[0]!.message).toContain('"ru"');
    expect(r.stats.words).toBeGreaterThan(0);
  });

  it('takes a manifest language name that matches the text without a warning, and still skips it', () => {
    const r = analyse(text('language-uk-energy-winter-plan'), { language: 'Ukrainian' });
    expect(r.language).toBe('uk');
    expect(r.status).toBe('partial');
    expect(codes(r)).toEqual(['warning:language/not-english']);
  });

  it('falls back to the detected language when the manifest value is unreadable', () => {
    const r = analyse(seed('001'), { language: 'Engish' });
    expect(r.status).toBe('ok');
    expect(r.language).toBe('en');
    expect(codes(r)).toEqual(['warning:language/manifest-unknown']);
    expect(languageDiagnostics(r)[0]!.message).toContain('"Engish"');
  });

  it('detects a German page whose manifest language cannot be read, and skips it', () => {
    const r = analyse(text('language-de-sabotage-lagezentrum'), { language: 'n/a' });
    expect(r.language).toBe('de');
    expect(r.status).toBe('partial');
    expect(codes(r)).toEqual(['warning:language/manifest-unknown', 'warning:language/not-english']);
  });
});

describe('language stage: texts too short to tell', () => {
  it('marks a one-line text "und", warns, and analyses it as English', () => {
    const r = analyse('Minsk talks end without agreement.');
    expect(r.status).toBe('ok');
    expect(r.language).toBe('und');
    expect(codes(r)).toEqual(['warning:language/undetermined']);
    expect(languageDiagnostics(r)[0]!.message).toContain('too short');
    // Analysed as English: tokens, entities, framing and rhetoric all ran.
    expect(r.stats).toEqual({ sentences: 1, tokens: 6, words: 5 });
    expect(r.entities).toContainEqual(expect.objectContaining({ name: 'Minsk', type: 'GPE' }));
    expect(r.frames).not.toBeNull();
    expect(r.rhetoric).not.toBeNull();
  });

  it('lets a manifest language decide a text too short to detect, without a mismatch warning', () => {
    const r = analyse('Minsk talks end without agreement.', { language: 'en' });
    expect(r.language).toBe('en');
    expect(languageDiagnostics(r)).toEqual([]);
  });
});
