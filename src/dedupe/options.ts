/**
 * The clustering rules' numbers: defaults (fitted on train), validation, and the Jaccard the LSH
 * banding must catch so that both rules (similarity, containment) get their candidates.
 */
import { ArkivError } from '../errors.js';
import { optimalBanding, type Banding } from './lsh.js';
import type { ClusterOptions } from './types.js';

/**
 * Fitted on /work/shared/train (scripts/fit-dedupe-threshold.ts): exact Jaccard of a document and
 * its English-model OCR 0.626–0.758 (mean 0.695), Swedish-model OCR 0.886–0.959, unrelated pairs
 * 0.004–0.070; 0.35 is the middle of that gap, ≥ 9 MinHash standard errors from either side.
 */
export const DEFAULT_THRESHOLD = 0.35;
/**
 * Partial copies: ≥ 75% of the smaller inside the larger (an OCR'd extract keeps ~80–85% of its
 * 6-grams) and the smaller ≥ 40% of the larger's size. Unrelated train pairs reach containment
 * 0.132 at most; a shared municipal template stays far below 0.75 unless it is most of the text.
 */
export const DEFAULT_CONTAINMENT = 0.75;
export const DEFAULT_MIN_SHARE = 0.4;
/**
 * A neighbour this much longer (in folded characters, so layout does not count) makes a contained
 * document "partial". A revision that reworded sentences stays within a few percent; an extract or
 * the version before pages were added is shorter by much more.
 */
export const PARTIAL_LENGTH_RATIO = 1.25;
export const DEFAULT_RECALL_WEIGHT = 0.7;

export interface ResolvedOptions {
  threshold: number;
  containment: number;
  minShare: number;
  recallWeight: number;
}

export function resolveOptions(options: ClusterOptions = {}): ResolvedOptions {
  const r = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    containment: options.containment ?? DEFAULT_CONTAINMENT,
    minShare: options.minShare ?? DEFAULT_MIN_SHARE,
    recallWeight: options.recallWeight ?? DEFAULT_RECALL_WEIGHT,
  };
  for (const [name, v] of Object.entries(r)) {
    const open = name === 'recallWeight';
    if (typeof v !== 'number' || !(v > 0 && (open ? v < 1 : v <= 1))) throw new ArkivError('INVALID_INPUT', `options.${name} must be a number in (0, 1${open ? ')' : ']'}, got ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`);
  }
  return r;
}

/**
 * The Jaccard similarity LSH must catch: the lower of the threshold and the Jaccard of a partial copy
 * at the limits (share s of the larger, containment c: J = c·s / (1 + s − c·s)).
 */
export function candidateThreshold(o: ResolvedOptions): number {
  const s = o.minShare;
  const c = o.containment;
  return Math.min(o.threshold, (c * s) / (1 + s - c * s));
}

export function bandingFor(options: ResolvedOptions, permutations: number): Banding {
  return optimalBanding(candidateThreshold(options), permutations, { fp: 1 - options.recallWeight, fn: options.recallWeight });
}

