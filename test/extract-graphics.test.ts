import { describe, expect, it } from 'vitest';
import { analyseGraphics, type OpCodes } from '../src/extract/graphics.js';

// Operator codes as in pdf.js's OPS table (the real values are used by the reader; any distinct
// numbers do for the analysis).
const OPS: OpCodes = {
  save: 10, restore: 11, transform: 12, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  paintImageXObject: 85, paintInlineImageXObject: 86, paintImageMaskXObject: 83, constructPath: 91,
  setTextRenderingMode: 38, showText: 44, showSpacedText: 45, nextLineShowText: 46, nextLineSetSpacingShowText: 47,
};
const A4 = [0, 0, 595, 842];

function analyse(ops: [number, unknown[] | null][], hasText = false) {
  return analyseGraphics(ops.map((o) => o[0]), ops.map((o) => o[1]), OPS, A4, 0, hasText);
}

describe('page graphics from the operator list', () => {
  it('a page that is one upright full-page image: its object, size and density', () => {
    const g = analyse([[OPS.save, null], [OPS.transform, [595, 0, 0, 842, 0, 0]], [OPS.paintImageXObject, ['img_p0_1', 2480, 3508]], [OPS.restore, null]]);
    expect(g).toEqual({ imageCover: 1, images: 1, paths: 0, invisibleText: 0, fullPageImage: { objId: 'img_p0_1', width: 2480, height: 3508, dpi: 300 } });
  });

  it('a small logo covers little and is no scan; the matrix is restored after it', () => {
    const g = analyse([
      [OPS.save, null], [OPS.transform, [100, 0, 0, 50, 40, 760]], [OPS.paintImageXObject, ['logo', 400, 200]], [OPS.restore, null],
      [OPS.paintImageXObject, ['dot', 1, 1]],
    ]);
    expect(g.imageCover).toBeCloseTo((100 * 50) / (595 * 842));
    expect(g.images).toBe(2);
    expect(g.fullPageImage).toBeUndefined();
  });

  it('applies a form XObject\'s matrix to the images inside it', () => {
    const g = analyse([[OPS.paintFormXObjectBegin, [[595, 0, 0, 842, 0, 0], [0, 0, 1, 1]]], [OPS.paintImageXObject, ['img', 1240, 1754]], [OPS.paintFormXObjectEnd, null]]);
    expect(g.imageCover).toBe(1);
    expect(g.fullPageImage?.dpi).toBe(150);
  });

  it('a rotated image is no direct OCR candidate', () => {
    const g = analyse([[OPS.transform, [0, 842, -595, 0, 595, 0]], [OPS.paintImageXObject, ['img', 3508, 2480]]]);
    expect(g.imageCover).toBe(1);
    expect(g.fullPageImage).toBeUndefined();
  });

  it('measures the hidden share of text: invisible render mode, or drawn under the page image', () => {
    const image: [number, unknown[]][] = [[OPS.transform, [595, 0, 0, 842, 0, 0]], [OPS.paintImageXObject, ['img', 2480, 3508]]];
    const invisible = analyse([...image, [OPS.setTextRenderingMode, [3]], [OPS.showText, []], [OPS.showText, []]], true);
    expect(invisible.invisibleText).toBe(1);
    expect(invisible.fullPageImage).toBeUndefined();
    const under = analyse([[OPS.save, null], [OPS.showText, []], [OPS.restore, null], ...image], true);
    expect(under.invisibleText).toBe(1);
    const over = analyse([...image, [OPS.showText, []], [OPS.showSpacedText, []]], true);
    expect(over.invisibleText).toBe(0);
    // The render mode is graphics state: restored with Q.
    const restored = analyse([...image, [OPS.save, null], [OPS.setTextRenderingMode, [3]], [OPS.showText, []], [OPS.restore, null], [OPS.showText, []]], true);
    expect(restored.invisibleText).toBe(0.5);
  });

  it('counts drawn paths', () => {
    expect(analyse([[OPS.constructPath, []], [OPS.constructPath, []]]).paths).toBe(2);
  });
});
