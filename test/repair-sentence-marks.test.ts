import { describe, expect, it } from 'vitest';
import { defaultLexicon, markSwaps, repair, type WordKnowledge } from '../src/repair/index.js';
import { defaultModel, type RepairModel } from '../src/repair/model.js';
import { heldOutGain } from './repair-helpers.js';

// A `.` read for `,` and a `,` for `.`: the places are found by markSwaps, how often each kind was
// truly the other mark is learned by scripts/train-repair.ts on the training OCR.

const sites = (text: string, words: WordKnowledge = defaultLexicon()) => markSwaps(text, words).map((s) => [text.slice(0, s.offset).split(/\s/u).pop(), s.kind]);

describe('markSwaps', () => {
  it('finds a full stop between words, the next one lower-case, on the same or the next line', () => {
    expect(sites('Det ska främja. stärka och stödja. Det gäller ursprung.\nhudfärg och tro.')).toEqual([
      ['främja', 'stopForComma'],
      ['ursprung', 'stopForComma'],
    ]);
  });

  it('finds a full stop before the word `i`, and before a fragment word repair made a word of', () => {
    const text = 'föreslås tas bort. i stället ska en bestallares rakning. ir inte';
    expect(sites(text)).toEqual([['bort', 'stopForComma'], ['rakning', 'stopBeforeFragment']]);
    expect(markSwaps(text, defaultLexicon(), new Map([[text.indexOf('ir'), 'är']])).map((s) => s.kind)).toEqual(['stopForComma', 'stopForComma']);
  });

  it('keeps a fragment before a capital a fragment, repaired or not: a bullet before a list item', () => {
    const text = 'gemensamma mål och visioner. tj Föra dialog';
    expect(markSwaps(text, defaultLexicon(), new Map([[text.indexOf('tj'), 'ty']])).map((s) => s.kind)).toEqual(['stopBeforeFragment']);
  });

  it('leaves a full stop after an abbreviation, before a blank line, a list letter or a number', () => {
    expect(sites('enligt 16 kap. brottsbalken, dvs. ett brott, t.ex. ett')).toEqual([]);
    expect(sites('för den nya lagen.\n\ntillämpa en otillbörlig metod')).toEqual([]);
    expect(sites('återvändandefrågor. b) institutioner. c) samhället. f ska')).toEqual([]);
    expect(sites('enligt avtalet. 2021 och i. bildar')).toEqual([]);
  });

  it('finds a comma after a lower-case word before a capitalised common word', () => {
    expect(sites('i utkontraktering, Det är svårt. Om personal,\nAvgörande är')).toEqual([
      ['utkontraktering', 'commaForStop'],
      ['personal', 'commaForStop'],
    ]);
  });

  it('finds a comma that ends a paragraph before a capital, whatever word, name or damaged token follows', () => {
    expect(sites('i utkontraktering,\n\nDet är svårt. Om personal,\n\nAvgorande är att samråda med myndigheter,\n\nPolismyndigheten')).toEqual([
      ['utkontraktering', 'commaEndsParagraph'],
      ['personal', 'commaEndsParagraph'],
      ['myndigheter', 'commaEndsParagraph'],
    ]);
  });

  it('leaves a comma before a blank line and a lower-case word or a number (a sentence or list goes on)', () => {
    expect(sites('sådan säkerhet finns inte,\n\noch rättsläget är delvis oklart, organisationen,\n\n2 Prioriterade')).toEqual([]);
  });

  it('judges the word after a comma as repaired, the word after a stop as written', () => {
    const text = 'resurser och behov, Mangtald genererar mervärde. tj Föra';
    const repaired = new Map([[text.indexOf('Mangtald'), 'Mångfald'], [text.indexOf('tj'), 'ti']]);
    expect(markSwaps(text, defaultLexicon()).map((s) => s.kind)).toEqual(['stopBeforeFragment']);
    expect(markSwaps(text, defaultLexicon(), repaired).map((s) => s.kind)).toEqual(['commaForStop', 'stopBeforeFragment']);
  });

  it('leaves a comma before a name, an acronym or an unknown word, and after a capitalised word', () => {
    expect(sites('Post- och telestyrelsen, Trafikverket och Region Östergötland')).toEqual([]);
    expect(sites('ett särskilt anslag, MSB har, med Cinemateket, Teracom')).toEqual([]);
    expect(sites('mellan Migrationsverket, Polismyndigheten och')).toEqual([]);
  });

  it('changes no comma for a word source that cannot tell names', () => {
    const plain: WordKnowledge = { has: () => true, hasExact: () => true, frequency: () => 1, bigram: () => 0 };
    expect(sites('i utkontraktering, Det ska främja. stärka', plain)).toEqual([['främja', 'stopForComma']]);
  });
});

describe('a swapped sentence mark in repair', () => {
  it('is learned from the training OCR at odds of at least 10:1', () => {
    const { stopForComma, stopBeforeFragment, commaForStop, commaEndsParagraph } = defaultModel().sentenceMarks;
    // The next word is judged as repaired (`behov, Mangtald`, `rakning. ir inte`), and may be the
    // word `i`: 561 of 572 stops, 83 of 84 commas.
    expect(stopForComma).toBeCloseTo(1338 / 1366, 6);
    expect(commaForStop).toBeCloseTo(216 / 221, 6);
    // Before a blank line and a capital: 29 of 29.
    expect(commaEndsParagraph).toBe(1);
    // Before a fragment word repair left, or a bullet before a capital: no such place on train.
    expect(stopBeforeFragment).toBe(0);
  });

  it('is learned with the word-repair rate below which a document counts as clean', () => {
    expect(defaultModel().markMinRepairRate).toBeCloseTo(0.0132, 4);
  });

  it('is repaired and reported at its learned confidence in a text whose words show OCR damage', () => {
    const input = 'Vi ska främja. stärka och stödja personal, Avgörande #r stödet.';
    const { text, corrections } = repair(input);
    expect(text).toBe('Vi ska främja, stärka och stödja personal. Avgörande är stödet.');
    expect(corrections).toEqual([
      { offset: 13, length: 1, before: '.', after: ',', confidence: 0.98, rule: 'sentence-mark' },
      { offset: 41, length: 1, before: ',', after: '.', confidence: 0.977, rule: 'sentence-mark' },
      { offset: 53, length: 2, before: '#r', after: 'är', confidence: 0.993, rule: 'confusion' },
    ]);
  });

  it('is left alone in a text whose words show no damage (clean prose may write it so)', () => {
    const clean = 'Vi ska främja. stärka och stödja personal, Avgörande är stödet.';
    expect(repair(clean)).toMatchObject({ text: clean, corrections: [] });
  });

  it('is not repaired below the asked confidence', () => {
    expect(repair('Vi ska främja. stärka och stödja personal, Avgörande #r stödet.', { minConfidence: 0.978 }).text).toBe(
      'Vi ska främja, stärka och stödja personal, Avgörande är stödet.',
    );
  });

  it('is left alone before a bullet read as letters (`tj`, `tg`), a kind training saw too seldom', () => {
    const input = 'Vi ska främja. stärka gemensamma mål och visioner. tj Föra dialog. #r klart';
    expect(sites(input)).toEqual([['främja', 'stopForComma'], ['visioner', 'stopBeforeFragment']]);
    expect(repair(input).text).toBe('Vi ska främja, stärka gemensamma mål och visioner. tj Föra dialog. är klart');
  });

  // Held out (the fixtures are never trained on): every change is one character, so the change is
  // right each time exactly when the output has that many fewer character errors than without it.
  // seed-000's Swedish-model OCR has two swapped marks but not one damaged word, so it is left be.
  it.each([
    ['seed-000/ocr-eng-l2.txt', 3],
    ['seed-003/ocr-eng-l2.txt', 17],
    ['seed-000/ocr-swe-l2.txt', 0],
    ['seed-003/ocr-swe-l2.txt', 12],
  ])('is right every time on %s (%i changes)', (path, changes) => {
    expect(heldOutGain(path, 'sentence-mark', withoutMarks())).toEqual({ changes, saved: changes });
  });
});

function withoutMarks(): RepairModel {
  return { ...defaultModel(), sentenceMarks: { stopForComma: 0, stopBeforeFragment: 0, commaForStop: 0, commaEndsParagraph: 0 } };
}
