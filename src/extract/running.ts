import type { LayoutLine } from './layout.js';

/**
 * Running headers and footers (the document title over every page, "Sida 3 av 12" under it) and
 * bare page numbers are not part of the text: they would cut sentences that run over a page break
 * and repeat in every page. A line is one when it sits in the top or bottom margin band and either
 * is a page number, or repeats (digits ignored) in the same band of a neighbouring page.
 */

/** Share of the page height that counts as the top/bottom margin band. */
const MARGIN_BAND = 0.12;
/** How many lines from the top and from the bottom are candidates. */
const EDGE_LINES = 2;

export type Edge = 'top' | 'bottom';

export interface EdgeLine {
  /** Index of the line in the page's layout. */
  index: number;
  edge: Edge;
  text: string;
  /** The text with digits and case folded, for comparing across pages. */
  key: string;
}

const PAGE_NUMBER = /^(?:(?:sida|s\.|page|p\.)\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:av|\/|of)\s*\d{1,4})?$/i;
const ROMAN_PAGE_NUMBER = /^[ivxlc]{1,6}$/i;

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.test(t) || ROMAN_PAGE_NUMBER.test(t);
}

export function edgeKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** The candidate header/footer lines of a page: the first and last few, if they lie in the margin bands. */
export function edgeLines(lines: readonly LayoutLine[], pageHeight: number): EdgeLine[] {
  const out: EdgeLine[] = [];
  const bottomBand = pageHeight * MARGIN_BAND;
  const topBand = pageHeight * (1 - MARGIN_BAND);
  // Lines are in reading order; the geometric top/bottom lines are found by y.
  const byY = lines.map((line, index) => ({ line, index })).sort((a, b) => b.line.y - a.line.y);
  for (const { line, index } of byY.slice(0, EDGE_LINES)) {
    if (line.y >= topBand) out.push({ index, edge: 'top', text: line.text, key: edgeKey(line.text) });
  }
  for (const { line, index } of byY.slice(-EDGE_LINES)) {
    if (line.y <= bottomBand && !out.some((e) => e.index === index)) {
      out.push({ index, edge: 'bottom', text: line.text, key: edgeKey(line.text) });
    }
  }
  return out;
}

/**
 * Which of a page's edge lines are running headers/footers, given the edge lines of its
 * neighbouring pages (a few before and after).
 */
export function runningLines(page: readonly EdgeLine[], neighbours: readonly (readonly EdgeLine[])[]): EdgeLine[] {
  return page.filter((line) => {
    if (isPageNumber(line.text)) return true;
    if (line.key.length < 3) return false;
    return neighbours.some((other) => other.some((o) => o.edge === line.edge && o.key === line.key));
  });
}
