/**
 * A sentence of English inside a Swedish document (`This option can be used only with -S and causes
 * show status for all users.`): every word of three letters or more is an English word form
 * (`dictionaries/en-words.txt.gz`), and enough of them are English and no Swedish word, not even
 * with diacritics put back (`option`, `status`, `for`, `all` are Swedish too; `causes`, `users`
 * are not). There a word that is also a stripped Swedish one (`for`, `far`) is English, whatever
 * its neighbours: check `english-passage` (word-checks.ts), beside the window test of technical.ts,
 * which a sentence of shared words (`show status for all`) does not reach.
 *
 * A Swedish sentence, however damaged, holds a word of three letters or more that English does not
 * write (`och`, `att`, `det`, `som`, `inte`, `ska`), so it never passes.
 */
import { memoByObject } from '../memo.js';
import { isEnglishForm } from './english.js';
import type { RepairRun } from './run.js';

/** The least words of three letters or more that are English and no Swedish word. */
const MIN_ENGLISH_ONLY = 4;

const LETTERS3 = /^\p{L}{3,}$/u;
/** A sentence ends between two units at `.`, `!`, `?` or `:` before white space, or a blank line. */
const SENTENCE_END = /[.!?:][\s"”)]|\n[^\S\n]*\n/u;

/** Per run: for each unit index, whether its sentence is English (filled a sentence at a time). */
const sentencesOf = memoByObject((_run: RepairRun): Array<boolean | undefined> => []);

/** Whether unit i stands in a sentence of English (see the module comment). */
export function inEnglishSentence(run: RepairRun, i: number): boolean {
  const known = sentencesOf(run);
  const hit = known[i];
  if (hit !== undefined) return hit;
  const { units, wordText: text } = run;
  let from = i;
  while (from > 0 && !SENTENCE_END.test(text.slice(units[from - 1]!.end, units[from]!.start))) from--;
  let to = i;
  while (to + 1 < units.length && !SENTENCE_END.test(text.slice(units[to]!.end, units[to + 1]!.start))) to++;
  let englishOnly = 0;
  let english = true;
  for (let k = from; k <= to && english; k++) {
    const w = units[k]!.word;
    if (!LETTERS3.test(w)) continue;
    if (!isEnglishForm(w)) english = false;
    else if (!run.eng.maker.isWordWithDiacritics(w, run.docClass)) englishOnly++;
  }
  const answer = english && englishOnly >= MIN_ENGLISH_ONLY;
  for (let k = from; k <= to; k++) known[k] = answer;
  return answer;
}
