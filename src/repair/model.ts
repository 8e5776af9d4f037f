/**
 * The learned OCR confusion model (`dictionaries/repair-model.json`, written by
 * `scripts/train-repair.mjs`): per document class, how often each truth chunk was read as each OCR
 * chunk, turned into costs (−log P(ocr | truth)) indexed by the OCR side, which is what repair sees.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArkivError } from '../errors.js';
import { dictionaryFile } from './data-path.js';
import type { LearnedAbbreviation } from './dotted-abbreviations.js';
import type { MarkSwapKind } from './sentence-marks.js';
import type { TillStartKind } from './till-glyphs.js';

/** `stripped`: an OCR engine without Swedish (å/ä/ö almost never appear); `normal`: everything else. */
export type DocClass = 'stripped' | 'normal';

export interface Alternative {
  /** What the document probably said. */
  truth: string;
  /** −log P(ocr chunk | truth chunk): the channel, for scoring a whole word. */
  cost: number;
  /** −log P(truth chunk | ocr chunk): the order in which to try readings. */
  search: number;
  /** `truth` lower-cased. */
  lower: string;
}

export interface ChannelTable {
  /** OCR chunk → the truth chunks it may stand for. */
  byOcr: Map<string, Alternative[]>;
  /** Longest OCR chunk in the table (in code units). */
  maxChunk: number;
  /** −log P(c read as c) for a character, the price of leaving it alone. */
  keepCost: (c: string) => number;
  /** −log P(c meant c | c seen): the search price of leaving it alone. */
  keepSearch: (c: string) => number;
  /**
   * Whole words the OCR turned into another string often enough to be learned (`ull` for `till`,
   * `dir` for `är`, `bar` for `har`), lower-case OCR word → the words it stood for, each with
   * −log P(ocr word | truth word). Many are real words themselves, which letter confusions on a
   * known word never second-guess.
   */
  words: Map<string, Array<{ truth: string; cost: number }>>;
  /**
   * −log P(a `till…` word is read with its start merged into glyphs of this kind), learned (see
   * till-glyphs.ts); a kind training saw too seldom (fewer than TILL_MIN_SEEN right readings) is
   * absent and never proposed.
   */
  tillStarts: Partial<Record<TillStartKind, number>>;
}

/** Weights fitted on the training set by `train-repair.mjs fit`. */
export interface RepairParams {
  /** log-probability that an unknown lower-case word is a correct word missing from the lexicon. */
  unknownLogP: number;
  /** The same for an unknown capitalised word (names are often missing). */
  unknownNameLogP: number;
  /** log-probability of a stand-alone number `1` (against the word `i`). */
  numberLogP: number;
  /** Weight of the language model against the channel. */
  lmWeight: number;
  /** Dirichlet smoothing mass of the bigram model. */
  mu: number;
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

export interface RepairModel {
  threshold: number;
  /** P(truth `I` | a lone `|`, `[` or `]` starting a sentence before a lower-case word), learned;
   * 0 when the training OCR had too few such tokens to say (see glyph-words.ts). */
  sentenceGlyphI: number;
  /** P(truth `I` and a word | a sentence-initial glyph glued to a word, `Lansvaret`), learned; 0
   * when training saw too few such places or the odds fail MIN_ODDS (see glyph-words.ts). */
  gluedGlyphI: number;
  /** P(a line-end hyphen | a colon at a line end between the halves of a word, `ef:⏎⏎ter`), learned;
   * 0 when training saw too few such places or the odds fail MIN_ODDS (see glyph-words.ts). */
  colonHyphen: number;
  /** P(the halves are one word | a line-end hyphen whose halves join into no known word and are no
   * two words, `Dokumen-⏎tansvariv`), learned (the word itself may still be damaged). */
  hyphenJoin: number;
  /** P(an en dash | a hyphen between two years, the second the later, `2021-2025`), learned; 0 when
   * training saw too few such places or the odds fail MIN_ODDS (see year-ranges.ts). */
  yearRangeDash: number;
  /** P(the other mark | a place of this kind), learned (see sentence-marks.ts); 0 when training saw
   * too few such places or the mark was right too often for the change to pay (MIN_ODDS). */
  sentenceMarks: Record<MarkSwapKind, number>;
  /** Words repaired per word below which a document shows no OCR damage and its marks are left
   * alone: half the lowest rate of any training OCR document. Clean prose writes a stop before a
   * lower-case word now and then (an interview transcript's `i mellanrummen. men då`); OCR text
   * shows its damage in its words too. */
  markMinRepairRate: number;
  /** Short forms OCR made of dotted abbreviations (`bla.` → `bl.a.`), by lower-case form: those
   * training found to be the abbreviation at odds ≥ MIN_ODDS (see dotted-abbreviations.ts). */
  abbreviations: Map<string, LearnedAbbreviation>;
  /** What a lone glyph before a word stood for (`~` → `–`), by glyph: those training saw at least
   * GLYPH_MIN_SEEN times and found to be the other character at odds ≥ MIN_ODDS. */
  loneGlyphs: Map<string, { after: string; p: number }>;
  /** Letter trigrams Swedish words use (^/$ mark the ends); empty = no filter. */
  trigrams: Set<string>;
  tables: Record<DocClass, ChannelTable>;
  /** Fitted per document class: a stripped document is damaged far more often than a normal one. */
  params: Record<DocClass, RepairParams>;
}

type Rule = [truth: string, ocr: string, count: number, occurrences: number, ocrOccurrences: number];
type WordRule = [ocr: string, truth: string, count: number, truthOccurrences: number];

interface ModelFile {
  diacriticRate: { threshold: number };
  classes: Record<DocClass, { rules: Rule[]; words?: WordRule[]; tillStarts?: Partial<Record<TillStartKind, [right: number, tillWords: number]>> }>;
  sentenceGlyphI?: [toI: number, total: number];
  gluedGlyphI?: [toI: number, total: number];
  colonHyphen?: [hyphen: number, total: number];
  hyphenJoin?: [joined: number, total: number];
  yearRangeDash?: [dash: number, total: number];
  sentenceMarks?: Partial<Record<MarkSwapKind, [swapped: number, total: number]>>;
  markMinRepairRate?: number;
  loneGlyphs?: Array<[glyph: string, truth: string, hits: number, total: number]>;
  dottedAbbreviations?: Array<[form: string, abbreviation: string, hits: number, total: number]>;
  priorRules?: Array<[truth: string, ocr: string, forward: number, backward: number]>;
  params?: Partial<Record<DocClass, Partial<RepairParams>>>;
  trigrams?: string;
}

export const DEFAULT_PARAMS: RepairParams = {
  unknownLogP: -13,
  unknownNameLogP: -11,
  numberLogP: -9,
  lmWeight: 1,
  mu: 20,
  minConfidence: 0.5,
  knownMinConfidence: 0.5,
  compoundLogP: -6,
  editCost: 14,
  documentBoost: 0,
};

/** Right readings a kind of `till` start must have had in training to be proposed at all. */
const TILL_MIN_SEEN = 10;

function tillCosts(counts: Partial<Record<TillStartKind, [number, number]>> = {}): Partial<Record<TillStartKind, number>> {
  const costs: Partial<Record<TillStartKind, number>> = {};
  for (const [kind, [right, tillWords]] of Object.entries(counts) as Array<[TillStartKind, [number, number]]>) {
    if (right >= TILL_MIN_SEEN) costs[kind] = -Math.log(right / tillWords);
  }
  return costs;
}

function buildTable(rules: Rule[], prior: Array<[string, string, number, number]>, wordRules: WordRule[] = [], tillStarts: Partial<Record<TillStartKind, number>> = {}): ChannelTable {
  // `${truth}\t${ocr}` → [P(ocr | truth), P(truth | ocr)]
  const probability = new Map<string, [number, number]>();
  const add = (t: string, o: string, forward: number, backward: number): void => {
    const key = `${t}\t${o}`;
    const old = probability.get(key);
    probability.set(key, old ? [Math.max(old[0], forward), Math.max(old[1], backward)] : [forward, backward]);
  };
  for (const [t, o, n, occ, ocrOcc] of rules) {
    // Alignment artefacts (punctuation on one side) are not confusions.
    if (!/^[\p{L}]+$/u.test(t) || /[\s.,;:!?()"”]/u.test(o)) continue;
    add(t, o, n / Math.max(occ, n), n / Math.max(ocrOcc, n));
  }
  for (const [t, o, forward, backward] of prior) add(t, o, forward, backward);
  // Capitals are rare in the training text; a lower-case confusion applies to its capital too
  // (`ö`→`o` teaches `Ö`→`O`), unless the capital has evidence of its own.
  for (const [key, p] of [...probability]) {
    const [t = '', o = ''] = key.split('\t');
    const T = t.toUpperCase(), O = o.toUpperCase();
    if (T !== t && O !== o && !probability.has(`${T}\t${O}`)) add(T, O, p[0], p[1]);
    const Tc = t[0]!.toUpperCase() + t.slice(1), Oc = o[0]!.toUpperCase() + o.slice(1);
    if (Tc !== t && Oc !== o && !probability.has(`${Tc}\t${Oc}`)) add(Tc, Oc, p[0], p[1]);
  }
  const byOcr = new Map<string, Alternative[]>();
  const misread = new Map<string, number>(); // truth char → P(read as something else)
  const reread = new Map<string, number>(); // OCR char → P(it stands for something else)
  let maxChunk = 1;
  for (const [key, [forward, backward]] of probability) {
    const [t = '', o = ''] = key.split('\t');
    const list = byOcr.get(o) ?? [];
    list.push({ truth: t, lower: t.toLowerCase(), cost: -Math.log(Math.min(forward, 0.999)), search: -Math.log(Math.min(backward, 0.999)) });
    byOcr.set(o, list);
    maxChunk = Math.max(maxChunk, o.length);
    if (t.length === 1) misread.set(t, (misread.get(t) ?? 0) + forward);
    if (o.length === 1) reread.set(o, (reread.get(o) ?? 0) + backward);
  }
  for (const list of byOcr.values()) list.sort((a, b) => a.search - b.search);
  const keep = new Map<string, number>();
  for (const [c, p] of misread) keep.set(c, -Math.log(Math.max(1 - p, 0.02)));
  const keepSearch = new Map<string, number>();
  for (const [c, p] of reread) keepSearch.set(c, -Math.log(Math.max(1 - p, 0.02)));
  const words = new Map<string, Array<{ truth: string; cost: number }>>();
  for (const [o, t, n, occ] of wordRules) {
    const list = words.get(o) ?? [];
    list.push({ truth: t, cost: -Math.log(Math.min(n / Math.max(occ, n), 0.999)) });
    words.set(o, list);
  }
  return { byOcr, maxChunk, keepCost: (c) => keep.get(c) ?? 0, keepSearch: (c) => keepSearch.get(c) ?? 0, words, tillStarts };
}

/** Lower-case with å/ä/ö/é folded to a/a/o/e: what an OCR without Swedish makes of a word. */
export function foldDiacritics(word: string): string {
  const lower = word.toLowerCase();
  // One test first: most words have nothing to fold, and the edit index folds ~80 k of them.
  return FOLDABLE.test(lower) ? lower.replace(/[åä]/gu, 'a').replace(/ö/gu, 'o').replace(/é/gu, 'e') : lower;
}
const FOLDABLE = /[åäöé]/u;

let foldIndex: Map<string, string[]> | undefined;
let skeletonIndex: Map<string, string[]> | undefined;

/** The vowels an OCR without Swedish confuses among themselves, starred: `länet` → `l*n*t`. */
export const VOWELS = /[aåäoöeé]/gu;
export function skeleton(lowerWord: string): string {
  return lowerWord.replace(VOWELS, '*');
}

/**
 * Skeleton → the corpus words with diacritics that have it (`l*n*t` → `länet`, `lånet`): a token
 * whose damage is letter-for-letter (`ldnet`, `giller`, `6verenskommelsen`) finds its word by a
 * few lookups, trying each glyph that may stand for a vowel both as itself and as a vowel.
 */
export function skeletonIndexOf(): Map<string, string[]> {
  if (skeletonIndex) return skeletonIndex;
  const index = new Map<string, string[]>();
  for (const words of diacriticIndex().values()) {
    for (const word of words) {
      const key = skeleton(word);
      const list = index.get(key);
      if (list) list.push(word);
      else index.set(key, [word]);
    }
  }
  skeletonIndex = index;
  return index;
}

/**
 * Folded form → the corpus words with diacritics that fold to it (`forslaget` → [`förslaget`],
 * `lanet` → [`länet`, `lånet`]), from dictionaries/repair-diacritic-words.txt.gz. Loaded once.
 */
export function diacriticIndex(): Map<string, string[]> {
  if (foldIndex) return foldIndex;
  const index = new Map<string, string[]>();
  const path = dictionaryFile('repair-diacritic-words.txt.gz');
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (cause) {
    throw new ArkivError('IO', 'cannot read the repair word index (run scripts/train-repair.mjs)', { file: path, cause });
  }
  for (const word of text.split('\n')) {
    if (!word) continue;
    const key = foldDiacritics(word);
    const list = index.get(key);
    if (list) list.push(word);
    else index.set(key, [word]);
  }
  foldIndex = index;
  return index;
}

/** Whether every letter trigram of `word` occurs in Swedish (a cheap test before a lexicon lookup). */
export function plausible(word: string, trigrams: Set<string>): boolean {
  if (trigrams.size === 0) return true;
  const w = `^${word.toLowerCase()}$`;
  for (let i = 0; i + 3 <= w.length; i++) if (!trigrams.has(w.slice(i, i + 3))) return false;
  return true;
}

let cached: RepairModel | undefined;

/** Fewer sightings than this in training say nothing about a glyph's reading. */
const GLYPH_MIN_SEEN = 10;

function glyphProbability(counts: [number, number] | undefined, minSeen = GLYPH_MIN_SEEN): number {
  const [hits = 0, total = 0] = counts ?? [];
  return total >= minSeen ? hits / total : 0;
}

/**
 * A mark, glyph or abbreviation form is changed only where training found it wrong at least this
 * many times for each time it was right: the ratio the damage rule asks of any change that is not
 * weighed word by word.
 */
const MIN_ODDS = 10;

/** P(the change is right) if training saw the place `minSeen` times and the odds pass MIN_ODDS
 * (never wrong passes), else 0. */
function markProbability(counts: [number, number] | undefined, minSeen = GLYPH_MIN_SEEN): number {
  const [hits = 0, total = 0] = counts ?? [];
  // The odds from the counts themselves: p / (1 − p) in floating point makes 10 of 11 fall short of 10:1.
  return hits > 0 && hits >= MIN_ODDS * (total - hits) ? glyphProbability(counts, minSeen) : 0;
}

/**
 * The learned replacements (`bla.` → `bl.a.`, `~` → `–`) whose odds pass, by what OCR wrote.
 * `minSeen`: the sightings asked of the written form (abbreviation rows come already filtered by
 * count and documents, so they ask none more).
 */
function replacementTable(rows: Array<[written: string, after: string, hits: number, total: number]> | undefined, minSeen: number): Map<string, { after: string; p: number }> {
  const table = new Map<string, { after: string; p: number }>();
  for (const [written, after, hits, total] of rows ?? []) {
    const p = markProbability([hits, total], minSeen);
    if (p > 0) table.set(written, { after, p });
  }
  return table;
}

export function loadModel(path = dictionaryFile('repair-model.json')): RepairModel {
  let file: ModelFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
  } catch (cause) {
    throw new ArkivError('IO', 'cannot read the repair model (run scripts/train-repair.mjs)', { file: path, cause });
  }
  const prior = file.priorRules ?? [];
  return {
    threshold: file.diacriticRate.threshold,
    sentenceGlyphI: glyphProbability(file.sentenceGlyphI),
    gluedGlyphI: markProbability(file.gluedGlyphI),
    colonHyphen: markProbability(file.colonHyphen),
    // Before it was learned, such a join was trusted at 0.6.
    hyphenJoin: file.hyphenJoin ? glyphProbability(file.hyphenJoin) : 0.6,
    yearRangeDash: markProbability(file.yearRangeDash),
    sentenceMarks: {
      stopForComma: markProbability(file.sentenceMarks?.stopForComma),
      stopBeforeFragment: markProbability(file.sentenceMarks?.stopBeforeFragment),
      commaForStop: markProbability(file.sentenceMarks?.commaForStop),
      commaEndsParagraph: markProbability(file.sentenceMarks?.commaEndsParagraph),
    },
    // Without a learned rate, no document counts as damaged enough.
    markMinRepairRate: file.markMinRepairRate ?? Infinity,
    abbreviations: replacementTable(file.dottedAbbreviations, 0),
    loneGlyphs: replacementTable(file.loneGlyphs, GLYPH_MIN_SEEN),
    trigrams: new Set(file.trigrams ? file.trigrams.split(' ') : []),
    tables: {
      stripped: buildTable(file.classes.stripped.rules, prior, file.classes.stripped.words, tillCosts(file.classes.stripped.tillStarts)),
      normal: buildTable(file.classes.normal.rules, prior, file.classes.normal.words, tillCosts(file.classes.normal.tillStarts)),
    },
    params: {
      stripped: { ...DEFAULT_PARAMS, ...file.params?.stripped },
      normal: { ...DEFAULT_PARAMS, ...file.params?.normal },
    },
  };
}

/** The shipped model, loaded once. */
export function defaultModel(): RepairModel {
  cached ??= loadModel();
  return cached;
}
