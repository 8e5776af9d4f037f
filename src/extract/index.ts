/**
 * The extract stage: PDF bytes → raw page texts. Each page is read from its text layer or by OCR,
 * decided page by page; normalisation and repair are later stages (see `extractPdf` in pipeline).
 */
export { readPdfPages, type ReadPagesOptions } from './read-pages.js';
export { terminateOcr } from './ocr-pool.js';
export { scoreText, looksLikeWord, type TextScore } from './score.js';
export { decidePage, type OcrMode, type PageDecision } from './decide.js';
export type { PageGraphics } from './graphics.js';
