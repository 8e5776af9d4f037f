import { ArkivError } from '../errors.js';
import { checkPdfInput, checkReadPagesOptions } from '../validate.js';
import type { PageText } from '../types.js';
import { decidePage, type OcrMode } from './decide.js';
import { analyseGraphics, type OpCodes, type PageGraphics } from './graphics.js';
import { readPdfInput } from './input.js';
import { layoutPage, renderLines, type PageLayout } from './layout.js';
import { OcrAbortError, OcrTimeoutError, defaultWorkers, sharedOcrPool } from './ocr-pool.js';
import { FORM_DEPTH_MESSAGE, loadPdfJs, openPdf, pageError, type OpenPdf, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs.js';
import { imageToPnm, renderPageGrey, type CanvasFactoryLike, type DecodedImage } from './raster.js';
import { edgeLines, isPageNumber, runningLines, type EdgeLine } from './running.js';
import { toRuns, type PdfTextItemLike } from './runs.js';
import { looksLikeWord, scoreText } from './score.js';

export interface ReadPagesOptions {
  /** `auto` (default): OCR only pages whose text layer is missing or garbage; `always`; `never`. */
  ocr?: OcrMode;
  /** OCR workers (and pages in flight); default one per core. */
  workers?: number;
  onProgress?: (p: { page: number; pages: number; stage: string }) => void;
  signal?: AbortSignal;
  /** Longest time one page's OCR may take before the page fails with PAGE_TIMEOUT. */
  pageTimeoutMs?: number;
  /**
   * Longest time each pdf.js step of a page (reading the page and its text layer, its content, its
   * scanned image, rendering it) may take before the page fails with PAGE_TIMEOUT; default
   * `pageTimeoutMs`. Apart from it because parsing a page normally takes milliseconds and OCR seconds.
   */
  parseTimeoutMs?: number;
  /** Whether a token is a word, for the text layer's known-word share; default a shape test. */
  isWord?: (w: string) => boolean;
  /** The name to use for the file in messages (default: the path, or `<bytes>`). */
  fileName?: string;
}

/** Tesseract's best resolution for body text; pages are rendered at it. */
const OCR_DPI = 300;
/** The largest page raster made for OCR (A2 at 300 dpi); larger pages are rendered at a lower dpi. */
const MAX_RENDER_PIXELS = 36_000_000;
/** Scanned images between these densities go to Tesseract as they are; others are re-rendered at 300 dpi. */
const DIRECT_DPI_MIN = 200;
const DIRECT_DPI_MAX = 600;
/** Neighbouring pages compared for running headers and footers. */
const HEADER_WINDOW = 2;

interface PageLayer {
  page: PDFPageProxy;
  layout: PageLayout;
  edges: EdgeLine[];
  runs: number;
}

/**
 * When a pdf.js step's time is up (`parseTimeoutMs`). Reading uses the wall clock; a test hands
 * readPdfPagesTimed a clock of its own that says a chosen step's time ran out, so that which step
 * overruns — and so which pages were read in full before it — depends on no machine's speed.
 */
export interface StepClock {
  /** Calls `timeUp` once step `what` of page `page` has run `ms`; returns how to stop waiting. */
  start(ms: number, page: number, what: string, timeUp: () => void): () => void;
}

/** The wall clock: `timeUp` after `ms` milliseconds. */
export const WALL_CLOCK: StepClock = {
  start(ms, _page, _what, timeUp) {
    const timer = setTimeout(timeUp, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Reads a PDF page by page, yielding each page's raw text (no normalisation or repair) in page
 * order as soon as it is ready. Up to twice `workers` pages are in flight at once so that OCR keeps
 * every worker busy; nothing else of the document is held, so long files run in bounded memory.
 */
export function readPdfPages(input: string | Uint8Array, options: ReadPagesOptions = {}): AsyncGenerator<PageText> {
  return readPdfPagesTimed(input, options, WALL_CLOCK);
}

/** readPdfPages with the pdf.js steps timed by `clock` (tests; see StepClock). */
export async function* readPdfPagesTimed(input: string | Uint8Array, options: ReadPagesOptions, clock: StepClock): AsyncGenerator<PageText> {
  checkPdfInput('readPdfPages', input);
  checkReadPagesOptions('readPdfPages', options);
  const fileName = options.fileName ?? (typeof input === 'string' ? input : '<bytes>');
  if (options.signal?.aborted) throw new ArkivError('ABORTED', 'aborted before reading', { file: fileName });
  const { bytes, name } = await readPdfInput(input, options.fileName);
  const pdf = await openPdf(bytes, name);
  // Pages in flight when the consumer stops (or a page fails) have their OCR cancelled.
  const stop = new AbortController();
  const onOuterAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const reader = new PageReader(pdf, name, options, stop.signal, clock);
    yield* reader.pages();
  } finally {
    stop.abort();
    options.signal?.removeEventListener('abort', onOuterAbort);
    await pdf.close();
  }
}

class PageReader {
  private readonly layers = new Map<number, Promise<PageLayer>>();
  /** Set once a pdf.js step overran and pdf.js was stopped: the document can be read no further. */
  private stuck: ArkivError | undefined;
  /** Steps waiting on pdf.js (how to fail each, and its page), to be failed at once if it stops. */
  private readonly waiting = new Map<(err: ArkivError) => void, number>();
  /** The last pdf.js step queued; the next runs after it. */
  private steps: Promise<unknown> = Promise.resolve();
  private readonly doc: PDFDocumentProxy;
  private readonly pageCount: number;
  private readonly mode: OcrMode;
  private readonly isWord: (w: string) => boolean;

  constructor(
    private readonly pdf: OpenPdf,
    private readonly file: string,
    private readonly options: ReadPagesOptions,
    private readonly signal: AbortSignal,
    private readonly clock: StepClock,
  ) {
    const doc = pdf.doc;
    this.doc = doc;
    // pdf.js's thread may die on its own (a crash, out of memory); the steps waiting on it would
    // never be answered.
    pdf.onDeath((err) => {
      const pages = [...new Set(this.waiting.values())].sort((a, b) => a - b);
      const at = pages.length === 1 ? { page: pages[0] } : {};
      const during = pages.length > 1 ? ` (pages ${pages.join(', ')} in progress)` : '';
      const message = err.message.slice(err.message.indexOf(': ') + 2);
      this.giveUp(new ArkivError(err.code, message + during, { file: this.file, ...at, cause: err }));
    });
    this.pageCount = doc.numPages;
    this.mode = options.ocr ?? 'auto';
    this.isWord = options.isWord ?? looksLikeWord;
  }

  async *pages(): AsyncGenerator<PageText> {
    // Twice as many pages in flight as OCR workers: a worker that finishes early takes the next page
    // at once instead of waiting for the page ahead of it to be handed out. Each page in flight
    // holds at most one page image.
    const concurrency = this.mode === 'never' ? 1 : 2 * Math.max(1, Math.floor(this.options.workers ?? defaultWorkers()));
    const inflight: Promise<PageText>[] = [];
    let next = 1;
    for (let k = 1; k <= this.pageCount; k++) {
      while (next <= this.pageCount && inflight.length < concurrency) {
        const p = this.readPage(next);
        // Awaited in order below; until then a failure must not count as unhandled.
        p.catch(() => undefined);
        inflight.push(p);
        next++;
      }
      const page = await inflight.shift()!;
      this.evictBefore(k - HEADER_WINDOW);
      yield page;
    }
  }

  private checkAborted(page?: number): void {
    if (this.signal.aborted || this.options.signal?.aborted) {
      throw new ArkivError('ABORTED', 'aborted', { file: this.file, ...(page ? { page } : {}) });
    }
  }

  private progress(page: number, stage: string): void {
    this.options.onProgress?.({ page, pages: this.pageCount, stage });
  }

  /** The text layout of a page, read once and kept while neighbours may still need its edges. */
  private layer(k: number): Promise<PageLayer> {
    let p = this.layers.get(k);
    if (!p) {
      p = this.loadLayer(k);
      p.catch(() => undefined);
      this.layers.set(k, p);
    }
    return p;
  }

  private async loadLayer(k: number): Promise<PageLayer> {
    let page: PDFPageProxy;
    try {
      page = await this.bounded(k, 'reading the page', () => this.doc.getPage(k));
    } catch (err) {
      throw pageError(err, this.file, k, 'reading the page');
    }
    try {
      const content = await this.bounded(k, 'reading the text layer', () => page.getTextContent());
      const runs = toRuns(content.items as PdfTextItemLike[]);
      const layout = layoutPage(runs);
      const [, y0 = 0, , y1 = 0] = page.view;
      const shifted = layout.lines.map((l) => ({ ...l, y: l.y - y0 }));
      return { page, layout, edges: edgeLines(shifted, y1 - y0), runs: runs.length };
    } catch (err) {
      throw pageError(err, this.file, k, 'reading the text layer');
    }
  }

  private evictBefore(k: number): void {
    for (const [n, p] of this.layers) {
      if (n < k) {
        this.layers.delete(n);
        p.then((l) => l.page.cleanup(), () => undefined);
      }
    }
  }

  /**
   * A pdf.js step of page k, run when the steps before it are done and failed with PAGE_TIMEOUT
   * once it runs past `parseTimeoutMs`; pdf.js's thread is terminated then, whatever it is doing
   * (see PdfThread), and the document with it. One step at a time, for two reasons: pdf.js's thread
   * can block on one page while another page's step waits for a reply from this thread (font data),
   * so with steps in parallel the page whose time ran out first need not be the one at fault; and
   * what pdf.js says (its warnings, the form depth limit) comes between a step's start and the
   * next's, so it is the page's whose step it was, not the next page's in flight. (OCR, where the
   * time goes, still runs for several pages at once.)
   */
  private bounded<T>(k: number, what: string, step: () => Promise<T>): Promise<T> {
    const ms = this.options.parseTimeoutMs ?? this.options.pageTimeoutMs;
    const limited = ms !== undefined && ms > 0;
    const run = (): Promise<T> => {
      if (this.stuck) return Promise.reject(this.stuck);
      this.pdf.attribute(k);
      const work = step();
      // The step may still fail after the page has given up; that is no longer anyone's concern.
      work.catch(() => undefined);
      return new Promise<T>((resolve, reject) => {
        let stopClock: (() => void) | undefined;
        const done = (): void => {
          stopClock?.();
          this.waiting.delete(fail);
        };
        const fail = (err: ArkivError): void => {
          done();
          reject(err);
        };
        this.waiting.set(fail, k);
        if (limited) stopClock = this.clock.start(ms, k, what, () => this.giveUp(new ArkivError('PAGE_TIMEOUT', `${what} took longer than ${ms} ms`, { file: this.file, page: k })));
        work.then((value) => { done(); resolve(value); }, (err: unknown) => { done(); reject(err); });
      });
    };
    const result = this.steps.then(run, run);
    this.steps = result.catch(() => undefined);
    return result;
  }

  /**
   * pdf.js overran a step or died: it is stopped, and every step still waiting on it (other pages in
   * flight, a neighbour read for the header comparison) fails with the same error, naming the page
   * at fault.
   */
  private giveUp(err: ArkivError): void {
    if (!this.stuck) {
      this.stuck = err;
      void this.pdf.kill();
    }
    for (const fail of [...this.waiting.keys()]) fail(this.stuck);
  }

  private async neighbourEdges(k: number): Promise<EdgeLine[][]> {
    const out: EdgeLine[][] = [];
    for (let n = k - HEADER_WINDOW; n <= k + HEADER_WINDOW; n++) {
      if (n === k || n < 1 || n > this.pageCount) continue;
      try {
        out.push((await this.layer(n)).edges);
      } catch {
        // A neighbour that cannot be read fails on its own turn; here it just gives no evidence.
      }
    }
    return out;
  }

  private async readPage(k: number): Promise<PageText> {
    this.checkAborted(k);
    this.progress(k, 'text');
    const layer = await this.layer(k);
    const running = runningLines(layer.edges, await this.neighbourEdges(k));
    const drop = new Set(running.map((r) => r.index));
    const lines = layer.layout.lines.filter((_, i) => !drop.has(i));
    const text = renderLines(lines);
    const warnings: string[] = [];
    if (running.length > 0) warnings.push(`dropped header/footer lines: ${running.map((r) => JSON.stringify(r.text)).join(', ')}`);
    if (layer.layout.columns > 1) warnings.push('two columns, read left column first');
    const score = scoreText(text, this.isWord);
    const graphics = await this.graphics(layer.page, k, layer.runs > 0);
    const decision = decidePage(score, graphics, this.mode, { lexicon: this.options.isWord !== undefined });
    warnings.unshift(...decision.reasons);
    // What pdf.js said while this page (and, for the first, the document) was read.
    const said = this.takeWarnings(k);
    warnings.push(...said);
    // Images pdf.js could not decode, or left out as larger than the limit.
    const badImages = said.filter((w) => /image/i.test(w)).map((w) => w.replace(/^pdf\.js:\s*/, ''));
    // A page whose image was lost and that has no text otherwise: its content is gone, not blank.
    const noText = (t: string): boolean => t.trim() === '';
    const lost = (): ArkivError =>
      new ArkivError('BAD_IMAGE', `the page has no text and its image could not be read (${badImages[0]})`, { file: this.file, page: k });
    if (!decision.ocr) {
      if (badImages.length > 0 && noText(text)) throw lost();
      return { number: k, source: decision.source, text, warnings };
    }

    this.checkAborted(k);
    this.progress(k, 'ocr');
    const { image, dpi, how } = await this.pageImage(layer.page, k, graphics, decision.source === 'ocr');
    warnings.push(how, ...this.takeWarnings(k));
    try {
      const result = await sharedOcrPool(this.options.workers).recognize(image, {
        dpi,
        signal: this.signal,
        ...(this.options.pageTimeoutMs !== undefined ? { timeoutMs: this.options.pageTimeoutMs } : {}),
      });
      const { text: ocrText, dropped } = dropOcrPageNumbers(tidyOcrText(result.text));
      if (dropped.length > 0) warnings.push(`dropped page number lines: ${dropped.map((d) => JSON.stringify(d)).join(', ')}`);
      if (badImages.length > 0 && noText(ocrText) && noText(text)) throw lost();
      return { number: k, source: decision.source, text: ocrText, confidence: result.confidence, warnings };
    } catch (err) {
      if (err instanceof ArkivError) throw err;
      if (err instanceof OcrTimeoutError) {
        throw new ArkivError('PAGE_TIMEOUT', `OCR gave up after ${this.options.pageTimeoutMs} ms`, { file: this.file, page: k, cause: err });
      }
      if (err instanceof OcrAbortError) throw new ArkivError('ABORTED', 'aborted during OCR', { file: this.file, page: k, cause: err });
      throw new ArkivError('OCR_FAILED', `OCR failed: ${err instanceof Error ? err.message : String(err)}`, { file: this.file, page: k, cause: err });
    }
  }

  /**
   * What pdf.js said about page k, as its warnings; a page whose form XObjects pass the depth limit
   * (see DEFAULT_MAX_FORM_DEPTH) fails, naming the page.
   */
  private takeWarnings(k: number): string[] {
    const said = this.pdf.takeWarnings(k);
    for (const text of said) {
      const deep = FORM_DEPTH_MESSAGE.exec(text);
      if (deep) throw new ArkivError('TOO_DEEP', `its form XObjects are nested deeper than ${deep[1]} levels (limit: --max-form-depth); the page was not read`, { file: this.file, page: k });
    }
    return said;
  }

  private async graphics(page: PDFPageProxy, k: number, hasText: boolean): Promise<PageGraphics> {
    const pdfjs = await loadPdfJs();
    try {
      const list = await this.bounded(k, 'reading the page content', () => page.getOperatorList());
      return analyseGraphics(list.fnArray, list.argsArray, pdfjs.OPS as unknown as OpCodes, page.view, page.rotate, hasText);
    } catch (err) {
      throw pageError(err, this.file, k, 'reading the page content');
    }
  }

  /**
   * The image to OCR: a scan's own image when the page is nothing else and its resolution suits
   * Tesseract (exact, and no rendering cost), else the page rendered at 300 dpi in grey.
   */
  private async pageImage(page: PDFPageProxy, k: number, g: PageGraphics, scanOnly: boolean): Promise<{ image: Uint8Array; dpi: number; how: string }> {
    const full = g.fullPageImage;
    if (scanOnly && full && full.dpi >= DIRECT_DPI_MIN && full.dpi <= DIRECT_DPI_MAX && full.width * full.height <= MAX_RENDER_PIXELS) {
      const decoded = await this.bounded(k, 'decoding the scanned image', () => objectOf(page, full.objId));
      const pnm = decoded ? imageToPnm(decoded) : undefined;
      if (pnm) return { image: pnm, dpi: full.dpi, how: `OCR of the page's scanned image (${full.width}×${full.height}, ${full.dpi} dpi)` };
    }
    try {
      const factory = (this.doc as unknown as { canvasFactory: CanvasFactoryLike }).canvasFactory;
      const dpi = renderDpi(page.view);
      const image = await this.bounded(k, 'rendering the page', () => renderPageGrey(page, factory, dpi));
      return { image, dpi, how: `OCR of the page rendered at ${dpi} dpi` };
    } catch (err) {
      throw pageError(err, this.file, k, 'rendering the page for OCR');
    }
  }
}

/**
 * 300 dpi, less for pages so large (drawings, posters) that the canvas would pass MAX_RENDER_PIXELS:
 * an A0 sheet at 300 dpi is 140 million pixels, over half a gigabyte of RGBA.
 */
export function renderDpi(view: readonly number[]): number {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const squareInches = (Math.abs(x1 - x0) / 72) * (Math.abs(y1 - y0) / 72);
  if (squareInches <= 0) return OCR_DPI;
  return Math.min(OCR_DPI, Math.floor(Math.sqrt(MAX_RENDER_PIXELS / squareInches)));
}

/** A decoded image object of the page (pdf.js resolves them while building the operator list). */
function objectOf(page: PDFPageProxy, objId: string): Promise<DecodedImage | undefined> {
  const store = (objId.startsWith('g_') ? page.commonObjs : page.objs) as unknown as {
    get(id: string, callback: (value: unknown) => void): void;
  };
  return new Promise((resolve) => {
    try {
      store.get(objId, (value) => resolve(value as DecodedImage | undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/**
 * A page number OCR'd as the first or last line of a page (OCR text has no positions to compare
 * headers across pages with; a bare number at either end is the one safe case).
 */
export function dropOcrPageNumbers(text: string): { text: string; dropped: string[] } {
  const lines = text.split('\n');
  const dropped: string[] = [];
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (firstText >= 0 && isPageNumber(lines[firstText]!)) dropped.push(...lines.splice(firstText, 1));
  let lastText = lines.length - 1;
  while (lastText >= 0 && lines[lastText]!.trim() === '') lastText--;
  if (lastText >= 0 && isPageNumber(lines[lastText]!)) dropped.push(...lines.splice(lastText, 1));
  return dropped.length === 0 ? { text, dropped } : { text: tidyOcrText(lines.join('\n')), dropped: dropped.map((d) => d.trim()) };
}

/** Tesseract's text with trailing spaces and runs of blank lines trimmed, ending in one newline. */
export function tidyOcrText(text: string): string {
  const t = text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return t === '' ? '' : t + '\n';
}
