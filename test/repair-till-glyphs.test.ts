import { describe, expect, it } from 'vitest';
import { repair } from '../src/repair/index.js';
import { tillReadings } from '../src/repair/till-glyphs.js';
import { STRIPPED } from './repair-helpers.js';
import { tiny, tinyModel } from './repair-tiny.js';

// `till` at a word's start merged by English-model OCR into one or two glyphs (`GH`, `Ghandahallas`,
// `tll`): the readings come from tillReadings, how often each kind stood for `till…` is learned by
// scripts/train-repair.ts on the training OCR, and repair ranks the reading at that price. Repair
// is tested on the made-up model of repair-tiny.ts; what the shipped model learned, and does on the
// held-out fixtures, is in its checks (test/repair-model-checks.test.ts).

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
  it('is priced as learned, a kind seen too seldom (evidence.tillMinSeen) not at all', () => {
    const { stripped, normal } = tinyModel().tables;
    // Tiny model: capital glyphs 50 of 1 000 `till…` words, lower-case 100 of 1 000.
    expect(stripped.tillStarts.capital).toBeCloseTo(-Math.log(50 / 1000), 9);
    expect(stripped.tillStarts.lower).toBeCloseTo(-Math.log(100 / 1000), 9);
    // The normal class read `till` so 2 times: too seldom to propose.
    expect(normal.tillStarts).toEqual({});
  });

  it('is repaired and logged as `till-start`, a capital glyph kept only at a sentence start', () => {
    expect(repair('som kan Ghandahallas av myndigheten', tiny(STRIPPED)).corrections).toEqual([
      { offset: 8, length: 12, before: 'Ghandahallas', after: 'tillhandahållas', confidence: 0.95, rule: 'till-start' },
    ]);
    expect(repair('Ghandahallas av myndigheten', tiny(STRIPPED)).text).toBe('Tillhandahållas av myndigheten');
    expect(repair('insatser som syftar UH att', tiny(STRIPPED)).text).toBe('insatser som syftar till att');
  });

  it('leaves an all-caps token at a sentence start, and an acronym, alone', () => {
    expect(repair('GH att bland annat', tiny(STRIPPED)).corrections).toEqual([]);
    expect(repair('är gjort av GJP och', tiny(STRIPPED)).corrections).toEqual([]);
  });
});
