/**
 * The price of reading an OCR token as a word that is some edits away: an alignment that uses as
 * few plain edits as possible and, among those, the likeliest single-letter confusions of the
 * channel (`a`→`ä` in `Mangtald`→`Mångfald` is a confusion, `t`→`f` an edit). The number of plain
 * edits is returned apart from the channel cost, because its price per edit is a fitted weight.
 */
import { memoByObject } from '../memo.js';
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

/** Lexicographic (edits, cost) packed into one number: edits dominate, costs stay far below 1000. */
const W = 1000;

/** Per table: OCR code unit → the word's code unit → the price of reading the one as the other
 * (kept, a confusion, or a plain edit W), filled as the alignments ask (every cell asks one). */
const stepCosts = memoByObject((_table: ChannelTable) => new Map<string, Map<string, number>>());

function stepCost(table: ChannelTable, o: string, t: string): number {
  if (o === t || o.toLowerCase() === t.toLowerCase()) return table.keepCost(o);
  const c = confusionCost(table, o, t);
  return c < Infinity ? c : W;
}

/** The alignment's table, one flat array kept between calls (grown as needed). */
let cells = new Float64Array(256);

export function editReading(ocr: string, word: string, table: ChannelTable): EditReading {
  const n = ocr.length;
  const m = word.length;
  const w = m + 1;
  const size = (n + 1) * w;
  if (cells.length < size) cells = new Float64Array(Math.max(size, cells.length * 2));
  const d = cells;
  d.fill(Infinity, 0, size);
  d[0] = 0;
  const costs = stepCosts(table);
  for (let i = 0; i <= n; i++) {
    const row = i * w;
    const o = i < n ? ocr[i]! : '';
    let steps = costs.get(o);
    if (!steps) costs.set(o, (steps = new Map()));
    for (let j = 0; j <= m; j++) {
      const here = d[row + j]!;
      if (here === Infinity) continue;
      if (i < n && j < m) {
        const t = word[j]!;
        let step = steps.get(t);
        if (step === undefined) steps.set(t, (step = stepCost(table, o, t)));
        const diagonal = row + w + j + 1;
        if (here + step < d[diagonal]!) d[diagonal] = here + step;
        if (i + 1 < n && j + 1 < m && ocr[i] === word[j + 1] && ocr[i + 1] === word[j] && here + W < d[diagonal + w + 1]!) d[diagonal + w + 1] = here + W;
      }
      if (i < n && here + W < d[row + w + j]!) d[row + w + j] = here + W;
      if (j < m && here + W < d[row + j + 1]!) d[row + j + 1] = here + W;
    }
  }
  const total = d[n * w + m]!;
  const edits = Math.floor((total + 1e-6) / W);
  return { edits, cost: total - edits * W };
}
