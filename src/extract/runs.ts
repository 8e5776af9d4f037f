/**
 * A run of text as pdf.js placed it on the page: the smallest unit the layout works with.
 * Coordinates are PDF user space (points, y grows upwards), taken from the item's transform.
 */
export interface TextRun {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline height. */
  y: number;
  width: number;
  /** Font size in points (the vertical scale of the text matrix). */
  size: number;
  font: string;
  /** Text drawn at an angle (stamps, margin notes): kept, but read after the page's body. */
  rotated: boolean;
}

/** The fields of a pdf.js TextItem the layout needs (marked-content items have no `str`). */
export interface PdfTextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

/** pdf.js text items → runs. Whitespace-only items carry no text; the gaps between runs say where spaces go. */
export function toRuns(items: readonly PdfTextItemLike[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str.trim() === '' || !item.transform) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || Math.hypot(a, b) || 1;
    runs.push({
      text: item.str,
      x: e,
      y: f,
      width: item.width ?? 0,
      size,
      font: item.fontName ?? '',
      rotated: Math.abs(b) > 0.01 * Math.abs(a) || a <= 0,
    });
  }
  return runs;
}
