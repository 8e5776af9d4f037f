/**
 * Similarity of two fingerprints: the MinHash estimate of the Jaccard similarity of their shingle
 * sets, and the containments derived from it with the exact set sizes.
 */
import type { Fingerprint } from './fingerprint.js';

export interface Similarity {
  /** Estimated |A∩B| / |A∪B|. */
  jaccard: number;
  /** Estimated |A∩B| / |A|: how much of A is in B. */
  containsA: number;
  /** Estimated |A∩B| / |B|: how much of B is in A. */
  containsB: number;
}

/** Share of bins with equal values: the MinHash estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const k = a.length;
  if (k !== b.length || k === 0) return 0;
  let equal = 0;
  for (let i = 0; i < k; i++) if (a[i] === b[i]) equal++;
  return equal / k;
}

/**
 * Number of equal bins, or -1 as soon as fewer than `atLeast` can still be reached: most LSH
 * candidates are chance collisions far below the threshold, and stop early.
 */
export function equalBinsAtLeast(a: Int32Array, b: Int32Array, atLeast: number): number {
  const k = a.length;
  if (k !== b.length) return -1;
  let equal = 0;
  for (let i = 0; i < k; i++) {
    if (a[i] === b[i]) equal++;
    else if (equal + (k - i - 1) < atLeast) return -1;
  }
  return equal;
}

/**
 * From J = |A∩B| / (|A| + |B| − |A∩B|) follows |A∩B| = J (|A| + |B|) / (1 + J); containment is that
 * over one set's size, capped at 1 (the estimate can overshoot for a small set inside a large one).
 */
export function compare(a: Fingerprint, b: Fingerprint): Similarity {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containsA: 0, containsB: 0 };
  return similarityFrom(estimateJaccard(a.signature, b.signature), a.size, b.size);
}

/** Containments from a Jaccard estimate and the two set sizes (both > 0). */
export function similarityFrom(jaccard: number, sizeA: number, sizeB: number): Similarity {
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return {
    jaccard,
    containsA: Math.min(1, intersection / sizeA),
    containsB: Math.min(1, intersection / sizeB),
  };
}

/**
 * The same bits as a signed view: values ≥ 2^31 of a Uint32Array load as doubles in V8, of an
 * Int32Array as small integers, which makes the bin comparison ~20% faster. Equality is unchanged.
 */
export function int32View(signature: Uint32Array): Int32Array {
  return new Int32Array(signature.buffer, signature.byteOffset, signature.length);
}
