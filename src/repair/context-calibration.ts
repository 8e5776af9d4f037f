/**
 * Calibrated confidence of a known word replaced by another known word (`sitta` → `sätta`,
 * `bar` → `har`): the probability that the replacement is right, from the decision's own
 * posterior (channel × official prior × neighbours), the broad-register context model's log-odds
 * (context-model.ts), how official the document's wording is and whether the word is capitalised
 * mid-sentence, by a logistic fit per document class on training and dev material
 * (scripts/fit-context-calibration.ts, dictionaries/context-calibration.json). Without the file
 * the decision's own posterior stands, as before the context model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dictionaryFile } from '../dictionaries.js';
import type { CalibrationEvent } from './calibration.js';
import { Checker, DOC_CLASSES } from './model-file.js';
import type { DocClass } from './model.js';

/** One known word weighed against another known word, as repair's trace records it. */
export interface ContextEvent {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  word: string;
  best: string;
  rule: string;
  docClass: DocClass;
  /** The decision's own posterior (before the context model). */
  confidence: number;
  /** Context model: log P(with best) − log P(with word). */
  logOdds: number;
  /** The calibrated probability (= confidence without a calibration). */
  p: number;
  applied: boolean;
  /** The word as written is a known word. */
  knownOriginal: boolean;
  /** The word as written is capitalised and continues a sentence (a name, often). */
  capitalMid: boolean;
  /** How often the document has the token as written (unknown originals). */
  repeats?: number;
  /** The broad-register prior of the word as written (unknown originals). */
  originalPrior?: number;
  /** How official the document's wording is (see `officialness` in context-gate.ts). */
  officialness?: number;
  /** The share of the document's å/ä/ö words that OCR stripped (see `strippedShare` in context-gate.ts). */
  strippedShare?: number;
  /** The neighbours the context model saw: l2 l1 _ r1 r2 (null: none). */
  neighbours?: [string | null, string | null, string | null, string | null];
  /** The channel's log-ratio: log P(token | best) − log P(token | token as written). */
  channel?: number;
}

/** What a training script gets from `repair(text, { trace })`. */
export interface ContextTrace {
  /** The text the events' offsets are in (normalised; a colon read for a hyphen made `-`). */
  text?: string;
  events: ContextEvent[];
  /** Where given: every edit of the text with its calibration features and probability
   * (scripts/fit-repair-calibration.ts), offsets in the input. */
  edits?: CalibrationEvent[];
}

export interface Calibration {
  /** p = σ(bias + wConfidence · logit(confidence) + wLogOdds · logOdds + wOfficial · o +
   * wOfficialConfidence · o · logit(confidence)), o the document's officialness: the decision's own
   * posterior (channel × official-prose prior and pairs) is to be trusted as far as the document
   * reads like official prose; plus wCapitalMid where the word as written is capitalised and
   * continues a sentence (a name, often: `Sam`, `Grand`, `Stiller`); plus wStripped · log s, s the
   * share of the document's å/ä/ö words that its OCR stripped (a Swedish-model text strips few, and
   * then a known word is seldom a stripped twin). */
  bias: number;
  wConfidence: number;
  wLogOdds: number;
  wOfficial: number;
  wOfficialConfidence: number;
  wCapitalMid: number;
  wStripped: number;
  /** Decisions with a posterior below this are not weighed at all. */
  floor: number;
  /** The context must prefer the replacement by more than this (log-odds), whatever p says: a
   * known word is never replaced against its sentence. */
  minLogOdds: number;
  /** Calibrated probability a replacement needs to be applied (the held-out damage bar). */
  min: number;
}

/** dictionaries/context-calibration.json: a calibration for each document class fitted. */
export type CalibrationFile = Partial<Record<DocClass, Calibration>>;

const CALIBRATION_FIELDS = ['bias', 'wConfidence', 'wLogOdds', 'wOfficial', 'wOfficialConfidence', 'wCapitalMid', 'wStripped', 'floor', 'minLogOdds', 'min'] as const satisfies ReadonlyArray<keyof Calibration>;

/** `json` checked as a context-calibration.json; `file` names it in every error. */
export function checkCalibrationFile(json: unknown, file: string): CalibrationFile {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  for (const key of Object.keys(o)) {
    if (!(DOC_CLASSES as readonly string[]).includes(key)) c.fail(key, `no such field (one of ${DOC_CLASSES.join(', ')})`, o[key]);
  }
  const out: CalibrationFile = {};
  for (const docClass of DOC_CLASSES) {
    if (o[docClass] !== undefined) out[docClass] = c.record(o[docClass], docClass, CALIBRATION_FIELDS, (v, p) => c.number(v, p), true) as Calibration;
  }
  return out;
}

let loaded: CalibrationFile | null | undefined;

function load(): CalibrationFile | null {
  if (loaded !== undefined) return loaded;
  const path = dictionaryFile('context-calibration.json');
  loaded = existsSync(path) ? checkCalibrationFile(JSON.parse(readFileSync(path, 'utf8')), path) : null;
  return loaded;
}

/** The calibration of a document class, or null (then repair decides as without the context model). */
export function contextCalibration(docClass: DocClass): Calibration | null {
  return load()?.[docClass] ?? null;
}

/** For training: use this calibration instead of the shipped one (null: none). */
export function setContextCalibration(file: CalibrationFile | null): void {
  loaded = file;
}

/** log(p / (1 − p)), p clamped to [1e-6, 1 − 1e-6]. */
export const logit = (p: number): number => Math.log(Math.min(Math.max(p, 1e-6), 1 - 1e-6) / (1 - Math.min(Math.max(p, 1e-6), 1 - 1e-6)));

export function calibrated(c: Calibration, confidence: number, logOdds: number, officialness = 0, capitalMid = false, strippedShare = 1): number {
  const l = logit(confidence);
  const z = c.bias + c.wConfidence * l + c.wLogOdds * logOdds + c.wOfficial * officialness + c.wOfficialConfidence * officialness * l + (capitalMid ? c.wCapitalMid : 0) + c.wStripped * Math.log(strippedShare);
  return 1 / (1 + Math.exp(-z));
}
