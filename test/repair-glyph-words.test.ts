import { describe, expect, it } from 'vitest';
import { colonLineBreaks, gluedSentenceGlyphs, loneGlyphs, sentenceInitialGlyphs } from '../src/repair/glyph-words.js';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { knownWithDiacritics } from '../src/repair/repair.js';
import { tiny, tinyModel } from './repair-tiny.js';

// The places are found by the functions of glyph-words.ts; how often each was the other glyph is
// learned by scripts/train-repair.ts. Repair is tested here on the made-up model of
// repair-tiny.ts; what the shipped model learned, and does on the held-out fixtures, is in its
// checks (test/repair-model-checks.test.ts).

// A capital I read as `|`, `[` or `]` (tiny model: 9 of 10 such tokens were `I`).

describe('a lone vertical-stroke glyph for a sentence-initial I', () => {
  it('is found at the text start and after a sentence end, before a lower-case word only', () => {
    const text = '| samband med detta. [ promemorian föreslås. Den | maj 2017 och | samband. ] En rad.';
    expect(sentenceInitialGlyphs(text)).toEqual([0, 21]);
  });

  it('is repaired to `I` and reported with the learned confidence', () => {
    const input = 'Kommunen har ansvar.\n| integrationsarbetet strävar vi efter. Den | maj 2017.';
    const { text, corrections } = repair(input, tiny({ documentClass: 'stripped' }));
    expect(text).toBe('Kommunen har ansvar.\nI integrationsarbetet strävar vi efter. Den | maj 2017.');
    expect(corrections).toEqual([{ offset: 21, length: 1, before: '|', after: 'I', confidence: 0.9, rule: 'glyph-word' }]);
  });

  it('is not repaired below the asked confidence', () => {
    expect(repair('Det gäller. | samband med detta.', tiny({ minConfidence: 0.95 })).text).toBe('Det gäller. | samband med detta.');
    expect(repair('Det gäller. | samband med detta.', tiny({ minConfidence: 0.85 })).text).toBe('Det gäller. I samband med detta.');
  });
});

// The same `I` glued to the word after it (`Lansvaret` for `I ansvaret`), counted by
// scripts/train-repair.ts at every place gluedSentenceGlyphs finds (tiny model: 20 of 21).

describe('a sentence-initial I glued to its word', () => {
  const isWord = (w: string): boolean => knownWithDiacritics(w, { documentClass: 'stripped' });

  it('is found at a sentence start only, where the token is no word and the rest is one (`|nom` is `Inom`)', () => {
    const text = 'Lansvaret ligger. Det gäller. Tsamband med. Och Lansvaret här.\n\nIdenna del. Lange sedan. Lan-\nder. Lagen gäller. |nom ramen.';
    expect(gluedSentenceGlyphs(text, isWord)).toEqual([
      { offset: 0, word: 'ansvaret' },
      { offset: 30, word: 'samband' },
      { offset: 64, word: 'denna' },
    ]);
  });

  it('is found glued as an `E` too (`Evissa`: dev-calib news-09 line 24, train 24), not before a name (`Erik`)', () => {
    const text = 'Kanske kan vi dra nytta av den insikten. Evissa hem - som mitt. Ekorthet innebar det. Erik kom.';
    expect(gluedSentenceGlyphs(text, isWord).map((g) => g.word)).toEqual(['vissa', 'korthet']);
  });

  it('is no place after a blank line that follows a line-end hyphen (dev-calib off-03 swe-l1 line 36)', () => {
    const text = 'i den utsträckning de har rätt till enligt gäl-\n\nlande lagstiftning. Just nu pågår dock en prövning.\n';
    expect(gluedSentenceGlyphs(text, isWord)).toEqual([]);
    const out = repair(text, { lexicon: defaultLexicon() });
    expect(out.text).toContain('enligt gällande lagstiftning');
    expect(out.corrections.map((c) => c.rule)).not.toContain('dehyphenate+glyph-word');
  });

  it('is repaired to `I` and a space, the word after it repaired as a word of its own', () => {
    const input = 'Det gäller.\nLarbetsformedlingens uppdrag ingar det.';
    const { text, corrections } = repair(input, tiny({ documentClass: 'stripped' }));
    expect(text).toBe('Det gäller.\nI arbetsförmedlingens uppdrag ingår det.');
    expect(corrections.slice(0, 2)).toEqual([
      { offset: 12, length: 1, before: 'L', after: 'I ', confidence: 0.952, rule: 'glyph-word' },
      { offset: 13, length: 19, before: 'arbetsformedlingens', after: 'arbetsförmedlingens', confidence: 1, rule: 'confusion' },
    ]);
  });

  it('is left alone by a model whose odds fail (a glyph as often right as not)', () => {
    const model = { ...tinyModel(), gluedGlyphI: 0 };
    expect(repair('Det gäller.\nLarbetsformedlingens uppdrag.', { ...tiny({ documentClass: 'stripped' }), model }).text).not.toContain('I arbets');
  });
});

// A line-end hyphen read as a colon (`ef:⏎⏎ter`), counted by scripts/train-repair.ts at every
// place colonLineBreaks finds (tiny model: 11 of 12).

describe('a colon for a line-end hyphen', () => {
  const isWord = (w: string): boolean => knownWithDiacritics(w, { documentClass: 'normal' });

  it('is found where the halves make a word and apart do not', () => {
    const text = 'strävar ef:\n\nter att. Det är möj:\nligt. Gäller följande:\nde som. Se bilaga:\nplan.';
    expect(colonLineBreaks(text, isWord)).toEqual([
      { offset: 10, word: 'efter' },
      { offset: 32, word: 'möjligt' },
    ]);
  });

  it('is joined as a line-end hyphenation, at the learned confidence', () => {
    const input = 'Kommunen strävar ef:\n\nter att skapa. Gäller följande:\nde som är kommu:\nnala';
    const { text, corrections } = repair(input, tiny());
    expect(text).toBe('Kommunen strävar efter att skapa. Gäller följande:\nde som är kommunala');
    expect(corrections).toEqual([
      { offset: 17, length: 8, before: 'ef:\n\nter', after: 'efter', confidence: COLON_P, rule: 'dehyphenate' },
      { offset: 64, length: 11, before: 'kommu:\nnala', after: 'kommunala', confidence: COLON_P, rule: 'dehyphenate' },
    ]);
  });

  it('is left alone when not dehyphenating', () => {
    expect(repair('strävar ef:\n\nter att', tiny({ dehyphenate: false })).corrections.filter((c) => c.rule.startsWith('dehyphenate'))).toEqual([]);
  });
});

const COLON_P = 0.917; // the tiny model's 11 of 12

// A punctuation mark or symbol standing alone before a word: what each stood for is learned by
// scripts/train-repair.ts; a glyph's reading is used when it was seen often enough
// (evidence.glyphMinSeen) and wrong often enough (evidence.minOdds).

describe('a lone glyph before a word', () => {
  it('is read as learned where seen often enough at odds of 10:1 (tiny model: `~` 20 of 20, `=` 11 of 12; not `-` 60 of 100, `&` 3 of 4)', () => {
    expect([...tinyModel().loneGlyphs]).toEqual([
      ['~', { after: '–', p: 1 }],
      ['=', { after: '–', p: 11 / 12 }],
    ]);
  });

  it('is found with white space on both sides and a word after it', () => {
    const text = 'Tjänsteskrivelse ~ Hållbar\n~ Kunskap, ca ~ 5 och a~ b samt = medan (och ~\n\nslut ~';
    expect(loneGlyphs(text)).toEqual([
      { offset: 17, glyph: '~' },
      { offset: 27, glyph: '~' },
      { offset: 59, glyph: '=' },
    ]);
  });

  it('is repaired to what it stood for and reported with the learned confidence', () => {
    const input = 'intern strategi ~ eller = medan ca ~ 5 och + annat';
    const { text, corrections } = repair(input, tiny());
    expect(text).toBe('intern strategi – eller – medan ca ~ 5 och + annat');
    expect(corrections).toEqual([
      { offset: 16, length: 1, before: '~', after: '–', confidence: 1, rule: 'dash-glyph' },
      { offset: 24, length: 1, before: '=', after: '–', confidence: 0.917, rule: 'dash-glyph' },
    ]);
  });
});
