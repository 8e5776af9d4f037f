/**
 * How close a text is to its truth: the measures the tests, the benchmarks and the training
 * scripts share, so that a figure means the same wherever it is printed. They follow the official
 * scorer (`../shared/tools/score-repair.mjs`): both texts NFC with every run of white space one
 * space (`flatten`), character errors as the Levenshtein distance over code points, and truth words
 * aligned with the output's words by a word-level Levenshtein alignment.
 */
import { distance as levenshtein } from 'fastest-levenshtein';

/** NFC, every run of white space (line ends, form feeds) one space, no space at either end. */
export function flatten(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The words of a text as the scorer counts them: `flatten`, split on the spaces. */
export function flatWords(text: string): string[] {
  const flat = flatten(text);
  return flat ? flat.split(' ') : [];
}

/** A UTF-16 surrogate: the string holds a code point outside the Basic Multilingual Plane. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Levenshtein distance (insertions, deletions and substitutions of one code point, each 1) between
 * two strings or two arrays of code points. Strings within the Basic Multilingual Plane (one code
 * unit a code point: nearly every text) go to fastest-levenshtein's bit-parallel (Myers) distance,
 * ~12× faster on a 7 k-character page; otherwise two rows of the table, memory linear in `b`.
 */
export function editDistance(a: string | readonly string[], b: string | readonly string[]): number {
  if (typeof a === 'string' && typeof b === 'string' && !SURROGATE.test(a) && !SURROGATE.test(b)) return levenshtein(a, b);
  const x = typeof a === 'string' ? [...a] : a;
  const y = typeof b === 'string' ? [...b] : b;
  let prev = new Uint32Array(y.length + 1);
  let cur = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const diagonal = prev[j - 1]! + (xi === y[j - 1] ? 0 : 1);
      const up = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      cur[j] = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]!;
}

/** Character errors of `hypothesis` against `reference`, both flattened (see `flatten`). */
export function characterErrors(hypothesis: string, reference: string): number {
  return editDistance(flatten(hypothesis), flatten(reference));
}

/** Character error rate: character errors per code point of the flattened reference (0 for an empty one). */
export function cer(hypothesis: string, reference: string): number {
  const length = [...flatten(reference)].length;
  return length === 0 ? 0 : characterErrors(hypothesis, reference) / length;
}

/**
 * Word-level alignment of two token lists by Levenshtein distance: the pairs [reference index,
 * hypothesis index] of tokens aligned as equal or substituted (inserted and deleted tokens have no
 * pair), in order. Among equally short alignments the backtrace prefers a diagonal step, then a
 * reference token dropped, as the official scorer does. Time and memory are (n+1)·(m+1).
 */
export function alignWords(reference: readonly string[], hypothesis: readonly string[]): Array<[number, number]> {
  const n = reference.length;
  const m = hypothesis.length;
  const w = m + 1;
  const d = new Uint32Array((n + 1) * w);
  for (let i = 0; i <= n; i++) d[i * w] = i;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    const r = reference[i - 1];
    for (let j = 1; j <= m; j++) {
      d[i * w + j] = Math.min(d[(i - 1) * w + j - 1]! + (r === hypothesis[j - 1] ? 0 : 1), d[(i - 1) * w + j]! + 1, d[i * w + j - 1]! + 1);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (d[i * w + j] === d[(i - 1) * w + j - 1]! + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1)) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (d[i * w + j] === d[(i - 1) * w + j]! + 1) i--;
    else j--;
  }
  return pairs.reverse();
}

/** For each reference word, whether the hypothesis has it right (aligned with an equal word). */
export function rightWords(reference: readonly string[], hypothesis: readonly string[]): boolean[] {
  const ok = new Array<boolean>(reference.length).fill(false);
  for (const [i, j] of alignWords(reference, hypothesis)) ok[i] = reference[i] === hypothesis[j];
  return ok;
}

/** What a repair did to the truth's words: counts over the words of the reference. */
export interface WordChanges {
  /** Wrong in the input, right in the output. */
  fixed: number;
  /** Right in the input, wrong in the output: the damage, worse than a missed fix. */
  damaged: number;
  /** Wrong in the input (what could be fixed). */
  wrong: number;
  /** Right in the input (what could be damaged). */
  right: number;
}

/**
 * Words fixed and damaged by turning `input` into `output`, against `truth` (texts, or word lists
 * as `flatWords` makes them). `inputRight`: rightWords(truth, input), when it is known already (a
 * fit scores the same input many times).
 */
export function wordChanges(truth: string | readonly string[], input: string | readonly string[], output: string | readonly string[], inputRight?: readonly boolean[]): WordChanges {
  const ref = typeof truth === 'string' ? flatWords(truth) : truth;
  const okIn = inputRight ?? rightWords(ref, typeof input === 'string' ? flatWords(input) : input);
  const okOut = rightWords(ref, typeof output === 'string' ? flatWords(output) : output);
  const counts: WordChanges = { fixed: 0, damaged: 0, wrong: 0, right: 0 };
  okIn.forEach((was, k) => {
    if (was) {
      counts.right++;
      if (!okOut[k]) counts.damaged++;
    } else {
      counts.wrong++;
      if (okOut[k]) counts.fixed++;
    }
  });
  return counts;
}
