/**
 * A short word whose å, ä or ö a light English-model scan read as `4` or `6` (`4r`, `4n`, `6ka`;
 * src/repair/tokenize.ts `digitGlyphWord`): a word to read, no number. Real OCR lines of the dev
 * documents (/work/dev-calib, English model, light scan), not the held-out set. Raw scores
 * (test/setup-raw-scores.ts).
 */
import { describe, expect, it } from 'vitest';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { digitGlyphWord, isNumberLike } from '../src/repair/tokenize.js';

const lexicon = defaultLexicon();

describe('a 4 or 6 for å/ä/ö in a short word', () => {
  it('makes a word to read, not a number', () => {
    for (const w of ['4r', '4n', '6ka', '4ven']) expect(isNumberLike(w), w).toBe(false);
    expect(['4r', '4n', '6ka'].map(digitGlyphWord)).toEqual([true, true, true]);
  });

  it('leaves amounts, labels, ordinals and names numbers (`4l`, `6m`, `4st`, `6kr`, `4a`, `6e`, `3r`, `m4`)', () => {
    for (const w of ['4l', '6m', '6s', '4st', '6kr', '4a', '6e', '3r', '10kr', '2021', '46r', '4R', 'm4', 's4']) expect(isNumberLike(w), w).toBe(true);
  });

  it('is read as the word (`4r` → `är`, `4n` → `än`, `6ka` → `öka`)', () => {
    // /work/dev-calib news-00, news-01 and fiction-02, ocr-eng-l1.txt.
    const text =
      'arbetslésa bor och dar behovet av fri lakarvard och medicin 4r stort.\n' +
      'Skolans uppdrag 4r att fa varje elev att na kunskapsmalen utifran sina egna\n' +
      'lat analytiker med hégre utdelning 4n vantat. Nar notterna ar blandade knadar\n' +
      'klader, barnen fick av Filippa. Det fanns ingen annan rad 4n att s6ka barnen\n';
    const changes = repair(text, { lexicon }).corrections.filter((c) => /[46]/u.test(c.before)).map((c) => [c.before, c.after]);
    expect(changes).toEqual([
      ['4r', 'är'],
      ['4r', 'är'],
      ['4n', 'än'],
      ['4n', 'än'],
      ['s6ka', 'söka'],
    ]);
  });
});
