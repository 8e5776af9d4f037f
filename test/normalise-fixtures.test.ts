/**
 * Normalisation on every fixture text: clean text comes back byte-identical, and each kind of
 * damage, made from the fixture text itself, comes back exactly.
 */
import { describe, expect, it } from 'vitest';
import { normalize, normalizeDetailed } from '../src/normalise/index.js';
import {
  crlf, fixtureTexts, insertControls, insertLigatures, insertSoftHyphens, insertZeroWidth, oddSpaces,
  spacedCombining, splitDiacritics, utf8AsCp1250, utf8AsCp1252, utf8AsLatin1,
} from './normalise-damage.js';

const texts = fixtureTexts();

describe('fixture corpus', () => {
  it('has the 15 fixture texts', () => {
    expect(texts.size).toBe(15);
  });

  it('holds no character normalisation would touch; the odd ones in seed 002 (U+FFFD, private use U+E04A bullets) are kept', () => {
    // Checked first so "byte-identical" below is a claim about real text, not a vacuous one.
    for (const [name, text] of texts) {
      expect(/[\r\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06\u0300-\u036f]/.test(text), name).toBe(false);
      expect(text.normalize('NFC'), name).toBe(text);
    }
    // The only characters outside Latin, general punctuation and currency in the whole corpus.
    const odd = new Map<string, number>();
    for (const text of texts.values()) {
      for (const c of text) if (/[^\t\n\x20-\x7e\u00a1-\u017f\u2010-\u2027\u2030-\u205e\u20ac]/.test(c)) odd.set(c, (odd.get(c) ?? 0) + 1);
    }
    expect(odd).toEqual(new Map([['\ue04a', 7], ['\ufffd', 4]])); // bullets from a symbol font, and lost characters
    const seed002 = texts.get('seeds/002_e12f78de28e15a9e.txt')!;
    expect(seed002).toContain('\ue04a');
    expect(normalize(seed002)).toBe(seed002);
  });
});

describe.each([...texts.keys()])('%s', (name) => {
  const text = texts.get(name)!;

  it('comes back byte-identical, with no changes', () => {
    expect(normalize(text)).toBe(text);
    expect(normalizeDetailed(text)).toEqual({ text, changes: [] });
  });

  const damages: [string, (t: string) => string][] = [
    ['ligatures', insertLigatures],
    ['mojibake: UTF-8 read as Latin-1', utf8AsLatin1],
    ['mojibake: UTF-8 read as Windows-1252', utf8AsCp1252],
    ['mojibake: UTF-8 read as Windows-1250', utf8AsCp1250],
    ['mojibake twice: Latin-1 then Latin-1', (t) => utf8AsLatin1(utf8AsLatin1(t))],
    ['mojibake twice: Windows-1252 then Windows-1252', (t) => utf8AsCp1252(utf8AsCp1252(t))],
    ['mojibake twice: Windows-1252 then Latin-1', (t) => utf8AsLatin1(utf8AsCp1252(t))],
    ['split diacritics, accent after the letter', (t) => splitDiacritics(t, 'after')],
    ['split diacritics, accent before the letter', (t) => splitDiacritics(t, 'before')],
    ['letter, space, combining accent', spacedCombining],
    ['decomposed (NFD)', (t) => t.normalize('NFD')],
    ['soft hyphens', insertSoftHyphens],
    ['zero-width characters', insertZeroWidth],
    ['odd spaces', oddSpaces],
    ['CRLF and CR line ends', crlf],
    ['control characters', insertControls],
    ['everything a PDF text layer does at once', (t) => crlf(oddSpaces(insertSoftHyphens(insertLigatures(splitDiacritics(t, 'after')))))],
  ];

  it.each(damages)('%s: comes back exactly, and the changes map the damaged text onto it', (_kind, damage) => {
    const damaged = damage(text);
    const result = normalizeDetailed(damaged);
    expect(result.text).toBe(text);
    expect(normalize(damaged)).toBe(text);
    // Applying the reported changes to the damaged input gives the output.
    let rebuilt = '';
    let at = 0;
    for (const c of result.changes) {
      expect(c.offset).toBeGreaterThanOrEqual(at);
      expect(damaged.slice(c.offset, c.offset + c.length)).toBe(c.before);
      rebuilt += damaged.slice(at, c.offset) + c.after;
      at = c.offset + c.length;
    }
    expect(rebuilt + damaged.slice(at)).toBe(text);
  });

  it('damage that does not apply to the text leaves nothing to report', () => {
    // Sanity check of the damage helpers: the text must actually contain what each one damages,
    // otherwise the round trip above proves nothing.
    expect(utf8AsLatin1(text)).not.toBe(text);
    expect(crlf(text)).not.toBe(text);
    expect(oddSpaces(text)).not.toBe(text);
    expect(insertSoftHyphens(text)).not.toBe(text);
  });
});
