import { describe, expect, it } from 'vitest';
import { sentenceInitialGlyphs } from '../src/repair/glyph-words.js';
import { defaultModel } from '../src/repair/model.js';
import { repair } from '../src/repair/index.js';
import { fixture } from './repair-helpers.js';

// A capital I read as `|`, `[` or `]`: learned by scripts/train-repair.mjs (21 of 22 such tokens
// starting a sentence in the training OCR were `I`).

describe('a lone vertical-stroke glyph for a sentence-initial I', () => {
  it('is learned from the training OCR', () => {
    expect(defaultModel().sentenceGlyphI).toBeCloseTo(21 / 22, 6);
  });

  it('is found at the text start and after a sentence end, before a lower-case word only', () => {
    const text = '| samband med detta. [ promemorian föreslås. Den | maj 2017 och | samband. ] En rad.';
    expect(sentenceInitialGlyphs(text)).toEqual([0, 21]);
  });

  it('is repaired to `I` and reported with the learned confidence', () => {
    const input = 'Kommunen har ansvar.\n| integrationsarbetet strävar vi efter. Den | maj 2017.';
    const { text, corrections } = repair(input, { documentClass: 'stripped' });
    expect(text).toBe('Kommunen har ansvar.\nI integrationsarbetet strävar vi efter. Den | maj 2017.');
    expect(corrections).toEqual([{ offset: 21, length: 1, before: '|', after: 'I', confidence: 0.955, rule: 'glyph-word' }]);
  });

  it('is not repaired below the asked confidence', () => {
    expect(repair('Det gäller. | samband med detta.', { minConfidence: 0.99 }).text).toBe('Det gäller. | samband med detta.');
  });

  it('repairs the held-out seed-003 OCR (`| integrationsarbetet`)', () => {
    const { corrections } = repair(fixture('seed-003/ocr-eng-l1.txt'));
    expect(corrections.filter((c) => c.rule === 'glyph-word')).toHaveLength(1);
  });
});
