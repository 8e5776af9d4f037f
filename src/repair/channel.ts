/**
 * Candidate generation from the noisy channel: every way of reading the OCR token back through the
 * learned confusions, cheapest first. A beam search over positions, because one token may hold
 * several confusions (`Ostergdtland` = O→Ö and d→ö) and a chunk may span characters (`ii`→`ä`).
 */
import type { ChannelTable } from './model.js';

export interface Reading {
  text: string;
  /** −log P(ocr token | text) under the channel. */
  cost: number;
}

interface Partial {
  text: string;
  /** Channel cost so far (−log P(ocr | text)). */
  cost: number;
  /** Search cost so far (−log P(text | ocr)), which orders the beam. */
  search: number;
  /** The last two letters as lower-case char codes (`^` before the first), for the trigram test. */
  t1: number;
  t2: number;
}

/** A letter trigram as one number (three UTF-16 code units; Swedish letters are all in the BMP). */
export const trigramKey = (a: number, b: number, c: number): number => (a * 65536 + b) * 65536 + c;
const CARET = 94; // '^'
const DOLLAR = 36; // '$'

/** The numeric trigram set of a string set (`^ab`, `abc`, `bc$`). */
export function trigramKeys(trigrams: Set<string>): Set<number> {
  const keys = new Set<number>();
  for (const t of trigrams) if (t.length === 3) keys.add(trigramKey(t.charCodeAt(0), t.charCodeAt(1), t.charCodeAt(2)));
  return keys;
}

/** Whether a word begins and ends as Swedish words do (`^kom`, `ing$`; 4-grams), when the model has them. */
export function plausibleEdges(lowerWord: string, trigrams: Set<string>): boolean {
  if (lowerWord.length < 3 || !trigrams.has('^och')) return true;
  return trigrams.has('^' + lowerWord.slice(0, 3)) && trigrams.has(lowerWord.slice(-3) + '$');
}

/**
 * The `limit` most likely readings of `ocr` (by P(text | ocr)) whose search cost stays within
 * `maxCost` of the token read as itself; each carries its channel cost for scoring. `allow`
 * limits which confusions may be used; `trigrams` prunes readings Swedish spelling rules out.
 */
export function readings(
  ocr: string,
  table: ChannelTable,
  options: { beam?: number; limit?: number; maxCost?: number; maxStep?: number; allow?: (ocr: string, truth: string) => boolean; trigrams?: Set<number> } = {},
): Reading[] {
  const beam = options.beam ?? 48;
  // A single confusion rarer than this is not worth a branch of the search.
  const maxStep = options.maxStep ?? 8;
  const n = ocr.length;
  // Prune a partial reading as soon as it writes a letter trigram Swedish never has: exact with
  // respect to the final plausibility test, and it keeps the beam for readings that can be words.
  const tri = options.trigrams && options.trigrams.size ? options.trigrams : undefined;
  const extend = (into: Partial[], s: Partial, piece: string, lowerPiece: string, cost: number, search: number): void => {
    let t1 = s.t1;
    let t2 = s.t2;
    if (tri) {
      for (let i = 0; i < lowerPiece.length; i++) {
        const c = lowerPiece.charCodeAt(i);
        if (t1 >= 0 && !tri.has(trigramKey(t1, t2, c))) return;
        t1 = t2;
        t2 = c;
      }
    }
    into.push({ text: s.text + piece, cost: s.cost + cost, search: s.search + search, t1, t2 });
  };
  const buckets: Partial[][] = Array.from({ length: n + 1 }, () => []);
  buckets[0]!.push({ text: '', cost: 0, search: 0, t1: -1, t2: CARET });
  for (let pos = 0; pos < n; pos++) {
    const bucket = buckets[pos]!;
    if (bucket.length === 0) continue;
    if (bucket.length > beam) {
      bucket.sort((a, b) => a.search - b.search);
      bucket.length = beam;
    }
    const c = ocr[pos]!;
    const lc = c.toLowerCase();
    const keep = table.keepCost(c);
    const keepSearch = table.keepSearch(c);
    const next = buckets[pos + 1]!;
    for (const s of bucket) extend(next, s, c, lc, keep, keepSearch);
    for (let len = 1; len <= table.maxChunk && pos + len <= n; len++) {
      const chunk = ocr.slice(pos, pos + len);
      const alternatives = table.byOcr.get(chunk);
      if (!alternatives) continue;
      const target = buckets[pos + len]!;
      for (const alt of alternatives) {
        if (alt.search > maxStep) break; // sorted by search cost
        if (options.allow && !options.allow(chunk, alt.truth)) continue;
        for (const s of bucket) extend(target, s, alt.truth, alt.lower, alt.cost, alt.search);
      }
    }
    buckets[pos] = [];
  }
  const done = buckets[n]!;
  done.sort((a, b) => a.search - b.search);
  const seen = new Set<string>();
  const out: Reading[] = [];
  const limit = options.limit ?? 64;
  const base = done.find((s) => s.text === ocr)?.search ?? 0;
  const maxCost = base + (options.maxCost ?? 14);
  for (const s of done) {
    if (s.search > maxCost || out.length >= limit) break;
    if (tri && s.t1 >= 0 && !tri.has(trigramKey(s.t1, s.t2, DOLLAR))) continue;
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    out.push({ text: s.text, cost: s.cost });
  }
  return out;
}
