import { languageLetters } from '../language.js';
import type { DocClass } from './model.js';

const LETTER = /^\p{L}$/u;

/** Per BMP code unit: 0 not yet known, 1 a letter, 2 not a letter (filled as met). */
const letterCache = new Uint8Array(65536);

/** Whether the code point at `i` (`cp`, from codePointAt) is a letter, as `\p{L}` has it. */
function isLetter(text: string, i: number, cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  if (cp > 0xffff) return LETTER.test(text.slice(i, i + 2));
  let k = letterCache[cp]!;
  if (k === 0) letterCache[cp] = k = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
  return k === 1;
}

/** Letters (code points matching `\p{L}`) and how many of them are å/ä/ö (the rate letters,
 * dictionaries/sv/rate-letters.txt), in one pass without a match object per letter. */
function countLetters(text: string): { letters: number; swedish: number } {
  const rateLetters = languageLetters('sv/rate-letters');
  let letters = 0;
  let swedish = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (isLetter(text, i, cp)) {
      letters++;
      if (cp > 127 && rateLetters.includes(text[i]!)) swedish++;
    }
    if (cp > 0xffff) i++;
  }
  return { letters, swedish };
}

/** Share of letters that are å/ä/ö: Swedish prose has ~4 %, an English-model OCR of it ~0. */
export function diacriticRate(text: string): number {
  const { letters, swedish } = countLetters(text);
  return letters ? swedish / letters : 0;
}

/** Fixed, not fitted: Swedish prose has ~8 å/ä/ö in 200 letters, so a text shorter than this
 * lacks them by chance too often for its rate to say which engine read it. */
const CLASS_MIN_LETTERS = 200;

/**
 * A document whose å/ä/ö rate is far below Swedish text's was read by an engine that strips them;
 * there even valid words (`for`, `bor`, `galler`) are suspect. The threshold is learned from the
 * training OCR of both engines. Too short a text says nothing, so it counts as normal.
 */
export function classify(text: string, threshold: number): DocClass {
  const { letters, swedish } = countLetters(text);
  if (letters < CLASS_MIN_LETTERS) return 'normal';
  return swedish / letters < threshold ? 'stripped' : 'normal';
}
