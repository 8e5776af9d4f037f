/**
 * OCR repair of Swedish text: normalise, then apply the rules of rules.ts in order — find the places
 * that change what the words are, choose for every word the most probable reading under channel ×
 * prior × context, and turn every rule's places into edits. Every change is reported against the
 * input text.
 */
import { applyEdits } from '../normalise/index.js';
import type { RepairResult } from '../types.js';
import { classify } from './doc-class.js';
import { composeCorrections, inputOffsets, type InputChange } from './edits.js';
import { engines } from './engines.js';
import { defaultModel, type DocClass, type RepairModel, type RepairParams } from './model.js';
import { normalizeStep } from './normalize-step.js';
import { RULES } from './rules.js';
import type { RepairRun } from './run.js';
import { tokenize } from './tokenize.js';
import { makeUnits } from './units.js';
import { decideWords } from './word-decisions.js';
import type { WordKnowledge } from './words.js';
import { defaultWords } from './default-words.js';

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
  /** Also report the words left alone and why (`RepairResult.leftAlone`). */
  explain?: boolean;
}

/**
 * Whether `word` is a known word as written, or one with its diacritics put back (`lanet` →
 * `länet`) by the confusions the document class's channel learned. Repair asks it of a word it
 * may split off a glued glyph or join across a colon (glyph-words.ts); scripts/train-repair.ts asks
 * it to count the same places.
 */
export function knownWithDiacritics(word: string, options: Pick<RepairOptions, 'lexicon' | 'model' | 'documentClass'> = {}): boolean {
  const eng = engines(options.lexicon ?? defaultWords(), options.model ?? defaultModel());
  return eng.maker.isWordWithDiacritics(word, options.documentClass ?? 'normal');
}

/** The run of one repair of the normalised text `text`, before any rule. */
function begin(text: string, options: RepairOptions): RepairRun {
  const model = options.model ?? defaultModel();
  const docClass = options.documentClass ?? classify(text, model.threshold);
  const params: RepairParams = { ...model.params[docClass], ...options.params };
  const words = options.lexicon ?? defaultWords();
  return {
    text,
    wordText: text,
    docClass,
    model,
    params,
    minConfidence: options.minConfidence ?? params.minConfidence,
    words,
    eng: engines(words, model),
    dehyphenate: options.dehyphenate !== false,
    abbreviations: [],
    colons: [],
    glued: [],
    sentenceGlyphs: [],
    units: [],
    chosen: [],
    wordRepairs: 0,
    edits: [],
    leftAlone: options.explain ? [] : null,
  };
}

/** The word units of the text, each with its readings or the reason it is left alone. */
function readWords(run: RepairRun): void {
  // A glued sentence-initial glyph (`Lansvaret`) is no part of the word after it.
  const gluedAt = new Set(run.glued.map((g) => g.offset));
  const tokens = tokenize(run.wordText).map((k) => (gluedAt.has(k.start) ? { ...k, start: k.start + 1, raw: k.raw.slice(1), word: k.word.slice(1), joinedToPrevious: false } : k));
  const abbreviationStarts = new Set(run.abbreviations.map((a) => a.start));
  run.units = makeUnits(tokens, { text: run.wordText, docClass: run.docClass, eng: run.eng, abbreviationStarts }, run.dehyphenate);
}

export function repair(text: string, options: RepairOptions = {}): RepairResult {
  const norm = options.normalize === false ? { text, changes: [] as InputChange[] } : normalizeStep(text);
  const run = begin(norm.text, options);
  for (const rule of RULES) rule.find?.(run);
  readWords(run);
  decideWords(run);
  for (const rule of RULES) if (rule.edits) run.edits.push(...rule.edits(run));
  const corrections = composeCorrections(text, norm.text, norm.changes, run.edits);
  const result: RepairResult = { text: applyEdits(text, corrections), corrections };
  if (run.leftAlone) {
    const offsets = inputOffsets(norm.changes, run.leftAlone.map((l) => l.offset));
    result.leftAlone = run.leftAlone.map((l, k) => ({ ...l, offset: offsets[k]! }));
  }
  return result;
}
