/**
 * A compound whose diacritics OCR stripped, which the corpus never writes whole
 * (src/repair/compound-folding.ts): real English-model OCR lines of the dev documents
 * (/work/dev-calib, photocopy grade), not the held-out set. Raw scores (test/setup-raw-scores.ts).
 */
import { describe, expect, it } from 'vitest';
import { compoundFoldings } from '../src/repair/compound-folding.js';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { changesOf } from './repair-helpers.js';
import { skeletonIndexOf } from '../src/repair/model.js';

const lexicon = defaultLexicon();
const known = (w: string): boolean => lexicon.has(w);

describe('a stripped compound the corpus never writes whole', () => {
  it('is read with the vowels of each half put back, the head also with a linking s', () => {
    expect(compoundFoldings('skargardsbatarna', skeletonIndexOf(), known)).toEqual(['skärgårdsbåtarna']);
    expect(compoundFoldings('traningsbyxor', skeletonIndexOf(), known)).toEqual(['träningsbyxor']);
  });

  it('gives nothing where no half is in the index, or the token is a word already', () => {
    expect(compoundFoldings('byxorbyxor', skeletonIndexOf(), known)).toEqual([]);
    expect(compoundFoldings('skärgårdsbåtarna', skeletonIndexOf(), known)).toEqual([]);
  });

  it('reads a half the corpus never writes from the lexicon\'s forms, where the index gives nothing', () => {
    // `blåa` and `åder` are forms the lexicon knows but no corpus word of the vowel index holds.
    expect(compoundFoldings('ljusblaa', skeletonIndexOf(), known)).toEqual(['ljusblåa']);
    expect(compoundFoldings('adernatet', skeletonIndexOf(), known)).toEqual(['ådernätet']);
  });

  it('stops after the lookups it may make', () => {
    let asked = 0;
    compoundFoldings('skargardsbatarna', skeletonIndexOf(), () => (asked++, false), 5);
    expect(asked).toBe(5);
  });

  it('repairs the compound in a stripped document (dev news-02 line 60, fiction-05 line 71)', () => {
    const text =
      'minheten. Mannen ir anhallen misstankt for olaga hot och sprang fran polishu-\n' +
      'set iklidd bla traningsbyxor.\n' +
      'net. och skargardsbatarna kilade av och an. ilsket tutande. da de mottes.\n';
    const changes = changesOf(text, { lexicon, documentClass: 'stripped' });
    expect(changes).toContainEqual(['traningsbyxor', 'träningsbyxor', 'confusion']);
    expect(changes).toContainEqual(['skargardsbatarna', 'skärgårdsbåtarna', 'confusion']);
  });

  it('repairs a compound whose tail only the lexicon knows (dev-calib fiction-00, dev fiction-05)', () => {
    const text =
      'Han sag pa hennes rodnande ansikte och det fina. bla adernatet vid tinningar-\n' +
      'sig i Logarden. De stod dar sa tunnkladda i sina ljusblaa voilekladningar, men\n';
    const changes = changesOf(text, { lexicon, documentClass: 'stripped' });
    expect(changes).toContainEqual(['ljusblaa', 'ljusblåa', 'confusion']);
    expect(changes).toContainEqual(['adernatet', 'ådernätet', 'confusion']);
  });

  it('is no reading where another confusion explains the token (`férstagen` is `förslagen`)', () => {
    // The token as ../shared/train 14's English-model OCR writes it, in a sentence of its kind.
    const out = repair('De férstagen som lamnas i promemorian ska galla fran och med den 1 januari.', { lexicon, documentClass: 'stripped' });
    expect(out.corrections.find((c) => c.before === 'férstagen')).toMatchObject({ after: 'förslagen' });
  });
});
