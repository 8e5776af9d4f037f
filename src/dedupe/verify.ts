/**
 * Verification of a candidate pair: the estimated Jaccard similarity, or — for a partial copy — the
 * estimated share of the smaller document inside the larger.
 */
import type { ResolvedOptions } from './options.js';
import { compare, equalBinsAtLeast } from './similarity.js';
import type { DocSketch } from './types.js';

export interface Edge {
  jaccard: number;
  /** Share of the first document in the second, and of the second in the first. */
  containsA: number;
  containsB: number;
}

/** Whether two sketches are versions of one document, and how similar; undefined when not. */
export function verify(a: DocSketch, b: DocSketch, o: ResolvedOptions): Edge | undefined {
  const sizeA = a.fingerprint.size;
  const sizeB = b.fingerprint.size;
  if (sizeA === 0 || sizeB === 0) return undefined;
  const share = Math.min(sizeA, sizeB) / Math.max(sizeA, sizeB);
  // The least Jaccard either rule accepts (containment c of the smaller at size ratio s needs
  // J ≥ c·s / (1 + s − c·s)); J can never exceed the size ratio, so some pairs need no comparing.
  let least = o.threshold;
  if (share >= o.minShare) least = Math.min(least, (o.containment * share) / (1 + share - o.containment * share));
  if (share < least) return undefined;
  const k = a.fingerprint.signature.length;
  // One bin of slack so rounding can never reject a pair the rules below would accept.
  if (equalBinsAtLeast(a.fingerprint.signature, b.fingerprint.signature, Math.ceil(least * k) - 1) < 0) return undefined;
  const s = compare(a.fingerprint, b.fingerprint);
  if (s.jaccard >= o.threshold) return s;
  const contained = sizeA <= sizeB ? s.containsA : s.containsB;
  if (share >= o.minShare && contained >= o.containment) return s;
  return undefined;
}

