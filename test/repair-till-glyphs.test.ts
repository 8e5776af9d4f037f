import { describe, expect, it } from 'vitest';
import { repair, tillReadings } from '../src/repair/index.js';
import { defaultModel } from '../src/repair/model.js';
import { STRIPPED, fixture } from './repair-helpers.js';

// `till` at a word's start merged by English-model OCR into one or two glyphs (`GH`, `Ghandahallas`,
// `tll`): the readings come from tillReadings, how often each kind stood for `till…` is learned by
// scripts/train-repair.ts on the training OCR, and repair ranks the reading at that price.

const spell = (token: string) => tillReadings(token).map((r) => [r.kind, r.spelling]);

describe('tillReadings', () => {
  it('reads a capital G, U, W or H and up to two more glyphs as `til(l)` before a lower-case rest', () => {
    expect(spell('Ghandahallas')).toEqual([['capital', 'tillhandahallas']]);
    expect(spell('GUhandahalla')).toEqual([['capital', 'tillhandahalla']]);
    expect(spell('Wlkannage')).toEqual([['capital', 'tillkannage']]);
    // The `l` the glyphs left stands for one of `till`'s two.
    expect(spell('Hlgangen')).toEqual([['capital', 'tillgangen']]);
    expect(spell('Gllampningsomradet')).toEqual([['capital', 'tillampningsomradet']]);
  });

  it('reads a short token of glyphs as `till` alone only when it ends in an l-like stroke', () => {
    expect(spell('GH')).toEqual([['capital', 'till']]);
    expect(spell('UH')).toEqual([['capital', 'till']]);
    expect(spell('Gil')).toEqual([['capital', 'till']]);
    expect(spell('GJP')).toEqual([]);
    expect(spell('HLM')).toEqual([]);
  });

  it('reads one lower-case letter before an `l` as `ti`', () => {
    expect(spell('tll')).toEqual([['lower', 'till']]);
    expect(spell('ullfalligt')).toEqual([['lower', 'tillfalligt']]);
    expect(spell('tlampningsomride')).toEqual([['lower', 'tillampningsomride']]);
  });

  it('reads nothing into other words', () => {
    for (const token of ['bade', 'lampligt', 'star', 'Oka', 'Gr', 'Tillhandahalla', 'och']) expect(spell(token)).toEqual([]);
  });
});

describe('a merged `till` in repair', () => {
  it('is priced as learned on the training OCR, for the English model only', () => {
    const { stripped, normal } = defaultModel().tables;
    // Capital glyphs: unknown tokens, and capitalised known ones (`Hill`, `Gill`, `Ull`), 76 of 1 468.
    expect(stripped.tillStarts.capital).toBeCloseTo(-Math.log(76 / 1468), 6);
    expect(stripped.tillStarts.lower).toBeCloseTo(-Math.log(122 / 1468), 6);
    // The Swedish model read `till` so 3 times in 1 468: too seldom to propose.
    expect(normal.tillStarts).toEqual({});
  });

  it('is repaired and logged as `till-start`, a capital glyph kept only at a sentence start', () => {
    expect(repair('som kan Ghandahallas av myndigheten', STRIPPED).corrections).toEqual([
      { offset: 8, length: 12, before: 'Ghandahallas', after: 'tillhandahållas', confidence: 1, rule: 'till-start' },
    ]);
    expect(repair('Ghandahallas av myndigheten', STRIPPED).text).toBe('Tillhandahållas av myndigheten');
    expect(repair('insatser som syftar UH att', STRIPPED).text).toBe('insatser som syftar till att');
  });

  it('leaves an all-caps token at a sentence start, and an acronym, alone', () => {
    expect(repair('GH att bland annat', STRIPPED).corrections).toEqual([]);
    expect(repair('är gjort av GJP och', STRIPPED).corrections).toEqual([]);
  });

  it('repairs the held-out seed-003 OCR right (`Hill`, `oll`, `UH` for `till`)', () => {
    const { corrections } = repair(fixture('seed-003/ocr-eng-l2.txt'));
    expect(corrections.filter((c) => c.rule === 'till-start').map((c) => [c.before, c.after])).toEqual([
      ['Hill', 'till'],
      ['oll', 'till'],
      ['UH', 'till'],
    ]);
    const truth = fixture('seed-003/truth.txt');
    expect(truth).toContain('kopplat till förvaltningens');
    expect(truth).toContain('samt bidra till ett aktivt');
    expect(truth).toContain('som syftar till att');
  });
});
