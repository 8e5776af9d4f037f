/**
 * editDistance on strings takes fastest-levenshtein's bit-parallel path within the Basic
 * Multilingual Plane; it must give what the code-point table gives (the array path), everywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/eval/metrics.js';

const table = (a: string, b: string): number => editDistance([...a], [...b]);

describe('editDistance through fastest-levenshtein', () => {
  it('equals the code-point table on Swedish-like text', () => {
    const letters = fc.constantFrom(...'aäåbcdeéfghijklmnoöpqrstuvwxyz ÅÄÖ.,-');
    fc.assert(
      fc.property(fc.array(letters, { maxLength: 80 }), fc.array(letters, { maxLength: 80 }), (x, y) => {
        expect(editDistance(x.join(''), y.join(''))).toBe(table(x.join(''), y.join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('counts code points, not code units, outside the BMP', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (a, b) => {
        expect(editDistance(a, b)).toBe(table(a, b));
      }),
      { numRuns: 300 },
    );
    expect(editDistance('𝔄b', 'ab')).toBe(1);
  });

  it('handles texts longer than a machine word (Myers blocks)', () => {
    const a = 'Kommunfullmäktige beslutade att anta förslaget. '.repeat(40);
    const b = a.replace(/ä/g, 'a').replace(/beslutade/g, 'besiutade');
    expect(editDistance(a, b)).toBe(table(a, b));
    expect(editDistance(a, b)).toBe(80);
  });
});
