/**
 * MinHash fingerprints by one-permutation hashing (OPH) with optimal densification.
 *
 * Each shingle (a run of `shingle` folded characters) gets one seeded 32-bit hash. Its top bits pick
 * one of `permutations` bins, and the bin keeps the smallest hash it saw: one hash per shingle
 * instead of one per permutation, which is what makes 10 000-character documents cheap (Li, Owen &
 * Zhang 2012). A bin no shingle fell into borrows the value of a non-empty bin chosen by a seeded
 * probe sequence that depends only on the bin number — the same for every document — so two
 * documents borrow alike and the share of equal bins stays an unbiased estimate of the Jaccard
 * similarity of the shingle sets (Shrivastava 2017, "optimal densification").
 *
 * The number of distinct shingles is counted exactly (a typed open-addressing set), so the
 * containment of one document in another can be derived from the Jaccard estimate and both sizes.
 */
import { ArkivError } from '../errors.js';
import { foldCodes } from './fold.js';
import { hashWord } from './hash.js';
import { STOP_SHINGLE_LENGTH, STOP_SHINGLES } from './stop-shingles.js';

export interface Fingerprint {
  /** One 32-bit MinHash value a bin. */
  signature: Uint32Array;
  /** Number of distinct shingles. */
  size: number;
  /** Number of folded characters. */
  length: number;
}

export interface FingerprintOptions {
  /** Number of MinHash bins (a power of two, 16…4096). Default 256. */
  permutations?: number;
  /** Shingle length in folded characters (2…16). Default 6. */
  shingle?: number;
  /** Hash seed; the same seed gives the same signature, bit for bit. Default 1. */
  seed?: number;
  /**
   * Leave out the 3 000 most frequent 6-grams of Swedish official prose (see stop-shingles.ts).
   * Default true; only used with 6-character shingles.
   */
  stopShingles?: boolean;
}

export const DEFAULT_PERMUTATIONS = 256;
/**
 * 6 characters: on the fixtures' OCR copies the 6-gram Jaccard stays ≥ 0.70 (5-grams gain 0.03),
 * while unrelated Swedish documents fall to ≤ 0.05 (5-grams: up to 0.10, so 6 separates better).
 */
export const DEFAULT_SHINGLE = 6;
export const DEFAULT_SEED = 1;

/** Polynomial base of the rolling shingle code; odd, so multiplication is invertible mod 2^32. */
const BASE = 0x01000193;

/** An empty document's signature value: no shingle hashes to it in practice, and size 0 is never matched. */
const EMPTY = 0xffffffff;

/** The per-document set of shingle codes seen (reused; cleared for each document). */
let seen = new Int32Array(1 << 15);

export function checkFingerprintOptions(options: FingerprintOptions = {}): Required<FingerprintOptions> {
  const stopShingles = options.stopShingles ?? true;
  const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
  const shingle = options.shingle ?? DEFAULT_SHINGLE;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(permutations) || permutations < 16 || permutations > 4096 || (permutations & (permutations - 1)) !== 0) {
    throw new ArkivError('INVALID_INPUT', `options.permutations must be a power of two from 16 to 4096, got ${permutations}`);
  }
  if (!Number.isInteger(shingle) || shingle < 2 || shingle > 16) {
    throw new ArkivError('INVALID_INPUT', `options.shingle must be an integer from 2 to 16, got ${shingle}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ArkivError('INVALID_INPUT', `options.seed must be an unsigned 32-bit integer, got ${seed}`);
  }
  return { permutations, shingle, seed, stopShingles };
}

/** Rolling polynomial code of a string of folded characters, as the fingerprint loop computes it. */
function shingleCode(s: string): number {
  let code = 0;
  for (let i = 0; i < s.length; i++) code = (Math.imul(code, BASE) + s.charCodeAt(i)) | 0;
  return code;
}

/**
 * Open-addressing set of the stop shingles' codes (built on first use). 0 marks an empty slot; a
 * stop shingle whose code is 0 (none today) would be kept in `hasZero`.
 */
interface CodeSet {
  codes: Int32Array;
  hasZero: boolean;
}
let stopTable: CodeSet | undefined;
const STOP_BITS = 15; // 32 768 slots for 3 000 codes: most other codes meet an empty slot at once

function stopSlot(code: number): number {
  return Math.imul(code, 0x9e3779b1) >>> (32 - STOP_BITS);
}

function buildStopTable(): CodeSet {
  const set: CodeSet = { codes: new Int32Array(1 << STOP_BITS), hasZero: false };
  const mask = (1 << STOP_BITS) - 1;
  for (const g of STOP_SHINGLES) {
    const code = shingleCode(g);
    if (code === 0) {
      set.hasZero = true;
      continue;
    }
    let slot = stopSlot(code);
    while (set.codes[slot] !== 0 && set.codes[slot] !== code) slot = (slot + 1) & mask;
    set.codes[slot] = code;
  }
  return set;
}

function isStop(set: CodeSet, code: number): boolean {
  if (code === 0) return set.hasZero;
  const codes = set.codes;
  const mask = codes.length - 1;
  let slot = stopSlot(code);
  for (;;) {
    const v = codes[slot];
    if (v === code) return true;
    if (v === 0) return false;
    slot = (slot + 1) & mask;
  }
}

/** MinHash fingerprint of a text (folded first; see fold.ts). */
export function fingerprint(text: string, options?: FingerprintOptions): Fingerprint {
  const { permutations, shingle, seed, stopShingles } = checkFingerprintOptions(options);
  const stops = stopShingles && shingle === STOP_SHINGLE_LENGTH ? (stopTable ??= buildStopTable()) : undefined;
  const first = sketchCodes(text, permutations, shingle, seed, stops);
  // A text made only of common shingles keeps them rather than becoming empty (and unmatchable).
  return first.size === 0 && first.length > 0 && stops ? sketchCodes(text, permutations, shingle, seed, undefined) : first;
}

function sketchCodes(text: string, permutations: number, shingle: number, seed: number, stops: CodeSet | undefined): Fingerprint {
  const { codes, length } = foldCodes(text);
  const signature = new Uint32Array(permutations).fill(EMPTY);
  if (length === 0) return { signature, size: 0, length: 0 };

  const binShift = 32 - Math.log2(permutations);
  const filled = new Uint8Array(permutations);
  // Set of the shingle codes seen: a power-of-two table at most half full, keyed by the code, so a
  // repeated shingle costs one probe and no hashing. 0 marks an empty slot (the code 0 has a flag);
  // clearing 2 × length slots is a memset, cheaper than stamping each slot.
  const bits = Math.ceil(Math.log2(Math.max(16, length * 2)));
  const need = 1 << bits;
  if (seen.length < need) seen = new Int32Array(need);
  else seen.fill(0, 0, need);
  const table = seen;
  const mask = need - 1;
  const slotShift = 32 - bits;
  let sawZero = false;
  let size = 0;

  const k = Math.min(shingle, length);
  // Rolling polynomial code of the current k characters, exact mod 2^32.
  let basePowK = 1;
  for (let i = 0; i < k; i++) basePowK = Math.imul(basePowK, BASE);
  let code = 0;
  for (let i = 0; i < k - 1; i++) code = (Math.imul(code, BASE) + (codes[i] ?? 0)) | 0;
  for (let i = k - 1; i < length; i++) {
    code = (Math.imul(code, BASE) + (codes[i] ?? 0)) | 0;
    if (i >= k) code = (code - Math.imul(codes[i - k] ?? 0, basePowK)) | 0;
    if (code === 0) {
      if (sawZero) continue;
      sawZero = true;
    } else {
      let slot = Math.imul(code, 0x9e3779b1) >>> slotShift;
      let v = table[slot];
      while (v !== 0 && v !== code) {
        slot = (slot + 1) & mask;
        v = table[slot];
      }
      if (v === code) continue;
      table[slot] = code;
    }
    if (stops !== undefined && isStop(stops, code)) continue;
    size++;
    const h = hashWord(code, seed);
    const bin = h >>> binShift;
    filled[bin] = 1;
    if (h < (signature[bin] ?? EMPTY)) signature[bin] = h;
  }

  densify(signature, filled, seed);
  return { signature, size, length };
}

/** Fills empty bins from non-empty ones along a probe sequence fixed by (bin, attempt, seed). */
function densify(signature: Uint32Array, filled: Uint8Array, seed: number): void {
  const k = signature.length;
  let empty = 0;
  for (let i = 0; i < k; i++) if (filled[i] === 0) empty++;
  if (empty === 0 || empty === k) return;
  const probeSeed = (seed ^ 0x9e3779b9) >>> 0;
  for (let bin = 0; bin < k; bin++) {
    if (filled[bin] === 1) continue;
    for (let attempt = 1; ; attempt++) {
      const from = hashWord(Math.imul(bin, 0x10001) + attempt, probeSeed) % k;
      if (filled[from] === 1) {
        signature[bin] = signature[from] ?? EMPTY;
        break;
      }
    }
  }
}
