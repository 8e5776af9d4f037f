import { classBody, languageList } from '../language.js';

/**
 * How usable a page's text layer is, from the text alone. The numbers are reported with the page's
 * decision, so a reader can see why a page was OCR'd.
 */
export interface TextScore {
  /** Characters other than white space. */
  chars: number;
  /** Letters (any script). */
  letters: number;
  /** Share of non-space characters that are U+FFFD, private-use, unassigned or control characters. */
  badShare: number;
  /** `(cid:123)`-style glyph references: what a font without a ToUnicode map leaves behind. */
  cidRefs: number;
  /** Word tokens (runs of two or more letters). */
  words: number;
  /** Share of word tokens that `isWord` accepts (1 when there are none). */
  wordShare: number;
  /** Share of letters that are not of the Latin script (the documents read are Swedish). */
  foreignShare: number;
}

const BAD_CHAR = /[\ufffd\p{Co}\p{Cn}\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/gu;
const CID_REF = /\(cid:\d+\)|\/g\d{1,5}\b|\bglyph\d+\b/g;
const WORD = /\p{L}{2,}/gu;
const FOREIGN_LETTER = /(?!\p{Script=Latin})\p{L}/gu;

export function scoreText(text: string, isWord: (w: string) => boolean): TextScore {
  const chars = text.replace(/\s+/g, '').length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const bad = (text.match(BAD_CHAR) ?? []).length;
  const cidRefs = (text.match(CID_REF) ?? []).length;
  const tokens = text.match(WORD) ?? [];
  const known = tokens.filter((t) => isWord(t)).length;
  const foreign = letters === 0 ? 0 : (text.match(FOREIGN_LETTER) ?? []).length;
  return {
    chars,
    letters,
    badShare: chars === 0 ? 0 : bad / chars,
    cidRefs,
    words: tokens.length,
    wordShare: tokens.length === 0 ? 1 : known / tokens.length,
    foreignShare: letters === 0 ? 0 : foreign / letters,
  };
}

let vowelTests: { vowel: RegExp; fiveOthers: RegExp } | undefined;

/** A vowel; five letters in a row that are none (dictionaries/sv/vowels.txt, the lexicon's list). */
function vowels(): { vowel: RegExp; fiveOthers: RegExp } {
  if (!vowelTests) {
    const body = classBody(languageList('sv/vowels'));
    vowelTests = { vowel: new RegExp(`[${body}]`, 'i'), fiveOthers: new RegExp(`[^${body}]{5}`, 'i') };
  }
  return vowelTests;
}

/**
 * A cheap stand-in for a lexicon, used when the caller gives none: it accepts tokens that are
 * shaped like words of a Latin-script language — a vowel, lower case after an optional capital (or
 * all capitals), no run of five consonants, no letter four times over. Text from a font whose codes
 * were shifted ("Kdoode lqwhjudwlrq") fails it often enough to show; real words almost never do.
 */
export function looksLikeWord(word: string): boolean {
  const { vowel, fiveOthers } = vowels();
  if (!vowel.test(word)) return word.length <= 3 && word === word.toUpperCase();
  if (!/^\p{Lu}?\p{Ll}+$|^\p{Lu}+$/u.test(word)) return false;
  if (fiveOthers.test(word)) return false;
  if (/(.)\1\1\1/iu.test(word)) return false;
  return true;
}
