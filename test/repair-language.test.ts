// The language data (dictionaries/sv, en, ocr) and its one loader (src/language.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArchaic } from '../src/repair/archaic.js';
import { isEnglishNeighbour, isEnglishOnlyBesideEnglish, isEnglishWord } from '../src/repair/english.js';
import { classify, diacriticRate } from '../src/repair/doc-class.js';
import { languageClass, languageLetters, languageList, languagePattern, languageSet, languageTable, type LanguageFile } from '../src/language.js';
import { guessOrigin } from '../src/dedupe/origin.js';
import { foldDiacritics, skeleton } from '../src/repair/model.js';

const DICTIONARIES = join(import.meta.dirname, '..', 'dictionaries');

/** Every language file, spelt out: the compiler fails here when LanguageFile gains or loses one. */
const FILES: Record<LanguageFile, true> = {
  'sv/hyphen-conjunctions': true,
  'sv/elision-conjunctions': true,
  'sv/compound-conjunctions': true,
  'sv/number-words': true,
  'sv/units': true,
  'sv/stripped-diacritics': true,
  'sv/rate-letters': true,
  'sv/accented-letters': true,
  'sv/archaic-spellings': true,
  'sv/colon-endings': true,
  'sv/vowels': true,
  'sv/code-cues': true,
  'en/function-words': true,
  'en/only-beside-english': true,
  'en/english-neighbours': true,
  'ocr/vowel-glyphs': true,
  'ocr/confused-vowels': true,
  'ocr/letter-swaps': true,
};

describe('the language files', () => {
  it('are the files of dictionaries/sv, en and ocr, each with a header comment, each listed in dictionaries/README.md', () => {
    const onDisk = ['sv', 'en', 'ocr'].flatMap((d) => readdirSync(join(DICTIONARIES, d)).map((f) => `${d}/${f.replace(/\.txt$/u, '')}`));
    expect(onDisk.sort()).toEqual(Object.keys(FILES).sort());
    const readme = readFileSync(join(DICTIONARIES, 'README.md'), 'utf8');
    for (const file of onDisk) {
      expect(readFileSync(join(DICTIONARIES, `${file}.txt`), 'utf8'), file).toMatch(/^# /u);
      expect(readme, file).toContain(`\`${file}.txt\``);
      expect(languageList(file as LanguageFile).length, file).toBeGreaterThan(0);
    }
  });

  it('hold the lists repair used when they were code (behaviour kept)', () => {
    expect(languageList('sv/hyphen-conjunctions')).toEqual(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'till', 'men']);
    expect(languageList('sv/elision-conjunctions')).toEqual(['och', 'eller', 'samt', 'respektive', 'resp', 'resp.', 'till', 'som']);
    expect(languageList('sv/compound-conjunctions')).toEqual(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'men', 'till', 'liksom', 'utan']);
    expect(languageSet('sv/number-words').size).toBe(42);
    expect(languageList('ocr/vowel-glyphs')).toEqual(['i', 'd', 'é', '6', '&', '#', '@', '0', 'G', 'O', 'A', 'E', 'I', 'u']);
    expect(languageTable('ocr/letter-swaps').get('a')).toEqual(['ä', 'å']);
    expect(languageTable('ocr/letter-swaps').get('ö')).toEqual(['o']);
    expect([...languageTable('sv/stripped-diacritics')]).toEqual([['å', ['a']], ['ä', ['a']], ['ö', ['o']], ['é', ['e']]]);
    expect(languageLetters('sv/rate-letters')).toBe('åäöÅÄÖ');
  });

  it('fold a word as an OCR without Swedish does, and count å/ä/ö (not é) for the document class', () => {
    expect(foldDiacritics('Överenskommelsen')).toBe('overenskommelsen');
    expect(foldDiacritics('Länets idé är så')).toBe('lanets ide ar sa');
    expect(foldDiacritics('naïve')).toBe('naïve');
    expect(diacriticRate('åÄöé')).toBe(0.75);
    expect(classify('a'.repeat(190) + 'åäöÅÄÖéé'.repeat(2), 0.01)).toBe('normal');
    expect(guessOrigin('Länet är Övre, idé.').evidence).toContain('4 å/ä/ö per 100 letters');
  });
});

describe('the loader', () => {
  it('reads a lone `#` as an entry and `# …` as a comment', () => {
    expect(languageList('ocr/vowel-glyphs')).toContain('#');
    expect(languageList('ocr/vowel-glyphs').some((e) => e.startsWith('# '))).toBe(false);
  });

  it('builds patterns and character classes', () => {
    expect(languagePattern('sv/archaic-spellings').test('hwilka')).toBe(true);
    expect(languageClass('ocr/confused-vowels').test('ö')).toBe(true);
    expect(languageClass('ocr/confused-vowels').test('u')).toBe(false);
    expect(languageClass('sv/vowels', 'iu').source).toBe('[aeiouyåäöéèüáàâêîôûæø]');
    expect(skeleton('länet')).toBe('l*n*t');
    expect(skeleton('förslaget')).toBe('f*rsl*g*t');
  });
});

describe('isArchaic: the old spellings repair leaves alone', () => {
  it('knows hw-, qv-, af, uti, hafva, ock and long s', () => {
    for (const w of ['hwilka', 'Hwilken', 'af', 'Af', 'qvinna', 'hafva', 'ſkall', 'uti', 'ock']) expect(isArchaic(w), w).toBe(true);
  });

  it('leaves modern spellings, and (so far) hv- and -fv- spellings, to repair', () => {
    for (const w of ['hur', 'av', 'kvinna', 'över', 'självförtroende', 'halv', 'Havet', 'afton']) expect(isArchaic(w), w).toBe(false);
    // The lexicon's former isArchaic (never called by repair) also took these; repair never did.
    for (const w of ['Hvilken', 'öfver']) expect(isArchaic(w), w).toBe(false);
  });
});

describe('English in Swedish prose', () => {
  it('reads its lists from dictionaries/en', () => {
    expect(isEnglishWord('Of')).toBe(true);
    expect(isEnglishWord('for')).toBe(false);
    expect(isEnglishOnlyBesideEnglish('an')).toBe(true);
    expect(isEnglishOnlyBesideEnglish('the')).toBe(false);
    expect(isEnglishNeighbour('for')).toBe(true);
    expect(isEnglishNeighbour('the')).toBe(true);
    expect(isEnglishNeighbour('och')).toBe(false);
  });
});
