/**
 * English words inside Swedish documents: names and titles (`Ministry of Justice`, `Strategy for
 * an open world`, `Statistics of Sweden`). Repair leaves them alone, but two of them are also what
 * an English-model OCR makes of Swedish words: in the training OCR `an` stood for `än` 45 times and
 * `at` for `åt` 20 times, and never for the English word. Those two are English only beside
 * another English word.
 */

import { languageList, languageSet } from '../language.js';
import { readDataFile } from '../dictionaries.js';
import { fmix32 } from '../hash.js';

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

/** Bits of the filter over the English forms' hashes (128 kB; ~8 % of other words pass it). */
const FILTER_BITS = 1 << 20;
let englishFilter: Uint32Array | undefined;

/** The filter bit of `word` lower-cased, hashed as it is read (FNV-1a, then mixed), or -1 when a
 * character is beyond ASCII (the forms are ASCII, but lower case makes `K` (Kelvin) a `k`). */
function filterBit(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return fmix32(h) & (FILTER_BITS - 1);
}

/**
 * Whether `word` (any case) is an English word form: the Hunspell en_US dictionary (SCOWL) with its
 * suffixes, in `dictionaries/en-words.txt.gz` (scripts/build-english.ts). Loaded on first use.
 * Repair asks it of most words of every document; a bit filter over the forms' hashes (small
 * enough to stay in the cache, where the set of 88 k forms is not) turns most Swedish words away
 * before the set is asked.
 */
export function isEnglishForm(word: string): boolean {
  if (!englishForms) {
    englishForms = new Set(readDataFile('en-words.txt.gz').split('\n'));
    const filter = new Uint32Array(FILTER_BITS / 32);
    // (A form beyond ASCII would have no bit: then there is no filter, and every word asks the set.)
    let ascii = true;
    for (const form of englishForms) {
      const b = filterBit(form);
      if (b < 0) ascii = false;
      else filter[b >>> 5]! |= 1 << (b & 31);
    }
    englishFilter = ascii ? filter : undefined;
  }
  const b = englishFilter ? filterBit(word) : -1;
  if (b >= 0 && (englishFilter![b >>> 5]! & (1 << (b & 31))) === 0) return false;
  return englishForms.has(word.toLowerCase());
}
