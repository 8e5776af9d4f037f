/**
 * Fits the dedupe stage's default similarity threshold on /work/shared/train: the exact Jaccard of
 * folded 6-gram sets (stop shingles left out, as fingerprints do) for each document against its
 * English-model OCR (the noisiest copies: å/ä/ö lost), its Swedish-model OCR, and every pair of
 * unrelated documents. The threshold is the middle of the gap between the most similar unrelated
 * pair and the least similar OCR copy (the widest margin for both, before MinHash error).
 *
 * Run: tsx scripts/fit-dedupe-threshold.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../src/dedupe/fold.js';
import { STOP_SHINGLES } from '../src/dedupe/stop-shingles.js';

const TRAIN = '/work/shared/train';
const stops = new Set(STOP_SHINGLES);
const grams = (text: string): Set<string> => {
  const f = foldText(text);
  const s = new Set<string>();
  for (let i = 0; i + 6 <= f.length; i++) {
    const g = f.slice(i, i + 6);
    if (!stops.has(g)) s.add(g);
  }
  return s;
};
const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  let both = 0;
  for (const g of a) if (b.has(g)) both++;
  return both / (a.size + b.size - both);
};
const dirs = readdirSync(TRAIN).filter((d) => /^\d/.test(d));
const read = (d: string, f: string): Set<string> => grams(readFileSync(join(TRAIN, d, f), 'utf8'));
const truth = dirs.map((d) => read(d, 'truth.txt'));
const eng = dirs.map((d, i) => jaccard(truth[i]!, read(d, 'ocr-eng.txt')));
const swe = dirs.map((d, i) => jaccard(truth[i]!, read(d, 'ocr-swe.txt')));
const unrelated: number[] = [];
for (let i = 0; i < truth.length; i++) for (let j = i + 1; j < truth.length; j++) unrelated.push(jaccard(truth[i]!, truth[j]!));
const summary = (v: readonly number[]): string => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length);
  return `n=${v.length} min ${Math.min(...v).toFixed(3)} mean ${mean.toFixed(3)} sd ${sd.toFixed(3)} max ${Math.max(...v).toFixed(3)}`;
};
console.log(`truth vs English-model OCR: ${summary(eng)}`);
console.log(`truth vs Swedish-model OCR: ${summary(swe)}`);
console.log(`unrelated pairs:            ${summary(unrelated)}`);
const low = Math.max(...unrelated);
const high = Math.min(...eng, ...swe);
console.log(`gap ${low.toFixed(3)} … ${high.toFixed(3)}; threshold (middle) ${((low + high) / 2).toFixed(3)}`);
