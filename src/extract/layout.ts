import type { TextRun } from './runs.js';
import { mergeLoneDiacritics } from './diacritics.js';
import { findGutter, readingOrder, type Fragment } from './columns.js';

/** One line of the rebuilt page, with where it sits (for header/footer detection and paragraphs). */
export interface LayoutLine {
  text: string;
  /** Baseline, PDF points from the bottom of the page. */
  y: number;
  x: number;
  /** Right end of the line. */
  x1: number;
  size: number;
  /** Reading-order block the line belongs to (a column of a band, or the full width). */
  block: number;
  /** True when a blank line (paragraph break) goes before this line. */
  paragraphStart: boolean;
}

export interface PageLayout {
  lines: LayoutLine[];
  columns: number;
}

/** Runs on one baseline whose vertical offsets are within this share of the font size. */
const BASELINE_TOLERANCE = 0.35;
/** A horizontal gap wider than this many font sizes separates fragments (column gutter, table cell). */
const FRAGMENT_GAP = 1.2;
/** A gap wider than this share of the font size between runs is a word space. */
const SPACE_GAP = 0.15;
/** A line gap this much larger than the page's usual leading starts a paragraph. */
const PARAGRAPH_LEADING = 1.35;

/** Rebuilds the reading-order lines and paragraphs of a page from its text runs. */
export function layoutPage(allRuns: readonly TextRun[]): PageLayout {
  const runs = mergeLoneDiacritics(allRuns);
  const upright = runs.filter((r) => !r.rotated);
  const rotated = runs.filter((r) => r.rotated);
  const fragments = splitFragments(groupBaselines(upright));
  const gutter = findGutter(fragments);
  const blocks = readingOrder(fragments, gutter);
  const lines: LayoutLine[] = [];
  blocks.forEach((block, b) => lines.push(...blockLines(block, b)));
  markParagraphs(lines);
  if (rotated.length > 0) {
    // Rotated text has no place in the reading order; it goes last as a paragraph of its own.
    const text = rotated.map((r) => r.text.trim()).join(' ');
    const first = rotated[0]!;
    lines.push({ text, y: first.y, x: first.x, x1: first.x + first.width, size: first.size, block: blocks.length, paragraphStart: lines.length > 0 });
  }
  return { lines, columns: gutter ? 2 : 1 };
}

/** Groups runs into baselines, top of the page first, each baseline's runs left to right. */
export function groupBaselines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last.y - run.y) <= BASELINE_TOLERANCE * Math.max(Math.min(last.size, run.size), 1)) {
      last.runs.push(run);
      last.size = Math.max(last.size, run.size);
    } else {
      groups.push({ y: run.y, size: run.size, runs: [run] });
    }
  }
  return groups.map((g) => g.runs.sort((a, b) => a.x - b.x));
}

/** Splits each baseline where a wide gap separates its runs (columns, table cells). */
export function splitFragments(baselines: readonly TextRun[][]): Fragment[] {
  const fragments: Fragment[] = [];
  baselines.forEach((runs, line) => {
    let current: TextRun[] = [];
    const flush = (): void => {
      if (current.length > 0) fragments.push(makeFragment(current, line));
      current = [];
    };
    for (const run of runs) {
      const prev = current[current.length - 1];
      if (prev && run.x - (prev.x + prev.width) > FRAGMENT_GAP * Math.max(prev.size, run.size)) flush();
      current.push(run);
    }
    flush();
  });
  return fragments;
}

function makeFragment(runs: TextRun[], line: number): Fragment {
  const first = runs[0]!;
  return {
    runs,
    line,
    x0: first.x,
    x1: Math.max(...runs.map((r) => r.x + r.width)),
    y: runs.reduce((s, r) => s + r.y, 0) / runs.length,
    size: Math.max(...runs.map((r) => r.size)),
    text: joinRuns(runs),
  };
}

/**
 * Joins runs left to right. Runs split by a font change touch (no gap) and are glued; a gap of more
 * than a thin space is a word space unless one side already has white space.
 */
export function joinRuns(runs: readonly TextRun[]): string {
  let text = '';
  let end = -Infinity;
  let prev: TextRun | undefined;
  for (const run of runs) {
    // Fake bold: the same text drawn twice, a fraction of a point apart. Read it once.
    if (prev && prev.text === run.text && Math.abs(prev.x - run.x) < 0.1 * run.size) continue;
    prev = run;
    if (text !== '') {
      const gap = run.x - end;
      if (gap > SPACE_GAP * run.size && !/\s$/.test(text) && !/^\s/.test(run.text)) text += ' ';
    }
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The lines of one reading-order block: fragments of the same baseline joined. */
function blockLines(block: readonly Fragment[], index: number): LayoutLine[] {
  const byLine = new Map<number, Fragment[]>();
  for (const f of block) {
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  return [...byLine.values()]
    .map((frags) => frags.sort((a, b) => a.x0 - b.x0))
    .sort((a, b) => b[0]!.y - a[0]!.y)
    .map((frags) => ({
      text: frags.map((f) => f.text).join(' '),
      y: frags[0]!.y,
      x: frags[0]!.x0,
      x1: Math.max(...frags.map((f) => f.x1)),
      size: Math.max(...frags.map((f) => f.size)),
      block: index,
      paragraphStart: false,
    }));
}

/** A block's last line at least this share of the usual line width runs on into the next block: ragged-right lines fall short of the measure by at most a long word, a paragraph's last line by anything. */
const FULL_LINE = 0.65;

/**
 * Paragraph breaks: a change of font size (headings), a line gap clearly larger than the page's
 * usual leading (the lower quartile of baseline distances), or a new block — unless the previous block ends
 * with a full line, when the paragraph runs on into the next column as in print.
 */
export function markParagraphs(lines: LayoutLine[]): void {
  const widths = new Map<number, number[]>();
  for (const l of lines) {
    const list = widths.get(l.block);
    if (list) list.push(l.x1 - l.x);
    else widths.set(l.block, [l.x1 - l.x]);
  }
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.block === b.block && a.y > b.y && Math.abs(a.size - b.size) <= 0.15 * Math.max(a.size, b.size)) gaps.push(a.y - b.y);
  }
  // Most gaps are the leading; paragraph and heading gaps are the larger few, so the lower
  // quartile finds the leading even on a short page.
  const leading = quantile(gaps, 0.25);
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    const sizeChange = Math.abs(a.size - b.size) > 0.15 * Math.max(a.size, b.size);
    const gap = a.y - b.y;
    const wide = leading !== undefined ? gap > PARAGRAPH_LEADING * leading : gap > 1.8 * b.size;
    if (a.block !== b.block) {
      const usual = median(widths.get(a.block) ?? []) ?? 0;
      const runsOn = (widths.get(a.block)?.length ?? 0) >= 3 && a.x1 - a.x >= FULL_LINE * usual;
      b.paragraphStart = sizeChange || !runsOn;
    } else {
      b.paragraphStart = sizeChange || wide || gap < 0;
    }
  }
}

function quantile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) * q)];
}

function median(values: number[]): number | undefined {
  return quantile(values, 0.5);
}

/** Lines end with a newline, paragraphs with a blank line. */
export function renderLines(lines: readonly LayoutLine[]): string {
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += line.paragraphStart ? '\n\n' : '\n';
    out += line.text;
  });
  return lines.length > 0 ? out + '\n' : '';
}
