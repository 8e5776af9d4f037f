/**
 * The ranking of a word's readings: channel × prior × context, and the posterior of the best.
 */
import { casePattern } from './case.js';
import type { Engines } from './engines.js';
import type { Hypothesis } from './hypotheses.js';
import type { RepairParams } from './model.js';
import type { Unit } from './units.js';

const STARTS_UPPER = /^\p{Lu}/u;

/** Context of one decision: its neighbours and the words the document vouches for. */
export interface Context {
  /** The neighbours, lower-cased (the bigram counts are of lower-cased pairs). */
  left: string | null;
  right: string | null;
  /** Lower-case words the document uses intact or was repaired into with high confidence. */
  documentWords: ReadonlySet<string> | null;
  /** A prior for the token read as itself when the lexicon lacks it but its use is attested
   * (attested.ts): it replaces the unknown-word prior where it is higher. */
  originalLogP?: number | null;
}

/** A unit's best reading and its posterior probability among the unit's readings. */
export interface Decision {
  best: Hypothesis;
  confidence: number;
}

/** What score() needs of a hypothesis beyond the hypothesis itself, worked out once: hypotheses
 * are cached per token and scored at every occurrence, two or three times each. */
interface Scoring {
  lower: string;
  /** A listed abbreviation in capitals (`RÖK`): the bigram counts are of lower-cased pairs, so
   * for it they count another word (`rök`, smoke) and say nothing about its context. */
  abbreviation: boolean;
  /** The language model the prior terms are of, and the terms (LanguageModel.priorTerms of
   * `lower`; a known word's prior, asked at every score). */
  lm: Engines['lm'] | null;
  prior: readonly [number, number];
}
const scoringOf = new WeakMap<Hypothesis, Scoring>();
const NO_PRIOR: readonly [number, number] = [0, 0];

function scoring(h: Hypothesis, eng: Engines): Scoring {
  let s = scoringOf.get(h);
  if (!s) {
    s = { lower: h.text.toLowerCase(), abbreviation: h.known && eng.words.isAbbreviation?.(h.text) === true && casePattern(h.text) === 'upper', lm: null, prior: NO_PRIOR };
    scoringOf.set(h, s);
  }
  return s;
}

/** log P of a known hypothesis (LanguageModel.logPrior), its terms kept with its scoring. */
function knownLogPrior(s: Scoring, eng: Engines, compoundLogP: number): number {
  if (s.lm !== eng.lm) {
    s.prior = eng.lm.priorTerms(s.lower);
    s.lm = eng.lm;
  }
  return Math.max(s.prior[0], s.prior[1] + compoundLogP);
}

/** Whether a unit is a lone `1` with candidates: the word `i` or a number. */
function isNumberUnit(u: Unit): boolean {
  return u.hyps !== null && u.word === '1';
}

function score(h: Hypothesis, unit: Unit, c: Context, eng: Engines, p: RepairParams): number {
  const { left, right } = c;
  const s = scoring(h, eng);
  let prior: number;
  let context = 0;
  if (h.known) {
    prior = knownLogPrior(s, eng, p.compoundLogP);
    if (left && !s.abbreviation) context += eng.lm.association(left, s.lower);
    if (right && !s.abbreviation) context += eng.lm.association(s.lower, right);
  } else if (isNumberUnit(unit) && h === unit.hyps!.original) {
    prior = p.numberLogP;
  } else {
    prior = STARTS_UPPER.test(h.text) ? p.unknownNameLogP : p.unknownLogP;
    if (c.originalLogP != null && h === unit.hyps?.original) prior = Math.max(prior, c.originalLogP);
  }
  // A word the document itself uses elsewhere is the likelier reading (`lanet` is `länet` in a
  // text about the county, not `lånet`); the token's own reading gets no boost, so this only
  // chooses among repairs.
  const vouched = h !== unit.hyps?.original && c.documentWords?.has(s.lower) === true ? p.documentBoost : 0;
  return -h.cost - p.editCost * (h.edits ?? 0) + prior + p.lmWeight * context + vouched;
}

/** Scratch for decide()'s scores (grown as needed). */
let scores = new Float64Array(16);

/** The best hypothesis of a unit and its posterior probability among the unit's hypotheses, or
 * null when it has no readings but itself. */
export function decide(unit: Unit, c: Context, eng: Engines, p: RepairParams): Decision | null {
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
