/**
 * MurmurHash3's 32-bit finaliser, in exact integer arithmetic (Math.imul and `>>> 0`), so a value is
 * the same bit for bit on every machine and every run. Shared by the stages that hash: the repair
 * stage's edit index (its bucket choice) and the dedupe stage's shingle hashes. Written from the
 * public description of the algorithm.
 */

/** Spreads every input bit over the whole word, so the top bits (or any bits) are evenly mixed. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
