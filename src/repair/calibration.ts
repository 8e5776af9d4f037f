/**
 * Calibrated confidence (issue #22): every correction's `confidence` is the probability that it is
 * right. Each rule scores its corrections its own way (a posterior, a learned rate, a count); a
 * fitted map per rule and document class turns that raw score, with a few features of the word and
 * the document, into a probability:
 *
 *   p = σ(bias + Σ wᵢ · xᵢ),   x = [logit(raw), joined, document, capitalMid, usedOriginal, onlyDiacritics, glyph, short, damage, channel, writtenWrong]
 *
 * (a logistic — Platt — map; its weight on logit(raw) is kept ≥ 0, so p never falls as the raw
 * score rises). It is fitted on text with known truth that is not held out (the training OCR, the
 * fixtures and dev documents) by scripts/fit-repair-calibration.ts, which also chooses the bars
 * (per document class and risk: `minConfidence` for a change that may make a right word wrong,
 * `nonWordMinConfidence` for a word edit whose word is likely wrong as written — see the map
 * `written` of P(written right) and `writtenMaxRisk`; without it, `notAWord`)
 * on the dev documents, and is stored in
 * dictionaries/repair-calibration.json (schema checked here, field by field). A correction whose
 * probability is below the bar is not applied; with `suggest` it is listed with `applied: false`.
 *
 * The map is applied once, to the edits every rule made (word-decisions.ts and rules.ts decide at
 * the raw scores, as fitted); a rule the file does not name keeps its raw score.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dictionaryFile } from '../dictionaries.js';
import { memoByObject } from '../memo.js';
import { codePointSlice, editRuns } from './align.js';
import { round, type Edit } from './edits.js';
import { fitLogistic, sigmoid } from './logistic.js';
import { Checker, DOC_CLASSES, type DocClass } from './model-file.js';
import { foldDiacritics } from './model.js';
import type { RepairRun } from './run.js';
import { RULES, ruleIds } from './rules.js';
import { isTechnical } from './technical.js';
import { midSentence, wordCountsOf } from './units.js';
import { SUGGESTED } from './word-decisions.js';

/** The version of dictionaries/repair-calibration.json this code reads and the fit writes. */
export const CALIBRATION_VERSION = 5;

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
 * - `damage`: how damaged the document is: log10(r + 0.001) + 3, in [0, 3], r its non-words read
 *   alone at the rules' bar per word (RepairRun.damageRate: known before any word is decided).
 * - `channel`: how often the document's own OCR made the reading's letter substitutions: ln(1 + k),
 *   k the fewest times any of them (`d` for `ä`, `&` for `ä` …) is made by the document's other
 *   non-words whose reading alone is sure (≥ 0.99; RepairRun.channel). One scan of one typeface
 *   makes the same confusions again: a reading that repeats them is likelier right.
 * - `writtenWrong`: how surely the word as written is wrong: with a map of P(written right)
 *   (`written`, below), min(1, −log10 P / 4) (P = 10⁻⁴ or less: 1), 0 for an edit without one;
 *   the reliability of a reading differs where its word is surely damage. Without such a map, the
 *   binary `notAWord`: 1 where the word as written cannot be right: a word rule's reading of a token the
 *   lexicon does not know (Edit.nonWord: no compound, name, identifier or older-spelling reading
 *   held it back either) that holds a glyph or is spelled as no Swedish word is (a letter trigram or
 *   word edge no corpus word has: `ldnet`, `ddr`), and is not capitalised mid-sentence (a name may
 *   be spelled any way). Its fix cannot make a right word wrong, only a wrong word differently
 *   wrong: such corrections have a bar of their own (`nonWordMinConfidence`). On the dev documents
 *   the lexicon's other non-words (`kravsande`, `unger`, `kerning`) were right as written ten times
 *   as often. Not in technical text (technical.ts `isTechnical`), where such a token is an
 *   identifier as often, nor for a word with a number at its end (`ver1`).
 * The word features are 0 for corrections of marks and glyphs.
 *
 * Which bar holds a word rule's edit is decided by a second map: P(the word as written is right),
 * `written` (see WRITTEN_FEATURES): a change can only damage a right word where the word as
 * written is right, so an edit whose word is likely wrong as written (P ≤ `writtenMaxRisk`) risks
 * little and is held to the lower bar (`nonWordMinConfidence`).
 */
export const CALIBRATION_FEATURES = ['logitRaw', 'joined', 'document', 'capitalMid', 'usedOriginal', 'onlyDiacritics', 'glyph', 'short', 'damage', 'channel', 'writtenWrong'] as const;
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
   * least this (chosen on the dev documents of the class: damage ≤ 0.1 % of right words with 95 %
   * confidence). */
  minConfidence: Record<DocClass, number>;
  /** The bar per document class for the fix of a word that cannot be right as written (feature
   * `notAWord`; chosen on the dev documents with `minConfidence`: the pair that cuts most while
   * damage stays within the bound). Absent: `minConfidence`. */
  nonWordMinConfidence?: Record<DocClass, number>;
  /** Per document class, the map of P(the word as written is right) of a word rule's edit
   * (WRITTEN_FEATURES; fitted on the same texts, right = the truth is the word as written), and
   * the most of it at which the edit is held to `nonWordMinConfidence` instead of `minConfidence`
   * (chosen on the dev documents with the bars). */
  written?: Record<DocClass, RuleCalibration>;
  writtenMaxRisk?: Record<DocClass, number>;
  /** Per document class, per rule (a RuleId, or `held:<reason>` for the word step's suggestions:
   * see calibrationGroup) or family of rules (`family:<name>`, see CALIBRATION_FAMILIES), the map. */
  classes: Record<DocClass, Record<string, RuleCalibration>>;
}

/** Why a reading the word step found was not taken, for which it is suggested (word-decisions.ts
 * SUGGESTED): each has a map of its own (`held:<reason>`), fitted on such suggestions, or where
 * it is rare, its family's (`family:held`). */
export const heldReasons = (): readonly string[] => [...SUGGESTED];

/**
 * The families of rules that share a map where a rule is rare: one map fitted on every
 * correction of the family, which a rule with few corrections of its own uses, and towards which
 * a rule with its own map is pulled (instead of towards its raw score):
 * - `word`: the word rules (readings of a word by the channel, a learned word, a corpus word);
 * - `boundary`: line-end joins, words joined across a line break, glue words split off;
 * - `mark`: marks and glyphs put back at a learned rate (`.`/`,`, a year span's dash, a lone
 *   glyph, a sentence-initial `I`, a dotted abbreviation);
 * - `held`: the word step's suggestions, whatever the reason they were not taken.
 */
export const CALIBRATION_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  word: ['confusion', 'stripped-diacritics', 'word-confusion', 'till-start', 'edit-distance'],
  boundary: ['dehyphenate', 'join-words', 'split-words'],
  mark: ['sentence-mark', 'year-range', 'lone-glyph', 'dash-glyph', 'glyph-word', 'abbreviation'],
};

/** The family of a calibration group (`held:<reason>` → `held`), or null. */
export function familyOf(group: string): string | null {
  if (group.startsWith('held:')) return 'held';
  for (const [name, rules] of Object.entries(CALIBRATION_FAMILIES)) if (rules.includes(group)) return name;
  return null;
}

/** The map of a correction: its group's own, else its family's, else none (the raw score). */
export function mapFor(maps: Readonly<Record<string, RuleCalibration>>, group: string): RuleCalibration | undefined {
  const family = familyOf(group);
  return maps[group] ?? (family ? maps[`family:${family}`] : undefined);
}

/** The map that calibrates a correction of rule label `rule`: a suggestion the word step held back,
 * its reason's (`held:against-context`); else the word rule where the label holds one
 * (`dehyphenate+confusion+document` → `confusion`), else its first rule. */
export function calibrationGroup(rule: string, held?: string): string {
  return held !== undefined ? `held:${held}` : labelOf(rule).group;
}

/** What a rule label (`dehyphenate+confusion+document`) tells the calibration. */
interface RuleLabel {
  /** Its map when the word step did not hold it back (see calibrationGroup). */
  group: string;
  /** It holds a word rule (one with a reading). */
  wordRule: boolean;
  dehyphenate: boolean;
  /** The document's own use of the word decided it. */
  document: boolean;
}

/** A rule label read once: a run calibrates thousands of edits under a few dozen labels. */
const labels = new Map<string, RuleLabel>();
function labelOf(rule: string): RuleLabel {
  let label = labels.get(rule);
  if (!label) {
    const ids = ruleIds(rule);
    const word = ids.find((id) => RULES.find((r) => r.id === id)?.reading !== undefined);
    labels.set(rule, (label = { group: word ?? ids[0] ?? rule, wordRule: word !== undefined, dehyphenate: ids.includes('dehyphenate'), document: rule.endsWith('+document') }));
  }
  return label;
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

/** What is not a letter (taken out of a word to leave its letters). */
const NOT_LETTERS = /\P{L}+/gu;
/** A character inside a word that no Swedish word holds. */
const GLYPH = /\p{L}[0-9&#@|]|[0-9&#@|]\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** The number of code points of `s`. */
function codePoints(s: string): number {
  let n = s.length;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < s.length) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        k++;
      }
    }
  }
  return n;
}

/** The features of edit `e` of run `run` (see CALIBRATION_FEATURES). */
export function calibrationFeatures(run: Pick<RepairRun, 'text' | 'damageRate' | 'eng' | 'channel' | 'channelOwn'>, e: Pick<Edit, 'offset' | 'length' | 'after' | 'confidence' | 'rule' | 'nonWord'>): number[] {
  const label = labelOf(e.rule);
  const damage = Math.min(3, Math.max(0, Math.log10(run.damageRate + 0.001) + 3));
  if (!label.wordRule) return [logit(e.confidence), 0, 0, 0, 0, 0, 0, 0, damage, 0, 0];
  const before = run.text.slice(e.offset, e.offset + e.length).replace(/-\s+/gu, '');
  const letters = before.replace(NOT_LETTERS, '');
  const onlyDiacritics = letters !== '' && foldDiacritics(letters) === foldDiacritics(e.after.replace(NOT_LETTERS, ''));
  const glyph = GLYPH.test(before.trim()) || (before.includes('é') && !e.after.includes('é'));
  const prior = letters && !onlyDiacritics && !glyph ? run.eng.context().prior(letters.toLowerCase()) : 0;
  const capitalMid = STARTS_UPPER.test(letters) && midSentence(run.text, e.offset);
  return [
    logit(e.confidence),
    label.dehyphenate ? 1 : 0,
    label.document ? 1 : 0,
    capitalMid ? 1 : 0,
    prior > 0 ? Math.max(0, Math.log10(prior) + 8) : 0,
    onlyDiacritics ? 1 : 0,
    glyph ? 1 : 0,
    Math.max(0, 6 - codePoints(letters)) / 5,
    damage,
    channelFeature(run, e.offset, before.trim(), e.after),
    notAWord(run, e, before.trim(), letters, glyph, capitalMid) ? 1 : 0,
  ];
}

/** A word with a number at its end (`ver1`, `md5`): a name or version more likely than damage. */
const NUMBERED = /^\p{L}+[0-9]+$/u;

/** Whether word `before` of edit `e` cannot be right as written (feature `notAWord`). */
function notAWord(run: Pick<RepairRun, 'eng'>, e: Pick<Edit, 'nonWord'>, before: string, letters: string, glyph: boolean, capitalMid: boolean): boolean {
  if (e.nonWord !== true || capitalMid || NUMBERED.test(before)) return false;
  // In technical text (a man page, a software guide) a token spelled as no Swedish word is an
  // identifier as often as damage (`debtags`, `fpid`, `ver1` on the dev man pages).
  if (isTechnical(run as RepairRun)) return false;
  return glyph || !run.eng.maker.spelledLikeAWord(letters.toLowerCase());
}

/**
 * The features of P(the word as written is right) of a word rule's edit (the `written` map):
 * - `known`: 1 where the lexicon knows the word as written (Edit.nonWord unset; a word joined
 *   across a line end counts as unknown);
 * - `wordShaped`: 1 where it is spelled as Swedish words are (hypotheses.ts `spelledLikeAWord`);
 * - `glyph`, `short`, `capitalMid`, `onlyDiacritics`, `joined`, `channel`, `damage`: as for the
 *   edit's own map (CALIBRATION_FEATURES);
 * - `used`: max(0, log10 P(word) + 8) by the broad-register prior (wordfreq), also where the
 *   reading only puts diacritics back;
 * - `recurs`: ln(1 + k), k the other times the identical token (lower-cased) stands in the
 *   document: a writer's real word recurs, where OCR damages a word differently each time;
 * - products that let a known and an unknown word weigh the same evidence differently
 *   (`knownUsed`, `knownRecurs`, `unknownRecurs`, `unknownWordShaped`, `knownOnlyDiacritics`,
 *   `unknownChannel`), and `noChannel`: 1 where the document's OCR never surely made the
 *   reading's substitutions (the word as written may well be the writer's).
 */
export const WRITTEN_FEATURES = ['known', 'wordShaped', 'glyph', 'used', 'recurs', 'short', 'capitalMid', 'onlyDiacritics', 'joined', 'channel', 'damage', 'knownUsed', 'knownRecurs', 'unknownRecurs', 'unknownWordShaped', 'knownOnlyDiacritics', 'unknownChannel', 'noChannel'] as const;

/** How often token `word` stands in run `run`, in its lower-case, capitalised and upper-case
 * forms (the counts are kept as written: no string is made per unit). */
function timesInRun(run: Pick<RepairRun, 'units'>, word: string): number {
  const counts = wordCountsOf(run);
  const lower = word.toLowerCase();
  const forms = new Set([word, lower, lower.charAt(0).toUpperCase() + lower.slice(1), word.toUpperCase()]);
  let n = 0;
  for (const f of forms) n += counts.get(f) ?? 0;
  return n;
}

/** The features of P(written right) (WRITTEN_FEATURES) of word edit `e` of run `run`, given its
 * features `x` (calibrationFeatures). */
export function writtenFeatures(run: Pick<RepairRun, 'text' | 'eng' | 'units'>, e: Pick<Edit, 'offset' | 'length' | 'nonWord'>, x: readonly number[]): number[] {
  const before = run.text.slice(e.offset, e.offset + e.length).replace(/-\s+/gu, '').trim();
  const lower = before.replace(NOT_LETTERS, '').toLowerCase();
  const joined = x[1]!;
  const known = e.nonWord === true || joined === 1 ? 0 : 1;
  const wordShaped = lower !== '' && run.eng.maker.spelledLikeAWord(lower) ? 1 : 0;
  const prior = lower ? run.eng.context().prior(lower) : 0;
  const used = prior > 0 ? Math.max(0, Math.log10(prior) + 8) : 0;
  const recurs = Math.log1p(Math.max(0, timesInRun(run, before) - 1));
  const onlyDiacritics = x[5]!;
  const channel = x[9]!;
  return [known, wordShaped, x[6]!, used, recurs, x[7]!, x[3]!, onlyDiacritics, joined, channel, x[8]!, known * used, known * recurs, (1 - known) * recurs, (1 - known) * wordShaped, known * onlyDiacritics, (1 - known) * channel, channel === 0 ? 1 : 0];
}

/** Whether word `before` may be held to the lower bar at all: not in technical text (where a
 * token spelled as no word is an identifier as often as damage: `debtags`, `fpid` on the dev man
 * pages), nor a word with a number at its end (`ver1`). */
function mayBeLowRisk(run: Pick<RepairRun, 'text'>, before: string): boolean {
  return !NUMBERED.test(before) && !isTechnical(run as RepairRun);
}

/** The place of `writtenWrong` (`notAWord` without a map of P(written right)) among the features. */
export const WRITTEN_WRONG = CALIBRATION_FEATURES.indexOf('writtenWrong');
const NOT_A_WORD = WRITTEN_WRONG;

/** The feature `writtenWrong` of P(written right) `p`. */
export const writtenWrong = (p: number): number => Math.min(1, Math.max(0, -Math.log10(Math.max(p, 1e-12)) / 4));

/** ln(1 + k), k the fewest times the document's channel holds a substitution of this reading,
 * its own word's count taken off (a reading cannot vouch for itself). */
function channelFeature(run: Pick<RepairRun, 'channel' | 'channelOwn'>, offset: number, before: string, after: string): number {
  const subs = channelSubstitutions(run, before, after);
  if (subs.length === 0) return 0;
  const own = run.channelOwn.get(offset) ?? [];
  let k = Number.POSITIVE_INFINITY;
  for (const s of subs) k = Math.min(k, (run.channel.get(s) ?? 0) - (own.includes(s) ? 1 : 0));
  return Math.log1p(Math.max(0, k));
}

/**
 * The letter substitutions that turn `before` into `after` (lower-cased): each run of changed
 * characters of their alignment (align.ts) as `from→to` (`ldnet` → `länet`: `d→ä`; `&r` → `är`:
 * `&→ä`; an insertion `→e`).
 */
export function substitutions(before: string, after: string): string[] {
  const a = before.toLowerCase();
  const b = after.toLowerCase();
  const { n, m, runs } = editRuns(a, b);
  const out: string[] = [];
  for (let r = 0; r < runs.length; r += 4) out.push(`${codePointSlice(a, n, runs[r]!, runs[r + 1]!)}→${codePointSlice(b, m, runs[r + 2]!, runs[r + 3]!)}`);
  return out;
}

/** The distinct substitutions (see substitutions) of each (before, after) pair, made once per pair
 * within a run (the word step counts a document's channel with them, the calibration reads them
 * again for the `channel` feature of each correction): before → after → substitutions. */
const runSubstitutions = memoByObject((_run: object) => new Map<string, Map<string, readonly string[]>>());

/** The distinct letter substitutions that turn `before` into `after` (see substitutions), made
 * once per pair in run `run`. */
export function channelSubstitutions(run: object, before: string, after: string): readonly string[] {
  const byBefore = runSubstitutions(run);
  let byAfter = byBefore.get(before);
  if (!byAfter) byBefore.set(before, (byAfter = new Map()));
  let subs = byAfter.get(after);
  if (!subs) byAfter.set(after, (subs = [...new Set(substitutions(before, after))]));
  return subs;
}

/** What repair reads: the file's maps and bar. */
export interface RepairCalibration {
  /** The default bar per document class. */
  minConfidence: Record<DocClass, number>;
  /** The bar for the fix of a word likely wrong as written (CalibrationFile). */
  nonWordMinConfidence?: Record<DocClass, number>;
  /** P(the word as written is right) per document class, and the most of it the lower bar takes
   * (CalibrationFile). Absent: the lower bar holds where `notAWord`. */
  written?: Record<DocClass, RuleCalibration>;
  writtenMaxRisk?: Record<DocClass, number>;
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
  /** Of a word rule's edit: the features of P(written right) (WRITTEN_FEATURES). */
  written?: number[];
}

/** The calibration a run applies (repair.ts): the maps of its document class and the bar. */
export interface RunCalibration {
  maps: Record<string, RuleCalibration>;
  bar: number;
  /** The bar of a fix of a word likely wrong as written (Edit.notAWord). */
  nonWordBar: number;
  /** The map of P(written right) of the class, and the most of it the lower bar takes (null: the
   * lower bar holds where the feature `notAWord` is 1). */
  written: RuleCalibration | null;
  writtenMaxRisk: number;
  /** For the fit: every edit calibrated, with its features (offsets in the normalised text). */
  events: CalibrationEvent[] | null;
}

/**
 * Edit `e` of run `run` with its confidence calibrated (the probability that it is right; the
 * raw score where no map holds for it), marked `calibrated`. With `record`, the run's trace gets
 * it as an event.
 */
export function calibrateEdit(run: RepairRun, e: Edit, record: boolean): Edit {
  const cal = run.calibration!;
  const map = mapFor(cal.maps, calibrationGroup(e.rule, e.held));
  const wordRule = labelOf(e.rule).wordRule;
  const x = map || (record && cal.events) || e.nonWord || (cal.written && wordRule) ? calibrationFeatures(run, e) : null;
  // P(written right) of a word edit that may be held to the lower bar at all.
  const w = wordRule && x !== null && (cal.written || (record && cal.events)) && mayBeLowRisk(run, run.text.slice(e.offset, e.offset + e.length).trim()) ? writtenFeatures(run, e, x) : null;
  let notAWord: boolean;
  if (cal.written) {
    const pWritten = w !== null ? calibratedProbability(cal.written, w) : 1;
    notAWord = pWritten <= cal.writtenMaxRisk;
    if (x !== null) x[WRITTEN_WRONG] = w !== null ? writtenWrong(pWritten) : 0;
  } else notAWord = x !== null && x[NOT_A_WORD] === 1;
  const p = map ? calibratedProbability(map, x!) : e.confidence;
  if (record) cal.events?.push({ offset: e.offset, length: e.length, after: e.after, rule: e.rule, ...(e.held ? { held: e.held } : {}), docClass: run.docClass, raw: e.confidence, features: x!, p, ...(w ? { written: w } : {}) });
  // Built field by field: the edits of a run come in many shapes, and a spread of them is slow.
  const calibrated: Edit = { offset: e.offset, length: e.length, after: e.after, confidence: round(p), rule: e.rule, calibrated: true };
  if (e.held !== undefined) calibrated.held = e.held;
  if (notAWord) calibrated.notAWord = true;
  return calibrated;
}

/** Whether calibrated edit `e` is below the bar of its risk (RunCalibration). */
export function belowBar(cal: RunCalibration, e: Edit): boolean {
  return e.confidence < (e.notAWord ? cal.nonWordBar : cal.bar);
}

/**
 * Calibrates the edits of a run the word step has not (see calibrateEdit): an edit below the bar
 * is taken out of the edits (and listed as a suggestion where the run lists them). The word step
 * applies the bar to its own readings as it decides them (word-decisions.ts), so a reading held
 * back is no context for its neighbours. Returns the edits kept.
 */
export function calibrateEdits(run: RepairRun): Edit[] {
  const cal = run.calibration!;
  if (run.suggestions) run.suggestions = run.suggestions.map((s) => (s.calibrated ? s : calibrateEdit(run, s, true)));
  const kept: Edit[] = [];
  for (const e of run.edits) {
    const edit = e.calibrated ? e : calibrateEdit(run, e, true);
    if (e.calibrated || !belowBar(cal, edit)) kept.push(edit);
    else run.suggestions?.push(edit);
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
      const reasons = heldReasons();
      const families = [...Object.keys(CALIBRATION_FAMILIES), 'held'];
      if (!RULES.some((r) => r.id === rule) && !reasons.some((h) => rule === `held:${h}`) && !families.some((f) => rule === `family:${f}`)) c.fail(q, `a rule id, held:<reason> (${reasons.join(', ')}) or family:<name> (${families.join(', ')})`, rule);
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
    ...(o.nonWordMinConfidence === undefined ? {} : { nonWordMinConfidence: c.record(o.nonWordMinConfidence, 'nonWordMinConfidence', DOC_CLASSES, (v, p) => c.probability(v, p), true) as Record<DocClass, number> }),
    ...(o.written === undefined
      ? {}
      : {
          written: c.record(o.written, 'written', DOC_CLASSES, (v, p) => {
            const mo = c.object(v, p);
            const weights = c.list(mo.weights, `${p}.weights`, (w, wp) => c.number(w, wp));
            if (weights.length !== WRITTEN_FEATURES.length) c.fail(`${p}.weights`, `${WRITTEN_FEATURES.length} weights (${WRITTEN_FEATURES.join(', ')})`, mo.weights);
            const n = c.count(mo.n, `${p}.n`);
            const right = c.count(mo.right, `${p}.right`);
            if (right > n) c.fail(`${p}.right`, 'no more than n', right);
            return { n, right, bias: c.number(mo.bias, `${p}.bias`), weights };
          }, true) as Record<DocClass, RuleCalibration>,
          writtenMaxRisk: c.record(o.writtenMaxRisk, 'writtenMaxRisk', DOC_CLASSES, (v, p) => c.probability(v, p), true) as Record<DocClass, number>,
        }),
    classes,
  };
}

let shipped: RepairCalibration | null | undefined;

/** Reads a calibration file (checked). */
export function loadCalibration(path = dictionaryFile('repair-calibration.json')): RepairCalibration {
  const f = checkCalibrationFile(JSON.parse(readFileSync(path, 'utf8')), path);
  return { minConfidence: f.minConfidence, ...(f.nonWordMinConfidence ? { nonWordMinConfidence: f.nonWordMinConfidence } : {}), ...(f.written && f.writtenMaxRisk ? { written: f.written, writtenMaxRisk: f.writtenMaxRisk } : {}), classes: f.classes };
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
 * corrections keeps nearly its raw score — or, where `towards` is given (its family's map, over
 * the same features), towards that map; the weight on logit(raw) is kept ≥ 0. The rows may
 * carry more features than CALIBRATION_FEATURES (the fit's class indicator): one weight each.
 */
export function fitRuleCalibration(rows: readonly CalibrationRow[], lambda = 2, towards?: RuleCalibration): RuleCalibration {
  const d = (rows[0]?.x.length ?? CALIBRATION_FEATURES.length) + 1; // bias first
  const prior = towards ? [towards.bias, ...towards.weights] : [0, 1, ...new Array<number>(d - 2).fill(0)];
  if (prior.length !== d) throw new Error(`fitRuleCalibration: a map of ${prior.length - 1} weights to pull towards, for rows of ${d - 1} features`);
  const w = fitLogistic(rows, { lambda, start: prior, prior, nonNegative: [1] });
  return { n: rows.length, right: rows.filter((r) => r.y === 1).length, bias: w[0]!, weights: w.slice(1) };
}

/** Fits the map of P(the word as written is right) (WRITTEN_FEATURES; rows: right = the truth is
 * the word as written): a ridge-penalised logistic fit pulled towards 0. */
export function fitWrittenCalibration(rows: readonly CalibrationRow[], lambda = 1): RuleCalibration {
  const d = (rows[0]?.x.length ?? WRITTEN_FEATURES.length) + 1;
  const zero = new Array<number>(d).fill(0);
  const w = fitLogistic(rows, { lambda, start: zero, prior: zero });
  return { n: rows.length, right: rows.filter((r) => r.y === 1).length, bias: w[0]!, weights: w.slice(1) };
}
