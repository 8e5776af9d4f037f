/**
 * Locality-sensitive hashing by banding: the signature is cut into `bands` bands of `rows` values;
 * two documents become candidates when any band is equal. The probability of that at Jaccard s is
 * 1 − (1 − s^rows)^bands, an S-curve whose step sits near the threshold.
 *
 * The band shape is chosen the way datasketch's MinHashLSH does: among all bands × rows ≤ K, take the
 * one that minimises w_fp · (area under the curve below the threshold: false positives) +
 * w_fn · (area above the curve beyond it: false negatives). Every candidate is verified on the full
 * signature afterwards, so false positives cost only time; false negatives are lost pairs. The
 * weights default to datasketch's 0.5/0.5; clustering passes its own (ClusterOptions.recallWeight).
 */
import { hashWords } from './hash.js';

export interface Banding {
  bands: number;
  rows: number;
}

/** Integrates f over [a, b] by Simpson's rule (the integrands are smooth polynomials). */
function integrate(f: (s: number) => number, a: number, b: number, steps = 200): number {
  if (b <= a) return 0;
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

export function falsePositiveArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => 1 - (1 - s ** rows) ** bands, 0, threshold);
}

export function falseNegativeArea(threshold: number, bands: number, rows: number): number {
  return integrate((s) => (1 - s ** rows) ** bands, threshold, 1);
}

export function bandingKey(threshold: number, permutations: number, weights: { fp: number; fn: number }): string {
  return `${threshold}/${permutations}/${weights.fp}/${weights.fn}`;
}

/**
 * Bandings found by `searchBanding` once and kept: clustering's defaults (the candidate threshold
 * of DEFAULT_THRESHOLD, DEFAULT_CONTAINMENT and DEFAULT_MIN_SHARE; 256 permutations; recall weight
 * 0.7). The search takes ~0.25 s, which every run would pay when it clusters, a run stopped with
 * Ctrl-C too. test/dedupe.test.ts checks each against the search and that the defaults hit it.
 */
export const PRESET_BANDINGS: ReadonlyMap<string, Banding> = new Map([['0.2727272727272728/256/0.30000000000000004/0.7', { bands: 79, rows: 3 }]]);

const cache = new Map<string, Banding>(PRESET_BANDINGS);

/** The band shape minimising weighted false positive + false negative area at `threshold`. */
export function optimalBanding(threshold: number, permutations: number, weights = { fp: 0.5, fn: 0.5 }): Banding {
  const key = bandingKey(threshold, permutations, weights);
  const known = cache.get(key);
  if (known) return known;
  const best = searchBanding(threshold, permutations, weights);
  cache.set(key, best);
  return best;
}

/** The search behind `optimalBanding`, every bands × rows ≤ permutations tried (no cache). */
export function searchBanding(threshold: number, permutations: number, weights: { fp: number; fn: number }): Banding {
  let best: Banding = { bands: 1, rows: permutations };
  let bestError = Infinity;
  for (let bands = 1; bands <= permutations; bands++) {
    const maxRows = Math.floor(permutations / bands);
    for (let rows = 1; rows <= maxRows; rows++) {
      const error = weights.fp * falsePositiveArea(threshold, bands, rows) + weights.fn * falseNegativeArea(threshold, bands, rows);
      if (error < bestError) {
        bestError = error;
        best = { bands, rows };
      }
    }
  }
  return best;
}

/** One 32-bit hash a band (seeded with the band number so equal values in different bands differ). */
export function bandHashes(signature: Uint32Array, banding: Banding, out = new Uint32Array(banding.bands)): Uint32Array {
  for (let band = 0; band < banding.bands; band++) {
    out[band] = hashWords(signature, band * banding.rows, banding.rows, band) >>> 0;
  }
  return out;
}
