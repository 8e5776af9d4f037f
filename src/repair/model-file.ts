/**
 * The two data files of repair and their schema, checked field by field when they are read:
 *
 * - `dictionaries/repair-model.json`: what training learned (`learned`: counts from aligned
 *   training OCR) and fitted (`fitted`: the ranking weights). Written by `scripts/train-repair.ts`
 *   only; a retrain rewrites it whole.
 * - `dictionaries/repair-settings.json`: the numbers a person set (prior confusions the training
 *   scans never show, the evidence a learned rule must have, the channel's bounds, the search
 *   budgets, the trainer's own thresholds). No script writes it.
 *
 * The training script imports these types, so the writer and the reader share one contract. Each
 * file carries a `version`; a file of another version is refused with a message that says so.
 */
import { ArkivError } from '../errors.js';
import type { MarkSwapKind } from './sentence-marks.js';
import type { TillStartKind } from './till-glyphs.js';

/** The version of both files this code reads and the trainer writes. */
export const MODEL_VERSION = 1;
export const SETTINGS_VERSION = 1;

export const DOC_CLASSES = ['stripped', 'normal'] as const;
/** `stripped`: an OCR engine without Swedish (å/ä/ö almost never appear); `normal`: everything else. */
export type DocClass = (typeof DOC_CLASSES)[number];

/** Every kind of place where a sentence mark may stand for the other one (see sentence-marks.ts). */
export const MARK_SWAP_KINDS = ['stopForComma', 'stopBeforeFragment', 'commaForStop', 'commaEndsParagraph'] as const satisfies readonly MarkSwapKind[];
/** Every kind of glyph a merged `till` start is read as (see till-glyphs.ts). */
export const TILL_START_KINDS = ['capital', 'lower'] as const satisfies readonly TillStartKind[];

/** Weights fitted on the training set by `train-repair.ts fit`, per document class. */
export interface RepairParams {
  /** log-probability that an unknown lower-case word is a correct word missing from the lexicon. */
  unknownLogP: number;
  /** The same for an unknown capitalised word (names are often missing). */
  unknownNameLogP: number;
  /** log-probability of a stand-alone number `1` (against the word `i`). */
  numberLogP: number;
  /** Weight of the language model against the channel. */
  lmWeight: number;
  /** Default minimum confidence to apply a correction. */
  minConfidence: number;
  /** Minimum confidence to replace a word the lexicon knows (`far` → `får`): a wrong choice there
   * damages a word that may have been right, so it may ask more than minConfidence (never less). */
  knownMinConfidence: number;
  /** log-discount of a compound's prior against its last part's. */
  compoundLogP: number;
  /** −log-price of one plain edit (not a channel confusion) of an edit-distance candidate. */
  editCost: number;
  /** log-boost of a candidate the document itself uses intact or repaired with high confidence. */
  documentBoost: number;
}
/** The fitted weights, in the order the fit tries them (coordinate descent: the order matters). */
export const PARAM_NAMES = ['unknownLogP', 'unknownNameLogP', 'lmWeight', 'numberLogP', 'minConfidence', 'knownMinConfidence', 'compoundLogP', 'editCost', 'documentBoost'] as const satisfies ReadonlyArray<keyof RepairParams>;

/** [truth chunk, OCR chunk, count, truth chunk occurrences, OCR chunk occurrences] in the aligned words. */
export type ChunkRule = [truth: string, ocr: string, count: number, occurrences: number, ocrOccurrences: number];
/** [OCR word, truth word, count, truth word occurrences], lower-case. */
export type WordRule = [ocr: string, truth: string, count: number, truthOccurrences: number];
/** [places where the change was right, all places]. */
export type Tally = [hits: number, total: number];
/** [written form, what it stood for, count, all places of the form]. */
export type ReplacementRow = [written: string, after: string, hits: number, total: number];
/** [truth chunk, OCR chunk, P(ocr | truth), P(truth | ocr)], set by hand. */
export type PriorRule = [truth: string, ocr: string, forward: number, backward: number];

export interface LearnedClass {
  /** Aligned word pairs seen, and those learned from (changed, not garbled). */
  wordPairs: number;
  changedPairs: number;
  rules: ChunkRule[];
  words: WordRule[];
  /** Per kind: [right readings, truth words starting with `till`]. */
  tillStarts: Partial<Record<TillStartKind, Tally>>;
}

/** What training counted (see scripts/train-repair.ts for how each is counted). */
export interface LearnedSection {
  /** Training OCR texts counted, and the folders they came from. */
  documents: number;
  sources: string[];
  /** Share of letters that are å/ä/ö: the class boundary and the rates it lies between. */
  diacriticRate: { threshold: number; strippedMax: number; normalMin: number; truthMean: number };
  classes: Record<DocClass, LearnedClass>;
  sentenceGlyphI: Tally;
  gluedGlyphI: Tally;
  colonHyphen: Tally;
  hyphenJoin: Tally;
  yearRangeDash: Tally;
  sentenceMarks: Partial<Record<MarkSwapKind, Tally>>;
  markMinRepairRate: number;
  dottedAbbreviations: ReplacementRow[];
  loneGlyphs: ReplacementRow[];
  /** Letter trigrams (and four-letter word ends) of the corpus words, space-separated. */
  trigrams: string;
}

export interface FittedSection {
  params: Record<DocClass, RepairParams>;
  /** The objective the fit maximised: words fixed − lambda × words damaged. */
  lambda: number;
  objective: string;
  /** The day of the fit (YYYY-MM-DD). */
  at: string;
}

/** `dictionaries/repair-model.json`. */
export interface ModelFile {
  version: number;
  about: string;
  learned: LearnedSection;
  fitted: FittedSection;
}

/**
 * The searches for an unknown token's readings (hypotheses.ts), set by hand and tuned on the
 * training OCR: larger budgets, and a second search through the model's long tail of confusions
 * for a token still unexplained, repaired nothing more there (the edit-distance pass finds those
 * words) and cost time (the second search alone took ~7 % of a first pass).
 */
export interface SearchSettings {
  /** Partial readings kept at each position of the channel's beam search. */
  beam: number;
  /** Readings generated, and readings looked up in the lexicon (each lookup of a non-word costs
   * microseconds; most readings are non-words). */
  readings: number;
  checks: number;
  /** The dearest single confusion a reading may use (−log P(truth | ocr)). */
  maxStep: number;
  /** The dearest whole reading (−log P), for a token that shows damage and one that does not. */
  maxCostDamaged: number;
  maxCost: number;
  /** A reading this much dearer (−log P) than the first known one found cannot win on the prior. */
  priorMargin: number;
  /** Known readings the search stops at. */
  found: number;
  /** Unknown tokens this long or shorter get the channel search even when putting diacritics back
   * made a word. Tuned on the 176 training OCR texts (character errors left: 20 162 with no search
   * after a diacritic reading, 20 119 up to 4 letters, 20 108 up to 5 or 6, 20 107 for every
   * length, which lost 14 repairs to 3 here: more readings of a long token split its confidence). */
  maxShortToken: number;
  /** Shorter tokens get no edit-distance readings: they are too many words' neighbours for an edit
   * to mean anything. */
  minEditToken: number;
  /** Tokens this long may be two edits from their word (shorter ones have too many such neighbours). */
  minTwoEdits: number;
  /** Edit-distance neighbours checked per token (nearest, then most frequent, first). */
  editCandidates: number;
  /**
   * The deep search: an unknown token this long or longer that neither search nor the edit index
   * explained (no reading at all) is searched again through the channel with a wider beam, more
   * readings and more lookups (`deepBeam`, `deepReadings`, `deepChecks`). Such a token holds two or
   * three confusions (`Jidelsetullt` = J→l, t→f; `fargriimda` = a→ö, ii→ä), often in a compound
   * the corpus never writes whole, so the edit index (corpus words) cannot find it and the first
   * search's budget ends before its word: on the dev documents its word came 5th–70th of the
   * readings. Only tokens without any reading pay for it.
   */
  deepMinToken: number;
  deepBeam: number;
  deepReadings: number;
  deepChecks: number;
}

/** Bars of the word step (word-decisions.ts), set by hand. */
export interface DecisionSettings {
  /** A repair this sure (alone, before context) of a word this long vouches for its word in the
   * rest of the document (the `documentBoost` of the fitted weights). */
  documentWordConfidence: number;
  documentWordMinLength: number;
  /** The confidence of a line-end join whose word is known (or was repaired into one); an unknown
   * join is trusted at the learned `hyphenJoin`. */
  knownJoin: number;
}

/** The numbers of the word-boundary rules (word-boundaries.ts: `join-words`, `split-words`), set by
 * hand from what scripts/fit-word-boundaries.ts counts on the training OCR and the dev documents. */
export interface WordBoundarySettings {
  /** Log odds that two pieces across a line break (no hyphen) are one word (both classes together:
   * the English-model training OCR lost one such hyphen). */
  joinLine: number;
  /** Log odds, per document class, that a glue word is run together with its neighbour. */
  split: Record<DocClass, number>;
  /** The words OCR runs together with a neighbour (learned: `i`). */
  glueWords: string[];
  /** No join or split is surer than this: the context model's odds can be huge, the place still
   * an OCR accident's guess. */
  maxConfidence: number;
  /** A token broad text writes this often or more (wordfreq's prior) is a word of its own, never
   * split: `idag`, `igår`, `ihop`, `igen`, `juli`, `ekonomi` (both spellings right, or no glue). */
  maxSplitPrior: number;
  /** The joined word is at least this long (letters). */
  minJoined: number;
  /** Two pieces that are words on their own are joined only into a word broad text uses this
   * often (wordfreq's prior) or 3 times in the fiction and news counts. */
  minJoinedPrior: number;
}

/** The trainer's own thresholds (scripts/train-repair.ts); repair never reads them. */
export interface TrainingSettings {
  /** A chunk confusion seen fewer times is an alignment accident as likely as a confusion. */
  ruleMinCount: number;
  /** A word pair with more edited characters than max(garbledMinEdits, half its letters), or a
   * chunk longer than garbledMaxChunk, is garbled (misaligned, split) and teaches nothing. */
  garbledMinEdits: number;
  garbledMaxChunk: number;
  /** A word confusion (and a dotted abbreviation, a lone glyph's reading) must be seen this often, in this many documents. */
  wordMinCount: number;
  wordMinDocs: number;
  /** Uses in the official corpus (12 M words) that make a form a word of its own: one per million. */
  corpusWord: number;
  /** Corpus words seen fewer times give no trigrams and no diacritic words. */
  corpusMinCount: number;
  /** The share of the lowest training document's word-repair rate that is the bar for marks. */
  markRateShare: number;
}

/** The fit's search (scripts/repair-fit.ts): coordinate descent over a grid. */
export interface FitSettings {
  lambda: number;
  rounds: number;
  grid: Record<keyof RepairParams, number[]>;
  /** Where a fit starts when there is no fitted model yet (a first training). */
  start: RepairParams;
}

/** `dictionaries/repair-settings.json`. */
export interface SettingsFile {
  version: number;
  about: string;
  priorRules: PriorRule[];
  evidence: {
    /** A mark, glyph or abbreviation is changed only where training found it wrong at least this
     * many times for each time it was right. */
    minOdds: number;
    /** Fewer sightings in training say nothing about a glyph's reading. */
    glyphMinSeen: number;
    /** Right readings a kind of `till` start must have had in training to be proposed at all. */
    tillMinSeen: number;
  };
  channel: {
    /** No learned probability counts as more than this (a chunk is never certain). */
    maxProbability: number;
    /** No character is left alone with probability below this, however often it was misread. */
    minKeepProbability: number;
  };
  search: SearchSettings;
  decisions: DecisionSettings;
  wordBoundaries: WordBoundarySettings;
  training: TrainingSettings;
  fit: FitSettings;
}

// ---------------------------------------------------------------------------------------------
// The checks: each names the file and the path of the field, and says what it expected.

export class Checker {
  constructor(private readonly file: string) {}

  fail(path: string, expected: string, value: unknown): never {
    const got = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 60) ?? String(value);
    throw new ArkivError('INVALID_INPUT', `${path}: expected ${expected}, got ${got}`, { file: this.file });
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array', value);
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a finite number', value);
    return value;
  }

  count(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.fail(path, 'a count (an integer ≥ 0)', value);
    return value;
  }

  probability(value: unknown, path: string): number {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) this.fail(path, 'a probability (0 to 1)', value);
    return value;
  }

  string(value: unknown, path: string, nonEmpty = false): string {
    if (typeof value !== 'string' || (nonEmpty && value === '')) this.fail(path, nonEmpty ? 'a non-empty string' : 'a string', value);
    return value;
  }

  /** A tuple of fixed length, each element checked by its own function. */
  tuple<T extends unknown[]>(value: unknown, path: string, checks: { [K in keyof T]: (v: unknown, p: string) => T[K] }): T {
    const a = this.array(value, path);
    if (a.length !== checks.length) this.fail(path, `${checks.length} elements`, value);
    return checks.map((check, i) => check(a[i], `${path}[${i}]`)) as T;
  }

  list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
    return this.array(value, path).map((v, i) => item(v, `${path}[${i}]`));
  }

  /** An object whose keys are all of `keys` (`required`) or some of them, each value checked. */
  record<K extends string, T>(value: unknown, path: string, keys: readonly K[], item: (v: unknown, p: string) => T, required: boolean): Partial<Record<K, T>> {
    const o = this.object(value, path);
    const out: Partial<Record<K, T>> = {};
    for (const key of Object.keys(o)) {
      if (!(keys as readonly string[]).includes(key)) this.fail(`${path}.${key}`, `no such field (one of ${keys.join(', ')})`, o[key]);
    }
    for (const key of keys) {
      if (o[key] === undefined) {
        if (required) this.fail(`${path}.${key}`, 'a value', undefined);
        continue;
      }
      out[key] = item(o[key], `${path}.${key}`);
    }
    return out;
  }

  version(o: Record<string, unknown>, expected: number, writer: string): void {
    const version = o.version;
    if (version === undefined) this.fail('version', `version ${expected} (a file without a version predates the schema: ${writer})`, version);
    if (version !== expected) this.fail('version', `version ${expected}, the one this arkivtext reads (${writer})`, version);
  }
}

function checkParams(c: Checker, value: unknown, path: string): RepairParams {
  const p = c.record(value, path, PARAM_NAMES, (v, q) => c.number(v, q), true);
  return p as RepairParams;
}

function checkClass(c: Checker, value: unknown, path: string): LearnedClass {
  const o = c.object(value, path);
  const str = (v: unknown, p: string): string => c.string(v, p, true);
  const n = (v: unknown, p: string): number => c.count(v, p);
  return {
    wordPairs: c.count(o.wordPairs, `${path}.wordPairs`),
    changedPairs: c.count(o.changedPairs, `${path}.changedPairs`),
    rules: c.list(o.rules, `${path}.rules`, (v, p) => c.tuple<ChunkRule>(v, p, [str, str, n, n, n])),
    words: c.list(o.words, `${path}.words`, (v, p) => c.tuple<WordRule>(v, p, [str, str, n, n])),
    tillStarts: c.record(o.tillStarts, `${path}.tillStarts`, TILL_START_KINDS, (v, p) => checkTally(c, v, p), false),
  };
}

function checkTally(c: Checker, value: unknown, path: string): Tally {
  const [hits, total] = c.tuple<Tally>(value, path, [(v, p) => c.count(v, p), (v, p) => c.count(v, p)]);
  if (hits > total) c.fail(path, 'hits no more than the total', value);
  return [hits, total];
}

function checkRows(c: Checker, value: unknown, path: string): ReplacementRow[] {
  const str = (v: unknown, p: string): string => c.string(v, p, true);
  const n = (v: unknown, p: string): number => c.count(v, p);
  return c.list(value, path, (v, p) => c.tuple<ReplacementRow>(v, p, [str, str, n, n]));
}

/** `json` checked as a repair-model.json of this version; `file` names it in every error. */
export function checkModelFile(json: unknown, file: string): ModelFile {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  c.version(o, MODEL_VERSION, 'retrain with scripts/train-repair.ts');
  const l = c.object(o.learned, 'learned');
  const rate = c.object(l.diacriticRate, 'learned.diacriticRate');
  const f = c.object(o.fitted, 'fitted');
  const tally = (key: string): Tally => checkTally(c, l[key], `learned.${key}`);
  return {
    version: MODEL_VERSION,
    about: c.string(o.about, 'about'),
    learned: {
      documents: c.count(l.documents, 'learned.documents'),
      sources: c.list(l.sources, 'learned.sources', (v, p) => c.string(v, p, true)),
      diacriticRate: {
        threshold: c.probability(rate.threshold, 'learned.diacriticRate.threshold'),
        strippedMax: c.probability(rate.strippedMax, 'learned.diacriticRate.strippedMax'),
        normalMin: c.probability(rate.normalMin, 'learned.diacriticRate.normalMin'),
        truthMean: c.probability(rate.truthMean, 'learned.diacriticRate.truthMean'),
      },
      classes: c.record(l.classes, 'learned.classes', DOC_CLASSES, (v, p) => checkClass(c, v, p), true) as Record<DocClass, LearnedClass>,
      sentenceGlyphI: tally('sentenceGlyphI'),
      gluedGlyphI: tally('gluedGlyphI'),
      colonHyphen: tally('colonHyphen'),
      hyphenJoin: tally('hyphenJoin'),
      yearRangeDash: tally('yearRangeDash'),
      sentenceMarks: c.record(l.sentenceMarks, 'learned.sentenceMarks', MARK_SWAP_KINDS, (v, p) => checkTally(c, v, p), false),
      markMinRepairRate: c.number(l.markMinRepairRate, 'learned.markMinRepairRate'),
      dottedAbbreviations: checkRows(c, l.dottedAbbreviations, 'learned.dottedAbbreviations'),
      loneGlyphs: checkRows(c, l.loneGlyphs, 'learned.loneGlyphs'),
      trigrams: c.string(l.trigrams, 'learned.trigrams'),
    },
    fitted: {
      params: c.record(f.params, 'fitted.params', DOC_CLASSES, (v, p) => checkParams(c, v, p), true) as Record<DocClass, RepairParams>,
      lambda: c.number(f.lambda, 'fitted.lambda'),
      objective: c.string(f.objective, 'fitted.objective'),
      at: c.string(f.at, 'fitted.at'),
    },
  };
}

/** `wordBoundaries` of repair-settings.json. */
function checkWordBoundaries(c: Checker, value: unknown): WordBoundarySettings {
  const o = c.object(value, 'wordBoundaries');
  return {
    joinLine: c.number(o.joinLine, 'wordBoundaries.joinLine'),
    split: c.record(o.split, 'wordBoundaries.split', DOC_CLASSES, (v, p) => c.number(v, p), true) as Record<DocClass, number>,
    glueWords: c.list(o.glueWords, 'wordBoundaries.glueWords', (v, p) => c.string(v, p, true)),
    maxConfidence: c.probability(o.maxConfidence, 'wordBoundaries.maxConfidence'),
    maxSplitPrior: c.probability(o.maxSplitPrior, 'wordBoundaries.maxSplitPrior'),
    minJoined: c.count(o.minJoined, 'wordBoundaries.minJoined'),
    minJoinedPrior: c.probability(o.minJoinedPrior, 'wordBoundaries.minJoinedPrior'),
  };
}

/** `json` checked as a repair-settings.json of this version; `file` names it in every error. */
export function checkSettingsFile(json: unknown, file: string): SettingsFile {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  c.version(o, SETTINGS_VERSION, 'edit it by hand to the documented schema');
  const numbers = <K extends string>(value: unknown, path: string, keys: readonly K[], check: (v: unknown, p: string) => number = (v, p) => c.number(v, p)): Record<K, number> =>
    c.record(value, path, keys, check, true) as Record<K, number>;
  const str = (v: unknown, p: string): string => c.string(v, p, true);
  const prob = (v: unknown, p: string): number => c.probability(v, p);
  const fit = c.object(o.fit, 'fit');
  return {
    version: SETTINGS_VERSION,
    about: c.string(o.about, 'about'),
    priorRules: c.list(o.priorRules, 'priorRules', (v, p) => c.tuple<PriorRule>(v, p, [str, str, prob, prob])),
    evidence: numbers(o.evidence, 'evidence', ['minOdds', 'glyphMinSeen', 'tillMinSeen'] as const, (v, p) => c.count(v, p)),
    channel: numbers(o.channel, 'channel', ['maxProbability', 'minKeepProbability'] as const, prob),
    search: numbers(o.search, 'search', ['beam', 'readings', 'checks', 'maxStep', 'maxCostDamaged', 'maxCost', 'priorMargin', 'found', 'maxShortToken', 'minEditToken', 'minTwoEdits', 'editCandidates', 'deepMinToken', 'deepBeam', 'deepReadings', 'deepChecks'] as const),
    decisions: numbers(o.decisions, 'decisions', ['documentWordConfidence', 'documentWordMinLength', 'knownJoin'] as const),
    wordBoundaries: checkWordBoundaries(c, o.wordBoundaries),
    training: numbers(o.training, 'training', ['ruleMinCount', 'garbledMinEdits', 'garbledMaxChunk', 'wordMinCount', 'wordMinDocs', 'corpusWord', 'corpusMinCount', 'markRateShare'] as const),
    fit: {
      lambda: c.number(fit.lambda, 'fit.lambda'),
      rounds: c.count(fit.rounds, 'fit.rounds'),
      grid: c.record(fit.grid, 'fit.grid', PARAM_NAMES, (v, p) => c.list(v, p, (x, q) => c.number(x, q)), true) as Record<keyof RepairParams, number[]>,
      start: checkParams(c, fit.start, 'fit.start'),
    },
  };
}
