/**
 * Folding: the form of a text that near-duplicate detection compares.
 *
 * NFC → case fold → diacritics folded (å→a, ä→a, ö→o, é→e, ﬁ→fi, ß→ss …) → everything that is not a
 * letter or digit dropped. Dropping white space makes layout (line breaks, columns, double spaces)
 * irrelevant; dropping punctuation too removes line-end hyphenation (`inte-\ngration` →
 * `integration`) and the dash/quote confusions of OCR (`–` vs `-`, `”` vs `"`) in one rule. Measured
 * on the fixtures' OCR pairs, dropping punctuation raised the 6-gram Jaccard of an OCR copy by 0.02–0.07
 * and left unrelated pairs where they were (see .readme/dedupe.md).
 *
 * Folding is done one UTF-16 unit at a time through a lazily filled table, so a 10 000-character
 * document costs one pass and no intermediate strings. Composition (NFC) needs no separate step: a
 * decomposed `a` + U+030A and a precomposed `å` both fold to `a`, because combining marks are dropped.
 */

/** Table value for a unit not yet looked at. */
const UNSEEN = -1;
/** Table value for a unit that folds to nothing (space, punctuation, combining mark, symbol). */
const DROP = 0;
/** Table value for a unit that folds to more than one character (see MULTI). */
const MULTIPLE = -2;

const table = new Int32Array(0x10000).fill(UNSEEN);
const multi = new Map<number, number[]>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function foldOne(unit: number): number {
  // Surrogates (astral characters: emoji, rare scripts) carry no signal for Swedish documents.
  if (unit >= 0xd800 && unit <= 0xdfff) return DROP;
  const decomposed = String.fromCharCode(unit).normalize('NFKD').toLowerCase();
  const kept: number[] = [];
  for (const ch of decomposed) {
    if (LETTER_OR_DIGIT.test(ch)) {
      const lower = ch.toLowerCase();
      for (let i = 0; i < lower.length; i++) kept.push(lower.charCodeAt(i));
    }
  }
  // ß, æ, œ, ø, đ, ł do not decompose; map them by hand so `ø` and `o` meet as `ö` and `o` do.
  const special = SPECIAL[unit];
  if (special !== undefined) return setMulti(unit, [...special].map((c) => c.charCodeAt(0)));
  if (kept.length === 0) return DROP;
  if (kept.length === 1) return kept[0] ?? DROP;
  return setMulti(unit, kept);
}

const SPECIAL: Record<number, string> = {
  0xdf: 'ss', 0x1e9e: 'ss', 0xe6: 'ae', 0xc6: 'ae', 0x153: 'oe', 0x152: 'oe', 0xf8: 'o', 0xd8: 'o',
  0x111: 'd', 0x110: 'd', 0x142: 'l', 0x141: 'l', 0x131: 'i', 0xfe: 'th', 0xde: 'th', 0xf0: 'd', 0xd0: 'd',
};

function setMulti(unit: number, codes: number[]): number {
  if (codes.length === 1) return codes[0] ?? DROP;
  multi.set(unit, codes);
  return MULTIPLE;
}

function lookup(unit: number): number {
  let f = table[unit] ?? DROP;
  if (f === UNSEEN) {
    f = foldOne(unit);
    table[unit] = f;
  }
  return f;
}

// ASCII is filled eagerly: it is nearly all of every document.
for (let c = 0; c < 128; c++) lookup(c);

let buffer = new Uint16Array(16384);

/**
 * Folds `text` into a shared buffer of UTF-16 codes and returns it with the folded length.
 * The buffer is reused by the next call: copy what you keep.
 */
export function foldCodes(text: string): { codes: Uint16Array; length: number } {
  // Multi-unit folds (ß→ss) at most double a unit; 3× covers NFKD ligatures such as ﬃ.
  if (buffer.length < text.length * 3) buffer = new Uint16Array(text.length * 3);
  const out = buffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const f = unit < 128 ? (table[unit] ?? DROP) : lookup(unit);
    if (f > 0) out[n++] = f;
    else if (f === MULTIPLE) for (const c of multi.get(unit) ?? []) out[n++] = c;
  }
  return { codes: out, length: n };
}

/** The folded form as a string: what shingles are taken from (for inspection and tests). */
export function foldText(text: string): string {
  const { codes, length } = foldCodes(text);
  let s = '';
  for (let i = 0; i < length; i += 8192) s += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 8192)));
  return s;
}
