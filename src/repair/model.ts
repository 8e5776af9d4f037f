/**
 * The OCR confusion model repair reads: what training learned and fitted
 * (`dictionaries/repair-model.json`, written by `scripts/train-repair.ts`) and the numbers set by
 * hand (`dictionaries/repair-settings.json`), both checked against their schema (model-file.ts).
 * Per document class, how often each truth chunk was read as each OCR chunk becomes costs
 * (−log P(ocr | truth)) indexed by the OCR side, which is what repair sees.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ArkivError } from '../errors.js';
import { dictionaryFile } from '../dictionaries.js';
import { characterClass, languageClass, languageTable } from '../language.js';
import type { LearnedAbbreviation } from './dotted-abbreviations.js';
import { checkModelFile, checkSettingsFile, TILL_START_KINDS, type DocClass, type LearnedClass, type ModelFile, type PriorRule, type RepairParams, type ReplacementRow, type DecisionSettings, type WordBoundarySettings, type SearchSettings, type SettingsFile, type Tally } from './model-file.js';
import type { MarkSwapKind } from './sentence-marks.js';
import type { TillStartKind } from './till-glyphs.js';

export type { DocClass, RepairParams } from './model-file.js';

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
   * till-glyphs.ts); a kind training saw too seldom (fewer right readings than the settings'
   * evidence.tillMinSeen) is absent and never proposed.
   */
  tillStarts: Partial<Record<TillStartKind, number>>;
}

export interface RepairModel {
  threshold: number;
  /** P(truth `I` | a lone `|`, `[` or `]` starting a sentence before a lower-case word), learned;
   * 0 when the training OCR had too few such tokens to say (see glyph-words.ts). */
  sentenceGlyphI: number;
  /** P(truth `I` and a word | a sentence-initial glyph glued to a word, `Lansvaret`), learned; 0
   * when training saw too few such places or the odds fail evidence.minOdds (see glyph-words.ts). */
  gluedGlyphI: number;
  /** P(a line-end hyphen | a colon at a line end between the halves of a word, `ef:⏎⏎ter`), learned;
   * 0 when training saw too few such places or the odds fail evidence.minOdds (see glyph-words.ts). */
  colonHyphen: number;
  /** P(the halves are one word | a line-end hyphen whose halves join into no known word and are no
   * two words, `Dokumen-⏎tansvariv`), learned (the word itself may still be damaged). */
  hyphenJoin: number;
  /** P(an en dash | a hyphen between two years, the second the later, `2021-2025`), learned; 0 when
   * training saw too few such places or the odds fail evidence.minOdds (see year-ranges.ts). */
  yearRangeDash: number;
  /** P(the other mark | a place of this kind), learned (see sentence-marks.ts); 0 when training saw
   * too few such places or the mark was right too often for the change to pay (evidence.minOdds). */
  sentenceMarks: Record<MarkSwapKind, number>;
  /** Words repaired per word below which a document shows no OCR damage and its marks are left
   * alone: half the lowest rate of any training OCR document. Clean prose writes a stop before a
   * lower-case word now and then (an interview transcript's `i mellanrummen. men då`); OCR text
   * shows its damage in its words too. */
  markMinRepairRate: number;
  /** Short forms OCR made of dotted abbreviations (`bla.` → `bl.a.`), by lower-case form: those
   * training found to be the abbreviation at odds ≥ evidence.minOdds (see dotted-abbreviations.ts). */
  abbreviations: Map<string, LearnedAbbreviation>;
  /** What a lone glyph before a word stood for (`~` → `–`), by glyph: those training saw at least
   * evidence.glyphMinSeen times and found to be the other character at odds ≥ evidence.minOdds. */
  loneGlyphs: Map<string, { after: string; p: number }>;
  /** Letter trigrams Swedish words use (^/$ mark the ends); empty = no filter. */
  trigrams: Set<string>;
  tables: Record<DocClass, ChannelTable>;
  /** Fitted per document class: a stripped document is damaged far more often than a normal one. */
  params: Record<DocClass, RepairParams>;
  /** The channel search's budgets (hand-set, dictionaries/repair-settings.json). */
  search: SearchSettings;
  /** The word step's bars (hand-set, dictionaries/repair-settings.json). */
  decisions: DecisionSettings;
  /** The word-boundary rules' numbers (dictionaries/repair-settings.json, word-boundaries.ts). */
  wordBoundaries: WordBoundarySettings;
}

let folds: { foldable: RegExp; each: RegExp; to: ReadonlyMap<string, string> } | undefined;

/** Lower-case with the letters an OCR without Swedish loses folded as it folds them (å/ä/ö/é to
 * a/a/o/e; dictionaries/sv/stripped-diacritics.txt): what such an engine makes of a word. */
export function foldDiacritics(word: string): string {
  if (!folds) {
    const table = languageTable('sv/stripped-diacritics');
    folds = { foldable: characterClass(table.keys()), each: characterClass(table.keys(), 'gu'), to: new Map([...table].map(([from, [to = from]]) => [from, to])) };
  }
  const lower = word.toLowerCase();
  // One test first: most words have nothing to fold, and the edit index folds ~80 k of them.
  return folds.foldable.test(lower) ? lower.replace(folds.each, (c) => folds!.to.get(c)!) : lower;
}

let foldIndex: Map<string, string[]> | undefined;
let skeletonIndex: Map<string, string[]> | undefined;

let confusedVowels: RegExp | undefined;

/** The vowels an OCR without Swedish confuses among themselves (dictionaries/ocr/confused-vowels.txt),
 * starred: `länet` → `l*n*t`. */
export function skeleton(lowerWord: string): string {
  confusedVowels ??= languageClass('ocr/confused-vowels', 'gu');
  return lowerWord.replace(confusedVowels, '*');
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
    throw new ArkivError('IO', 'cannot read the repair word index (run scripts/train-repair.ts)', { file: path, cause });
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

let cached: RepairModel | undefined;

/** −log P(a `till…` word is read with its start merged into glyphs of this kind), for the kinds
 * training saw read right at least `minSeen` times. */
function tillCosts(counts: LearnedClass['tillStarts'], minSeen: number): Partial<Record<TillStartKind, number>> {
  const costs: Partial<Record<TillStartKind, number>> = {};
  for (const kind of TILL_START_KINDS) {
    const tally = counts[kind];
    if (tally && tally[0] >= minSeen) costs[kind] = -Math.log(tally[0] / tally[1]);
  }
  return costs;
}

function buildTable(learned: LearnedClass, prior: readonly PriorRule[], channel: SettingsFile['channel'], tillStarts: Partial<Record<TillStartKind, number>>): ChannelTable {
  const { maxProbability, minKeepProbability } = channel;
  // `${truth}\t${ocr}` → [P(ocr | truth), P(truth | ocr)]
  const probability = new Map<string, [number, number]>();
  const add = (t: string, o: string, forward: number, backward: number): void => {
    const key = `${t}\t${o}`;
    const old = probability.get(key);
    probability.set(key, old ? [Math.max(old[0], forward), Math.max(old[1], backward)] : [forward, backward]);
  };
  for (const [t, o, n, occ, ocrOcc] of learned.rules) {
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
    list.push({ truth: t, lower: t.toLowerCase(), cost: -Math.log(Math.min(forward, maxProbability)), search: -Math.log(Math.min(backward, maxProbability)) });
    byOcr.set(o, list);
    maxChunk = Math.max(maxChunk, o.length);
    if (t.length === 1) misread.set(t, (misread.get(t) ?? 0) + forward);
    if (o.length === 1) reread.set(o, (reread.get(o) ?? 0) + backward);
  }
  for (const list of byOcr.values()) list.sort((a, b) => a.search - b.search);
  const keep = new Map<string, number>();
  for (const [c, p] of misread) keep.set(c, -Math.log(Math.max(1 - p, minKeepProbability)));
  const keepSearch = new Map<string, number>();
  for (const [c, p] of reread) keepSearch.set(c, -Math.log(Math.max(1 - p, minKeepProbability)));
  const words = new Map<string, Array<{ truth: string; cost: number }>>();
  for (const [o, t, n, occ] of learned.words) {
    const list = words.get(o) ?? [];
    list.push({ truth: t, cost: -Math.log(Math.min(n / Math.max(occ, n), maxProbability)) });
    words.set(o, list);
  }
  return { byOcr, maxChunk, keepCost: (c) => keep.get(c) ?? 0, keepSearch: (c) => keepSearch.get(c) ?? 0, words, tillStarts };
}

/** How the learned tallies become probabilities: the settings' evidence bars. */
class Evidence {
  constructor(private readonly bars: SettingsFile['evidence']) {}

  /** hits / total if training saw the place at least `minSeen` times (default glyphMinSeen), else 0. */
  share(tally: Tally | undefined, minSeen = this.bars.glyphMinSeen): number {
    const [hits = 0, total = 0] = tally ?? [];
    return total >= minSeen ? hits / total : 0;
  }

  /**
   * P(the change is right) if training saw the place `minSeen` times and found it wrong at least
   * minOdds times for each time it was right (never wrong passes), else 0: the ratio the damage
   * rule asks of any change that is not weighed word by word.
   */
  odds(tally: Tally | undefined, minSeen = this.bars.glyphMinSeen): number {
    const [hits = 0, total = 0] = tally ?? [];
    // The odds from the counts themselves: p / (1 − p) in floating point makes 10 of 11 fall short of 10:1.
    return hits > 0 && hits >= this.bars.minOdds * (total - hits) ? this.share(tally, minSeen) : 0;
  }

  /**
   * The learned replacements (`bla.` → `bl.a.`, `~` → `–`) whose odds pass, by what OCR wrote.
   * `minSeen`: the sightings asked of the written form (abbreviation rows come already filtered by
   * count and documents, so they ask none more).
   */
  replacements(rows: readonly ReplacementRow[], minSeen: number): Map<string, { after: string; p: number }> {
    const table = new Map<string, { after: string; p: number }>();
    for (const [written, after, hits, total] of rows) {
      const p = this.odds([hits, total], minSeen);
      if (p > 0) table.set(written, { after, p });
    }
    return table;
  }
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (cause) {
    throw new ArkivError('IO', `cannot read the ${what} (run scripts/train-repair.ts)`, { file: path, cause });
  }
}

/** dictionaries/repair-model.json, checked against its schema (errors name the file and the field). */
export function readModelFile(path = dictionaryFile('repair-model.json')): ModelFile {
  return checkModelFile(readJson(path, 'repair model'), path);
}

/** dictionaries/repair-settings.json, checked against its schema (errors name the file and the field). */
export function readSettingsFile(path = dictionaryFile('repair-settings.json')): SettingsFile {
  return checkSettingsFile(readJson(path, 'repair settings'), path);
}

/** The repair model of a model file and a settings file (default: the shipped ones). */
export function loadModel(path = dictionaryFile('repair-model.json'), settingsPath = dictionaryFile('repair-settings.json')): RepairModel {
  return buildModel(readModelFile(path), readSettingsFile(settingsPath));
}

/** The repair model of the two files' contents, as checked. */
export function buildModel(file: ModelFile, settings: SettingsFile): RepairModel {
  const { learned, fitted } = file;
  const evidence = new Evidence(settings.evidence);
  const table = (cls: DocClass): ChannelTable => buildTable(learned.classes[cls], settings.priorRules, settings.channel, tillCosts(learned.classes[cls].tillStarts, settings.evidence.tillMinSeen));
  return {
    threshold: learned.diacriticRate.threshold,
    sentenceGlyphI: evidence.share(learned.sentenceGlyphI),
    gluedGlyphI: evidence.odds(learned.gluedGlyphI),
    colonHyphen: evidence.odds(learned.colonHyphen),
    // Always trusted at the learned rate: the place is no word as it stands either way.
    hyphenJoin: evidence.share(learned.hyphenJoin),
    yearRangeDash: evidence.odds(learned.yearRangeDash),
    sentenceMarks: {
      stopForComma: evidence.odds(learned.sentenceMarks.stopForComma),
      stopBeforeFragment: evidence.odds(learned.sentenceMarks.stopBeforeFragment),
      commaForStop: evidence.odds(learned.sentenceMarks.commaForStop),
      commaEndsParagraph: evidence.odds(learned.sentenceMarks.commaEndsParagraph),
    },
    markMinRepairRate: learned.markMinRepairRate,
    abbreviations: evidence.replacements(learned.dottedAbbreviations, 0),
    loneGlyphs: evidence.replacements(learned.loneGlyphs, settings.evidence.glyphMinSeen),
    trigrams: new Set(learned.trigrams ? learned.trigrams.split(' ') : []),
    tables: { stripped: table('stripped'), normal: table('normal') },
    params: { stripped: { ...fitted.params.stripped }, normal: { ...fitted.params.normal } },
    search: { ...settings.search },
    decisions: { ...settings.decisions },
    wordBoundaries: { ...settings.wordBoundaries, split: { ...settings.wordBoundaries.split }, glueWords: [...settings.wordBoundaries.glueWords] },
  };
}

/** The shipped model, loaded once. */
export function defaultModel(): RepairModel {
  cached ??= loadModel();
  return cached;
}
