import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignWords, cer, characterErrors, editDistance, flatten, flatWords, rightWords, wordChanges } from '../src/eval/metrics.js';

/** The whole Levenshtein table, the textbook way, to check the two-row version against. */
function referenceDistance(a: string, b: string): number {
  const x = [...a], y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) d[i]![j] = Math.min(d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1), d[i - 1]![j]! + 1, d[i]![j - 1]! + 1);
  }
  return d[x.length]![y.length]!;
}

describe('flatten and flatWords (the official scorer’s view of a text)', () => {
  it('composes to NFC and makes every run of white space one space', () => {
    expect(flatten('  a\u0308r\n\n\tb\f c  ')).toBe('är b c');
    expect(flatWords(' Det  är\nbra. ')).toEqual(['Det', 'är', 'bra.']);
    expect(flatWords(' \n ')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions of code points', () => {
    expect(editDistance('kommun', 'konmuun')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('𝔄b', 'ab')).toBe(1); // one code point, two code units
  });

  it('agrees with the whole table', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => editDistance(a, b) === referenceDistance(a, b)));
  });
});

describe('cer and characterErrors', () => {
  it('compare flattened texts, per code point of the reference', () => {
    expect(characterErrors('Det  ar\nbra', 'Det är bra')).toBe(1);
    expect(cer('Det  ar\nbra', 'Det är bra')).toBeCloseTo(1 / 10, 10);
    expect(cer('x', '')).toBe(0);
  });
});

describe('word alignment', () => {
  it('pairs equal and substituted words, not inserted or dropped ones', () => {
    expect(alignWords(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([[0, 0], [1, 1], [2, 2]]);
    expect(alignWords(['a', 'b', 'c'], ['a', 'c'])).toEqual([[0, 0], [2, 1]]);
    expect(rightWords(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([true, false, true]);
  });

  it('counts the words a repair fixed and damaged against the truth', () => {
    expect(wordChanges('för det är bra', 'for det är bra', 'för det ar bra')).toEqual({ fixed: 1, damaged: 1, wrong: 1, right: 3 });
  });
});
