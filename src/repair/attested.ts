/**
 * Attested use of a word the modern lexicon lacks: the older-Swedish lexicon
 * (`dictionaries/old-sv-words.txt.gz`, forms counted in period novels) holds it, as written or in a
 * period spelling of it (`gåfvo` for `gåvo`). Modern-spelling text still writes the older grammar of
 * those novels — verb plurals in -o (`foro`, `stodo`, `voro`) and the like — and such a word is
 * no OCR damage. Repair weighs it with the
 * prior its attested use gives (check `attested-form` in word-checks.ts), so that it is replaced
 * only where the OCR evidence for the other reading outweighs that prior.
 */
import { readDataFile } from '../dictionaries.js';
import { foldDiacritics } from './model.js';
import type { WordKnowledge } from './words.js';

/**
 * How much rarer a form of the period novels is on a modern page than in the novels (natural log):
 * the modern page writes the older grammar now and then, not throughout. On train and the dev
 * documents (fiction and news) every value from 0 to −6 kept the same right words and lost 1–2
 * fixes; −3 is the middle of that plateau.
 */
export const ATTESTED_DISCOUNT = -3;
/** Times the novels must write a form (its period spellings together) for it to count as used:
 * once or twice is as often a misprint or a name as a word. */
export const ATTESTED_MIN_COUNT = 3;
/** Letters a form must have: two-letter tokens (`da`, `at`, `na`) are stripped modern words in
 * English-model OCR far more often than older forms (train: 100+ such repairs right); from three
 * letters on the prior decides (`äro` kept, `sta` → `stå` still). */
export const ATTESTED_MIN_LENGTH = 3;

/**
 * A form as the 1906 reform respells it (`hvad` → `vad`, `gåfvo` → `gåvo`, `godt` → `gott`,
 * `qvinna` → `kvinna`): the novels' period spelling of a form a modern page writes. Only these
 * rules, not all of `spellingKey`'s folds: a modern page writes no `w` for `v`, no single consonant
 * for a double (`eler`) and no `e` for `ä`, so such a token is OCR damage there, not an older form.
 */
function reformSpelling(word: string): string {
  let w = word.normalize('NFC').toLowerCase().replace(/ſ/gu, 's');
  w = w.replace(/^hv/u, 'v').replace(/qv/gu, 'kv');
  w = w.replace(/fv/gu, 'v').replace(/f(?=[bcdfghjklmnpqrstvwxz]|$)/gu, 'v');
  return w.replace(/dt$/u, 'tt');
}

const WORD_SHAPE = /^\p{Lu}?\p{Ll}+$/u;

let counts: Map<string, number> | undefined;
/** Word tokens the lexicon counted. */
let tokens = 1;

/** Lower-case uses of each form as the reform spells it, read on first need (the lexicon's own
 * lines, without building the old-spelling repair's indexes: a modern page needs none of them). */
function keyCounts(): Map<string, number> {
  if (!counts) {
    const text = readDataFile('old-sv-words.txt.gz');
    counts = new Map();
    let n = 0;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const [w = '', c = '0', lc = '0'] = line.split('\t');
      n += Number(c);
      const lower = Number(lc);
      if (lower === 0) continue;
      const k = reformSpelling(w);
      counts.set(k, (counts.get(k) ?? 0) + lower);
    }
    tokens = n;
  }
  return counts;
}

/** How often the novels wrote the word (any period spelling of it, in lower case). */
export function attestedCount(word: string): number {
  // A word in lower case or capitalised; a capital inside (`cHer`) is OCR damage.
  if (word.length < ATTESTED_MIN_LENGTH || !WORD_SHAPE.test(word)) return 0;
  return keyCounts().get(word.toLowerCase()) ?? 0;
}

/**
 * The log prior of an unknown word by its attested use, on the scale of the lexicon's priors
 * (log of a relative frequency), or null when the word is not attested.
 */
export function attestedLogP(word: string): number | null {
  const n = attestedCount(word);
  if (n < ATTESTED_MIN_COUNT) return null;
  return Math.log(n / tokens) + ATTESTED_DISCOUNT;
}

/** A consonant, as a past stem of a strong verb ends (`tog`, `grep`, `stod`). */
const ENDS_CONSONANT = /[bcdfghjklmnpqrstvwxz]$/u;

/**
 * Whether the word is a regular older inflection of a verb the lexicon knows and the reading only
 * puts a modern ending in its place — the older grammar modern-spelling text keeps where the
 * novels' lexicon lacks the form itself:
 * - a past plural in -o on a past stem (`tillgrepo` from `tillgrep`, `kommo` from `kom`);
 * - a passive past plural in -os (`avbrötos` from `avbröts`);
 * - a plural imperative in -en of a known verb (`väljen`: `välj`, `välja`; `lyssnen`: `lyssna`,
 *   `lyssnar`);
 * - a subjunctive in -e of a verb in -a/-ar (`bevise`: `bevisa`, `bevisar`).
 * Only plain-edit readings are judged so: a channel reading of such a token (`maste` → `måste`,
 * `lange` → `länge`) is stripped diacritics, the commonest damage there is.
 */
export function olderInflection(word: string, reading: string, words: WordKnowledge): boolean {
  if (!WORD_SHAPE.test(word) || word.length < 4) return false;
  const w = word.toLowerCase();
  const r = foldDiacritics(reading);
  const keeps = (stem: string): boolean => r.startsWith(foldDiacritics(stem)) && r !== foldDiacritics(w);
  if (w.endsWith('os')) {
    const stem = w.slice(0, -2);
    if (keeps(stem) && words.has(`${stem}s`)) return true;
  }
  if (w.endsWith('o')) {
    const stem = w.slice(0, -1);
    const single = stem.replace(/(.)\1$/u, '$1');
    if (keeps(single) && ENDS_CONSONANT.test(stem) && (words.has(stem) || words.has(single))) return true;
  }
  if (w.endsWith('en')) {
    const stem = w.slice(0, -2);
    // The imperative is the stem (`välj`) or, for a verb in -a/-ar, the infinitive (`lyssna`).
    if (keeps(stem) && ENDS_CONSONANT.test(stem) && words.has(`${stem}a`) && (words.has(stem) || words.has(`${stem}ar`))) return true;
  }
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (keeps(stem) && words.has(`${stem}a`) && words.has(`${stem}ar`)) return true;
  }
  return false;
}
