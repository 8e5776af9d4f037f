import { describe, expect, it } from 'vitest';
import { boundedDistance, EditIndex } from '../src/repair/edit-index.js';
import { editReading } from '../src/repair/edit-cost.js';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { fix, fixture, NORMAL, STRIPPED } from './repair-helpers.js';
import { tinyModel } from './repair-tiny.js';


describe('the symmetric-delete index', () => {
  const index = new EditIndex(['skillnader', 'skillnaden', 'kommun', 'kommunen', 'mångfald', 'viktigt', 'vikt', 'funktionsnedsättning']);

  it('finds the words one and two edits away, nearest first', () => {
    expect(index.near('skillmader', 2)).toEqual([
      { word: 'skillnader', distance: 1 },
      { word: 'skillnaden', distance: 2 },
    ]);
    expect(index.near('skillmader', 1)).toEqual([{ word: 'skillnader', distance: 1 }]);
    expect(index.near('konmuun', 2)).toEqual([{ word: 'kommun', distance: 2 }]);
    expect(index.near('vikgt', 2)).toEqual([
      { word: 'vikt', distance: 1 },
      { word: 'viktigt', distance: 2 },
    ]);
  });

  it('folds å/ä/ö, so stripped diacritics cost no edit (`Mangtald` is one edit from `mångfald`)', () => {
    expect(index.near('Mangtald', 1)).toEqual([{ word: 'mångfald', distance: 1 }]);
    expect(index.near('funktonsnedsdttning', 2)).toEqual([{ word: 'funktionsnedsättning', distance: 2 }]);
  });

  it('finds nothing beyond the distance asked for', () => {
    expect(index.near('kommunalråd', 2)).toEqual([]);
    expect(index.near('xyz', 2)).toEqual([]);
  });

  it('counts a swap of two letters as one edit', () => {
    expect(boundedDistance('kmomun', 'kommun', 2)).toBe(1);
    expect(boundedDistance('kommun', 'kommun', 2)).toBe(0);
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('the price of an edit-distance reading', () => {
  // The made-up channel of repair-tiny.ts: ä read as a, f as t, among others.
  const table = tinyModel().tables.stripped;

  it('counts plain edits apart from the confusions the channel knows', () => {
    // a→ä is a confusion of a stripping OCR, a lost j is not.
    expect(editReading('tanster', 'tjänster', table).edits).toBe(1);
    expect(editReading('vikgt', 'viktigt', table).edits).toBe(2);
    // t for f is (the ff/fi ligatures): the index finds what the channel's beam search missed.
    expect(editReading('Mangtald', 'Mångfald', table).edits).toBe(0);
    expect(editReading('kommun', 'kommun', table)).toEqual({ edits: 0, cost: expect.any(Number) });
  });
});

describe('edit-distance repair of tokens the channel cannot explain', () => {
  it.each([
    ['a doubled letter read wrong', 'Det gäller verksarmheten.', 'Det gäller verksamheten.', NORMAL],
    ['a lost letter and stripped ä', 'Kommunen erbjuder tanster till alla.', 'Kommunen erbjuder tjänster till alla.', STRIPPED],
    ['a letter read wrong and stripped ä', 'Vi ska framjs mångfald.', 'Vi ska främja mångfald.', NORMAL],
    ['two edits in a long word', 'personer med funktonsnedsdttning', 'personer med funktionsnedsättning', STRIPPED],
  ])('%s: %j → %j', (_name, input, output, options) => {
    expect(fix(input, options)).toBe(output);
  });

  it('reports the repair with its own rule', () => {
    const { corrections } = repair('Det gäller verksarmheten.', NORMAL);
    expect(corrections).toEqual([{ offset: 11, length: 13, before: 'verksarmheten', after: 'verksamheten', confidence: 1, rule: 'edit-distance' }]);
  });

  it('repairs the seed-003 OCR words of that kind (held-out fixture)', () => {
    const { corrections } = repair(fixture('seed-003/ocr-eng-l2.txt'));
    const edits = corrections.filter((c) => c.rule === 'edit-distance').map((c) => `${c.before} → ${c.after}`);
    // (`nyttiar` → `nyttjar` was lost to the larger training set: its channel reads `nyttar`, an `i`
    // dropped, which it learned there, and a token the channel explains is not asked of the index.)
    for (const pair of ['verksarmheten → verksamheten', 'tanster → tjänster', 'jarmlika → jämlika', 'funktonsnedsdttning → funktionsnedsättning']) {
      expect(edits).toContain(pair);
    }
  });

  it.each([
    ['an unknown name', 'Hon heter Karlgren och bor i Vimmerby.'],
    ['old spelling', 'Hwilka af dessa kommuner?'],
    ['parts of hyphenated words', 'Den svenska arbets-marknaden och 3-arig utbildning.'],
    ['a word split by a blank', 'Vi arbetar med inklu deringsfragor.'],
    ['a word split by a page break', 'arbetar med en horison\n\ntell fråga'],
    ['English words', 'A quick response-funktion.'],
  ])('leaves alone %s', (_name, text) => {
    expect(repair(text, STRIPPED).corrections.filter((c) => c.rule.includes('edit-distance'))).toEqual([]);
    expect(repair(text, NORMAL).corrections.filter((c) => c.rule.includes('edit-distance'))).toEqual([]);
  });

  it('proposes the domain lists\' names too, in the token\'s case (`Ostergotjand`, `Linké6pings`)', () => {
    expect(repair('Regionen i Ostergotjand och kommunen.', STRIPPED).corrections).toEqual([
      { offset: 11, length: 12, before: 'Ostergotjand', after: 'Östergötland', confidence: expect.any(Number), rule: 'edit-distance' },
    ]);
    expect(fix('Det gäller Linké6pings kommun.', STRIPPED)).toBe('Det gäller Linköpings kommun.');
    // Surnames one edit from a municipality's name stay (`Hallberg`/`Hallsberg`, `Ljungberg`/`Ljungby`).
    const people = 'Handläggare är Anna Hallberg, Gun Ljungberg, Lars Hedman och Jan Mora.';
    expect(repair(people, NORMAL).corrections).toEqual([]);
    expect(repair(people, STRIPPED).corrections).toEqual([]);
  });

  it('leaves alone a correct rare word the lexicon knows', () => {
    // `skillnaden` is a word itself, one edit from the more frequent `skillnader`.
    expect(fix('Vi ser skillnaden.', NORMAL)).toBe('Vi ser skillnaden.');
    expect(fix('Vi ser skillnaden.', STRIPPED)).toBe('Vi ser skillnaden.');
  });

  it('proposes only words of the lexicon’s vocabulary: without it, nothing', () => {
    const lex = defaultLexicon();
    const withoutVocabulary = {
      has: (w: string) => lex.has(w),
      hasExact: (w: string) => lex.hasExact(w),
      frequency: (w: string) => lex.frequency(w),
      bigram: (a: string, b: string) => lex.bigram(a, b),
    };
    expect(fix('Det gäller verksarmheten.', { ...NORMAL, lexicon: withoutVocabulary })).toBe('Det gäller verksarmheten.');
  });
});

describe('the document cache', () => {
  const sentence = 'Det ar viktigt att lanet nyttjar sina resurser.';

  it('a word the document uses intact wins among the readings of a damaged token', () => {
    const { text, corrections } = repair(`Länet har många invånare. ${sentence}`, STRIPPED);
    expect(text).toBe('Länet har många invånare. Det är viktigt att länet nyttjar sina resurser.');
    expect(corrections.find((c) => c.before === 'lanet')?.rule).toBe('confusion+document');
  });

  it('without that use, or with the other word used, the likelier word alone wins', () => {
    expect(fix(sentence, STRIPPED)).toBe('Det är viktigt att lånet nyttjar sina resurser.');
    expect(fix(`Lånet har en låg ränta. ${sentence}`, STRIPPED)).toBe('Lånet har en låg ränta. Det är viktigt att lånet nyttjar sina resurser.');
  });

  it('a known word the document uses is never itself changed by the cache', () => {
    expect(fix('Lånet och länet.', NORMAL)).toBe('Lånet och länet.');
  });
});

describe('readings beyond the diacritics put back', () => {
  it('weighs the edit-distance words where the channel explained a token only by words the corpus never uses', () => {
    // `vårdegrond` and `nyttar` are forms the lexicon knows, but official prose never writes them.
    expect(repair('Skolans vardegrond ska genomsyra arbetet.', STRIPPED).corrections).toEqual([
      // (its confidence, a fitted figure, is among the shipped model's checks)
      { offset: 8, length: 10, before: 'vardegrond', after: 'värdegrund', confidence: expect.any(Number), rule: 'edit-distance' },
    ]);
    expect(fix('Det galler dem som nyttiar kommunens service.', STRIPPED)).toBe('Det gäller dem som nyttjar kommunens service.');
  });

  it('leaves an all-caps token out of that: it is as likely an acronym the lexicon lacks', () => {
    expect(fix('Institutet RISE och Vinnova deltar.', STRIPPED)).toBe('Institutet RISE och Vinnova deltar.');
  });

  it('searches the channel for a short token whose diacritics put back make a word (`tri` is `fri` here, not `trä`)', () => {
    expect(fix('en miljo och kultur tri fran diskriminering', STRIPPED)).toBe('en miljö och kultur fri från diskriminering');
  });

  it('repairs the held-out seed-003 OCR so (`nyttiar`, `tri fran`)', () => {
    const out = fix(fixture('seed-003/ocr-eng-l2.txt'));
    const truth = fixture('seed-003/truth.txt');
    for (const phrase of ['som nyttjar kommunens', 'kultur fri från diskriminering']) {
      expect(truth).toContain(phrase);
      expect(out.replace(/\s+/gu, ' ')).toContain(phrase);
    }
  });
});
