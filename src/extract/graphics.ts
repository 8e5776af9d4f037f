/**
 * What a page draws besides text, read from pdf.js's operator list: how much of the page its
 * largest image covers (a scan), whether it is nothing but one upright full-page image (which can be
 * handed to OCR as it is, at its own resolution), and how many paths it draws.
 */
export interface PageGraphics {
  /** Share of the page area covered by its largest image, 0..1. */
  imageCover: number;
  images: number;
  /** Path-construction operators (vector drawing; text converted to outlines shows up here). */
  paths: number;
  /**
   * Share of the page's text-showing operators that cannot be seen: drawn in render mode 3 or 7,
   * or drawn before (under) the page's largest image when that covers half the page or more. This
   * is the hidden text layer OCR programs put over (or under) a scan. 0 when the page shows no text.
   */
  invisibleText: number;
  /** The one image of a page that is only a full-page upright image, with its pixel density. */
  fullPageImage?: { objId: string; width: number; height: number; dpi: number };
}

/** The numeric operator codes this analysis needs (from pdf.js's OPS table). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  constructPath: number;
  setTextRenderingMode: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // n applied after m, as PDF's `cm`: new CTM = m × CTM.
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function isMatrix(x: unknown): x is Matrix {
  return (Array.isArray(x) || ArrayBuffer.isView(x)) && (x as ArrayLike<unknown>).length === 6;
}

/** Where the unit square lands under the matrix, as an axis-aligned box. */
function unitSquareBox(m: Matrix): [number, number, number, number] {
  const xs = [m[4], m[0] + m[4], m[2] + m[4], m[0] + m[2] + m[4]];
  const ys = [m[5], m[1] + m[5], m[3] + m[5], m[1] + m[3] + m[5]];
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * @param view the page's box [x0, y0, x1, y1] in PDF points
 * @param hasText whether the page shows any text (then it is not "only an image")
 */
export function analyseGraphics(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OpCodes,
  view: readonly number[],
  rotate: number,
  hasText: boolean,
): PageGraphics {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view;
  const pageArea = Math.max(1e-6, (vx1 - vx0) * (vy1 - vy0));
  let ctm: Matrix = IDENTITY;
  // The text render mode is part of the graphics state: saved and restored with the matrix.
  let mode = 0;
  const stack: { ctm: Matrix; mode: number }[] = [];
  let hidden = 0;
  const visibleAt: number[] = [];
  let largestImageAt = -1;
  const textOps = new Set([ops.showText, ops.showSpacedText, ops.nextLineShowText, ops.nextLineSetSpacingShowText]);
  let images = 0;
  let paths = 0;
  let imageCover = 0;
  let candidate: PageGraphics['fullPageImage'];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ctm, mode });
    else if (fn === ops.restore) ({ ctm, mode } = stack.pop() ?? { ctm: IDENTITY, mode: 0 });
    else if (fn === ops.transform && args && args.length === 6) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, mode });
      const m = args?.[0];
      if (isMatrix(m)) ctm = multiply(Array.from(m as ArrayLike<number>) as Matrix, ctm);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, mode } = stack.pop() ?? { ctm: IDENTITY, mode: 0 });
    else if (fn === ops.setTextRenderingMode) mode = Number(args?.[0] ?? 0);
    else if (fn !== undefined && textOps.has(fn)) {
      if (mode === 3 || mode === 7) hidden++;
      else visibleAt.push(i);
    } else if (fn === ops.constructPath) paths++;
    else if (fn === ops.paintImageXObject || fn === ops.paintInlineImageXObject || fn === ops.paintImageMaskXObject) {
      images++;
      const [x0, y0, x1, y1] = unitSquareBox(ctm);
      const w = Math.max(0, Math.min(x1, vx1) - Math.max(x0, vx0));
      const h = Math.max(0, Math.min(y1, vy1) - Math.max(y0, vy0));
      const cover = (w * h) / pageArea;
      if (cover > imageCover) largestImageAt = i;
      imageCover = Math.max(imageCover, cover);
      const upright = ctm[0] > 0 && ctm[3] > 0 && Math.abs(ctm[1]) < 1e-6 && Math.abs(ctm[2]) < 1e-6;
      const objId = args?.[0];
      const pw = Number(args?.[1]);
      const ph = Number(args?.[2]);
      if (fn === ops.paintImageXObject && upright && cover >= 0.95 && typeof objId === 'string' && pw > 0 && ph > 0) {
        candidate = { objId, width: pw, height: ph, dpi: Math.round((pw / ctm[0]) * 72) };
      }
    }
  }
  const single = images === 1 && !hasText && rotate % 360 === 0 ? candidate : undefined;
  const under = imageCover >= 0.5 ? visibleAt.filter((at) => at < largestImageAt).length : 0;
  const total = hidden + visibleAt.length;
  const invisibleText = total === 0 ? 0 : (hidden + under) / total;
  return { imageCover: Math.min(1, imageCover), images, paths, invisibleText, ...(single ? { fullPageImage: single } : {}) };
}
