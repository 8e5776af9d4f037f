import type { PDFPageProxy } from './pdfjs.js';

/**
 * Page images for Tesseract, as PNM (PBM/PGM) bytes: Leptonica reads them without decoding work,
 * and writing them costs a header. Grey is what Tesseract binarises itself; colour adds nothing.
 */

/** pdf.js's decoded image as it sits in `page.objs`. */
export interface DecodedImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 = 1 bit grey (bit set = white), 2 = RGB, 3 = RGBA. */
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

const KIND_GREY_1BPP = 1;
const KIND_RGB = 2;
const KIND_RGBA = 3;

/** A decoded image as PNM, or undefined for kinds not handled (then the page is rendered instead). */
export function imageToPnm(img: DecodedImage): Uint8Array | undefined {
  const { width, height, data, kind } = img;
  if (!data || width <= 0 || height <= 0) return undefined;
  if (kind === KIND_GREY_1BPP) {
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return undefined;
    // pdf.js: bit set = white; PBM: bit set = black.
    const header = Buffer.from(`P4\n${width} ${height}\n`, 'latin1');
    const out = new Uint8Array(header.length + rowBytes * height);
    out.set(header, 0);
    for (let i = 0; i < rowBytes * height; i++) out[header.length + i] = ~data[i]! & 0xff;
    return out;
  }
  if (kind === KIND_RGB || kind === KIND_RGBA) {
    const step = kind === KIND_RGB ? 3 : 4;
    if (data.length < width * height * step) return undefined;
    return greyPgm(width, height, (i) => luminance(data[i * step]!, data[i * step + 1]!, data[i * step + 2]!));
  }
  return undefined;
}

function luminance(r: number, g: number, b: number): number {
  return (r * 299 + g * 587 + b * 114 + 500) / 1000;
}

function greyPgm(width: number, height: number, pixel: (i: number) => number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let i = 0; i < width * height; i++) out[header.length + i] = pixel(i);
  return out;
}

/** The canvas pdf.js's Node canvas factory hands out (@napi-rs/canvas). */
interface FactoryCanvas {
  width: number;
  height: number;
}
interface CanvasAndContext {
  canvas: FactoryCanvas;
  context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}
export interface CanvasFactoryLike {
  create(width: number, height: number): CanvasAndContext;
  destroy(cc: CanvasAndContext): void;
}

type RenderParams = Parameters<PDFPageProxy['render']>[0];

/** Renders the page at `dpi` on white and returns it as a grey PGM; the canvas is freed at once. */
export async function renderPageGrey(page: PDFPageProxy, factory: CanvasFactoryLike, dpi: number): Promise<Uint8Array> {
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const cc = factory.create(width, height);
  try {
    await page.render({
      canvas: cc.canvas as unknown as RenderParams['canvas'],
      canvasContext: cc.context as unknown as RenderParams['canvasContext'],
      viewport,
      background: 'rgb(255,255,255)',
    }).promise;
    const rgba = cc.context.getImageData(0, 0, width, height).data;
    return greyPgm(width, height, (i) => luminance(rgba[i * 4]!, rgba[i * 4 + 1]!, rgba[i * 4 + 2]!));
  } finally {
    factory.destroy(cc);
  }
}
