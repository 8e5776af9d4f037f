import { describe, expect, it } from 'vitest';
import { charChunks } from '../scripts/repair-align.js';
import { editRuns } from '../src/repair/align.js';
import { channelSubstitutions, substitutions } from '../src/repair/calibration.js';

// The one character alignment (src/repair/align.ts) and its two readers: the training's edit chunks
// (scripts/repair-align.ts charChunks, truth → OCR) and the calibration's document channel
// (calibration.ts substitutions, OCR → reading). The pairs are words of the fixtures as OCR read
// them (truth first), with the chunks and substitutions the alignment gives exactly.

const runs = (a: string, b: string): number[][] => {
  const r = editRuns(a, b).runs;
  return Array.from({ length: r.length / 4 }, (_, k) => [...r.subarray(k * 4, k * 4 + 4)]);
};

describe('the character alignment', () => {
  it('gives the runs of changed code points, match runs left out', () => {
    expect(runs('länet', 'lanet')).toEqual([[1, 2, 1, 2]]);
    expect(runs('förutsättningar', 'forutsittningar')).toEqual([[1, 2, 1, 2], [6, 7, 6, 7]]);
    expect(runs('efter', 'ter')).toEqual([[0, 2, 0, 0]]);
    expect(runs('en', 'ten')).toEqual([[0, 0, 0, 1]]);
    expect(runs('och', 'och')).toEqual([]);
    expect(runs('', 'och')).toEqual([[0, 0, 0, 3]]);
    expect(editRuns('', '')).toEqual({ n: 0, m: 0, runs: new Int32Array(0) });
  });

  it('takes, of the alignments of least cost, a change as far right as it can sit', () => {
    // `viktig` → `vikig`: the `t` dropped, not the `k` read for `t`.
    expect(runs('viktig', 'vikig')).toEqual([[3, 4, 3, 3]]);
    expect(runs('verksamheter', 'verksambheter')).toEqual([[7, 7, 7, 8]]);
  });

  it('counts code points, not UTF-16 units', () => {
    expect(editRuns('a𝔞b', 'ab')).toMatchObject({ n: 3, m: 2 });
    expect(runs('a𝔞b', 'ab')).toEqual([[1, 2, 1, 1]]);
  });

  it('reuses its table across pairs of any length', () => {
    const long = 'arbetsmarknadsnämnden'.repeat(20);
    expect(runs(long, long.replace(/ä/gu, 'i')).length).toBe(20);
    expect(runs('för', 'f6r')).toEqual([[1, 2, 1, 2]]);
  });
});

describe('the training edit chunks (truth → OCR)', () => {
  it('are the runs of changed characters, at their truth index', () => {
    expect(charChunks('länet', 'janet')).toEqual([{ t: 'lä', o: 'ja', at: 0, end: false }]);
    expect(charChunks('Östergötland', 'Ostergétland')).toEqual([{ t: 'Ö', o: 'O', at: 0, end: false }, { t: 'ö', o: 'é', at: 6, end: false }]);
    expect(charChunks('överenskommelsen', 'é6verenskommelsen')).toEqual([{ t: 'ö', o: 'é6', at: 0, end: false }]);
    expect(charChunks('diskriminering', 'diskräumnering')).toEqual([{ t: 'imi', o: 'äum', at: 5, end: false }]);
    expect(charChunks('på', 'pa')).toEqual([{ t: 'å', o: 'a', at: 1, end: true }]);
    expect(charChunks('till', 'UH')).toEqual([{ t: 'till', o: 'UH', at: 0, end: true }]);
  });

  it('widen a pure insertion or deletion by the character before it, else after it', () => {
    expect(charChunks('för', 'fr')).toEqual([{ t: 'fö', o: 'f', at: 0, end: false }]);
    expect(charChunks('kommunala', 'kommiunala')).toEqual([{ t: 'm', o: 'mi', at: 3, end: false }]);
    expect(charChunks('överenskommelse', 'verenskommelse')).toEqual([{ t: 'öv', o: 'v', at: 0, end: false }]);
    expect(charChunks('ansvaret', 'Lansvaret')).toEqual([{ t: 'a', o: 'La', at: 0, end: false }]);
    // Nothing to widen by: the whole word dropped.
    expect(charChunks('I', '')).toEqual([{ t: 'I', o: '', at: 0, end: true }]);
  });

  it('are the same object for the same pair within a run', () => {
    expect(charChunks('främja', 'friunya')).toBe(charChunks('främja', 'friunya'));
  });
});

describe('the document channel substitutions (OCR → reading)', () => {
  it('are the same runs, lower-cased, not widened', () => {
    expect(substitutions('Ostergdtland', 'Östergötland')).toEqual(['o→ö', 'd→ö']);
    expect(substitutions('fr', 'för')).toEqual(['→ö']);
    expect(substitutions('Lansvaret', 'ansvaret')).toEqual(['l→']);
    expect(substitutions('stiirks', 'stärks')).toEqual(['ii→ä']);
    expect(substitutions('jarmlika', 'jämlika')).toEqual(['ar→ä']);
    expect(substitutions('UH', 'till')).toEqual(['uh→till']);
  });
});

describe('the document channel substitutions of a run', () => {
  it('are distinct, made once per (before, after) pair within a run, and apart per run', () => {
    const run = {};
    const subs = channelSubstitutions(run, 'säkerställa', 'sakerstalla');
    expect(subs).toEqual(['ä→a']);
    expect(channelSubstitutions(run, 'säkerställa', 'sakerstalla')).toBe(subs);
    expect(channelSubstitutions({}, 'säkerställa', 'sakerstalla')).not.toBe(subs);
    expect(channelSubstitutions(run, 'Ostergdtland', 'Östergötland')).toEqual(['o→ö', 'd→ö']);
  });
});
