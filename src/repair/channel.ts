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
}

/**
 * The `limit` most likely readings of `ocr` (by P(text | ocr)) whose search cost stays within
 * `maxCost` of the token read as itself; each carries its channel cost for scoring. `restrict`, when given, limits which truth chunks may be used (e.g. only diacritics).
 */
export function readings(
  ocr: string,
  table: ChannelTable,
  options: { beam?: number; limit?: number; maxCost?: number; maxStep?: number; allow?: (ocr: string, truth: string) => boolean } = {},
): Reading[] {
  const beam = options.beam ?? 48;
  // A single confusion rarer than this is not worth a branch of the search.
  const maxStep = options.maxStep ?? 8;
  const n = ocr.length;
  const buckets: Partial[][] = Array.from({ length: n + 1 }, () => []);
  buckets[0]!.push({ text: '', cost: 0, search: 0 });
  for (let pos = 0; pos < n; pos++) {
    const bucket = buckets[pos]!;
    if (bucket.length === 0) continue;
    bucket.sort((a, b) => a.search - b.search);
    if (bucket.length > beam) bucket.length = beam;
    const c = ocr[pos]!;
    const keep = table.keepCost(c);
    const keepSearch = table.keepSearch(c);
    const next = buckets[pos + 1]!;
    for (const s of bucket) next.push({ text: s.text + c, cost: s.cost + keep, search: s.search + keepSearch });
    for (let len = 1; len <= table.maxChunk && pos + len <= n; len++) {
      const chunk = ocr.slice(pos, pos + len);
      const alternatives = table.byOcr.get(chunk);
      if (!alternatives) continue;
      const target = buckets[pos + len]!;
      for (const alt of alternatives) {
        if (options.allow && !options.allow(chunk, alt.truth)) continue;
        if (alt.search > maxStep) continue;
        for (const s of bucket) target.push({ text: s.text + alt.truth, cost: s.cost + alt.cost, search: s.search + alt.search });
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
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    out.push({ text: s.text, cost: s.cost });
  }
  return out;
}
