import { describe, expect, it } from 'vitest';
import { defaultLexicon, repair, type WordKnowledge } from '../src/repair/index.js';
import { markSwaps } from '../src/repair/sentence-marks.js';
import { tiny, tinyModel } from './repair-tiny.js';

// A `.` read for `,` and a `,` for `.`: the places are found by markSwaps, how often each kind was
// truly the other mark is learned by scripts/train-repair.ts on the training OCR. Repair is tested
// on the made-up model of repair-tiny.ts; what the shipped model learned, and does on the held-out
// fixtures, is in its checks (test/repair-model-checks.test.ts).

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
  it('is used where training found it at odds of at least 10:1 (tiny model: 98 of 100, 30 of 31, 30 of 30; not 0 of 1)', () => {
    expect(tinyModel().sentenceMarks).toEqual({ stopForComma: 0.98, commaForStop: 30 / 31, commaEndsParagraph: 1, stopBeforeFragment: 0 });
  });

  it('is repaired and reported at its learned confidence in a text whose words show OCR damage', () => {
    const input = 'Vi ska främja. stärka och stödja personal, Avgörande #r stödet.';
    const { text, corrections } = repair(input, tiny());
    expect(text).toBe('Vi ska främja, stärka och stödja personal. Avgörande är stödet.');
    expect(corrections).toEqual([
      { offset: 13, length: 1, before: '.', after: ',', confidence: 0.98, rule: 'sentence-mark' },
      { offset: 41, length: 1, before: ',', after: '.', confidence: 0.968, rule: 'sentence-mark' },
      { offset: 53, length: 2, before: '#r', after: 'är', confidence: expect.any(Number), rule: 'confusion' },
    ]);
  });

  it('is left alone in a text whose words show no damage (clean prose may write it so)', () => {
    const clean = 'Vi ska främja. stärka och stödja personal, Avgörande är stödet.';
    expect(repair(clean, tiny())).toMatchObject({ text: clean, corrections: [] });
  });

  it('is left alone in a text whose words show less damage than the learned rate (markMinRepairRate)', () => {
    const input = 'Vi ska främja. stärka och stödja personal, Avgörande #r stödet.';
    expect(repair(input, { ...tiny(), model: { ...tinyModel(), markMinRepairRate: 0.5 } }).text).toBe('Vi ska främja. stärka och stödja personal, Avgörande är stödet.');
  });

  it('is not repaired below the asked confidence', () => {
    expect(repair('Vi ska främja. stärka och stödja personal, Avgörande #r stödet.', tiny({ minConfidence: 0.97 })).text).toBe(
      'Vi ska främja, stärka och stödja personal, Avgörande är stödet.',
    );
  });

  it('is left alone before a bullet read as letters (`tj`, `tg`), a kind training saw too seldom', () => {
    const input = 'Vi ska främja. stärka gemensamma mål och visioner. tj Föra dialog. #r klart';
    expect(sites(input)).toEqual([['främja', 'stopForComma'], ['visioner', 'stopBeforeFragment']]);
    expect(repair(input, tiny()).text).toMatch(/^Vi ska främja, stärka gemensamma mål och visioner\. tj Föra/u);
  });
});
