/**
 * Normalisation on every fixture text (every .txt file under fixtures/): clean text comes back
 * byte-identical, and each kind of damage, made from the fixture text itself, comes back exactly.
 */
import { describe, expect, it } from 'vitest';
import { normalize, normalizeDetailed } from '../src/normalise/index.js';
import {
  crlf, fixtureTexts, insertControls, insertLigatures, insertSoftHyphens, insertZeroWidth, oddSpaces,
  spacedCombining, splitDiacritics, utf8AsCp1250, utf8AsCp1252, utf8AsLatin1,
} from './normalise-damage.js';

const texts = fixtureTexts();

/** The one fixture normalisation changes: a pdftotext page break (form feed, a control character). */
const FORM_FEED_FIXTURE = 'pdf/two-column.txt';

describe('fixture corpus', () => {
  it('has every text fixture the brief names, and the others', () => {
    const names = [...texts.keys()];
    for (const pattern of [/^seeds\/00[0-4]_[0-9a-f]+\.txt$/, /^seed-00[0-3](-pair)?\/truth\.txt$/, /^seed-00\d\/ocr-[a-z0-9-]+\.txt$/]) {
      expect(names.filter((n) => pattern.test(n)).length, String(pattern)).toBeGreaterThanOrEqual(4);
    }
    expect(names).toContain('archive/text/002-latin1.txt');
    expect(names).toContain(FORM_FEED_FIXTURE);
  });

  it('holds no character normalisation would touch but one form feed; the other odd ones are kept', () => {
    // Checked first so "byte-identical" below is a claim about real text, not a vacuous one: the
    // only characters outside Latin, general punctuation and currency in the whole corpus.
    const odd = new Map<string, number>();
    for (const [name, text] of texts) {
      expect(text.normalize('NFC'), name).toBe(text);
      for (const c of text) if (/[^\t\n\x20-\x7e\u00a1-\u017f\u2010-\u2027\u2030-\u205e\u20ac\u2122]/.test(c)) odd.set(c, (odd.get(c) ?? 0) + 1);
    }
    // private-use bullets from a symbol font (seed 002 and its copies), characters already lost
    // (and the Latin-1 file's bytes read as UTF-8), one page break in a pdftotext output.
    const copiesOf002 = [...texts.values()].filter((t) => t.includes('\ue04a')).length;
    expect(copiesOf002).toBeGreaterThanOrEqual(3);
    expect(odd).toEqual(new Map([['\ue04a', 7 * copiesOf002], ['\ufffd', 4 * copiesOf002 + 49], ['\f', 1]]));
    for (const [name, text] of texts) if (name !== FORM_FEED_FIXTURE) expect(normalize(text), name).toBe(text);
  });

  it('removes the form feed of the pdftotext output, and nothing else', () => {
    const text = texts.get(FORM_FEED_FIXTURE)!;
    const at = text.indexOf('\f');
    expect(normalizeDetailed(text)).toEqual({
      text: text.slice(0, at) + text.slice(at + 1),
      changes: [{ offset: at, length: 1, before: '\f', after: '', kind: 'control' }],
    });
  });
});

describe.each([...texts.keys()])('%s', (name) => {
  const text = texts.get(name)!;

  // What every damaged version must come back to: the text itself, but for the one form feed.
  const clean = name === FORM_FEED_FIXTURE ? text.replace('\f', '') : text;

  it.skipIf(name === FORM_FEED_FIXTURE)('comes back byte-identical, with no changes', () => {
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
    expect(result.text).toBe(clean);
    expect(normalize(damaged)).toBe(clean);
    // Applying the reported changes to the damaged input gives the output.
    let rebuilt = '';
    let at = 0;
    for (const c of result.changes) {
      expect(c.offset).toBeGreaterThanOrEqual(at);
      expect(damaged.slice(c.offset, c.offset + c.length)).toBe(c.before);
      rebuilt += damaged.slice(at, c.offset) + c.after;
      at = c.offset + c.length;
    }
    expect(rebuilt + damaged.slice(at)).toBe(clean);
  });

  it('is really damaged by the helpers (the round trips above are not vacuous)', () => {
    // Mojibake and split accents need non-ASCII letters; English-model OCR may have none.
    if (/[åäöÅÄÖé]/.test(text)) {
      expect(utf8AsLatin1(text)).not.toBe(text);
      expect(splitDiacritics(text, 'after')).not.toBe(text);
    }
    expect(crlf(text)).not.toBe(text);
    expect(oddSpaces(text)).not.toBe(text);
    expect(insertSoftHyphens(text)).not.toBe(text);
  });
});
