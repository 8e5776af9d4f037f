/**
 * The word positions of a text and their readings: tokens become units (a line-end hyphenation
 * joined into one word, or judged as two), and each unit gets its readings — or a reason why it is
 * no word to repair. The reasons are named checks, tried in order: first the unit's own token
 * (TOKEN_CHECKS, then the hypothesis maker), then its neighbours (CONTEXT_CHECKS).
 */
import type { SkipReason } from '../types.js';
import type { Engines } from './engines.js';
import { isEnglishForm, isEnglishNeighbour, isEnglishOnlyBesideEnglish, isEnglishWord } from './english.js';
import { whyNoReadings, type TokenHypotheses } from './hypotheses.js';
import type { DocClass } from './model.js';
import { escapeRegExp, languageList, languageSet } from '../language.js';
import { isNumberLike, type Token } from './tokenize.js';
import { numberBefore } from './number-tails.js';
import { memoByObject } from '../memo.js';

/** One word position of the text: a token, or a line-end hyphenation joined into one word. */
export interface Unit {
  start: number;
  end: number;
  /** The word to judge (hyphenation removed). */
  word: string;
  /** The text of the span as it stands. */
  raw: string;
  joinedHyphen: boolean;
  /** Two tokens a line break apart joined into one word (the join-words rule; word-boundaries.ts). */
  joinedWords?: boolean;
  /** Candidates, or null when the word is not to be touched. A unit whose word is `1` with
   * candidates is number-like (the word `i` or the number one); the candidates are the cached
   * object itself, shared by every occurrence of the token, and never changed. */
  hyps: TokenHypotheses | null;
  /** Why `hyps` is null. */
  leftAlone?: SkipReason;
}

/** Per run, how often each word of its units stands in it, as written (counted when first asked;
 * the technical-text checks and the calibration's `recurs` read it). */
export const wordCountsOf = memoByObject((run: { readonly units: readonly Unit[] }): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>();
  for (const u of run.units) counts.set(u.word, (counts.get(u.word) ?? 0) + 1);
  return counts;
});

/** Second halves that show a line-end hyphen is a real one: `arbetsmarknads-⏎och integration…`. */
const conjunctions = (): ReadonlySet<string> => languageSet('sv/hyphen-conjunctions');

/** Words that follow a number rather than the preposition `i`. */
const numberWords = (): ReadonlySet<string> => languageSet('sv/number-words');

/** Units of measure as written after a number (`12 cm`, `40 MW`). */
const unitsOfMeasure = (): ReadonlySet<string> => languageSet('sv/units');

/** A digit or a vulgar fraction, then blanks and at most one line break, right before `start`
 * (`12 cm`, `1,5 cm`, `10–15 cm`, `½ dl`): the text's own, as the tokenizer keeps numbers and
 * references out of its words. */
const NUMBER_BEFORE = /[0-9½¼¾][ \t]*\n?[ \t]*$/u;
function afterNumber(text: string, start: number): boolean {
  return NUMBER_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

let headBeforeConjunction: RegExp | undefined;
/** What follows the head of an elided compound: `gruv- och mineralnäring`. */
function headBeforeConjunctionPattern(): RegExp {
  headBeforeConjunction ??= new RegExp(`^-\\s+(?:${languageList('sv/elision-conjunctions').map(escapeRegExp).join('|')})\\s`, 'u');
  return headBeforeConjunction;
}

/** A hyphen and white space, then a lower-case letter: the token before is the head of a broken
 * word (`regio- nala` copied from print, `ef-⏎⏎⏎ter` across a break the tokenizer does not join). */
const BROKEN_HEAD = /^-\s+\p{Ll}/u;
/** A letter, a hyphen and white space before the token: it is the tail of a broken word. */
const BROKEN_TAIL = /\p{L}-\s+$/u;
/** A hyphen and nothing but white space after it. */
const HYPHEN_AT_END = /^-\s*$/u;
/** How far around a token the broken-word patterns look (the white space of a few blank lines). */
const BREAK_REACH = 16;

/** The replacement character: a character the decoder could not read. */
const LOST = '\uFFFD';

// Regular expressions of the per-token path are built once here: the bundler (esbuild, target
// node20) turns a literal with \p{…} into `new RegExp(…)` where it stands, so one inside a function
// would be constructed again on every call.
const LETTER = /\p{L}/u;
const LETTER_OR_LONE_ONE = /\p{L}|^1$/u;
const LOWER_OR_COMMA = /[\p{Ll},]/u;
const LOWER_WORD = /^\p{Ll}+$/u;
const SPACE = /\s/u;

/** Whether the code unit is white space as `\s` has it (ASCII answered without the regex). */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}

/** `BROKEN_HEAD` after `end`, tested only when a hyphen stands there (the pattern starts with one);
 * or a hyphen that ends the text (a page repaired alone whose last word goes on overleaf). */
function brokenHeadAt(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 45) return false;
  const after = text.slice(end, end + BREAK_REACH);
  return BROKEN_HEAD.test(after) || (end + BREAK_REACH >= text.length && HYPHEN_AT_END.test(after));
}

/** `BROKEN_TAIL` before `start`, tested only when white space and a hyphen stand before it. */
function brokenTailAt(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && start - i < BREAK_REACH && isSpaceCode(text.charCodeAt(i))) i--;
  return i < start - 1 && text.charCodeAt(i) === 45 && BROKEN_TAIL.test(text.slice(Math.max(0, i - 1), start));
}

/** The head of an elided compound ends at `end`, tested only when a hyphen stands there. */
function headBeforeConjunctionAt(text: string, end: number): boolean {
  return text.charCodeAt(end) === 45 && headBeforeConjunctionPattern().test(text.slice(end, end + 14));
}

/** What the checks of a text's units see. */
export interface UnitText {
  text: string;
  docClass: DocClass;
  eng: Engines;
  /** Offsets of damaged abbreviations repaired as a whole, not as words. */
  abbreviationStarts: ReadonlySet<number>;
}

/** A check of one token on its own: the reason it is no word to repair, or null. */
interface TokenCheck {
  reason: SkipReason;
  leavesAlone(word: string, start: number, at: UnitText): boolean;
}

/** A single letter that the training OCR of this document class wrote for a whole word (`t` and
 * `j` for `i` in English-model OCR): a word token, though other single letters are not. */
function isLearnedLetter(word: string, docClass: DocClass, eng: Engines): boolean {
  return word.length === 1 && eng.model.tables[docClass].words.has(word);
}

/** The checks of a token on its own, in order (before its readings are made). */
const TOKEN_CHECKS: readonly TokenCheck[] = [
  { reason: 'single-letter', leavesAlone: (w, _, at) => !(w.length > 1 || w === '1' || isLearnedLetter(w, at.docClass, at.eng)) },
  { reason: 'number', leavesAlone: (w) => isNumberLike(w) },
  { reason: 'no-letter', leavesAlone: (w) => !LETTER_OR_LONE_ONE.test(w) },
  { reason: 'dotted-abbreviation', leavesAlone: (_, start, at) => at.abbreviationStarts.has(start) },
  {
    // Part of a dotted abbreviation (`fr.o.m.`, `t.ex.`, `bl.a.`): not a word of its own.
    reason: 'abbreviation-part',
    leavesAlone: (w, start, { text }) => {
      const end = start + w.length;
      return (text[end] === '.' && LETTER.test(text[end + 1] ?? '')) || (text[start - 1] === '.' && LETTER.test(text[start - 2] ?? ''));
    },
  },
];

/** Whether the word at `start` continues a sentence: a letter, digit or comma before it, no blank line. */
export function midSentence(text: string, start: number): boolean {
  let i = start - 1;
  let newlines = 0;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) {
    if (text[i] === '\n') newlines++;
    i--;
  }
  return i >= 0 && i < start - 1 && newlines < 2 && LOWER_OR_COMMA.test(text[i]!);
}

/** The readings of the word at `start`, or why it has none. `head`: the head of a suspended
 * compound (`arbetsmarknads- och …`), often no word of its own: only stripped diacritics are put
 * back there. */
function readingsOf(word: string, start: number, at: UnitText, head = false): TokenHypotheses | SkipReason {
  for (const check of TOKEN_CHECKS) if (check.leavesAlone(word, start, at)) return check.reason;
  const isHead = head || headBeforeConjunctionAt(at.text, start + word.length);
  // The part after a number and a hyphen (`46-arig`): a compound tail (number-tails.ts).
  const digits = isHead ? null : numberBefore(at.text, start);
  const tail = digits === null ? null : at.eng.maker.forNumberTail(word, digits, at.docClass);
  if (tail) return tail;
  return at.eng.maker.for(word, at.docClass, midSentence(at.text, start), isHead) ?? whyNoReadings(word);
}

function unit(start: number, end: number, word: string, raw: string, joinedHyphen: boolean, readings: TokenHypotheses | SkipReason | null): Unit {
  return typeof readings === 'string' ? { start, end, word, raw, joinedHyphen, hyps: null, leftAlone: readings } : { start, end, word, raw, joinedHyphen, hyps: readings };
}

/**
 * A word broken by a hyphen inside a line (`regio- nala`, text copied from print): its halves are
 * fragments, not words, so neither is "repaired" into some short word (`nala` → `nåla`). So is a
 * word cut by a U+FFFD, a character lost in decoding (`g\uFFFDller`): `ller` is no word to replace
 * by `eller`.
 */
function isFragment(text: string, t: Token): boolean {
  return (brokenHeadAt(text, t.end) && !headBeforeConjunctionAt(text, t.end)) || brokenTailAt(text, t.start) || text[t.start - 1] === LOST || text[t.end] === LOST;
}

/** The units of a line-end hyphenation: one joined word, or its two halves when the hyphen is a real one. */
function hyphenationUnits(t: Token & { halves: [string, string] }, at: UnitText, dehyphenate: boolean): Unit[] {
  const [a, b] = t.halves;
  // Asked not to join: the halves are no words of their own, so they are left alone.
  if (!dehyphenate) return [unit(t.start, t.end, t.raw, t.raw, false, 'not-joined')];
  const { maker } = at.eng;
  const readings = readingsOf(t.word, t.start, at);
  const joinedGood = typeof readings !== 'string' && (readings.original.known || readings.alternatives.length > 0);
  // A conjunction after the hyphen marks a suspended compound part (`arbetsmarknads-⏎och
  // integration…`) only when the halves do not join into a known word: `skynd-⏎samt`,
  // `lik-⏎som`, `in-⏎till` are words broken at the line end. (A compound ending in a
  // conjunction is never known, so `hälso-⏎och` stays apart.)
  const conjunction = conjunctions().has(b.toLowerCase());
  const keep = (conjunction && !maker.known(t.word)) || /^[0-9]/.test(b) || (!joinedGood && maker.known(a) && maker.known(b));
  if (!keep) return [unit(t.start, t.end, t.word, t.raw, true, readings)];
  // A real hyphen: judge the two halves as words of their own.
  const bStart = t.start + t.raw.lastIndexOf(b);
  return [unit(t.start, t.start + a.length, a, a, false, readingsOf(a, t.start, at, conjunction)), unit(bStart, t.end, b, b, false, readingsOf(b, bStart, at))];
}

/** Whether only white space within one paragraph separates two units (a bigram may span them):
 * some white space and at most one line break between them. */
export function adjacent(text: string, a: Unit | undefined, b: Unit | undefined): boolean {
  if (!a || !b || a.end >= b.start) return false;
  let newlines = 0;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (!isSpaceCode(c)) return false;
    if (c === 10) newlines++;
  }
  return newlines < 2;
}

/**
 * A check of a unit among its neighbours, run over all units that still have readings: `prepare`
 * looks at the units once (before this check leaves any alone) and gives the test of unit k.
 */
interface ContextCheck {
  reason: SkipReason;
  prepare(units: readonly Unit[], at: UnitText): (k: number) => boolean;
}

const CONTEXT_CHECKS: readonly ContextCheck[] = [
  {
    // A unit of measure right after a number (`12 cm`, `3 dl`, `40 MW`) is no damaged word: the
    // lexicon refuses vowel-less lower-case forms it does not list, so `cm` was read as `en`. (In
    // the training and dev OCR no listed unit after a number was damage.)
    reason: 'unit',
    prepare: (units, { text }) => (k) =>
      unitsOfMeasure().has(units[k]!.word) && afterNumber(text, units[k]!.start),
  },
  {
    // A lone `1` is the word `i` only between two lower-case words, and not before a unit or month
    // (`den 1 maj`, `hogst 1 procent`); elsewhere it is a number, a list label or a heading. So is
    // a lone letter the training OCR wrote for a word (`t`, `j` for `i`): elsewhere it is a list
    // label or a bullet (`t Samarbeta med …`).
    reason: 'lone-character',
    prepare: (units, { text }) => (k) => {
      const u = units[k]!;
      if (u.word.length !== 1) return false;
      const prev = units[k - 1];
      const next = units[k + 1];
      const wordy = (x: Unit | undefined): boolean => x !== undefined && LOWER_WORD.test(x.word);
      return !(adjacent(text, prev, u) && adjacent(text, u, next) && wordy(prev) && wordy(next) && !(u.word === '1' && numberWords().has(next!.word)));
    },
  },
  {
    // `an`, `at`: damaged `än`, `åt`, unless English stands beside them (`Strategy for an open world`).
    reason: 'english-neighbour',
    prepare: (units, { text }) => (k) => {
      const u = units[k]!;
      if (!isEnglishOnlyBesideEnglish(u.word)) return false;
      const prev = units[k - 1];
      const next = units[k + 1];
      const englishLeft = prev !== undefined && adjacent(text, prev, u) && isEnglishNeighbour(prev.word);
      const englishRight = next !== undefined && adjacent(text, u, next) && isEnglishNeighbour(next.word);
      return englishLeft || englishRight;
    },
  },
  {
    // A run of English inside Swedish prose (`life science`, `Sweden Food Arena`, `controlled
    // foreign company`): a word that is English and no Swedish word — not even with its diacritics
    // put back (`over` is `över`, `fran` is `från`) — stays where an English word stands beside it.
    // On text no model had seen, such words were the commonest damage (`life` → `lite`, `Food` →
    // `Fond`). (Not a form the training OCR wrote for a Swedish word: `Gil` for `till`.)
    reason: 'english-run',
    prepare: (units, { text, eng, docClass }) => {
      // Worked out on first need (a unit left alone before this check, and its neighbours only if
      // it is English itself, are never asked), from the readings as they stood before the check.
      const readings = units.map((u) => u.hyps);
      const known: Array<boolean | undefined> = [];
      const englishOnly = (k: number): boolean => {
        let e = known[k];
        if (e === undefined) {
          const u = units[k]!;
          e = isEnglishForm(u.word) && !eng.maker.isWordWithDiacritics(u.word, docClass) && !(readings[k]?.alternatives.some((h) => h.source === 'learned-word' || h.source === 'till-start') ?? false);
          known[k] = e;
        }
        return e;
      };
      // Beside: another such word, or an English function word (`of`). Not a word Swedish shares
      // with English (`under`, `till`, `for`): OCR damage that happens to spell English (`clever`
      // for `elever`) stands beside those all the time.
      const english = (k: number): boolean => englishOnly(k) || isEnglishWord(units[k]!.word);
      return (k) => {
        const u = units[k]!;
        const left = adjacent(text, units[k - 1], u) && english(k - 1);
        const right = adjacent(text, u, units[k + 1]) && english(k + 1);
        // An English word that is also a stripped Swedish one (`for`, `an`, `far`) stays only
        // inside such a run, English on both sides (`Visual Basic for Applications`, `framework
        // for classification`): train and dev OCR, 3 right words kept, no repair lost.
        return englishOnly(k) ? left || right : left && right && isEnglishForm(u.word);
      };
    },
  },
];

/** The units of `tokens`, each with its readings or the reason it is left alone. */
export function makeUnits(tokens: readonly Token[], at: UnitText, dehyphenate: boolean): Unit[] {
  const units: Unit[] = [];
  for (const t of tokens) {
    if (t.halves) units.push(...hyphenationUnits(t as Token & { halves: [string, string] }, at, dehyphenate));
    else units.push(unit(t.start, t.end, t.word, t.raw, false, isFragment(at.text, t) ? 'fragment' : readingsOf(t.word, t.start, at)));
  }
  for (const check of CONTEXT_CHECKS) {
    const leavesAlone = check.prepare(units, at);
    units.forEach((u, k) => {
      if (u.hyps !== null && leavesAlone(k)) {
        u.hyps = null;
        u.leftAlone = check.reason;
      }
    });
  }
  return units;
}
