import type { TextRun } from './runs.js';

/** Runs of one baseline that belong together horizontally (a line, or a column's part of it). */
export interface Fragment {
  runs: TextRun[];
  /** Index of the baseline the fragment is on. */
  line: number;
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

export interface Gutter {
  start: number;
  end: number;
}

/**
 * Narrowest and widest white strip between two columns, in font sizes. Typeset columns are one to
 * three ems apart (more where ragged lines fall short); a far wider strip is the gap between a
 * form's labels and its values.
 */
const MIN_GUTTER = 0.6;
const MAX_GUTTER = 10;
/** How many fragments must sit on each side, and how many baselines must have text on both sides. */
const MIN_SIDE_FRAGMENTS = 3;
const MIN_SHARED_LINES = 2;
/**
 * Prose columns fill their width with words: the median line of each side spans at least this
 * share of the side and has at least this many words. A form ("Datum   2021-08-31") has a white
 * strip too, but one- or two-word cells; it must be read across.
 */
const MIN_FILL = 0.5;
const MIN_WORDS_PER_LINE = 3;

/**
 * Looks for a vertical white strip in the middle half of the text area that (almost) no fragment
 * crosses, with text on both sides of it on the same baselines: a two-column page. Full-width
 * headings may cross it, so a few crossings (a tenth of the fragments) are allowed.
 */
export function findGutter(fragments: readonly Fragment[]): Gutter | undefined {
  const body = fragments.filter((f) => f.text.length >= 2);
  if (body.length < 2 * MIN_SIDE_FRAGMENTS) return undefined;
  const left = Math.min(...body.map((f) => f.x0));
  const right = Math.max(...body.map((f) => f.x1));
  const width = Math.ceil(right - left);
  if (width <= 0) return undefined;
  const cover = new Int32Array(width + 1);
  for (const f of body) {
    for (let x = Math.max(0, Math.floor(f.x0 - left)); x <= Math.min(width, Math.ceil(f.x1 - left)); x++) cover[x]!++;
  }
  const allowed = Math.max(1, Math.floor(body.length / 10));
  const size = median(body.map((f) => f.size)) ?? 10;
  let best: Gutter | undefined;
  let runStart = -1;
  const lo = Math.floor(width * 0.25);
  const hi = Math.ceil(width * 0.75);
  for (let x = lo; x <= hi + 1; x++) {
    const open = x <= hi && cover[x]! <= allowed;
    if (open && runStart < 0) runStart = x;
    if (!open && runStart >= 0) {
      const g = { start: left + runStart, end: left + x };
      if (!best || g.end - g.start > best.end - best.start) best = g;
      runStart = -1;
    }
  }
  if (!best || best.end - best.start < MIN_GUTTER * size || best.end - best.start > MAX_GUTTER * size) return undefined;
  const g = best;
  const leftSide = body.filter((f) => f.x1 <= g.start + 1);
  const rightSide = body.filter((f) => f.x0 >= g.end - 1);
  if (leftSide.length < MIN_SIDE_FRAGMENTS || rightSide.length < MIN_SIDE_FRAGMENTS) return undefined;
  const fill = (side: Fragment[], width: number): number => (median(side.map((f) => f.x1 - f.x0)) ?? 0) / Math.max(width, 1);
  if (fill(leftSide, g.start - left) < MIN_FILL || fill(rightSide, right - g.end) < MIN_FILL) return undefined;
  const words = (side: Fragment[]): number => median(side.map((f) => f.text.split(' ').length)) ?? 0;
  if (words(leftSide) < MIN_WORDS_PER_LINE || words(rightSide) < MIN_WORDS_PER_LINE) return undefined;
  const leftLines = new Set(leftSide.map((f) => f.line));
  const shared = new Set(rightSide.filter((f) => leftLines.has(f.line)).map((f) => f.line));
  if (shared.size < MIN_SHARED_LINES) return undefined;
  return g;
}

/**
 * Orders fragments into blocks to be read one after the other. Without a gutter the page is one
 * block. With one, the page is cut into bands at each fragment crossing the gutter (a heading over
 * both columns); inside a band the left column is read before the right.
 */
export function readingOrder(fragments: readonly Fragment[], gutter: Gutter | undefined): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  if (!gutter) return sorted.length > 0 ? [sorted] : [];
  const blocks: Fragment[][] = [];
  let leftCol: Fragment[] = [];
  let rightCol: Fragment[] = [];
  const closeBand = (): void => {
    if (leftCol.length > 0) blocks.push(leftCol);
    if (rightCol.length > 0) blocks.push(rightCol);
    leftCol = [];
    rightCol = [];
  };
  for (const f of sorted) {
    const mid = (gutter.start + gutter.end) / 2;
    if (f.x1 <= gutter.start + 1 || (f.x1 <= mid + 1 && f.x0 < gutter.start)) leftCol.push(f);
    else if (f.x0 >= gutter.end - 1 || (f.x0 >= mid - 1 && f.x1 > gutter.end)) rightCol.push(f);
    else {
      // Consecutive lines across the gutter (a heading of two lines) stay one block.
      const spanning = leftCol.length === 0 && rightCol.length === 0 ? blocks[blocks.length - 1] : undefined;
      if (spanning && spanning.every((s) => s.x0 < gutter.start && s.x1 > gutter.end)) spanning.push(f);
      else {
        closeBand();
        blocks.push([f]);
      }
    }
  }
  closeBand();
  return blocks;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
