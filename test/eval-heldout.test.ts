/** The scoring of repair against truth (src/eval/heldout.ts), as the held-out bench and test use it. */
import { describe, expect, it } from 'vitest';
import { judgeCorrections, reliabilityTable, scoreDocument } from '../src/eval/heldout.js';
import type { Correction } from '../src/types.js';

describe('held-out scoring', () => {
  /** A correction of `before` in `input`, at its first place or its place inside `context`. */
  const fix = (input: string, before: string, after: string, confidence = 0.9, context = before): Correction => ({
    offset: input.indexOf(context) + context.indexOf(before),
    length: before.length,
    before,
    after,
    confidence,
    rule: 'confusion',
  });

  it('counts damaged, fixed and worse against the truth', () => {
    const s = scoreDocument('Han satt i sitt rum.', 'Han satt i sltt rum.', 'Hån satt i sitt rum.');
    expect(s).toMatchObject({ right: 4, wrong: 1, fixed: 1, damaged: 1, worse: 0, errorsIn: 1, errorsOut: 1 });
    expect(scoreDocument('Han satt.', 'Han satt.', 'Hån satt.').worse).toBe(1);
  });

  it('judges a correction by the truth word its input word pairs with', () => {
    const truth = 'Han satt vid bordet och åt sin mat. Det var gott.';
    const input = 'Han satt vid bordet och at sin mat, Det var gott.';
    const [diacritic, mark, damage] = [fix(input, 'at', 'åt', 0.9, ' at '), fix(input, ',', '.'), fix(input, 'satt', 'sätt', 0.79)];
    const judged = judgeCorrections(truth, input, [damage, diacritic, mark].sort((a, b) => a.offset - b.offset));
    expect(judged.map((j) => [j.correction.after, j.right])).toEqual([
      ['sätt', false],
      ['åt', true],
      ['.', true],
    ]);
  });

  it('judges joins and splits of words against the truth words around them', () => {
    const truth = 'De ansvarsområden som I regionen har.';
    const input = 'De ansvars- områden som Iregionen har.';
    const judged = judgeCorrections(truth, input, [fix(input, 'ansvars- områden', 'ansvarsområden'), fix(input, 'Iregionen', 'I regionen')]);
    expect(judged.map((j) => j.right)).toEqual([true, true]);
    // A join that changes no letter is judged on the word break: right where the truth has one word
    // (the damage inside it is not the join's), wrong where the truth keeps two.
    const join = judgeCorrections('Det är en stor fråga.', 'Det är en stor fra- ga.', [fix('Det är en stor fra- ga.', 'fra- ga', 'fraga')]);
    expect(join[0]!.right).toBe(true);
    const kept = 'Det gäller arbetsmarknads- och socialfrågor.';
    const wrongJoin = judgeCorrections(kept, kept, [fix(kept, 'arbetsmarknads- och', 'arbetsmarknadsoch')]);
    expect(wrongJoin[0]!.right).toBe(false);
  });

  it('puts corrections into confidence bins', () => {
    const input = 'at at at';
    const judged = judgeCorrections('åt åt at', input, [
      { offset: 0, length: 2, before: 'at', after: 'åt', confidence: 0.55, rule: 'confusion' },
      { offset: 3, length: 2, before: 'at', after: 'åt', confidence: 0.97, rule: 'confusion' },
      { offset: 6, length: 2, before: 'at', after: 'åt', confidence: 1, rule: 'confusion' },
    ]);
    const rows = reliabilityTable(judged).filter((r) => r.count);
    expect(rows.map((r) => [r.lo, r.count, r.right])).toEqual([
      [0.5, 1, 1],
      [0.95, 1, 1],
      [0.99, 1, 0],
    ]);
  });
});
