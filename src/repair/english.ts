/**
 * English words inside Swedish documents: names and titles (`Ministry of Justice`, `Strategy for
 * an open world`, `Statistics of Sweden`). Repair leaves them alone, but two of them are also what
 * an English-model OCR makes of Swedish words: in the training OCR `an` stood for `än` 45 times and
 * `at` for `åt` 20 times, and never for the English word. Those two are English only beside
 * another English word.
 */

import { readDataFile } from './lexicon-data.js';

/** Left alone wherever they stand (`of` is never Swedish; `in`, `to` rarely damaged Swedish). */
const ALWAYS = new Set(['of', 'the', 'and', 'to', 'in', 'on', 'with', 'by', 'is', 'as', 'or', 'from', 'be', 'are', 'this', 'that']);
/** English only next to an English word (`for an`, `an open`), otherwise damaged `än`, `åt`. */
const BESIDE_ENGLISH = new Set(['an', 'at']);
/** Neighbours that make the stretch English: ALWAYS, and `for` (Swedish too, and OCR of `för`, but
 * `för än`/`för åt` are rare where `for an` is a title's English). */
const NEIGHBOURS = new Set([...ALWAYS, 'for']);

/** Whether `word` (as written) is an English word repair must leave alone anywhere. */
export function isEnglishWord(word: string): boolean {
  return ALWAYS.has(word.toLowerCase());
}

/** Whether `word` is English only in English company (`an`, `at`): then its neighbours decide. */
export function isEnglishOnlyBesideEnglish(word: string): boolean {
  return word.length === 2 && BESIDE_ENGLISH.has(word.toLowerCase());
}

/** Whether a word beside `an`/`at` makes it English (`for an`, `at the`). */
export function isEnglishNeighbour(word: string): boolean {
  return NEIGHBOURS.has(word.toLowerCase());
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
