/**
 * Candidate pairs from LSH buckets: per band, sort (band hash, document) and walk runs of equal
 * hashes. Sorting one Float64Array a band is much faster and leaner than a Map of buckets at 10^5
 * documents, and needs no per-bucket allocation.
 */
import { bandHashes, type Banding } from './lsh.js';

/**
 * Calls `visit(i, j)` (i < j) for every pair sharing a band; a pair may be visited once per shared
 * band. `packed` (default: fewer than 2^21 documents) sorts (hash, document) packed in one double;
 * otherwise an index array is sorted with a comparator (slower, any size).
 */
export function forEachCandidate(
  signatures: Uint32Array[],
  active: Uint8Array,
  banding: Banding,
  visit: (i: number, j: number) => void,
  packed = signatures.length < 1 << 21,
): void {
  const n = signatures.length;
  const hashes = new Uint32Array(n * banding.bands);
  const tmp = new Uint32Array(banding.bands);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (active[i] !== 1) continue;
    m++;
    hashes.set(bandHashes(signatures[i] ?? new Uint32Array(0), banding, tmp), i * banding.bands);
  }
  // Document index in the low 21 bits, band hash above: exact in a double while n < 2^21.
  const keys = new Float64Array(m);
  const order: number[] = [];
  for (let band = 0; band < banding.bands; band++) {
    let k = 0;
    if (packed) {
      for (let i = 0; i < n; i++) if (active[i] === 1) keys[k++] = (hashes[i * banding.bands + band] ?? 0) * 2097152 + i;
      keys.sort();
    } else {
      order.length = 0;
      for (let i = 0; i < n; i++) if (active[i] === 1) order.push(i);
      order.sort((a, b) => (hashes[a * banding.bands + band] ?? 0) - (hashes[b * banding.bands + band] ?? 0) || a - b);
      for (const i of order) keys[k++] = i;
    }
    const hashOf = (x: number): number => (packed ? Math.floor(x / 2097152) : hashes[x * banding.bands + band] ?? 0);
    const docOf = (x: number): number => (packed ? x % 2097152 : x);
    let start = 0;
    while (start < m) {
      const h = hashOf(keys[start] ?? 0);
      let end = start + 1;
      while (end < m && hashOf(keys[end] ?? 0) === h) end++;
      for (let a = start; a < end; a++) {
        const i = docOf(keys[a] ?? 0);
        for (let b = a + 1; b < end; b++) {
          const j = docOf(keys[b] ?? 0);
          if (i < j) visit(i, j);
          else visit(j, i);
        }
      }
      start = end;
    }
  }
}
