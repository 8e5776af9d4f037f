/**
 * English words inside Swedish documents: names and titles (`Ministry of Justice`, `Strategy for
 * an open world`, `Statistics of Sweden`). Repair leaves them alone, but two of them are also what
 * an English-model OCR makes of Swedish words: in the training OCR `an` stood for `än` 45 times and
 * `at` for `åt` 20 times, and never for the English word. Those two are English only beside
 * another English word.
 */

import { languageList, languageSet } from '../language.js';
import { readDataFile } from '../dictionaries.js';

/** Left alone wherever they stand (`of` is never Swedish; `in`, `to` rarely damaged Swedish). */
const always = (): ReadonlySet<string> => languageSet('en/function-words');
/** English only next to an English word (`for an`, `an open`), otherwise damaged `än`, `åt`. */
const besideEnglish = (): ReadonlySet<string> => languageSet('en/only-beside-english');
let neighbours: ReadonlySet<string> | undefined;
/** Neighbours that make the stretch English: the function words, and `for` (Swedish too, and OCR
 * of `för`, but `för än`/`för åt` are rare where `for an` is a title's English). */
function englishNeighbours(): ReadonlySet<string> {
  neighbours ??= new Set([...languageList('en/function-words'), ...languageList('en/english-neighbours')]);
  return neighbours;
}

/** Whether `word` (as written) is an English word repair must leave alone anywhere. */
export function isEnglishWord(word: string): boolean {
  return always().has(word.toLowerCase());
}

/** Whether `word` is English only in English company (`an`, `at`): then its neighbours decide. */
export function isEnglishOnlyBesideEnglish(word: string): boolean {
  return word.length === 2 && besideEnglish().has(word.toLowerCase());
}

/** Whether a word beside `an`/`at` makes it English (`for an`, `at the`). */
export function isEnglishNeighbour(word: string): boolean {
  return englishNeighbours().has(word.toLowerCase());
}

let englishForms: Set<string> | undefined;

/**
 * Whether `word` (any case) is an English word form: the Hunspell en_US dictionary (SCOWL) with its
 * suffixes, in `dictionaries/en-words.txt.gz` (scripts/build-english.ts). Loaded on first use.
 */
export function isEnglishForm(word: string): boolean {
  englishForms ??= new Set(readDataFile('en-words.txt.gz').split('\n'));
  return englishForms.has(word.toLowerCase());
}
