/**
 * normalize / normalizeDetailed: the damage kinds one by one with exact outcomes, the texts that
 * must be left alone, options, and property tests (idempotent, total, changes against the input).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, normalizeDetailed, type NormalizeChange } from '../src/normalise/index.js';
import { fixtureTexts, utf8AsCp1252, utf8AsLatin1 } from './normalise-damage.js';

describe('mojibake', () => {
  it.each([
    ['Ã¤', 'ä'], ['Ã–', 'Ö'], ['â€“', '–'], ['â€ť', '”'], ['â€\u009d', '”'], ['Ã¥r', 'år'], ['Ã…r', 'År'], ['Ã\u0085r', 'År'],
    ['fÃ¶rÃ¤ndring', 'förändring'], ['Ã–VERSIKT', 'ÖVERSIKT'], ['Â§ 5', '§ 5'], ['20Â°C', '20°C'], ['â‚¬ 5', '€ 5'],
    ['â€œcitatâ€\u009d', '“citat”'], ['Ã©', 'é'], ['idÃ©', 'idé'], ['Ã\u00adndice', 'índice'], ['ï¿½', '\ufffd'], ['fr\u010f\u017c\u02ddn', 'fr\ufffdn'],
    ['ðŸ˜€ bra', '😀 bra'], ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚', 'привет'],
    // twice: Latin-1 twice, Windows-1252 twice
    ['Ã\u0083Â¤r', 'är'], ['ÃƒÂ¤r', 'är'], ['Ãƒâ€“VERSIKT', 'ÖVERSIKT'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('repairs a Swedish sentence read as Latin-1, Windows-1252, and twice', () => {
    const s = 'Kommunfullmäktige beslöt – efter ”långa” överläggningar – att Åsa Öberg blir ordförande.';
    expect(normalize(utf8AsLatin1(s))).toBe(s);
    expect(normalize(utf8AsCp1252(s))).toBe(s);
    expect(normalize(utf8AsCp1252(utf8AsCp1252(s)))).toBe(s);
    expect(normalize(utf8AsLatin1(utf8AsCp1252(s)))).toBe(s);
  });

  it('repairs mojibake mixed into otherwise correct text', () => {
    expect(normalize('Beslut i nämnden: fÃ¶rslaget antogs – se bilaga')).toBe('Beslut i nämnden: förslaget antogs – se bilaga');
  });

  it.each([
    'São João', 'SÃO PAULO', 'SÃO PAULO – 2024', 'IRMÃ” disse', '”AMANHÔ', 'Â»', 'Register Å–Ö', 'A–Ö', 'PÅ”', '”SJÖ”',
    'Dvořák', 'Łódź', 'Šťastný', 'Kraków', 'ÂGE', 'pâté', 'Ørsted', 'Zürich', 'café’s', 'Málaga™',
    // once wrongly decoded (found by the property tests): `å§½` is not U+59FD, `Ä§` is not `ħ`
    'å§½’', 'aÄ§½', 'på\u2013', 'Ö”',
  ])('leaves legitimate text alone: %j', (s) => {
    expect(normalize(s)).toBe(s);
  });

  it('takes a word-final Ã” as mojibake only when the text shows mojibake elsewhere', () => {
    expect(normalize('Han sa IRMÃ” och gick.')).toBe('Han sa IRMÃ” och gick.');
    expect(normalize('Han sa IRMÃ” och gick fÃ¶rbi.')).toBe('Han sa IRMÔ och gick förbi.');
  });
});

describe('ligatures', () => {
  it('expands U+FB00–U+FB06', () => {
    expect(normalize('\ufb00 \ufb01 \ufb02 \ufb03 \ufb04 \ufb05 \ufb06')).toBe('ff fi fl ffi ffl st st');
    expect(normalize('eﬀektivt ﬁnansierad')).toBe('effektivt finansierad');
  });
});

describe('NFC, not NFKC', () => {
  it('composes decomposed letters but keeps compatibility characters', () => {
    expect(normalize('na\u0308r a\u030ar')).toBe('när år');
    expect(normalize('1½ m² H₂O')).toBe('1½ m² H₂O');
    expect(normalize('\u212bngström')).toBe('Ångström');
  });
});

describe('split diacritics', () => {
  it.each([
    ['la¨gga', 'lägga'], ['¨ovrig', 'övrig'], ['fo¨r', 'för'], ['A¨ven', 'Även'], ['a˚r', 'år'], ['˚ar', 'år'],
    ['o¨', 'ö'], ['¨a', 'ä'], ['A˚', 'Å'], ['´eko', 'éko'], ['ide´', 'idé'], ['a \u0308r', 'är'], ['o \u0308ver', 'över'],
    ['ka¨rleksfo¨rha˚llande', 'kärleksförhållande'], ['k¨arleksf¨orh˚allande', 'kärleksförhållande'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('follows the document habit when both neighbours could take the accent', () => {
    // Accent before its letter throughout: "fr¨an oa¨" hmm-free: ¨ between a and o.
    expect(normalize('f¨or s¨a s¨o ¨oa ¨ao')).toBe('för sä sö öa äo');
    expect(normalize('fo¨r sa¨ so¨ o¨a a¨o')).toBe('för sä sö öa äo');
  });

  it('leaves accents that are not beside a letter they compose with', () => {
    for (const s of ['Ica´s', 'x¨', 'a ¨', '¨ ', 'q¨q', 'a\u0308\u0308', 'b´', 'c ́']) expect(normalize(s), s).toBe(s.normalize('NFC'));
  });
});

describe('invisible and odd characters', () => {
  it('removes soft hyphens, zero-width characters and controls; makes odd spaces plain; LF line ends', () => {
    expect(normalize('kom\u00admun\u200bfull\u200cmäk\u200dtige\u2060\ufeff')).toBe('kommunfullmäktige');
    expect(normalize('a\u00a0b\u2000c\u2009d\u200ae\u202ff\u205fg\u3000h')).toBe('a b c d e f g h');
    expect(normalize('a\r\nb\rc\n\rd')).toBe('a\nb\nc\n\nd');
    expect(normalize('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th\ni')).toBe('abcdefg\th\ni');
    expect(normalize('\ufeffText')).toBe('Text');
  });

  it('keeps typographic quotes and dashes', () => {
    const s = '”Citat” – ’enkelt’ — «franskt» ‒ »svenskt» … •';
    expect(normalize(s)).toBe(s);
  });
});

describe('options', () => {
  it('turns each step off', () => {
    expect(normalize('Ã¤', { mojibake: false })).toBe('Ã¤');
    expect(normalize('ﬁ', { ligatures: false })).toBe('ﬁ');
    expect(normalize('a¨', { diacritics: false })).toBe('a¨');
    expect(normalize('a\u00adb\r\n', { whitespace: false })).toBe('a\u00adb\r\n');
    expect(normalize('a\u00adb\r\n ﬁ Ã¤ a¨', { whitespace: false, mojibake: false, ligatures: false, diacritics: false })).toBe('a\u00adb\r\n ﬁ Ã¤ a¨');
  });
});

describe('normalizeDetailed', () => {
  it('reports each change against the input with its kind', () => {
    const input = 'ﬁ\r\nfÃ¶r a¨r\u00ad!';
    const { text, changes } = normalizeDetailed(input);
    expect(text).toBe('fi\nför är!');
    expect(changes).toEqual([
      { offset: 0, length: 1, before: 'ﬁ', after: 'fi', kind: 'ligature' },
      { offset: 1, length: 2, before: '\r\n', after: '\n', kind: 'line-end' },
      { offset: 4, length: 2, before: 'Ã¶', after: 'ö', kind: 'mojibake' },
      { offset: 8, length: 2, before: 'a¨', after: 'ä', kind: 'diacritic' },
      { offset: 11, length: 1, before: '\u00ad', after: '', kind: 'invisible' },
    ]);
  });

  it('reports twice-mis-decoded text as one change', () => {
    expect(normalizeDetailed('xÃƒÂ¤x').changes).toEqual([{ offset: 1, length: 4, before: 'ÃƒÂ¤', after: 'ä', kind: 'mojibake' }]);
  });

  it('returns the very same string and no changes for clean text', () => {
    const clean = 'Kommunstyrelsen föreslår – ”i enlighet med” § 4 – att 1½ miljoner kronor anslås.\n';
    const r = normalizeDetailed(clean);
    expect(r.text).toBe(clean);
    expect(r.changes).toEqual([]);
  });
});

// ---- property tests ----------------------------------------------------------------------------

const corpus = [...fixtureTexts().values()].join('\n');
/** Pieces that exercise every step, from the fixtures' own words and from damage. */
const PIECES = [
  'Ã', 'Â', 'â', 'Ă', '€', '¤', '¶', '¥', '–', '”', '“', '’', '…', '\u0080', '\u0085', '\u0096', '\u009d', 'ť', 'ƒ', '©', '»', '˜', '™',
  'Ã¤', 'Ã¶', 'Ã¥', 'Ã–', 'Ã…', 'Ã„', 'â€“', 'â€ť', 'â€\u009d', 'ÃƒÂ¤', 'Ã\u0083Â¶', 'ï¿½', 'Ð¿Ñ€',
  '\ufb00', '\ufb01', '\ufb03', '\ufb06', 'a', 'o', 'e', 'A', 'O', 's', ' ', '\n', '\r', '\r\n', '\t',
  '\u00a8', '\u02da', '\u00b4', '\u02c6', '\u02dc', '\u02c7', '\u00b8', '\u0308', '\u030a', '\u0301', '\u0327', ' \u0308',
  '\u00ad', '\u200b', '\u200d', '\ufeff', '\u00a0', '\u2009', '\u3000', '\u0001', '\u007f', '\u212b', '\ud800', '\udc00', '😀',
];
const corpusWord = fc.integer({ min: 0, max: corpus.length - 12 }).chain((i) => fc.integer({ min: 1, max: 12 }).map((n) => corpus.slice(i, i + n)));
const damagedPiece = fc.oneof(
  fc.constantFrom(...PIECES),
  corpusWord,
  corpusWord.map(utf8AsLatin1),
  corpusWord.map(utf8AsCp1252),
  corpusWord.map((w) => utf8AsCp1252(utf8AsLatin1(w))),
  corpusWord.map((w) => w.normalize('NFD')),
);
const biased = fc.array(damagedPiece, { maxLength: 30 }).map((parts) => parts.join(''));
const anyUnicode = fc.string({ unit: 'binary', maxLength: 60 });
/** UTF-16 code units, lone surrogates included: "never throws on any string". */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((u) => String.fromCharCode(...u));
const anyText = fc.oneof(anyUnicode, anyUnits, biased);

function checkChanges(input: string, output: string, changes: NormalizeChange[]): void {
  let at = 0;
  let rebuilt = '';
  for (const c of changes) {
    expect(c.offset).toBeGreaterThanOrEqual(at);
    expect(c.length).toBeGreaterThanOrEqual(0);
    expect(input.slice(c.offset, c.offset + c.length)).toBe(c.before);
    expect(c.before).not.toBe(c.after);
    expect(c.kind).toMatch(/^[a-z-]+(\+[a-z-]+)*$/);
    rebuilt += input.slice(at, c.offset) + c.after;
    at = c.offset + c.length;
  }
  expect(rebuilt + input.slice(at)).toBe(output);
}

describe('properties', () => {
  it('is idempotent and never throws', () => {
    fc.assert(fc.property(anyText, (s) => {
      const once = normalize(s);
      expect(normalize(once)).toBe(once);
    }), { numRuns: 3000 });
  });

  it('gives NFC without soft hyphens, zero-width characters, CR or controls', () => {
    fc.assert(fc.property(anyText, (s) => {
      const out = normalize(s);
      expect(out.normalize('NFC')).toBe(out);
      expect(/[\r\u0000-\u0008\u000b-\u001f\u007f-\u00a0\u00ad\u200b-\u200d\u2060\ufeff\ufb00-\ufb06]/.test(out)).toBe(false);
    }), { numRuns: 2000 });
  });

  it('reports changes against the input: sorted, non-overlapping, and applying them gives the output', () => {
    fc.assert(fc.property(anyText, (s) => {
      const { text, changes } = normalizeDetailed(s);
      expect(text).toBe(normalize(s));
      checkChanges(s, text, changes);
    }), { numRuns: 3000 });
  });

  it('is idempotent and reports exact changes with any combination of options', () => {
    const options = fc.record({ mojibake: fc.boolean(), ligatures: fc.boolean(), diacritics: fc.boolean(), whitespace: fc.boolean() });
    fc.assert(fc.property(biased, options, (s, o) => {
      const { text, changes } = normalizeDetailed(s, o);
      expect(normalize(text, o)).toBe(text);
      checkChanges(s, text, changes);
    }), { numRuns: 2000 });
  });

  it('returns text without anything to normalise unchanged', () => {
    const clean = fc.string({ unit: fc.constantFrom(...'abcåäöÅÄÖé ,.–”’§½\n\t'), maxLength: 80 });
    fc.assert(fc.property(clean, (s) => {
      expect(normalize(s)).toBe(s);
      expect(normalizeDetailed(s).changes).toEqual([]);
    }));
  });
});

describe('README examples', () => {
  it('are what the code does', () => {
    expect(normalize('Kommunfullmäktige: fÃ¶rslaget â€“ ﬁnns pa˚ sidan 4\r\n')).toBe('Kommunfullmäktige: förslaget – finns på sidan 4\n');
    expect(normalizeDetailed('Ã\u200b¤r').changes).toEqual([{ offset: 0, length: 3, before: 'Ã\u200b¤', after: 'ä', kind: 'mojibake+invisible' }]);
    expect(normalizeDetailed('fA\u0303\u00a4r').changes).toEqual([{ offset: 1, length: 3, before: 'A\u0303\u00a4', after: 'ä', kind: 'nfc+mojibake' }]);
  });
});
