/**
 * The price of reading an OCR token as a word that is some edits away: an alignment that uses as
 * few plain edits as possible and, among those, the likeliest single-letter confusions of the
 * channel (`a`→`ä` in `Mangtald`→`Mångfald` is a confusion, `t`→`f` an edit). The number of plain
 * edits is returned apart from the channel cost, because its price per edit is a fitted weight.
 */
import type { ChannelTable } from './model.js';

export interface EditReading {
  /** Insertions, deletions, swaps and substitutions the channel does not know. */
  edits: number;
  /** −log P(ocr | word) of the letters kept and confused, under the channel. */
  cost: number;
}

function confusionCost(table: ChannelTable, o: string, t: string): number {
  const alts = table.byOcr.get(o);
  if (!alts) return Infinity;
  const lower = t.toLowerCase();
  let best = Infinity;
  for (const a of alts) if ((a.truth === t || a.lower === lower) && a.cost < best) best = a.cost;
  return best;
}

export function editReading(ocr: string, word: string, table: ChannelTable): EditReading {
  const n = ocr.length;
  const m = word.length;
  // Lexicographic (edits, cost) packed into one number: edits dominate, costs stay far below 1000.
  const W = 1000;
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  d[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = d[i]![j]!;
      if (here === Infinity) continue;
      if (i < n && j < m) {
        const o = ocr[i]!;
        const t = word[j]!;
        let step: number;
        if (o === t || o.toLowerCase() === t.toLowerCase()) step = table.keepCost(o);
        else {
          const c = confusionCost(table, o, t);
          step = c < Infinity ? c : W;
        }
        if (here + step < d[i + 1]![j + 1]!) d[i + 1]![j + 1] = here + step;
        if (i + 1 < n && j + 1 < m && ocr[i] === word[j + 1] && ocr[i + 1] === word[j] && here + W < d[i + 2]![j + 2]!) d[i + 2]![j + 2] = here + W;
      }
      if (i < n && here + W < d[i + 1]![j]!) d[i + 1]![j] = here + W;
      if (j < m && here + W < d[i]![j + 1]!) d[i]![j + 1] = here + W;
    }
  }
  const total = d[n]![m]!;
  const edits = Math.floor((total + 1e-6) / W);
  return { edits, cost: total - edits * W };
}
