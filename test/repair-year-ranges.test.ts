import { describe, expect, it } from 'vitest';
import { repair } from '../src/repair/index.js';
import { yearRangeHyphens } from '../src/repair/year-ranges.js';
import { tiny, tinyModel } from './repair-tiny.js';

// The en dash of a span of years read as a hyphen (`2021-2025`): the places are found by
// yearRangeHyphens, how often such a hyphen was an en dash is learned by scripts/train-repair.ts.
// Repair is tested on the made-up model of repair-tiny.ts (19 of 20); what the shipped model
// learned, and does on the held-out fixtures, is in its checks (test/repair-model-checks.test.ts).

const spans = (text: string): string[] => yearRangeHyphens(text).map((o) => text.slice(o - 4, o + 5));

describe('yearRangeHyphens', () => {
  it('finds two years joined by a hyphen, the second the later, at the hyphen', () => {
    const text = 'under åren 2021-2025, (1998-2001) och 2026-2028.';
    expect(yearRangeHyphens(text)).toEqual([15, 27, 42]);
    expect(spans(text)).toEqual(['2021-2025', '1998-2001', '2026-2028']);
  });

  it('leaves dates, reference numbers, a giro number, a path and a span that runs backwards', () => {
    expect(spans('den 2021-05-03, dnr. 4064-2007, bankgiro 5052-1897, Fi2021-2022, 2021-2025-01, 2021-2025/26')).toEqual([]);
    expect(spans('s/2021-2025, 2021-2025.3, 2025-2021 och 1700-1750')).toEqual([]);
  });

  it('leaves a span already set with an en dash, or spaced', () => {
    expect(spans('2021–2025 och 2021 - 2025')).toEqual([]);
  });
});

describe('a year span in repair', () => {
  it('is used where training found it at odds of at least 10:1', () => {
    expect(tinyModel().yearRangeDash).toBe(0.95);
  });

  it('gets its en dash, reported at the learned confidence, in a text whose words show OCR damage', () => {
    const input = 'Planen #r antagen för perioden 2021-2025.';
    const { text, corrections } = repair(input, tiny());
    expect(text).toBe('Planen är antagen för perioden 2021–2025.');
    expect(corrections.filter((c) => c.rule === 'year-range')).toEqual([{ offset: 35, length: 1, before: '-', after: '–', confidence: 0.95, rule: 'year-range' }]);
  });

  it('is left alone in a text whose words show no damage: there the hyphen is the author’s', () => {
    const clean = 'Planen är antagen för perioden 2021-2025.';
    expect(repair(clean, tiny())).toMatchObject({ text: clean, corrections: [] });
  });

  it('is left alone below the asked confidence', () => {
    expect(repair('Planen #r antagen för perioden 2021-2025.', tiny({ minConfidence: 0.96 })).text).toBe('Planen är antagen för perioden 2021-2025.');
  });
});
