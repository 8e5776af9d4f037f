/**
 * Verification of a candidate pair: the estimated Jaccard similarity, or — for a partial copy — the
 * estimated share of the smaller document inside the larger.
 */
import type { ResolvedOptions } from './options.js';
import { equalBinsAtLeast, int32View, similarityFrom } from './similarity.js';
import type { DocSketch } from './types.js';

export interface Edge {
  jaccard: number;
  /** Share of the first document in the second, and of the second in the first. */
  containsA: number;
  containsB: number;
}

/** Whether two sketches are versions of one document, and how similar; undefined when not. */
export function verify(a: DocSketch, b: DocSketch, o: ResolvedOptions): Edge | undefined {
  return verifySignatures(int32View(a.fingerprint.signature), int32View(b.fingerprint.signature), a.fingerprint.size, b.fingerprint.size, o);
}

/** `verify` on signed views of the signatures and the set sizes (the clustering loop's form). */
export function verifySignatures(a: Int32Array, b: Int32Array, sizeA: number, sizeB: number, o: ResolvedOptions): Edge | undefined {
  if (sizeA === 0 || sizeB === 0 || a.length !== b.length) return undefined;
  const share = Math.min(sizeA, sizeB) / Math.max(sizeA, sizeB);
  // The least Jaccard either rule accepts (containment c of the smaller at size ratio s needs
  // J ≥ c·s / (1 + s − c·s)); J can never exceed the size ratio, so some pairs need no comparing.
  let least = o.threshold;
  if (share >= o.minShare) least = Math.min(least, (o.containment * share) / (1 + share - o.containment * share));
  if (share < least) return undefined;
  const k = a.length;
  // One bin of slack so rounding can never reject a pair the rules below would accept.
  const equal = equalBinsAtLeast(a, b, Math.ceil(least * k) - 1);
  if (equal < 0) return undefined;
  const s = similarityFrom(equal / k, sizeA, sizeB);
  if (s.jaccard >= o.threshold) return s;
  const contained = sizeA <= sizeB ? s.containsA : s.containsB;
  if (share >= o.minShare && contained >= o.containment) return s;
  return undefined;
}
