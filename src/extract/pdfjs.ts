import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ArkivError } from '../errors.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

let loaded: Promise<PdfJs> | undefined;

/** pdf.js is loaded on first use, so importing the library (or `arkivtext normalize`) never pays for it. */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loaded;
}

/**
 * Where the installed pdf.js keeps its CMaps, standard fonts and wasm decoders. Given as local
 * directory paths (with the trailing slash pdf.js expects), pdf.js reads them from disk in Node
 * instead of fetching them.
 */
function pdfJsAssets(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
  };
}

/** Opens a PDF with pdf.js, turning its exceptions into ArkivErrors that name the file. */
export async function openPdf(bytes: Uint8Array, file: string): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may take ownership of (detach) the buffer it is given, and refuses Node Buffers:
    // hand it a plain copy.
    data: new Uint8Array(bytes),
    ...pdfJsAssets(),
    cMapPacked: true,
    // CVE-2024-4367: never compile font programs into JavaScript.
    isEvalSupported: false,
    useSystemFonts: false,
    // No CSS font loading in Node: glyphs are drawn from the parsed font programs as paths.
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw pdfOpenError(err, file);
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw new ArkivError('NO_PAGES', 'the PDF has no pages', { file });
  }
  return doc;
}

function pdfOpenError(err: unknown, file: string): ArkivError {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') {
    return new ArkivError('ENCRYPTED_PDF', 'the PDF is encrypted and needs a password to open', { file, cause: err });
  }
  if (name === 'InvalidPDFException') {
    return new ArkivError('CORRUPT_PDF', `the PDF is damaged and cannot be read (${message})`, { file, cause: err });
  }
  return new ArkivError('CORRUPT_PDF', `pdf.js cannot open the PDF (${message})`, { file, cause: err });
}

/** An error on one page (damaged content stream, missing object) named with file and page. */
export function pageError(err: unknown, file: string, page: number, what: string): ArkivError {
  if (err instanceof ArkivError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ArkivError('CORRUPT_PDF', `${what} failed: ${message}`, { file, page, cause: err });
}
