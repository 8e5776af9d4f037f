/**
 * Calibrated confidence (issue #22): every correction's `confidence` is the probability that it is
 * right. Each rule scores its corrections its own way (a posterior, a learned rate, a count); a
 * fitted map per rule and document class turns that raw score, with a few features of the word and
 * the document, into a probability:
 *
 *   p = σ(bias + Σ wᵢ · xᵢ),   x = [logit(raw), joined, document, capitalMid, usedOriginal, onlyDiacritics, glyph, short, damage]
 *
 * (a logistic — Platt — map; its weight on logit(raw) is kept ≥ 0, so p never falls as the raw
 * score rises). It is fitted on text with known truth that is not held out (the training OCR, the
 * fixtures and dev documents) by scripts/fit-repair-calibration.ts, which also chooses the bar
 * `minConfidence` (per document class) on the dev documents' reliability table, and is stored in
 * dictionaries/repair-calibration.json (schema checked here, field by field). A correction whose
 * probability is below the bar is not applied; with `suggest` it is listed with `applied: false`.
 *
 * The map is applied once, to the edits every rule made (word-decisions.ts and rules.ts decide at
 * the raw scores, as fitted); a rule the file does not name keeps its raw score.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dictionaryFile } from '../dictionaries.js';
import { round, type Edit } from './edits.js';
import { fitLogistic, sigmoid } from './logistic.js';
import { Checker, DOC_CLASSES, type DocClass } from './model-file.js';
import { foldDiacritics } from './model.js';
import type { RepairRun } from './run.js';
import { RULES, ruleIds } from './rules.js';
import { midSentence } from './units.js';
import { SUGGESTED } from './word-decisions.js';

/** The version of dictionaries/repair-calibration.json this code reads and the fit writes. */
export const CALIBRATION_VERSION = 1;

/**
 * The features of a correction, in the order of a map's weights:
 * - `logitRaw`: logit of the rule's own score (clamped to 0.0005 … 0.9995);
 * - `joined`: 1 for a word rule's reading of a word joined across a line-end hyphen;
 * - `document`: 1 where the document's own use of the word decided it (`+document`);
 * - `capitalMid`: 1 for a word written with a capital first letter mid-sentence (a name, often);
 * - `usedOriginal`: how much broad text uses the word as written: max(0, log10 P(word) + 8) by the
 *   broad-register prior (wordfreq), 0 for a word it never lists — a real word the lexicon lacks
 *   is read as damage (`kravsande` → `krävande`); 0 where the reading only puts diacritics back
 *   (web text writes `pa`, `nar` for `på`, `när` too) and where the word holds a glyph;
 * - `onlyDiacritics`: 1 where the reading only puts diacritics back (`gratt` → `grått`);
 * - `glyph`: 1 where the word as written holds a character no Swedish word holds (a digit, `&`,
 *   `#`, `@`, `|`, or an `é` the reading does not keep): OCR damage beyond doubt (`#r`, `6ver`);
 * - `short`: max(0, 6 − letters) / 5 for the word as written (a short word neighbours many words);
 * - `damage`: how damaged the document is: log10(word repairs per word + 0.001) + 3, in [0, 3].
 * The word features are 0 for corrections of marks and glyphs.
 */
export const CALIBRATION_FEATURES = ['logitRaw', 'joined', 'document', 'capitalMid', 'usedOriginal', 'onlyDiacritics', 'glyph', 'short', 'damage'] as const;
export type CalibrationFeature = (typeof CALIBRATION_FEATURES)[number];

/** The map of one rule in one document class. */
export interface RuleCalibration {
  /** Corrections it was fitted on, and those right. */
  n: number;
  right: number;
  bias: number;
  /** One weight per feature, in the order of CALIBRATION_FEATURES. */
  weights: number[];
}

/** `dictionaries/repair-calibration.json`. */
export interface CalibrationFile {
  version: number;
  about: string;
  /** The folders of text with known truth it was fitted on. */
  sources: string[];
  /** The day of the fit (YYYY-MM-DD). */
  at: string;
  /** The default bar per document class: a correction is applied when its probability is at
   * least this (chosen on the dev documents of the class: damage ≤ 0.1 % of right words). */
  minConfidence: Record<DocClass, number>;
  /** Per document class, per rule (a RuleId, or `held:<reason>` for the word step's suggestions:
   * see calibrationGroup), the map. */
  classes: Record<DocClass, Record<string, RuleCalibration>>;
}

/** Why a reading the word step found was not taken, for which it is suggested (word-decisions.ts
 * SUGGESTED): each has a map of its own (`held:<reason>`), fitted on such suggestions. */
export const HELD_REASONS: readonly string[] = [...SUGGESTED];

/** The map that calibrates a correction of rule label `rule`: a suggestion the word step held back,
 * its reason's (`held:against-context`); else the word rule where the label holds one
 * (`dehyphenate+confusion+document` → `confusion`), else its first rule. */
export function calibrationGroup(rule: string, held?: string): string {
  if (held !== undefined) return `held:${held}`;
  const ids = ruleIds(rule);
  const word = ids.find((id) => RULES.find((r) => r.id === id)?.reading !== undefined);
  return word ?? ids[0] ?? rule;
}

/** Scores are reported to three decimals, so 1 stands for anything from 0.9995 up: logit(raw) is
 * taken of the score clamped to [0.0005, 0.9995]. */
const clampP = (p: number): number => Math.min(Math.max(p, 5e-4), 1 - 5e-4);
export const logit = (p: number): number => Math.log(clampP(p) / (1 - clampP(p)));
export { sigmoid };
/** The highest probability a correction is given: no repair is certain. */
export const MAX_CONFIDENCE = 0.999;

/** p of a map for the features x (in the order of CALIBRATION_FEATURES). */
export function calibratedProbability(c: RuleCalibration, x: readonly number[]): number {
  let z = c.bias;
  for (let k = 0; k < x.length; k++) z += (c.weights[k] ?? 0) * x[k]!;
  return Math.min(sigmoid(z), MAX_CONFIDENCE);
}

const LETTERS = /\p{L}/gu;
/** A character inside a word that no Swedish word holds. */
const GLYPH = /\p{L}[0-9&#@|]|[0-9&#@|]\p{L}/u;

/** The features of edit `e` of run `run` (see CALIBRATION_FEATURES). */
export function calibrationFeatures(run: Pick<RepairRun, 'text' | 'wordRepairs' | 'units' | 'eng'>, e: Pick<Edit, 'offset' | 'length' | 'after' | 'confidence' | 'rule'>): number[] {
  const ids = ruleIds(e.rule);
  const wordRule = ids.some((id) => RULES.find((r) => r.id === id)?.reading !== undefined);
  const rate = run.wordRepairs / Math.max(1, run.units.length);
  const damage = Math.min(3, Math.max(0, Math.log10(rate + 0.001) + 3));
  if (!wordRule) return [logit(e.confidence), 0, 0, 0, 0, 0, 0, 0, damage];
  const before = run.text.slice(e.offset, e.offset + e.length).replace(/-\s+/gu, '');
  const letters = (before.match(LETTERS) ?? []).join('');
  const onlyDiacritics = letters !== '' && foldDiacritics(letters) === foldDiacritics((e.after.match(LETTERS) ?? []).join(''));
  const glyph = GLYPH.test(before.trim()) || (before.includes('é') && !e.after.includes('é'));
  const prior = letters && !onlyDiacritics && !glyph ? run.eng.context().prior(letters.toLowerCase()) : 0;
  return [
    logit(e.confidence),
    ids.includes('dehyphenate') ? 1 : 0,
    e.rule.endsWith('+document') ? 1 : 0,
    /^\p{Lu}/u.test(letters) && midSentence(run.text, e.offset) ? 1 : 0,
    prior > 0 ? Math.max(0, Math.log10(prior) + 8) : 0,
    onlyDiacritics ? 1 : 0,
    glyph ? 1 : 0,
    Math.max(0, 6 - [...letters].length) / 5,
    damage,
  ];
}

/** What repair reads: the file's maps and bar. */
export interface RepairCalibration {
  /** The default bar per document class. */
  minConfidence: Record<DocClass, number>;
  classes: Record<DocClass, Record<string, RuleCalibration>>;
}

/** One edit as the calibration saw it, for the fit (`RepairOptions.trace`). */
export interface CalibrationEvent {
  /** Offset, length and text in the input (as the corrections report them). */
  offset: number;
  length: number;
  after: string;
  rule: string;
  /** A suggestion of the word step: why it was not taken. */
  held?: string;
  docClass: DocClass;
  /** The rule's own score. */
  raw: number;
  features: number[];
  /** The calibrated probability (the raw score without a map). */
  p: number;
}

/**
 * Calibrates the edits of a run: each edit's confidence becomes its probability; an edit below
 * `bar` is taken out of the edits (and listed as a suggestion where `suggestions` is given).
 * `events` receives every edit with its features (training; offsets in the normalised text).
 * Returns the edits kept.
 */
export function calibrateEdits(run: RepairRun, cal: RepairCalibration, bar: number, events?: CalibrationEvent[]): Edit[] {
  const maps = cal.classes[run.docClass];
  const probability = (e: Edit): number => {
    const map = maps[calibrationGroup(e.rule, e.held)];
    const x = map || events ? calibrationFeatures(run, e) : null;
    const p = map ? calibratedProbability(map, x!) : e.confidence;
    events?.push({ offset: e.offset, length: e.length, after: e.after, rule: e.rule, ...(e.held ? { held: e.held } : {}), docClass: run.docClass, raw: e.confidence, features: x!, p });
    return p;
  };
  // The word step's own suggestions first (their reason's map), then every edit (its rule's).
  if (run.suggestions) run.suggestions = run.suggestions.map((s) => ({ ...s, confidence: round(probability(s)) }));
  const kept: Edit[] = [];
  for (const e of run.edits) {
    const p = probability(e);
    const edit = { ...e, confidence: round(p) };
    if (p >= bar) kept.push(edit);
    else {
      run.suggestions?.push(edit);
      // With `explain`, a word whose repair fell below the calibrated bar says so.
      if (run.leftAlone && ruleIds(e.rule).some((id) => RULES.find((r) => r.id === id)?.reading !== undefined || id === 'dehyphenate')) {
        const k = run.leftAlone.findIndex((l) => l.offset >= e.offset);
        const entry = { offset: e.offset, word: run.text.slice(e.offset, e.offset + e.length).replace(/-\s+/gu, ''), reason: 'below-threshold' as const };
        if (k < 0) run.leftAlone.push(entry);
        else if (run.leftAlone[k]!.offset === e.offset) run.leftAlone[k] = entry;
        else run.leftAlone.splice(k, 0, entry);
      }
    }
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// The file

/** `json` checked as a repair-calibration.json of this version; `file` names it in every error. */
export function checkCalibrationFile(json: unknown, file: string): CalibrationFile {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  c.version(o, CALIBRATION_VERSION, 'refit with scripts/fit-repair-calibration.ts');
  const classes = c.record(o.classes, 'classes', DOC_CLASSES, (v, p) => {
    const byRule = c.object(v, p);
    const out: Record<string, RuleCalibration> = {};
    for (const [rule, m] of Object.entries(byRule)) {
      const q = `${p}.${rule}`;
      if (!RULES.some((r) => r.id === rule) && !HELD_REASONS.some((h) => rule === `held:${h}`)) c.fail(q, `a rule id or held:<reason> (${HELD_REASONS.join(', ')})`, rule);
      const mo = c.object(m, q);
      const weights = c.list(mo.weights, `${q}.weights`, (w, wp) => c.number(w, wp));
      if (weights.length !== CALIBRATION_FEATURES.length) c.fail(`${q}.weights`, `${CALIBRATION_FEATURES.length} weights (${CALIBRATION_FEATURES.join(', ')})`, mo.weights);
      if (weights[0]! < 0) c.fail(`${q}.weights[0]`, 'a weight ≥ 0 on logit(raw) (the map must not fall as the score rises)', weights[0]);
      const n = c.count(mo.n, `${q}.n`);
      const right = c.count(mo.right, `${q}.right`);
      if (right > n) c.fail(`${q}.right`, 'no more than n', right);
      out[rule] = { n, right, bias: c.number(mo.bias, `${q}.bias`), weights };
    }
    return out;
  }, true) as Record<DocClass, Record<string, RuleCalibration>>;
  return {
    version: CALIBRATION_VERSION,
    about: c.string(o.about, 'about'),
    sources: c.list(o.sources, 'sources', (v, p) => c.string(v, p, true)),
    at: c.string(o.at, 'at', true),
    minConfidence: c.record(o.minConfidence, 'minConfidence', DOC_CLASSES, (v, p) => c.probability(v, p), true) as Record<DocClass, number>,
    classes,
  };
}

let shipped: RepairCalibration | null | undefined;

/** Reads a calibration file (checked). */
export function loadCalibration(path = dictionaryFile('repair-calibration.json')): RepairCalibration {
  const f = checkCalibrationFile(JSON.parse(readFileSync(path, 'utf8')), path);
  return { minConfidence: f.minConfidence, classes: f.classes };
}

/** For tests and experiments: the calibration repair uses by default with the shipped model
 * (null: raw scores; undefined: the shipped file again). */
export function setDefaultCalibration(c: RepairCalibration | null | undefined): void {
  shipped = c;
}

/** The shipped calibration (null when the package has none: raw scores, as before). */
export function defaultCalibration(): RepairCalibration | null {
  if (shipped === undefined) {
    const path = dictionaryFile('repair-calibration.json');
    shipped = existsSync(path) ? loadCalibration(path) : null;
  }
  return shipped;
}

// ---------------------------------------------------------------------------------------------
// The fit (scripts/fit-repair-calibration.ts; here so the tests reach it)

/** One labelled correction: its features and whether it was right. */
export interface CalibrationRow {
  x: readonly number[];
  y: 0 | 1;
}

/**
 * Fits one map: the logistic fit of logistic.ts, with a ridge penalty `lambda` pulling the
 * weights towards the identity map (weight 1 on logit(raw), 0 elsewhere), so a rule with few
 * corrections keeps nearly its raw score; the weight on logit(raw) is kept ≥ 0. The rows may
 * carry more features than CALIBRATION_FEATURES (the fit's class indicator): one weight each.
 */
export function fitRuleCalibration(rows: readonly CalibrationRow[], lambda = 2): RuleCalibration {
  const d = (rows[0]?.x.length ?? CALIBRATION_FEATURES.length) + 1; // bias first
  const prior = [0, 1, ...new Array<number>(d - 2).fill(0)];
  const w = fitLogistic(rows, { lambda, start: prior, prior, nonNegative: [1] });
  return { n: rows.length, right: rows.filter((r) => r.y === 1).length, bias: w[0]!, weights: w.slice(1) };
}
