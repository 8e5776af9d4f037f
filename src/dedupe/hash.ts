/**
 * Seeded 32-bit hashing in exact integer arithmetic (Math.imul and `>>> 0`), so a signature is the
 * same bit for bit on every machine and every run. MurmurHash3 (x86_32) steps, written from the
 * public description of the algorithm.
 */

import { fmix32 } from '../hash.js';

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** One MurmurHash3 block step: mixes the 32-bit word `k` into the running state `h`. */
export function mixWord(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 of a single 32-bit word with a seed. */
export function hashWord(word: number, seed: number): number {
  return fmix32(mixWord(seed, word) ^ 4);
}

/** MurmurHash3 of `length` 32-bit words of `words` from `start`, with a seed. */
export function hashWords(words: Uint32Array, start: number, length: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < start + length; i++) h = mixWord(h, words[i] ?? 0);
  return fmix32(h ^ (length * 4));
}
