/**
 * Names of code in running prose: a guide to a program or a programming or report language names
 * its functions, variables, properties and commands in its sentences, lower case, once or twice,
 * with no call parentheses, option dashes or paths (`Sektionen comment definierar …`, `egenskaperna
 * end och region`, `name är antingen singleLine eller multiLine`, `(cvs init)`). Such a word is
 * no Swedish word and none damaged: read by plain edits or the channel it becomes one
 * (`init` → `inåt`, `bitFlag` → `bifflag`, `anInt` → `aning`). Where the sentence sets the word as
 * a name, it keeps its spelling (check `code-in-prose`, word-checks.ts):
 *
 * - after a noun that introduces a name of code (`funktionen`, `variabeln`, `egenskapen`,
 *   `kommandot`, `elementet` …; dictionaries/sv/code-cues.txt);
 * - quoted alone (`”weight”`, `'help'`);
 * - called, its parentheses closed on the line (`function init()`);
 * - written in camel case (`singleLine`, `itemDatas`, `lineEndContext`): lower-case letters, then a
 *   capital and lower-case letters again — no Swedish word, and no OCR damage of one, which puts a
 *   stray capital beside glyphs (`kGr`, `bLa`), not a capitalised syllable after two letters;
 * - beside another name in a list (`singleLine eller multiLine`; in technical text also a word of
 *   its name spans or a lower-case name it writes three times or more, `pid, ppid`).
 *
 * The word must be plain ASCII letters (digits and `_` after the first) starting lower case, which
 * the lexicon lacks and which is no Swedish word with its diacritics put back; a reading that only
 * puts diacritics back is still taken (`fardig` after `funktionen` is `färdig`). An OCR glyph for a
 * Swedish letter (`fér`, `6ver`) makes no name. It must look like code — camel case, a digit or
 * `_`, or a name the document writes as code elsewhere (`function init()`) — or be an English word
 * read by plain edits: a learned OCR confusion reads damaged Swedish that way as often (`funktionerna
 * tran` is `från`), and a Swedish word damaged beside a cue is no English one (`funktionen fipns`).
 */
import { memoByObject } from '../memo.js';
import { languageSet } from '../language.js';
import { foldDiacritics } from './model.js';
import type { RepairRun } from './run.js';
import { isEnglishForm } from './english.js';
import { documentIdentifiers, isTechnical, writtenAsCode } from './technical.js';
import { adjacent, type Unit } from './units.js';

/** A plain ASCII name, lower case first: `comment`, `itemDatas`, `arg1`, `f_str`. */
const PLAIN_NAME = /^[a-z][A-Za-z0-9_]+$/u;
/** Camel case: lower-case letters, then capitalised parts (`singleLine`, `lineEndContext`). */
const CAMEL = /^[a-z]{2,}(?:[A-Z][a-z]+)+$/u;
const CAMEL_PART = /[A-Z][a-z]+/gu;

/** Camel case whose capitalised parts are English words of three letters or more (`singleLine`,
 * `bitFlag`, `lineEndContext`): an OCR glyph for a Swedish letter makes capitals too
 * (`storfGretagare`, `underLitta`, `bedGimningen`), but no English word after them. */
function camelName(word: string): boolean {
  if (!CAMEL.test(word)) return false;
  for (const m of word.matchAll(CAMEL_PART)) if (m[0].length < 3 || !isEnglishForm(m[0].toLowerCase())) return false;
  return true;
}
/** Letters with a digit or an underscore after them (`arg1`, `f_str`): code's shape. */
const CODE_SHAPE = /^[a-z]+(?:_[a-z0-9]+|[0-9]+)/u;
/** A call's parentheses right after the name, closed on the line: `init()`, `bitfield("bool", 1)`
 * (a lone `(` glued to a word may be a misread letter). */
const CALLED = /^\([\p{L}\p{N}_.,'"” ]*\)/u;
const QUOTES = new Set(['"', "'", '”', '“', '‘', '’', '«', '»', '`']);
/** How often a technical document writes a lower-case name for it to count as one of its names. */
const COMMAND_MIN = 3;
/** Between two names of a list: a comma, or `och`/`eller`. */
const LIST_GAP = /^(?:,\s*|\s+(?:och|eller)\s+)$/u;

/** Per run, the lower-case words a technical document writes as names: its name spans', and
 * lower-case plain names the lexicon lacks, no Swedish word with diacritics, that it writes
 * COMMAND_MIN times or more (`cvs`, `pid`). Empty for a document that is no technical text: there a
 * recurring unknown word is the OCR's (`fran`, `tll`). */
const codeWordsOf = memoByObject((run: RepairRun): ReadonlySet<string> => {
  if (!isTechnical(run)) return new Set();
  const out = new Set(documentIdentifiers(run.wordText).words);
  const counts = new Map<string, number>();
  for (const u of run.units) if (PLAIN_NAME.test(u.word) && u.hyps && !u.hyps.original.known) counts.set(u.word, (counts.get(u.word) ?? 0) + 1);
  for (const [w, n] of counts) if (n >= COMMAND_MIN && !run.eng.maker.isWordWithDiacritics(w, run.docClass)) out.add(w);
  return out;
});

/** Why a unit's word reads as a name of code where it stands (see the module comment), or null. */
export function codeInProseCue(run: RepairRun, i: number): 'cue' | 'quoted' | 'camel' | 'call' | 'list' | null {
  const { units, wordText: text } = run;
  const u = units[i]!;
  const prev = units[i - 1];
  if (prev && adjacent(text, prev, u) && languageSet('sv/code-cues').has(prev.word.toLowerCase())) return 'cue';
  if (QUOTES.has(text[u.start - 1] ?? '') && QUOTES.has(text[u.end] ?? '')) return 'quoted';
  if (camelName(u.word)) return 'camel';
  if (CALLED.test(text.slice(u.end, u.end + 40))) return 'call';
  const listed = (a: Unit | undefined, b: Unit | undefined, other: Unit | undefined): boolean =>
    a !== undefined && b !== undefined && other !== undefined && a.end < b.start && LIST_GAP.test(text.slice(a.end, b.start)) && (camelName(other.word) || codeWordsOf(run).has(other.word));
  if (listed(prev, u, prev) || listed(u, units[i + 1], units[i + 1])) return 'list';
  return null;
}

/**
 * Whether the unit keeps its spelling as a name of code in prose (check `code-in-prose`): a plain
 * ASCII lower-case word the lexicon lacks, no Swedish word with diacritics, read as more than its
 * diacritics put back, where the sentence sets it as a name (codeInProseCue).
 */
export function codeInProse(run: RepairRun, i: number, reading: string, source: string): boolean {
  const u = run.units[i]!;
  // A word joined across a line-end hyphen takes its capitals from the line (`sam-⏎Jade`).
  if (!u.hyps || u.hyps.original.known || u.joinedHyphen || !PLAIN_NAME.test(u.word)) return false;
  if (foldDiacritics(reading) === foldDiacritics(u.word)) return false;
  // Shaped as code, or written as code elsewhere in the document (`function init()`, then
  // `funktionen init`, which the English model's `i` for `ä` would read as a stripped `inåt`).
  const asCode = writtenAsCode(run, u.word);
  if (!asCode && run.eng.maker.isWordWithDiacritics(u.word, run.docClass)) return false;
  const shaped = asCode || camelName(u.word) || CODE_SHAPE.test(u.word);
  if (!shaped && !isEnglishForm(u.word)) return false;
  // An English word that a learned OCR confusion reads as Swedish is damage as often (`tran` for
  // `från` after `funktionerna`): only a plain-edit reading, which no confusion explains, is
  // taken for a name, unless the word is shaped as code.
  if (!shaped && source !== 'edit-distance') return false;
  return codeInProseCue(run, i) !== null;
}
