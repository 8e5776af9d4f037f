/**
 * A comma read as a full stop and a full stop read as a comma: on a photocopy-grade scan the two
 * marks differ by a few pixels, and OCR swaps them often (`straffbart. en`, `personal, Avgörande`).
 * The words around the mark tell which it was:
 *
 * - a full stop between two words, the next one lower-case and on the same or the next line, is a
 *   comma (`främja. stärka` → `främja, stärka`), unless the word before is an abbreviation
 *   (`dvs.`, `kap.`) or a blank line follows (a list item or heading may end with a stop); the
 *   next word may be the word `i`, but no other single letter (a list label: `b) institutioner`);
 *   a next word that is an unknown token of one or two letters, unless word repair made a word
 *   of it before a lower-case word (`rakning. ir inte`), makes a kind of its own;
 * - a comma after a lower-case word, before a capitalised common word, is a full stop
 *   (`utkontraktering, Det` → `utkontraktering. Det`), unless the next word is a name
 *   (`Migrationsverket, Polismyndigheten`, `telestyrelsen, Trafikverket`);
 * - a comma after a lower-case word that ends a paragraph, the next one starting with a capital,
 *   is a kind of its own: a paragraph ends a sentence, whatever word, name or damaged token opens
 *   the next (`organisationen,⏎⏎2 Prioriterade` is left: a number may go on a list).
 *
 * This module only finds the places. How often each kind was truly the other mark is counted on
 * the training OCR by scripts/train-repair.ts (`RepairModel.sentenceMarks`), which calls this same
 * function, and repair applies a kind at that learned rate.
 */
import type { WordKnowledge } from './words.js';

/**
 * `stopForComma`: a `.` that stands for `,`; `stopBeforeFragment`: the same place, but the next
 * word is an unknown token of one or two letters (see markSwaps) — as often a bullet OCR read as
 * letters (`tj Föra dialog`) as a word, so it is counted apart; `commaForStop`: a `,` that stands
 * for `.`; `commaEndsParagraph`: a `,` before a blank line and a capital.
 */
export type MarkSwapKind = 'stopForComma' | 'stopBeforeFragment' | 'commaForStop' | 'commaEndsParagraph';

export interface MarkSwap {
  /** Offset of the mark in the text. */
  offset: number;
  kind: MarkSwapKind;
  /** The mark it should be. */
  after: ',' | '.';
}

/**
 * A word, the mark, white space and the next word. The word before is letters and hyphens only,
 * after white space or the text's start (so `2017:7),`, `s.k.`, `(dvs.` are not taken); the next
 * word is letters, closed by punctuation or nothing.
 */
// The next word is looked at, not taken, so that it can be the word before the next site.
const SITE = /(?<=^|\s)(\p{L}[\p{L}\p{M}-]*)([.,])(?=(\s+)(\p{L}[\p{L}\p{M}]*)[-.,:;!?)”"]*(?:\s|$))/gu;
const LOWER_START = /^\p{Ll}/u;
const UPPER_START = /^\p{Lu}/u;
/** White space, then a letter: the `i` after a stop is a word, not a list label (`i.`, `i)`). */
const SPACE_AFTER = /^\s\p{L}/u;
const CAPITAL_AFTER = /^\s+\p{Lu}/u;
/** Capital, then lower-case only: a capitalised word, not an acronym (`MSB`) or a mixed form. */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
const BLANK_LINE = /\n[^\S\n]*\n/u;

/**
 * The places in `text` where a `.` or `,` was probably the other mark (see above). `repaired`: the
 * word repair's choice for a word at an offset, where it changed one — the next word is judged as
 * repaired (`behov, Mangtald` is `behov. Mångfald`; `rakning. ir inte` is no fragment but `är`).
 */
export function markSwaps(text: string, words: WordKnowledge, repaired?: ReadonlyMap<number, string>): MarkSwap[] {
  const out: MarkSwap[] = [];
  for (const m of text.matchAll(SITE)) {
    const [, before, mark, gap, written] = m as unknown as [string, string, string, string, string];
    const offset = m.index + before.length;
    const at = offset + 1 + gap.length;
    const fixed = repaired?.get(at);
    // The next word as repaired (`rakning. ir inte` is `räkning, är inte`).
    const next = fixed ?? written;
    if (mark === '.') {
      if (before.length < 2 || !LOWER_START.test(next) || BLANK_LINE.test(gap)) continue;
      // A single letter is a list label (`b) institutioner`), except the word `i` before a word.
      if (next.length < 2 && !(next === 'i' && SPACE_AFTER.test(text.slice(at + 1, at + 3)))) continue;
      if (words.isAbbreviation?.(before) || words.isAbbreviation?.(before.toLowerCase())) continue;
      // A token repaired into a word is no fragment, unless a capital follows it: then it is a
      // bullet before a list item (`visioner. tj Föra dialog`), whatever word it resembles.
      const after = at + written.length;
      const fragment = written.length <= 2 && !words.has(written) && (fixed === undefined || CAPITAL_AFTER.test(text.slice(after, after + 4)));
      out.push({ offset, kind: fragment ? 'stopBeforeFragment' : 'stopForComma', after: ',' });
    } else {
      if (!LOWER_START.test(before)) continue;
      if (BLANK_LINE.test(gap)) {
        if (UPPER_START.test(next)) out.push({ offset, kind: 'commaEndsParagraph', after: '.' });
        continue;
      }
      if (!CAPITALISED.test(next)) continue;
      // A name after a comma is as likely a list of names as a new sentence. A word source that
      // cannot tell names (no isName) gets no such change.
      if (words.isName?.(next) !== false || !words.hasExact(next.toLowerCase())) continue;
      out.push({ offset, kind: 'commaForStop', after: '.' });
    }
  }
  return out;
}
