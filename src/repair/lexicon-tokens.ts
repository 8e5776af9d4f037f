/**
 * Word tokens as the lexicon counts them: a maximal run of letters, optionally joined by one inner
 * `-` or `:` (`ATP-avgift`, `EU:s`), the same rule the official frequency corpus was counted with.
 * Runs glued to digits (`6verenskommelsen`, `5a`) are returned too, flagged, because in OCR text
 * they are usually damaged words and must count as unknown.
 */
export interface WordToken {
  word: string;
  offset: number;
  /** The run contains a digit. */
  hasDigit: boolean;
}

// A trailing hyphen belongs to the word when a conjunction or comma follows: the suspended
// compound part of `hälso- och sjukvård`, `arbets-, hälso- och`. A line-end hyphen before a word
// fragment (`integra-\ntion`) is not taken: dehyphenation is the repair stage's job.
const TOKEN = /[\p{L}\p{N}]+(?:[-:][\p{L}\p{N}]+)*(?:-(?=,|\s+(?:och|eller|samt|respektive|resp\.|som|liksom|till|utan)(?![\p{L}\p{N}])))?/gu;

export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    if (!/\p{L}/u.test(word)) continue; // numbers, dates, reference numbers: not words
    out.push({ word, offset: m.index ?? 0, hasDigit: /\p{N}/u.test(word) });
  }
  return out;
}
