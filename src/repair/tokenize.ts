/**
 * Finds the word tokens of a text that repair may look at, with their offsets, and leaves out what
 * must never be touched: URLs, e-mail addresses, numbers, dates and reference numbers.
 *
 * A token may contain the non-letters OCR puts in place of Swedish letters (`6verenskommelsen`,
 * `&versyn`, `#r`, `Link&pings`, `@mneskompetensen`), so those become candidates too. A line-end
 * hyphenation (`organi-⏎sationer`) is one token whose `joined` form has the break removed.
 */
import { countWork } from '../work.js';
import { languageSet } from '../language.js';

export interface Token {
  /** Offset of the token in the text. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  /** The token as written (with the hyphen and line break, for a hyphenated token). */
  raw: string;
  /** The word without the line-end hyphenation (equals `raw` for other tokens). */
  word: string;
  /** For a line-end hyphenation: the two halves as printed. */
  halves?: [string, string];
  /** Only white space (no punctuation) separates this token from the previous one. */
  joinedToPrevious: boolean;
}

/** Spans that are not prose: URLs, e-mail addresses, and file names / paths. */
const PROTECTED = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\S+\.(?:pdf|docx?|xlsx?|html?|txt)\b/giu;

/**
 * A word: letters, digits and the glyphs OCR uses for å/ä/ö (`& # @`), optionally one line-end
 * hyphenation. `-` and `:` inside a word split it (`ATP-avgift`, `RÖK:en` are two parts each).
 * The hyphenation may span one blank line: OCR text of several pages or columns puts one between
 * them, and in the training OCR all 190 such breaks before a letter were words broken at the page
 * end (`el-⏎⏎ler`, `kost-⏎⏎nader`; none a real hyphen); read apart, their halves were "repaired"
 * into other words (`ef-⏎⏎ter` → `el`).
 */
const WORD = /[\p{L}\p{M}0-9&#@]+(?:-[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*[\p{L}\p{M}0-9&#@]+)?/gu;

const LETTER = /\p{L}/u;
// Built once: the bundler turns a literal with \p{…} into `new RegExp(…)` where it stands.
const DIGITS_THEN_LETTERS = /^[0-9]+[\p{L}]{1,2}$/u;
const CAPITALS_THEN_DIGITS = /^\p{Lu}+[0-9]+$/u;

/** Number of ASCII digits in `word` (a loop: `match(/[0-9]/g)` builds an array per token). */
function countDigits(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * What every PROTECTED span contains (same flags, so the same case folding). PROTECTED is slow to
 * try at every position of a long text (`\S+\.` runs to each blank and back), and no span crosses
 * white space, so it is run only over the blank-free stretches that hold one of these.
 */
const PROTECTED_HINT = /https?:\/\/|www\.|@|\.(?:pdf|docx?|xlsx?|html?|txt)/giu;
const SPACE = /\s/u;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(text[i]!);
}

export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let scannedTo = 0;
  for (const hint of text.matchAll(PROTECTED_HINT)) {
    if (hint.index < scannedTo) continue;
    let start = hint.index;
    while (start > scannedTo && !isSpaceAt(text, start - 1)) start--;
    let end = hint.index + hint[0].length;
    while (end < text.length && !isSpaceAt(text, end)) end++;
    // The global scan of the whole text would reach `start` with no match open (none crosses a
    // blank), so scanning the stretch alone finds the same spans (white space or the text's edge
    // on both sides, so `\b` reads the same). Alone: a scan of the text from here would run on to
    // the next match far beyond, at every hint (quadratic in random bytes full of `@`).
    const stretch = text.slice(start, end);
    // The pattern may try every start in the stretch and run to its end from each.
    countWork(stretch.length * stretch.length);
    PROTECTED.lastIndex = 0;
    for (let m = PROTECTED.exec(stretch); m !== null; m = PROTECTED.exec(stretch)) spans.push([start + m.index, start + m.index + m[0].length]);
    scannedTo = end;
  }
  return spans;
}

/** Whether a token is a number-like thing (dates, amounts, `2021/123`, `5a`) rather than a word. */
export function isNumberLike(word: string): boolean {
  const digits = countDigits(word);
  if (digits === 0) return false;
  if (!LETTER.test(word)) return word !== '1'; // a lone `1` is often the word `i`
  // `6verenskommelsen`, `f6r`, `b6r`: a digit inside a run of letters is OCR damage; `5a`, `3b`,
  // `A4`, `10kr`, `2a` are labels and units.
  if (digitGlyphWord(word)) return false;
  const letters = word.length - digits;
  return letters < 2 || (digits > 1 && digits * 3 > word.length) || DIGITS_THEN_LETTERS.test(word) || CAPITALS_THEN_DIGITS.test(word);
}

/**
 * A short word whose å, ä or ö the English model read as a digit (`4r` for `är`, `4n` for `än`,
 * `6ka` for `öka`): one `4` or `6` — the digits its light scans write for these letters (dev
 * eng-l1: 33 `4` for ä/å, 10 `6` for ö in words of 2–3 letters; the truths write no such token)
 * — before one or two lower-case letters that are no unit of measure (`4l`, `6m`, `4st` stay
 * numbers: dictionaries/sv/units.txt) nor an ordinal or label ending (`4a`, `6e`). Such a token is
 * a word to read (the channel's å/ä/ö for 4/6: settings.priorRules); it changes only where a
 * reading is a word the lexicon knows. The digit after the letters (`s4` for `så`) is left a
 * number: in technical text that is a name (`m4`, `s6`), and dev holds 3 such words.
 */
const DIGIT_GLYPH_WORD = /^[46](\p{Ll}{1,2})$/u;
const LABEL_ENDINGS: ReadonlySet<string> = new Set(['a', 'b', 'c', 'd', 'e']);
export function digitGlyphWord(word: string): boolean {
  const m = DIGIT_GLYPH_WORD.exec(word);
  return m !== null && !LABEL_ENDINGS.has(m[1]!) && !languageSet('sv/units').has(m[1]!);
}

/** Whether `text[from, to)` is one or more blanks or tabs and nothing else (`^[ \t]+$`). */
function blanksOnly(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function tokenize(text: string): Token[] {
  const spans = protectedSpans(text);
  const tokens: Token[] = [];
  let span = 0;
  let previousEnd = -1;
  // (exec, not matchAll: no iterator results; nothing in the loop uses WORD.)
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (span < spans.length && spans[span]![1] <= start) span++;
    const s = spans[span];
    if (s && s[0] < end && start < s[1]) continue;
    // A word glued to `/`, `.` + digit or `-` + digit is part of a reference number (`KS 2021-0034`,
    // `Dnr 2021/123`, `1.2a`): leave it.
    const before = text[start - 1] ?? '';
    const after = text[end] ?? '';
    const raw = m[0];
    const joinedToPrevious = previousEnd >= 0 && blanksOnly(text, previousEnd, start);
    previousEnd = end;
    if (before === '/' || after === '/' || ((before === '-' || before === '.') && /[0-9]/.test(raw[0] ?? ''))) continue;
    if ((after === '-' || after === '.') && /[0-9]/.test(text[end + 1] ?? '') && /[0-9]/.test(raw)) continue;
    const hyphen = raw.indexOf('-');
    if (hyphen >= 0) {
      const first = raw.slice(0, hyphen);
      const second = raw.slice(hyphen + 1).replace(/^\s+/u, '');
      tokens.push({ start, end, raw, word: first + second, halves: [first, second], joinedToPrevious });
    } else {
      tokens.push({ start, end, raw, word: raw, joinedToPrevious });
    }
  }
  return tokens;
}
