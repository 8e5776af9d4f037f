// The composition of stages for PDFs: pages (extract) → normalise → repair.
export { extractPdf, PAGE_SEPARATOR, type ExtractOptions } from './extract-pdf.js';
