import { readPdfPages, type ReadPagesOptions } from '../extract/index.js';
import { normalizeDetailed } from '../normalise/index.js';
import { defaultLexicon, repair, type Lexicon } from '../repair/index.js';
import type { Correction, ExtractResult, PageText } from '../types.js';

export interface ExtractOptions extends ReadPagesOptions {
  /** Repair OCR damage and dehyphenate (default true); without it the text is only normalised. */
  repair?: boolean;
  /** The lexicon for repair and for judging text layers (default: the built-in Swedish one). */
  lexicon?: Lexicon;
}

/** Pages are joined with a form feed, as `pdftotext` does. */
export const PAGE_SEPARATOR = '\f';

/**
 * A PDF's text: each page read (text layer or OCR, see `readPdfPages`), then normalised and, by
 * default, repaired. `pages[].text` and `text` are the clean text. Every change is in
 * `corrections`, whose offsets point into the RAW text — the pages as read, joined by form feeds —
 * as every `Correction` does (offsets into the stage's input). Applying them in order to that raw
 * text gives `text`.
 */
export async function extractPdf(input: string | Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  const doRepair = options.repair ?? true;
  const lexicon = options.lexicon ?? defaultLexicon();
  // The lexicon decides whether a text layer reads as words, better than extract's shape test.
  const isWord = options.isWord ?? ((w: string) => lexicon.has(w));
  const pages: PageText[] = [];
  const corrections: Correction[] = [];
  let rawOffset = 0;
  for await (const page of readPdfPages(input, { ...options, isWord })) {
    if (pages.length > 0) rawOffset += PAGE_SEPARATOR.length;
    const cleaned = doRepair ? repair(page.text, { lexicon }) : normalizeOnly(page.text);
    for (const c of cleaned.corrections) corrections.push({ ...c, offset: c.offset + rawOffset });
    rawOffset += page.text.length;
    pages.push({ ...page, text: cleaned.text });
  }
  return { pages, text: pages.map((p) => p.text).join(PAGE_SEPARATOR), corrections };
}

/** Normalisation alone, its changes reported as corrections so nothing changes unrecorded. */
function normalizeOnly(text: string): { text: string; corrections: Correction[] } {
  const { text: out, changes } = normalizeDetailed(text);
  return {
    text: out,
    corrections: changes.map((c) => ({ offset: c.offset, length: c.length, before: c.before, after: c.after, confidence: 1, rule: 'normalize' })),
  };
}
