/**
 * The part after a number and a hyphen (`46-arig`; src/repair/number-tails.ts): a compound tail,
 * no word of its own, read with its stripped diacritics put back where the lexicon knows the number
 * joined to it. Real OCR lines of ../shared/train and the dev documents (/work/dev-calib), not the
 * held-out set. Raw scores (test/setup-raw-scores.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { changesOf } from './repair-helpers.js';
import { numberBefore, numberTailReadings, unfoldings } from '../src/repair/number-tails.js';

const lexicon = defaultLexicon();
const known = (w: string): boolean => lexicon.has(w);

describe('the part after a number and a hyphen', () => {
  it('is found only right after digits and a hyphen', () => {
    expect(numberBefore('En 46-arig man', 6)).toBe('46');
    expect(numberBefore('(10-ariga', 4)).toBe('10');
    expect(numberBefore('A4-papper', 3)).toBeNull();
    expect(numberBefore('ATP-avgift', 4)).toBeNull();
    expect(numberBefore('46 arig', 3)).toBeNull();
  });

  it('has its stripped diacritics put back in every combination, none for a part with too many', () => {
    expect(unfoldings('arig')).toEqual(['årig', 'ärig']);
    expect(unfoldings('tor').sort()).toEqual(['tör']);
    expect(unfoldings('aaaaa')).toEqual([]);
  });

  it('is read as the tail the lexicon knows after a number', () => {
    expect(numberTailReadings('arig', '46', known)).toEqual(['årig']);
    expect(numberTailReadings('aringen', '33', known)).toEqual(['åringen']);
    expect(numberTailReadings('talsfarger', '70', known)).toContain('talsfärger');
    expect(numberTailReadings('talet', '70', known)).toEqual([]);
  });

  it('knows a compound on a number\'s word with the linking s (`70-talsfärger`)', () => {
    expect(lexicon.has('70-talsfärger')).toBe(true);
    expect(lexicon.has('100-kronorsbelopp')).toBe(true);
    expect(lexicon.has('70-talsfarger')).toBe(false);
    expect(lexicon.has('46-arig')).toBe(false);
  });

  it('knows no such compound whose tail is a number\'s word with diacritics stripped (`5-arsplan`: `ars` is a word, `års` the number\'s)', () => {
    expect(lexicon.has('5-arsplan')).toBe(false);
    expect(lexicon.has('2-arsperiod')).toBe(false);
    expect(lexicon.has('5-årsplan')).toBe(true);
    const out = repair('Regeringen har en 5-arsplan och en 3-arsregel for 2-arsperioden.', { lexicon, documentClass: 'stripped' });
    expect(out.text).toBe('Regeringen har en 5-årsplan och en 3-årsregel för 2-årsperioden.');
  });

  it('repairs the part in English-model OCR (train 34 line 59, dev-calib news-08 line 42, news-09 line 1)', () => {
    const text =
      'storre andel kvinnor jin min har minst 3-arig eftergymnasial utbildning ger\n' +
      'blir klokare med aren. sager 33-aringen med en blinkning. - Vi sag att det ar\n' +
      'En 46-arig man ar anhallen misstankt f6r mordet pa kvinnan, som blev 39 ar.\n';
    const changes = changesOf(text, { lexicon, documentClass: 'stripped' });
    expect(changes).toContainEqual(['arig', 'årig', 'confusion']);
    expect(changes).toContainEqual(['aringen', 'åringen', 'confusion']);
    expect(changes.filter(([b]) => b === 'arig')).toHaveLength(2);
  });

  it('leaves a part the lexicon knows after the number as written', () => {
    const out = repair('Det var 1970-talet och 38-åringen kom hem. Han ar 46-årig och bor har.', { lexicon, documentClass: 'stripped' });
    expect(out.corrections.map((c) => c.before)).not.toContain('talet');
    expect(out.corrections.map((c) => c.before)).not.toContain('åringen');
    expect(out.corrections.map((c) => c.before)).not.toContain('årig');
  });
});
