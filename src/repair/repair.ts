/**
 * OCR repair of Swedish text: normalise, then apply the rules of rules.ts in order — find the places
 * that change what the words are, choose for every word the most probable reading under channel ×
 * prior × context, and turn every rule's places into edits. Every change is reported against the
 * input text.
 */
import { applyEdits } from '../normalise/index.js';
import type { Correction, LeftAlone, RepairResult } from '../types.js';
import { calibrateEdits, defaultCalibration, type RepairCalibration } from './calibration.js';
import type { ContextTrace } from './context-calibration.js';
import { classify } from './doc-class.js';
import { composeCorrections, inputOffsets, type Edit, type InputChange } from './edits.js';
import { engines, withContext } from './engines.js';
import type { ContextData } from './context-model.js';
import { defaultModel, type DocClass, type RepairModel, type RepairParams } from './model.js';
import { normalizeStep } from './normalize-step.js';
import { RULES } from './rules.js';
import type { RepairRun } from './run.js';
import { tokenize, type Token } from './tokenize.js';
import { makeUnits } from './units.js';
import { decideWords } from './word-decisions.js';
import type { WordKnowledge } from './words.js';
import { defaultWords } from './default-words.js';
import { oldSwedishEdits, type OldRepairParams } from './old-swedish.js';
import { decideOrthography, type Spelling } from './orthography.js';

export interface RepairOptions {
  /** Word knowledge to repair against (default: the shipped lexicon). */
  lexicon?: WordKnowledge;
  /** Minimum confidence (0..1) for a correction to be applied. With a calibration (the shipped
   * model has one) it is a bar on the calibrated probability that the correction is right
   * (default: the calibration's for the document class, chosen on dev documents); without, on the rules' raw scores
   * (default: fitted on the training set). */
  minConfidence?: number;
  /** The map from each rule's raw score to the probability that a correction is right
   * (calibration.ts). Default: the shipped calibration with the shipped model, none with another
   * model; `null`: none (raw scores, the fitted bar). */
  calibration?: RepairCalibration | null;
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
  /** For training scripts (scripts/fit-context-calibration.ts): receives the text the words were
   * read from and every word weighed against another known word, with its context log-odds. */
  trace?: ContextTrace;
  /** Also list readings found but not applied (the sentence was against them, or they were below
   * the bar at a calibrated probability of at least SUGGEST_MIN) as corrections with `applied: false`. */
  suggest?: boolean;
  /** The spelling: `auto` (default) decides each page (form-feed separated) from its features
   * (see orthography.ts); `modern` or `pre-1906` says it for the whole text. */
  spelling?: 'auto' | Spelling;
  /** Override the fitted weights of older-spelling repair (training and experiments). */
  oldParams?: Partial<OldRepairParams>;
  /** Another broad-register context model than the shipped `dictionaries/sv-context.bin`, read
   * with loadContextData (experiments: bench/repair-loro.mjs leaves one register out of it). */
  context?: ContextData;
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

/** The calibration a repair uses (see RepairOptions.calibration). */
function calibrationOf(options: RepairOptions): RepairCalibration | null {
  if (options.calibration !== undefined) return options.calibration;
  return options.model === undefined || options.model === defaultModel() ? defaultCalibration() : null;
}

/** The run of one repair of the normalised text `text`, before any rule. */
function begin(text: string, options: RepairOptions, calibration: RepairCalibration | null): RepairRun {
  const calibrated = calibration !== null;
  const model = options.model ?? defaultModel();
  const docClass = options.documentClass ?? classify(text, model.threshold);
  const params: RepairParams = { ...model.params[docClass], ...options.params };
  const words = options.lexicon ?? defaultWords();
  // With a calibration the rules decide at their fitted raw bar (asking for less lowers it), and
  // the calibrated bar is applied to their edits at the end.
  const rawBar = !calibrated ? (options.minConfidence ?? params.minConfidence) : Math.min(params.minConfidence, options.minConfidence ?? 1);
  return {
    text,
    wordText: text,
    docClass,
    model,
    params,
    minConfidence: rawBar,
    words,
    eng: options.context ? withContext(engines(words, model), options.context) : engines(words, model),
    dehyphenate: options.dehyphenate !== false,
    abbreviations: [],
    colons: [],
    glued: [],
    sentenceGlyphs: [],
    tokens: null,
    joins: [],
    splits: [],
    units: [],
    chosen: [],
    provisional: [],
    wordRepairs: 0,
    damageRate: 0,
    channel: new Map(),
    channelOwn: new Map(),
    calibration: calibration ? { maps: calibration.classes[docClass], bar: options.minConfidence ?? calibration.minConfidence[docClass], nonWordBar: options.minConfidence ?? (calibration.nonWordMinConfidence ?? calibration.minConfidence)[docClass], written: calibration.written?.[docClass] ?? null, writtenMaxRisk: calibration.writtenMaxRisk?.[docClass] ?? 0, events: options.trace?.edits ? [] : null } : null,
    edits: [],
    leftAlone: options.explain ? [] : null,
    trace: options.trace ?? null,
    suggestions: options.suggest ? [] : null,
  };
}

/** The word units of the text, each with its readings or the reason it is left alone. */
function readWords(run: RepairRun): void {
  // A glued sentence-initial glyph (`Lansvaret`) is no part of the word after it.
  const gluedAt = new Set(run.glued.map((g) => g.offset));
  const read = (run.tokens ?? tokenize(run.wordText)).map((k) => (gluedAt.has(k.start) ? { ...k, start: k.start + 1, raw: k.raw.slice(1), word: k.word.slice(1), joinedToPrevious: false } : k));
  const tokens = run.joins.length > 0 || run.splits.length > 0 ? withWordBoundaries(run, read) : read;
  const abbreviationStarts = new Set(run.abbreviations.map((a) => a.start));
  run.units = makeUnits(tokens, { text: run.wordText, docClass: run.docClass, eng: run.eng, abbreviationStarts }, run.dehyphenate);
  if (run.joins.length > 0) {
    const joinedAt = new Set(run.joins.map((j) => j.start));
    for (const u of run.units) if (joinedAt.has(u.start)) u.joinedWords = true;
  }
}

/** The tokens with the word-boundary rules' places made: a joined pair one token (`kommu⏎nen`),
 * a split token two (`iden` → `i`, `den`). */
function withWordBoundaries(run: RepairRun, tokens: Token[]): Token[] {
  const joinAt = new Map(run.joins.map((j) => [j.start, j]));
  const splitAt = new Map(run.splits.map((s) => [s.start, s]));
  const out: Token[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const join = joinAt.get(t.start);
    const next = tokens[k + 1];
    if (join && next && next.end === join.end) {
      const raw = run.wordText.slice(t.start, next.end);
      out.push({ start: t.start, end: next.end, raw, word: join.word, joinedToPrevious: t.joinedToPrevious });
      k++;
      continue;
    }
    const split = splitAt.get(t.start);
    if (split && split.end === t.end) {
      const cut = split.at - t.start;
      out.push({ start: t.start, end: split.at, raw: t.raw.slice(0, cut), word: t.raw.slice(0, cut), joinedToPrevious: t.joinedToPrevious });
      out.push({ start: split.at, end: t.end, raw: t.raw.slice(cut), word: t.raw.slice(cut), joinedToPrevious: false });
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The repair of modern-spelling text (every page of it; see repair() for text in older spelling). */
function repairModern(text: string, options: RepairOptions = {}): RepairResult {
  const norm = options.normalize === false ? { text, changes: [] as InputChange[] } : normalizeStep(text);
  const calibration = calibrationOf(options);
  const run = begin(norm.text, options, calibration);
  for (const rule of RULES) rule.find?.(run);
  readWords(run);
  if (run.trace) run.trace.text = run.wordText;
  decideWords(run);
  for (const rule of RULES) if (rule.edits) run.edits.push(...rule.edits(run));
  if (run.calibration) {
    // Every edit's confidence becomes the probability that it is right; below the bar it is a
    // suggestion (the word step's readings were so decided as they were read).
    run.edits = calibrateEdits(run);
    const events = run.calibration.events;
    if (events) {
      for (const e of events) {
        const [start, end] = inputOffsets(norm.changes, [e.offset, e.offset + e.length]);
        run.trace!.edits!.push({ ...e, offset: start!, length: end! - start! });
      }
    }
  }
  const corrections = composeCorrections(text, norm.text, norm.changes, run.edits);
  const result: RepairResult = { text: applyEdits(text, corrections), corrections };
  if (run.suggestions && run.suggestions.length > 0) {
    // Suggestions change nothing: they are mapped to the input and listed beside the corrections
    // (in text order: the word-boundary rules list theirs before the word step).
    run.suggestions.sort((a, b) => a.offset - b.offset);
    const starts = inputOffsets(norm.changes, run.suggestions.map((s) => s.offset));
    const ends = inputOffsets(norm.changes, run.suggestions.map((s) => s.offset + s.length));
    const listed = run.suggestions.map((s, k): Correction => ({ offset: starts[k]!, length: ends[k]! - starts[k]!, before: text.slice(starts[k]!, ends[k]!), after: s.after, confidence: s.confidence, rule: s.rule, applied: false }));
    result.corrections = [...corrections, ...listed].sort((a, b) => a.offset - b.offset || (a.applied === false ? 1 : 0) - (b.applied === false ? 1 : 0));
  }
  if (run.leftAlone) {
    const offsets = inputOffsets(norm.changes, run.leftAlone.map((l) => l.offset));
    result.leftAlone = run.leftAlone.map((l, k) => ({ ...l, offset: offsets[k]! }));
  }
  return result;
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
  const warnings: string[] = [];
  // With `explain`: the words left alone on every page, at offsets of the normalised text.
  const leftAlone: LeftAlone[] | undefined = options.explain ? [] : undefined;
  for (const p of orthography.pages) {
    const from = at(p.offset);
    const to = at(p.offset + p.length);
    if (p.spelling === 'pre-1906') {
      edits.push(...oldSwedishEdits(t, from, to, words, { dehyphenate: options.dehyphenate, params: options.oldParams, leftAlone }));
    } else {
      // A modern page of a mixed volume: repaired alone, as its own text (already normalised).
      const r = repairModern(t.slice(from, to), { ...options, normalize: false, suggest: false });
      for (const c of r.corrections) edits.push({ offset: from + c.offset, length: c.length, after: c.after, confidence: c.confidence, rule: c.rule as Edit['rule'] });
      if (leftAlone && r.leftAlone) leftAlone.push(...r.leftAlone.map((l) => ({ ...l, offset: from + l.offset })));
      if (r.warnings) warnings.push(...r.warnings);
    }
  }
  const corrections = composeCorrections(text, t, norm.changes, edits);
  const result: RepairResult = { text: applyEdits(text, corrections), corrections, orthography, ...(warnings.length ? { warnings } : {}) };
  if (leftAlone) {
    const offsets = inputOffsets(norm.changes, leftAlone.map((l) => l.offset));
    result.leftAlone = leftAlone.map((l, k) => ({ ...l, offset: offsets[k]! }));
  }
  return result;
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

