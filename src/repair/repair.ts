/**
 * OCR repair of Swedish text: normalise, join line-end hyphenations, then choose for every word
 * token the most probable word under channel × prior × context. Every change is reported against
 * the input text.
 */
import { applyEdits } from '../normalise/index.js';
import type { Correction, RepairResult } from '../types.js';
import { casePattern } from './case.js';
import { classify } from './doc-class.js';
import { composeCorrections, type Edit, type InputChange } from './edits.js';
import { isEnglishForm, isEnglishNeighbour, isEnglishOnlyBesideEnglish, isEnglishWord } from './english.js';
import { damagedAbbreviations } from './dotted-abbreviations.js';
import { colonLineBreaks, gluedSentenceGlyphs, hyphensForColons, loneGlyphs, sentenceInitialGlyphs } from './glyph-words.js';
import { markSwaps } from './sentence-marks.js';
import { yearRangeHyphens } from './year-ranges.js';
import { HypothesisMaker, type Hypothesis, type TokenHypotheses } from './hypotheses.js';
import { LanguageModel } from './language-model.js';
import { defaultModel, type DocClass, type RepairModel, type RepairParams } from './model.js';
import { normalizeStep } from './normalize-step.js';
import { isNumberLike, tokenize, type Token } from './tokenize.js';
import type { WordKnowledge } from './words.js';
import { defaultWords } from './default-words.js';
import { decideOrthography, type Spelling } from './orthography.js';
import { oldSwedishEdits, type OldRepairParams } from './old-swedish.js';

export interface RepairOptions {
  /** Word knowledge to repair against (default: the shipped lexicon). */
  lexicon?: WordKnowledge;
  /** Minimum confidence (0..1) for a correction to be applied (default: fitted on the training set). */
  minConfidence?: number;
  /** Join words hyphenated at line ends (default true). */
  dehyphenate?: boolean;
  /** Run normalisation first (default true). */
  normalize?: boolean;
  /** Override the document class instead of detecting it from the å/ä/ö rate (for short texts). */
  documentClass?: DocClass;
  /** Override fitted weights (training and experiments). */
  params?: Partial<RepairParams>;
  /** Use another repair model than the shipped one. */
  model?: RepairModel;
  /** The spelling: `auto` (default) decides each page (form-feed separated) from its features
   * (see orthography.ts); `modern` or `pre-1906` says it for the whole text. */
  spelling?: 'auto' | Spelling;
  /** Override the fitted weights of older-spelling repair (training and experiments). */
  oldParams?: Partial<OldRepairParams>;
}

/** Second halves that show a line-end hyphen is a real one: `arbetsmarknads-⏎och integration…`. */
const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'respektive', 'resp', 'som', 'till', 'men']);

/** Words that follow a number rather than the preposition `i`. */
const NUMBER_WORDS = new Set([
  'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december',
  'procent', 'kap', 'st', 'kr', 'kronor', 'miljon', 'miljoner', 'miljard', 'miljarder', 'timme', 'timmar', 'år', 'ar', 'dag', 'dagar',
  'vecka', 'veckor', 'månad', 'manad', 'gång', 'gang', 'person', 'personer', 'och', 'eller', 'till', 'av', 'per', 'tkr', 'mnkr',
]);

/** What follows the head of an elided compound: `gruv- och mineralnäring`. */
const HEAD_BEFORE_CONJUNCTION = /^-\s+(?:och|eller|samt|respektive|resp\.?|till|som)\s/u;

/** A hyphen and white space, then a lower-case letter: the token before is the head of a broken
 * word (`regio- nala` copied from print, `ef-⏎⏎⏎ter` across a break the tokenizer does not join). */
const BROKEN_HEAD = /^-\s+\p{Ll}/u;
/** A letter, a hyphen and white space before the token: it is the tail of a broken word. */
const BROKEN_TAIL = /\p{L}-\s+$/u;
/** A hyphen and nothing but white space after it. */
const HYPHEN_AT_END = /^-\s*$/u;
/** How far around a token the broken-word patterns look (the white space of a few blank lines). */
const BREAK_REACH = 16;

// Regular expressions of the per-token path are built once here: the bundler (esbuild, target
// node20) turns a literal with \p{…} into `new RegExp(…)` where it stands, so one inside a function
// would be constructed again on every call.
const LETTER = /\p{L}/u;
const LETTER_OR_LONE_ONE = /\p{L}|^1$/u;
const LOWER_OR_COMMA = /[\p{Ll},]/u;
const STARTS_UPPER = /^\p{Lu}/u;
const LOWER_WORD = /^\p{Ll}+$/u;
const SPACE = /\s/u;

/** Whether the code unit is white space as `\s` has it (ASCII answered without the regex). */
function isSpaceCode(c: number): boolean {
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

/** `HEAD_BEFORE_CONJUNCTION` after `end`, tested only when a hyphen stands there. */
function headBeforeConjunctionAt(text: string, end: number): boolean {
  return text.charCodeAt(end) === 45 && HEAD_BEFORE_CONJUNCTION.test(text.slice(end, end + 14));
}

/** One word position of the text: a token, or a line-end hyphenation joined into one word. */
interface Unit {
  start: number;
  end: number;
  /** The word to judge (hyphenation removed). */
  word: string;
  /** The text of the span as it stands. */
  raw: string;
  joinedHyphen: boolean;
  /** Candidates, or null when the word is not to be touched. A unit whose word is `1` with
   * candidates is number-like (the word `i` or the number one); the candidates are the cached
   * object itself, shared by every occurrence of the token, and never changed. */
  hyps: TokenHypotheses | null;
}

interface Engines {
  words: WordKnowledge;
  lm: LanguageModel;
  maker: HypothesisMaker;
  model: RepairModel;
}

const engineCache = new WeakMap<WordKnowledge, Map<RepairModel, Engines>>();

/** Per word source and model, the caches that make repeated words cheap. */
function engines(words: WordKnowledge, model: RepairModel): Engines {
  let byModel = engineCache.get(words);
  if (!byModel) {
    byModel = new Map();
    engineCache.set(words, byModel);
  }
  let e = byModel.get(model);
  if (!e) {
    e = { words, lm: new LanguageModel(words), maker: new HypothesisMaker(words, model.tables, model.trigrams), model };
    byModel.set(model, e);
  }
  return e;
}

function isWordToken(word: string): boolean {
  return word.length > 1 || word === '1';
}

/** `abbreviationStarts`: offsets of damaged abbreviations repaired as a whole, not as words. */
function makeUnits(text: string, tokens: Token[], docClass: DocClass, eng: Engines, dehyphenate: boolean, abbreviationStarts: ReadonlySet<number>): Unit[] {
  const units: Unit[] = [];
  const hypsOf = (word: string, start: number, head = false): Unit['hyps'] => {
    if (!(isWordToken(word) || isLearnedLetter(word, docClass, eng)) || isNumberLike(word) || !LETTER_OR_LONE_ONE.test(word) || abbreviationStarts.has(start)) return null;
    // Part of a dotted abbreviation (`fr.o.m.`, `t.ex.`, `bl.a.`): not a word of its own.
    const end = start + word.length;
    if ((text[end] === '.' && LETTER.test(text[end + 1] ?? '')) || (text[start - 1] === '.' && LETTER.test(text[start - 2] ?? ''))) return null;
    // The head of `arbetsmarknads- och …` is a compound part, often no word of its own: only
    // stripped diacritics are put back there.
    const isHead = head || headBeforeConjunctionAt(text, end);
    return eng.maker.for(word, docClass, midSentence(text, start), isHead);
  };
  for (const t of tokens) {
    if (t.halves) {
      const [a, b] = t.halves;
      const hyps = hypsOf(t.word, t.start);
      const joinedGood = hyps !== null && (hyps.original.known || hyps.alternatives.length > 0);
      // A conjunction after the hyphen marks a suspended compound part (`arbetsmarknads-⏎och
      // integration…`) only when the halves do not join into a known word: `skynd-⏎samt`,
      // `lik-⏎som`, `in-⏎till` are words broken at the line end. (A compound ending in a
      // conjunction is never known, so `hälso-⏎och` stays apart.)
      const suspended = CONJUNCTIONS.has(b.toLowerCase()) && !eng.maker.known(t.word);
      const keep = !dehyphenate || suspended || /^[0-9]/.test(b) || (!joinedGood && eng.maker.known(a) && eng.maker.known(b));
      if (!dehyphenate) {
        // Asked not to join: the halves are no words of their own, so they are left alone.
        units.push({ start: t.start, end: t.end, word: t.raw, raw: t.raw, joinedHyphen: false, hyps: null });
        continue;
      }
      if (!keep) {
        units.push({ start: t.start, end: t.end, word: t.word, raw: t.raw, joinedHyphen: true, hyps });
        continue;
      }
      // A real hyphen: judge the two halves as words of their own.
      const bStart = t.start + t.raw.lastIndexOf(b);
      units.push({ start: t.start, end: t.start + a.length, word: a, raw: a, joinedHyphen: false, hyps: hypsOf(a, t.start, CONJUNCTIONS.has(b.toLowerCase())) });
      units.push({ start: bStart, end: t.end, word: b, raw: b, joinedHyphen: false, hyps: hypsOf(b, bStart) });
      continue;
    }
    // A word broken by a hyphen inside a line (`regio- nala`, text copied from print): its halves
    // are fragments, not words, so neither is "repaired" into some short word (`nala` → `nåla`).
    // So is a word cut by a U+FFFD, a character lost in decoding (`g\uFFFDller`): `ller` is no word
    // to replace by `eller`.
    const fragment = (brokenHeadAt(text, t.end) && !headBeforeConjunctionAt(text, t.end)) || brokenTailAt(text, t.start) || text[t.start - 1] === LOST || text[t.end] === LOST;
    units.push({ start: t.start, end: t.end, word: t.word, raw: t.raw, joinedHyphen: false, hyps: fragment ? null : hypsOf(t.word, t.start) });
  }
  // A lone `1` is the word `i` only between two lower-case words, and not before a unit or month
  // (`den 1 maj`, `hogst 1 procent`); elsewhere it is a number, a list label or a heading. So is a
  // lone letter the training OCR wrote for a word (`t`, `j` for `i`): elsewhere it is a list label
  // or a bullet (`t Samarbeta med …`).
  units.forEach((u, k) => {
    if (!isLoneCharacterUnit(u)) return;
    const prev = units[k - 1];
    const next = units[k + 1];
    const wordy = (x: Unit | undefined): boolean => x !== undefined && LOWER_WORD.test(x.word);
    if (!(adjacent(text, prev, u) && adjacent(text, u, next) && wordy(prev) && wordy(next) && !(u.word === '1' && NUMBER_WORDS.has(next!.word)))) u.hyps = null;
  });
  // `an`, `at`: damaged `än`, `åt`, unless English stands beside them (`Strategy for an open world`).
  units.forEach((u, k) => {
    if (!u.hyps || !isEnglishOnlyBesideEnglish(u.word)) return;
    const prev = units[k - 1];
    const next = units[k + 1];
    const englishLeft = prev !== undefined && adjacent(text, prev, u) && isEnglishNeighbour(prev.word);
    const englishRight = next !== undefined && adjacent(text, u, next) && isEnglishNeighbour(next.word);
    if (englishLeft || englishRight) u.hyps = null;
  });
  // A run of English inside Swedish prose (`life science`, `Sweden Food Arena`, `controlled foreign
  // company`): a word that is English and no Swedish word — not even with its diacritics put back
  // (`over` is `över`, `fran` is `från`) — stays where an English word stands beside it. On text no
  // model had seen, such words were the commonest damage (`life` → `lite`, `Food` → `Fond`).
  // (Not a form the training OCR wrote for a Swedish word: `Gil` for `till`.)
  const englishOnly = units.map(
    (u) => isEnglishForm(u.word) && !eng.maker.isWordWithDiacritics(u.word, docClass) && !(u.hyps?.alternatives.some((h) => h.learned || h.tillStart) ?? false),
  );
  // Beside: another such word, or an English function word (`of`). Not a word Swedish shares with
  // English (`under`, `till`, `for`): OCR damage that happens to spell English (`clever` for
  // `elever`) stands beside those all the time.
  const english = (k: number): boolean => englishOnly[k]! || isEnglishWord(units[k]!.word);
  const protectedUnits = units.filter(
    (u, k) => u.hyps !== null && englishOnly[k] && ((adjacent(text, units[k - 1], u) && english(k - 1)) || (adjacent(text, u, units[k + 1]) && english(k + 1))),
  );
  for (const u of protectedUnits) u.hyps = null;
  return units;
}

/** Whether a unit is a lone `1` with candidates: the word `i` or a number. */
function isNumberUnit(u: Unit): boolean {
  return u.hyps !== null && u.word === '1';
}

/** Whether a unit is one character with candidates: a lone `1` (the word `i` or a number) or a
 * learned letter (see isLearnedLetter). */
function isLoneCharacterUnit(u: Unit): boolean {
  return u.hyps !== null && u.word.length === 1;
}

/** A single letter that the training OCR of this document class wrote for a whole word (`t` and
 * `j` for `i` in English-model OCR): a word token, though other single letters are not. */
function isLearnedLetter(word: string, docClass: DocClass, eng: Engines): boolean {
  return word.length === 1 && eng.model.tables[docClass].words.has(word);
}

/** Whether the word at `start` continues a sentence: a letter, digit or comma before it, no blank line. */
function midSentence(text: string, start: number): boolean {
  let i = start - 1;
  let newlines = 0;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) {
    if (text[i] === '\n') newlines++;
    i--;
  }
  return i >= 0 && i < start - 1 && newlines < 2 && LOWER_OR_COMMA.test(text[i]!);
}

/** Whether only white space within one paragraph separates two units (a bigram may span them):
 * some white space and at most one line break between them. */
function adjacent(text: string, a: Unit | undefined, b: Unit | undefined): boolean {
  if (!a || !b || a.end >= b.start) return false;
  let newlines = 0;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (!isSpaceCode(c)) return false;
    if (c === 10) newlines++;
  }
  return newlines < 2;
}

/** A known word with one of these letters survived the OCR intact: the document vouches for it (as
 * for a known word with no other reading; `for` in a stripped text may be `för`, so it does not). */
const SWEDISH_LETTER = /[åäöéÅÄÖÉ]/u;
/** A repair this sure (alone, before context) vouches for its word in the rest of the document. */
const CACHE_CONFIDENCE = 0.95;
const CACHE_MIN_LENGTH = 4;

/** The replacement character: a character the decoder could not read. */
const LOST = '\uFFFD';

/** A plain word, fit to be bigram context. */
const WORD = /^\p{L}+$/u;

/** Context of one decision: its neighbours and the words the document vouches for. */
interface Context {
  /** The neighbours, lower-cased (the bigram counts are of lower-cased pairs). */
  left: string | null;
  right: string | null;
  /** Lower-case words the document uses intact or was repaired into with high confidence. */
  documentWords: ReadonlySet<string> | null;
}

/** What score() needs of a hypothesis beyond the hypothesis itself, worked out once: hypotheses
 * are cached per token and scored at every occurrence, two or three times each. */
interface Scoring {
  lower: string;
  /** A listed abbreviation in capitals (`RÖK`): the bigram counts are of lower-cased pairs, so
   * for it they count another word (`rök`, smoke) and say nothing about its context. */
  abbreviation: boolean;
}
const scoringOf = new WeakMap<Hypothesis, Scoring>();

function scoring(h: Hypothesis, eng: Engines): Scoring {
  let s = scoringOf.get(h);
  if (!s) {
    s = { lower: h.text.toLowerCase(), abbreviation: h.known && eng.words.isAbbreviation?.(h.text) === true && casePattern(h.text) === 'upper' };
    scoringOf.set(h, s);
  }
  return s;
}

function score(h: Hypothesis, unit: Unit, c: Context, eng: Engines, p: RepairParams): number {
  const { left, right } = c;
  const s = scoring(h, eng);
  let prior: number;
  let context = 0;
  if (h.known) {
    prior = eng.lm.logPrior(s.lower, p.compoundLogP);
    if (left && !s.abbreviation) context += eng.lm.association(left, s.lower);
    if (right && !s.abbreviation) context += eng.lm.association(s.lower, right);
  } else if (isNumberUnit(unit) && h === unit.hyps!.original) {
    prior = p.numberLogP;
  } else {
    prior = STARTS_UPPER.test(h.text) ? p.unknownNameLogP : p.unknownLogP;
  }
  // A word the document itself uses elsewhere is the likelier reading (`lanet` is `länet` in a
  // text about the county, not `lånet`); the token's own reading gets no boost, so this only
  // chooses among repairs.
  const vouched = h !== unit.hyps?.original && c.documentWords?.has(s.lower) === true ? p.documentBoost : 0;
  return -h.cost - p.editCost * (h.edits ?? 0) + prior + p.lmWeight * context + vouched;
}

/** Scratch for decide()'s scores (grown as needed). */
let scores = new Float64Array(16);

/** The best hypothesis of a unit and its posterior probability among the unit's hypotheses. */
function decide(unit: Unit, c: Context, eng: Engines, p: RepairParams): { best: Hypothesis; confidence: number } | null {
  const hyps = unit.hyps;
  if (!hyps || hyps.alternatives.length === 0) return null;
  // The original first, then the alternatives: the first of equal scores wins, and the sum below
  // runs in this order (decide runs twice per unit, so no arrays are built for it).
  const n = hyps.alternatives.length + 1;
  if (scores.length < n) scores = new Float64Array(2 * n);
  const hyp = (k: number): Hypothesis => (k === 0 ? hyps.original : hyps.alternatives[k - 1]!);
  let best = 0;
  for (let k = 0; k < n; k++) {
    scores[k] = score(hyp(k), unit, c, eng, p);
    if (scores[k]! > scores[best]!) best = k;
  }
  let z = 0;
  for (let k = 0; k < n; k++) z += Math.exp(scores[k]! - scores[best]!);
  return { best: hyp(best), confidence: 1 / z };
}

/**
 * Whether a document shows OCR damage: its non-words repaired (pass-1 decisions at the confidence
 * repair applies) per word unit at `minRate` or more. Clean prose repairs almost none (the seeds
 * and training truths ≤ 0.003 per word); the Swedish-model training OCR repairs ≥ 0.024.
 */
function showsDamage(units: Unit[], decisions: ReadonlyArray<ReturnType<typeof decide>>, minConfidence: number, minRate: number): boolean {
  let repaired = 0;
  units.forEach((u, i) => {
    const d = decisions[i];
    if (d && !u.hyps!.original.known && d.best !== u.hyps!.original && d.confidence >= minConfidence) repaired++;
  });
  return repaired >= minRate * units.length && repaired > 0;
}

/** A part of a hyphenated word (`arbets-marknaden`, `3-årig`) is a compound head or tail, which
 * need be no word of its own: it is not replaced by a nearby word. */
function hyphenPart(text: string, u: Unit): boolean {
  return text[u.start - 1] === '-' || text[u.end] === '-';
}

/**
 * Whether unit i is a piece of a word split by a blank (`inklu deringsfrågor`, `horison⏎⏎tell`):
 * glued to a neighbour it makes a known word, or one with its diacritics put back. Such a piece is no
 * damaged word of its own, so no nearby word is put in its place.
 */
function splitWordPart(text: string, units: Unit[], i: number, docClass: DocClass, eng: Engines): boolean {
  const u = units[i]!;
  const joins = (a: Unit | undefined, b: Unit | undefined): boolean => {
    // Across any white space, a blank line too: a page or column break splits words as well.
    if (!a || !b || !/^\s+$/u.test(text.slice(a.end, b.start))) return false;
    // The other piece is no word either, or a short one (`inklu de-⏎ringsfrågor`): a known word
    // beside the token rules the split out without a lookup.
    const other = a === u ? b : a;
    if (other.hyps?.original.known && other.word.length > 3) return false;
    // Only diacritics are put back: a full search of every glued pair cost as much as the whole
    // first pass, and a split word is rarely damaged on top.
    return eng.maker.isWordWithDiacritics(a.word + b.word, docClass);
  };
  return joins(units[i - 1], u) || joins(u, units[i + 1]);
}

/**
 * Whether `word` is a known word as written, or one with its diacritics put back (`lanet` →
 * `länet`) by the confusions the document class's channel learned. Repair asks it of a word it
 * may split off a glued glyph or join across a colon (glyph-words.ts); scripts/train-repair.mjs asks
 * it to count the same places.
 */
export function knownWithDiacritics(word: string, options: Pick<RepairOptions, 'lexicon' | 'model' | 'documentClass'> = {}): boolean {
  const eng = engines(options.lexicon ?? defaultWords(), options.model ?? defaultModel());
  return eng.maker.isWordWithDiacritics(word, options.documentClass ?? 'normal');
}

/** The repair of modern-spelling text (every page of it; see repair() for text in older spelling). */
function repairModern(text: string, options: RepairOptions = {}): RepairResult {
  const model = options.model ?? defaultModel();
  const norm = options.normalize === false ? { text, changes: [] as InputChange[] } : normalizeStep(text);
  const t = norm.text;
  const docClass = options.documentClass ?? classify(t, model.threshold);
  const params: RepairParams = { ...model.params[docClass], ...options.params };
  const minConfidence = options.minConfidence ?? params.minConfidence;
  const words = options.lexicon ?? defaultWords();
  const eng = engines(words, model);
  // Damaged dotted abbreviations (`bla.` → `bl.a.`) are replaced whole, so their letters are no word.
  const abbreviations = damagedAbbreviations(t, model.abbreviations).filter((a) => a.p >= minConfidence);
  const isWord = (w: string): boolean => eng.maker.isWordWithDiacritics(w, docClass);
  // A line-end hyphen read as `:` (`ef:⏎⏎ter`): the words are read from a copy of the text with a
  // `-` there (the same length, so offsets hold), and the halves are joined as any hyphenation.
  const colons = options.dehyphenate !== false && model.colonHyphen >= minConfidence ? colonLineBreaks(t, isWord) : [];
  const wt = hyphensForColons(t, colons);
  // A sentence-initial `I` glued to its word (`Lansvaret`): the glyph becomes `I ` and the word
  // after it is the unit (see glyph-words.ts).
  const glued = model.gluedGlyphI >= minConfidence ? gluedSentenceGlyphs(t, isWord) : [];
  const gluedAt = new Set(glued.map((g) => g.offset));
  const tokens = tokenize(wt).map((k) => (gluedAt.has(k.start) ? { ...k, start: k.start + 1, raw: k.raw.slice(1), word: k.word.slice(1), joinedToPrevious: false } : k));
  const units = makeUnits(wt, tokens, docClass, eng, options.dehyphenate !== false, new Set(abbreviations.map((a) => a.start)));

  // Pass 1: each word alone (prior only), to give its neighbours a provisional context.
  const alone: Context = { left: null, right: null, documentWords: null };
  const firstDecisions = units.map((u) => decide(u, alone, eng, params));
  // A known word read as another known word (`far` for `får`) is weighed only where the document
  // shows OCR damage: non-words repaired at the rate of the least damaged training OCR or more.
  // In a clean text of either class a known word stays; in a diacritic-stripped one that rate is
  // always reached.
  const weighKnownWords = docClass === 'stripped' || showsDamage(units, firstDecisions, minConfidence, model.markMinRepairRate);
  const weighed = (u: Unit): boolean => weighKnownWords || !u.hyps?.original.known;
  const knownMinConfidence = Math.max(minConfidence, params.knownMinConfidence);
  const threshold = (u: Unit): number => (u.hyps?.original.known ? knownMinConfidence : minConfidence);
  const documentWords = new Set<string>();
  const provisional = units.map((u, i) => {
    const d = weighed(u) ? firstDecisions[i]! : null;
    // Short words (`den`, `för`) are in every document: their use here says nothing.
    if (u.word.length >= CACHE_MIN_LENGTH) {
      if (d && d.confidence >= CACHE_CONFIDENCE && d.best !== u.hyps!.original) documentWords.add(d.best.text.toLowerCase());
      else if (u.hyps?.original.known && (SWEDISH_LETTER.test(u.word) || u.hyps.alternatives.length === 0)) documentWords.add(u.word.toLowerCase());
    }
    return d && d.confidence >= threshold(u) ? d.best.text : u.word;
  });
  // Pass 2: left to right, with the final left neighbour and the provisional right one.
  const chosen: string[] = [];
  const edits: Edit[] = [];
  let wordRepairs = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    // Neighbours only for a unit with something to decide (most have not).
    const open = u.hyps !== null && u.hyps.alternatives.length > 0;
    const left = open && i > 0 && adjacent(wt, units[i - 1], u) && WORD.test(chosen[i - 1]!) ? chosen[i - 1]!.toLowerCase() : null;
    const right = open && adjacent(wt, u, units[i + 1]) && WORD.test(provisional[i + 1]!) ? provisional[i + 1]!.toLowerCase() : null;
    const d = weighed(u) ? decide(u, { left, right, documentWords }, eng, params) : null;
    let word = u.word;
    let rule = '';
    let confidence = 1;
    // A plain-edit reading (`vikgt` → `viktigt`) only where the document shows OCR damage: in clean
    // text an unknown word is the author's spelling (seed 002's own `Stategiskt`) or a name.
    if (d && d.best !== u.hyps!.original && d.confidence >= threshold(u) && !(d.best.edits !== undefined && (!weighKnownWords || hyphenPart(wt, u) || splitWordPart(wt, units, i, docClass, eng)))) {
      word = d.best.text;
      rule = d.best.edits !== undefined ? 'edit-distance' : d.best.learned ? 'word-confusion' : d.best.tillStart ? 'till-start' : u.hyps!.original.known ? 'stripped-diacritics' : 'confusion';
      // Say so when the document's own use of the word decided it (the reviewer can check there).
      if (documentWords.has(word.toLowerCase())) {
        const without = decide(u, { left, right, documentWords: null }, eng, params);
        if (!without || without.best !== d.best || without.confidence < threshold(u)) rule += '+document';
      }
      confidence = d.confidence;
    }
    chosen.push(word);
    if (rule) wordRepairs++;
    if (u.joinedHyphen) {
      const known = u.hyps?.original.known || rule !== '';
      rule = rule ? `dehyphenate+${rule}` : 'dehyphenate';
      confidence = Math.min(confidence, known ? 0.99 : model.hyphenJoin);
      // A colon read for the hyphen: no likelier than training found it.
      if (wt !== t && t[u.start + u.raw.indexOf('-')] === ':') confidence = Math.min(confidence, model.colonHyphen);
      if (confidence < minConfidence) continue;
    }
    if (word !== u.raw) edits.push({ offset: u.start, length: u.end - u.start, after: word, confidence: round(confidence), rule });
  }
  // A lone `|` for a sentence-initial `I`, and a lone glyph before a word (`~` for `–`), are no
  // tokens (see glyph-words.ts); the learned probability is the confidence.
  const glyphI = model.sentenceGlyphI >= minConfidence ? sentenceInitialGlyphs(t) : [];
  for (const offset of glyphI) edits.push({ offset, length: 1, after: 'I', confidence: round(model.sentenceGlyphI), rule: 'glyph-word' });
  for (const { offset } of glued) edits.push({ offset, length: 1, after: 'I ', confidence: round(model.gluedGlyphI), rule: 'glyph-word' });
  if (model.loneGlyphs.size > 0) {
    const glyphIAt = new Set(glyphI);
    for (const { offset, glyph } of loneGlyphs(t)) {
      const hit = model.loneGlyphs.get(glyph);
      if (hit && hit.p >= minConfidence && !glyphIAt.has(offset)) edits.push({ offset, length: glyph.length, after: hit.after, confidence: round(hit.p), rule: 'lone-glyph' });
    }
  }
  for (const a of abbreviations) edits.push({ offset: a.start, length: a.end - a.start, after: a.after, confidence: round(a.p), rule: 'abbreviation' });
  // A `.` read for `,` and back (see sentence-marks.ts), each kind at its learned rate, and a
  // hyphen read for the en dash of a span of years (see year-ranges.ts), in a document whose words
  // show OCR damage: in clean text the mark is the author's.
  if (wordRepairs >= model.markMinRepairRate * units.length) {
    if (model.yearRangeDash >= minConfidence && model.yearRangeDash > 0) {
      for (const offset of yearRangeHyphens(t)) edits.push({ offset, length: 1, after: '–', confidence: round(model.yearRangeDash), rule: 'year-range' });
    }
    // An abbreviation's own stop is no sentence mark.
    const abbreviationStops = new Set(abbreviations.map((a) => a.end - 1));
    const repairedWords = new Map<number, string>();
    units.forEach((u, i) => {
      if (chosen[i] !== u.word) repairedWords.set(u.start, chosen[i]!);
    });
    for (const swap of markSwaps(t, words, repairedWords)) {
      if (abbreviationStops.has(swap.offset)) continue;
      const p = model.sentenceMarks[swap.kind];
      if (p > 0 && p >= minConfidence) edits.push({ offset: swap.offset, length: 1, after: swap.after, confidence: round(p), rule: 'sentence-mark' });
    }
  }
  const corrections: Correction[] = composeCorrections(text, t, norm.changes, edits);
  return { text: applyEdits(text, corrections), corrections };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Repairs OCR damage. Text in Swedish spelling before the 1906 reform (decided page by page, see
 * orthography.ts) stays as written: such a page gets only the repairs of old-swedish.ts (line-end
 * hyphenations, Fraktur OCR confusions read against a lexicon of older Swedish), never the modern
 * rules, which would modernise it. A text whose every page is modern is repaired as before. The
 * decision and its evidence are in `orthography`.
 */
export function repair(text: string, options: RepairOptions = {}): RepairResult {
  const forced = options.spelling !== undefined && options.spelling !== 'auto' ? options.spelling : undefined;
  const orthography = decideOrthography(text);
  if (forced) {
    orthography.spelling = forced;
    for (const p of orthography.pages) p.spelling = forced;
  }
  if (orthography.pages.every((p) => p.spelling === 'modern')) return { ...repairModern(text, options), orthography };
  const norm = options.normalize === false ? { text, changes: [] as InputChange[] } : normalizeStep(text);
  const t = norm.text;
  const at = normalisedOffsets(norm.changes);
  const words = options.lexicon ?? defaultWords();
  const edits: Edit[] = [];
  for (const p of orthography.pages) {
    const from = at(p.offset);
    const to = at(p.offset + p.length);
    if (p.spelling === 'pre-1906') {
      edits.push(...oldSwedishEdits(t, from, to, words, { dehyphenate: options.dehyphenate, params: options.oldParams }));
    } else {
      // A modern page of a mixed volume: repaired alone, as its own text (already normalised).
      for (const c of repairModern(t.slice(from, to), { ...options, normalize: false }).corrections) {
        edits.push({ offset: from + c.offset, length: c.length, after: c.after, confidence: c.confidence, rule: c.rule });
      }
    }
  }
  const corrections = composeCorrections(text, t, norm.changes, edits);
  return { text: applyEdits(text, corrections), corrections, orthography };
}

/** Maps an offset of the input to the normalised text, given the normalisation's changes. */
function normalisedOffsets(changes: readonly InputChange[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const c of changes) {
      if (c.offset + c.length <= offset) shift += c.after.length - c.length;
      else if (c.offset < offset) return c.offset + shift + c.after.length;
      else break;
    }
    return offset + shift;
  };
}
