/**
 * How implausible a stretch of text is — the measure that decides whether re-decoding a suspected
 * mojibake segment is an improvement (the idea of ftfy: never trust a replacement table; compare the
 * text before and after and keep the decoding only when it is plainly less weird).
 *
 * The score is a sum of small penalties for things that are rare in real text but typical of UTF-8
 * shown through a single-byte code page: C1 controls, "lead" letters such as `Ã Â â` directly
 * followed by a symbol or punctuation standing for a continuation byte, a lowercase letter running
 * into an accented capital (`fÃ`), stray spacing accents, and letters of unrelated scripts glued to
 * Latin ones (what a wrong decoding produces).
 */

/** Letters that stand for the lead bytes of almost all real-world mojibake (U+0080–U+00FF, U+2000–U+2FFF, emoji). */
const STRONG_LEADS = new Set(['Ã', 'Â', 'Ă', 'â', 'ð']);

/**
 * Closing punctuation that legitimately follows a word-final capital (Portuguese `IRMÃ”`,
 * `AMANHÃ»`), so after a strong lead at a word's end it is evidence only when the text is known to
 * be mojibake. Not `©` or `…`: `idÃ©` (idé) and `PÃ…` (PÅ) are far more common than the legitimate
 * readings.
 */
const WORD_END_CAUTIOUS = new Set(['”', '’', '»', '›', '´', '\u00a0']);

/** Punctuation common in Swedish text that also stands for continuation bytes. */
const COMMON_PUNCTUATION = new Set([...'–—‘’“”„…•·«»‹›°§', '\u00a0', '\u00ad']);

const C1 = /[\u0080-\u009f]/;
/** Symbols that on their own are rare in running text but common as mojibake continuation bytes. */
const RARE_SYMBOLS = new Set([...'¤¦¨¯¸¹²³ª¬¶¿¡¢¥ƒˆ˜‰†‡ˇ˘˛˝¼¾']);

const LATIN_LETTER_RE = /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]$/;

/** Character classes as bits, looked up per code unit for the BMP's lower part (computed once). */
const IS = { letter: 1, upper: 2, lower: 4, mark: 8, latin: 16, wordish: 32, odd: 64 } as const;
const TABLE_END = 0x3000;
let classes: Uint8Array | undefined;

function classify(ch: string): number {
  let c = 0;
  if (/^\p{L}$/u.test(ch)) c |= IS.letter;
  if (/^\p{Lu}$/u.test(ch)) c |= IS.upper;
  if (/^\p{Ll}$/u.test(ch)) c |= IS.lower;
  if (/^\p{M}$/u.test(ch)) c |= IS.mark;
  if (LATIN_LETTER_RE.test(ch)) c |= IS.latin;
  if (/^[\p{L}\p{N}]$/u.test(ch)) c |= IS.wordish;
  if (/^[\p{Co}\p{Cn}\p{Cs}]$/u.test(ch)) c |= IS.odd;
  return c;
}

function classOf(ch: string): number {
  const u = ch.charCodeAt(0);
  if (ch.length === 1 && u < TABLE_END) {
    if (!classes) {
      classes = new Uint8Array(TABLE_END);
      for (let i = 0; i < TABLE_END; i++) classes[i] = classify(String.fromCharCode(i));
    }
    return classes[u]!;
  }
  return classify(ch);
}

const LETTER = { test: (ch: string): boolean => (classOf(ch) & IS.letter) !== 0 };
const MARK = { test: (ch: string): boolean => (classOf(ch) & IS.mark) !== 0 };
const UPPER = { test: (ch: string): boolean => (classOf(ch) & IS.upper) !== 0 };
const LOWER = { test: (ch: string): boolean => (classOf(ch) & IS.lower) !== 0 };
const WORDISH = { test: (ch: string): boolean => ch !== '' && (classOf(ch) & IS.wordish) !== 0 };
const ODD = { test: (ch: string): boolean => (classOf(ch) & IS.odd) !== 0 };
const LATIN_LETTER = { test: (ch: string): boolean => ch !== '' && (classOf(ch) & IS.latin) !== 0 };

export interface BadnessContext {
  /** Whether the cont set contains the character (a continuation byte of some code page). */
  isCont: (ch: string) => boolean;
  /** Whether the character stands for a UTF-8 lead byte. */
  isLead: (ch: string) => boolean;
  /**
   * The whole text already shows unambiguous mojibake: then `Ã` before closing punctuation at a
   * word's end (`Ã”`, which is `Ô`) is taken as mojibake too; in clean text it is left (it may be
   * Portuguese `IRMÃ”`), and weaker evidence suffices elsewhere.
   */
  textIsMojibake: boolean;
}

/**
 * How unexpected a character is in Swedish text by where it lives: Latin, punctuation, currency,
 * arrows and mathematical signs are expected; Greek and Cyrillic occur; other scripts and symbols
 * are what decoding text that was never UTF-8 produces (`å§½` is not `姽`).
 */
function blockPenalty(cp: number): number {
  if (cp < 0x0250 || (cp >= 0x2000 && cp <= 0x22ff) || cp === 0xfffd || (cp >= 0xfb00 && cp <= 0xfb06)) return 0;
  if (cp >= 0x0370 && cp <= 0x04ff) return 1;
  return 2;
}

function charPenalty(ch: string): number {
  if (C1.test(ch)) return 3;
  if (ODD.test(ch)) return 3;
  if (RARE_SYMBOLS.has(ch)) return 1;
  return blockPenalty(ch.codePointAt(0)!);
}

function pairPenalty(a: string, b: string, after: string, ctx: BadnessContext): number {
  let p = 0;
  if (ctx.isLead(a) && ctx.isCont(b)) {
    if (STRONG_LEADS.has(a)) {
      // `Ã Â Ă â ð` before a continuation character is the signature of mojibake.
      const cautious = WORD_END_CAUTIOUS.has(b) && !WORDISH.test(after) && !ctx.textIsMojibake;
      p += cautious ? 0 : 3;
    } else if (C1.test(b) || RARE_SYMBOLS.has(b)) {
      // Other accented letters before a rare symbol (`Ð¿`); before letters and ordinary
      // punctuation (`Å–Ö`, `Ö”`) they are just text.
      p += 2;
    }
  }
  // Two continuation characters in a row (`ż˝` of `ďż˝`, `¿½` of `ï¿½`) are rare outside mojibake
  // unless both are ordinary punctuation.
  if (ctx.isCont(a) && ctx.isCont(b) && !(COMMON_PUNCTUATION.has(a) && COMMON_PUNCTUATION.has(b))) p += 1;
  if (LOWER.test(a) && UPPER.test(b) && b > '\u007f') p += 1;
  if (MARK.test(b) && !LETTER.test(a) && !MARK.test(a)) p += 2;
  const la = LATIN_LETTER.test(a);
  const lb = LATIN_LETTER.test(b);
  if ((la && LETTER.test(b) && !lb) || (lb && LETTER.test(a) && !la)) p += 2;
  return p;
}

/**
 * Whether `segment` carries the signature of mojibake at all: a strong lead (`Ã Â Ă â ð`) before a
 * continuation character, or any lead before a C1 control or a rare symbol (`Ð¿`). Without one, a
 * lead before ordinary punctuation (`Ä§`, `å–`) is just text, however the rest scores.
 */
export function hasSignature(segment: string, ctx: BadnessContext): boolean {
  for (let i = 0; i + 1 < segment.length; i++) {
    const a = segment.charAt(i);
    const b = segment.charAt(i + 1);
    if (!ctx.isLead(a) || !ctx.isCont(b)) continue;
    if (STRONG_LEADS.has(a) || C1.test(b) || RARE_SYMBOLS.has(b)) return true;
  }
  return false;
}

/**
 * Badness of `segment` between the characters `left` and `right` (empty at the text's edges), with
 * `afterRight` the character after `right` (for the word-final test of the last pair).
 */
export function badness(left: string, segment: string, right: string, afterRight: string, ctx: BadnessContext): number {
  const chars = Array.from(segment);
  let score = 0;
  for (const ch of chars) score += charPenalty(ch);
  const seq = left ? [left, ...chars] : chars;
  if (right) seq.push(right);
  for (let i = 0; i + 1 < seq.length; i++) {
    const after = i + 2 < seq.length ? seq[i + 2]! : afterRight;
    score += pairPenalty(seq[i]!, seq[i + 1]!, after, ctx);
  }
  return score;
}
