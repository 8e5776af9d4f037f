/** Fixture texts and derived versions for the dedupe tests (made here from fixture text, not stored). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STOP_SHINGLES } from '../src/dedupe/stop-shingles.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export const SEED = {
  s000: 'seeds/000_7ba38837b630bd69.txt',
  s001: 'seeds/001_0b647d42468baec0.txt',
  s002: 'seeds/002_e12f78de28e15a9e.txt',
  s003: 'seeds/003_fdc63f53545dbbbb.txt',
  s004: 'seeds/004_5421d508fa9a5640.txt',
  ocr001: 'seed-001-pair/ocr.txt',
} as const;

/** Paragraphs (blank-line separated), non-empty. */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Sentences of a text (crude, enough to edit a document). */
export function sentences(text: string): string[] {
  return text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/).filter((s) => s.length > 0);
}

const STOPS = new Set(STOP_SHINGLES);

/**
 * Exact Jaccard and containment of folded 6-gram sets (stop shingles left out, as the library
 * does), computed with strings and Sets, independently of the library's hashing.
 */
export function exactSimilarity(a: string, b: string, k = 6): { jaccard: number; containsA: number; containsB: number } {
  const fold = (t: string): string =>
    t.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '');
  const grams = (t: string): Set<string> => {
    const s = new Set<string>();
    for (let i = 0; i + k <= t.length; i++) {
      const g = t.slice(i, i + k);
      if (!STOPS.has(g)) s.add(g);
    }
    return s;
  };
  const A = grams(fold(a));
  const B = grams(fold(b));
  let both = 0;
  for (const g of A) if (B.has(g)) both++;
  return { jaccard: both / (A.size + B.size - both), containsA: both / A.size, containsB: both / B.size };
}
