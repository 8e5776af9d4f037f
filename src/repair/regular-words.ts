/**
 * Right words the lexicon lacks that are built by the rules of the language or stand where a name
 * stands, so that an unknown-word reading (confusion, plain edits, a merged `till`) of them is no
 * repair but damage. Each is a named check of word-checks.ts, with its reason in `--explain`:
 *
 * - `compound-part` (compoundPart): a compound of known parts read as another compound that differs
 *   in one part (`vagnsboden` → `vagnshuden`, `styckebrytningar` → `styrkebrytningar`);
 * - `older-inflection` (olderDefinite, olderNeuter, beside attested.ts's verb forms): the older
 *   definite form in -ien of a noun in -i (`teologien`, `fotografien`), the older neuter in -dt of an
 *   adjective in -d (`hårdt`);
 * - `name-sequence` (nameSequence): a capitalised word beside another name the lexicon lacks
 *   (`Demba Ba`, `Alaa al-Aswany`).
 *
 * Designed on the training set, the fixtures and the dev documents (fiction, news, official prose);
 * the held-out registers set only checked them.
 */
import { vowelSkeleton } from './context-gate.js';
import { foldDiacritics } from './model.js';
import type { Decision } from './ranking.js';
import type { RepairRun } from './run.js';
import { midSentence, type Unit } from './units.js';
import type { WordKnowledge } from './words.js';

/** Letters the part a compound and its reading share must have: `till`, `över`, `makt`. */
const SHARED_MIN = 4;
/** Letters the swapped part must have (a shorter one is as often an OCR fragment as a word). */
const PART_MIN = 3;
/**
 * How often official prose must write the token's swapped part, as a word of its own, for the
 * token to count as a compound of it: a rare listed word is as often a fragment the OCR made
 * (train: the three such readings that were right, `maktjordning` → `maktordning`,
 * `bandelsmetoder` → `handelsmetoder`, `tegentillsyn` → `egentillsyn`, had a part never seen).
 */
const PART_MIN_FREQUENCY = 20;

const LOWER = /^\p{Ll}+$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;

/** Whether `head` can begin a compound: a known word, or one with the linking `s` (`vagns`). */
function headPart(head: string, words: WordKnowledge): boolean {
  return words.has(head) || (head.endsWith('s') && head.length > SHARED_MIN && words.has(head.slice(0, -1)));
}

/** The word a first part stands for (`stycke`; `vagns`, `arbete` with the linking `s` or `e` off),
 * when official prose writes it often enough on its own. */
function commonFirstPart(part: string, words: WordKnowledge): boolean {
  const word = words.hasExact(part) ? part : /[se]$/u.test(part) && words.hasExact(part.slice(0, -1)) ? part.slice(0, -1) : null;
  return word !== null && words.frequency(word) >= PART_MIN_FREQUENCY;
}

/** The last part swapped: `vagns|boden` read as `vagns|huden`. */
function lastPartSwapped(word: string, reading: string, words: WordKnowledge): boolean {
  let shared = 0;
  while (shared < word.length && word[shared] === reading[shared]) shared++;
  // The split nearest the first difference whose head is a compound part.
  for (let i = Math.min(shared, word.length - PART_MIN); i >= SHARED_MIN; i--) {
    const tail = word.slice(i);
    const readTail = reading.slice(i);
    if (readTail.length < PART_MIN || !headPart(word.slice(0, i), words)) continue;
    return words.hasExact(tail) && words.hasExact(readTail) && words.frequency(tail) >= PART_MIN_FREQUENCY;
  }
  return false;
}

/** The first part swapped: `stycke|brytningar` read as `styrke|brytningar`. */
function firstPartSwapped(word: string, reading: string, words: WordKnowledge): boolean {
  const parts = words.compoundParts?.(reading);
  const tail = parts?.[parts.length - 1];
  if (tail === undefined || tail.length < SHARED_MIN || !word.endsWith(tail)) return false;
  const head = word.slice(0, word.length - tail.length);
  return head.length >= PART_MIN && commonFirstPart(head, words);
}

/** Whether the reading differs from the word only by an `é` for an `e` (`styrfilen` → `styrfilén`):
 * no Swedish letter lost by the OCR — the English model writes `é` (for `ö` too) — but a rare
 * loan's accent put on a common word's `e` (`filen`/`filén`). */
function acuteOnly(word: string, reading: string): boolean {
  if (word.length !== reading.length || word === reading) return false;
  for (let k = 0; k < word.length; k++) if (word[k] !== reading[k] && !(word[k] === 'e' && reading[k] === 'é')) return false;
  return true;
}

/** Whether the reading only takes diacritics off the word (`hörntäckning` → `horntäckning`; the
 * letters of dictionaries/sv/stripped-diacritics.txt, as foldDiacritics folds them): a
 * Swedish-model OCR's stray dots are of that kind (`fråm`, `förmer`), but where the word as written
 * is a compound of known parts (`hörn|täckning`), the author wrote those letters. */
function diacriticsRemoved(word: string, reading: string): boolean {
  if (word.length !== reading.length || word === reading) return false;
  for (let k = 0; k < word.length; k++) if (word[k] !== reading[k] && foldDiacritics(word[k]!) !== reading[k]) return false;
  return true;
}

/**
 * A compound of known parts (`vagns|boden`, `stycke|brytningar`) that the lexicon does not take as
 * one (a part is one OCR change from a likelier part: `boden`/`huden`), read as a compound that
 * keeps one part and puts another word in place of the other (`vagns|huden`, `styrke|brytningar`),
 * a word the lexicon too knows only by its parts. Both are compounds; only the OCR channel's
 * evidence speaks for the reading, and the token's part is a common word, so the author's compound
 * stays. A reading the lexicon lists as a word of its own (`verksambet` → `verksamhet`,
 * `kunskapshas` → `kunskapsbas`) and vowels or diacritics put back (`forsaljningsstallen` →
 * `försäljningsställen`) are repairs as before — except an `é` put on an `e` of the last part (acuteOnly:
 * `styr|filen` is no `styr|filén`) or diacritics taken off a part (`hörn|täckning` is no
 * `horn|täckning`). Train, fixtures and dev (prose and the technical dev
 * set): 3 right words kept (`vagnsboden`, `styckebrytningar` ×2), 0 repairs lost; technical dev text:
 * 8 right words kept (`styrfilen`, `grafikfilen`, `deklarationsfilen`), 6 (`hörntäckning`).
 */
export function compoundPart(word: string, reading: string, words: WordKnowledge): boolean {
  if (!LOWER.test(word) || !LOWER.test(reading) || words.hasExact(reading) || (vowelSkeleton(word) === vowelSkeleton(reading) && !acuteOnly(word, reading) && !diacriticsRemoved(word, reading))) return false;
  return lastPartSwapped(word, reading, words) || firstPartSwapped(word, reading, words);
}

/**
 * The older definite form in -ien of a noun in -i that the lexicon knows, with its modern definite
 * form in -in (`teologien`: `teologi`, `teologin`; `fotografien`), read as another word: the
 * author's grammar, as period prose writes it, not OCR damage. Any reading but diacritics put back.
 * Dev fiction: 6 right words kept (`teologien` ×2, `fotografien` ×4), 0 repairs lost.
 */
export function olderDefinite(word: string, reading: string, words: WordKnowledge): boolean {
  const w = word.toLowerCase();
  if (!w.endsWith('ien') || w.length < 6 || vowelSkeleton(w) === vowelSkeleton(reading)) return false;
  const noun = w.slice(0, -2);
  return words.hasExact(noun) && words.hasExact(`${noun}n`);
}

const VOWEL_END = /[aeiouyåäö]$/u;

/**
 * The older neuter in -dt of a known adjective in -d whose modern neuter the lexicon knows
 * (`hårdt`: `hård`, `hårt`; `godt`: `god`, `gott`), read as another word: the spelling before the
 * 1906 reform, which prose of the following decades still writes. Any reading but vowels or
 * diacritics put back. Dev fiction: 1 right word kept (`hårdt` → `häråt`), 0 repairs lost (no other
 * token in -dt of that shape is in the training or dev OCR).
 */
export function olderNeuter(word: string, reading: string, words: WordKnowledge): boolean {
  const w = word.toLowerCase();
  if (!w.endsWith('dt') || w.length < 4 || vowelSkeleton(w) === vowelSkeleton(reading)) return false;
  const adjective = w.slice(0, -1);
  const stem = w.slice(0, -2);
  const modern = VOWEL_END.test(stem) ? `${stem}tt` : `${stem}t`;
  return words.hasExact(adjective) && words.hasExact(modern);
}

/** A capitalised word of plain letters, none a glyph an OCR writes for a Swedish letter (`G`, `d`,
 * `é`): how a name the lexicon lacks is written. */
const PLAIN_NAME = /^[A-FH-Z][a-ce-z]+$/u;
/** A name after a particle and a hyphen, next in the text (`al-Aswany`, `el-Sisi`): its name part. */
const PARTICLE_NAME_AFTER = /^[ \t]*\n?[ \t]*\p{Ll}{1,3}-(\p{Lu}\p{Ll}+)/u;
/** Blanks and at most one line break: two words of one name. */
const NAME_GAP = /^[ \t]*\n?[ \t]*$/u;

/** Whether unit j is a name word the lexicon lacks, kept as written (`chosen`: the words chosen). */
function nameWord(run: RepairRun, j: number, chosen: readonly string[] | undefined): boolean {
  const v = run.units[j];
  if (!v || chosen?.[j] !== v.word) return false;
  // A listed name (`Stockholms Unt-⏎versitet`) is no such neighbour: it begins names of institutions
  // whose next word is a common noun, damaged like any other.
  return CAPITALISED.test(v.word) && (v.hyps !== null ? !v.hyps.original.known : !run.words.has(v.word));
}

/**
 * A capitalised plain-letter word the lexicon lacks, in a name's place: beside another capitalised
 * word the lexicon lacks that stays as written, the pair continuing a sentence (`succévärvning Demba
 * Ba inledde`), or before a particle name (`författaren Alaa al-Aswany`). Read as a word with
 * other consonants (`Ba` → `ha`, `Alaa` → `Alla`) it is a name changed, not damage repaired; vowels
 * and diacritics put back (`Goran` → `Göran`) are no such change. Two damaged capitalised words side
 * by side that both keep their spelling are rare: in the training, fixture and dev OCR none was a
 * repair lost, 5 right words were kept (`Ba` ×4, `Alaa`).
 * `provisional`: the words chosen for the units after unit i in the first pass.
 */
export function nameSequence(run: RepairRun, i: number, u: Unit, d: Decision, provisional: readonly string[] | undefined): boolean {
  if (!PLAIN_NAME.test(u.word) || u.hyps?.original.known !== false || vowelSkeleton(d.best.text) === vowelSkeleton(u.word)) return false;
  const text = run.wordText;
  const prev = run.units[i - 1];
  const next = run.units[i + 1];
  if (prev && NAME_GAP.test(text.slice(prev.end, u.start)) && midSentence(text, prev.start) && nameWord(run, i - 1, run.chosen)) return true;
  if (next && NAME_GAP.test(text.slice(u.end, next.start)) && midSentence(text, u.start) && nameWord(run, i + 1, provisional)) return true;
  const particle = PARTICLE_NAME_AFTER.exec(text.slice(u.end, u.end + 40));
  return particle !== null && midSentence(text, u.start) && !run.words.has(particle[1]!);
}
