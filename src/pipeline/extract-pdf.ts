import { readPdfPages, type ReadPagesOptions } from '../extract/index.js';
import { checkBooleanOption, checkObjectOption, checkPdfInput, checkReadPagesOptions } from '../validate.js';
import { normalizeDetailed } from '../normalise/index.js';
import { defaultLexicon, repair, type Lexicon } from '../repair/index.js';
import type { Correction, ExtractResult, PageText, RepairResult } from '../types.js';
import { joinAcrossBreak, type RawSegment } from './page-break.js';

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
 * text gives `text`. A word hyphenated across a page break is joined at the end of its first page
 * (see page-break.ts); that correction moves the form feed past the word.
 */
export async function extractPdf(input: string | Uint8Array, options: ExtractOptions = {}): Promise<ExtractResult> {
  checkPdfInput('extractPdf', input);
  checkReadPagesOptions('extractPdf', options);
  checkBooleanOption('extractPdf', options, 'repair');
  checkObjectOption('extractPdf', options, 'lexicon');
  const doRepair = options.repair ?? true;
  const lexicon = options.lexicon ?? defaultLexicon();
  // The lexicon decides whether a text layer reads as words, better than extract's shape test.
  const isWord = options.isWord ?? ((w: string) => lexicon.has(w));
  const clean = (text: string): RepairResult => (doRepair ? repair(text, { lexicon }) : normalizeOnly(text));
  const pages: PageText[] = [];
  const corrections: Correction[] = [];
  const finish = (page: PageText, text: string, changes: Correction[], repairWarnings: string[] = []): void => {
    corrections.push(...changes);
    // What repair passed through unread (a very long token, non-Latin script) is the page's warning.
    pages.push({ ...page, text, ...(repairWarnings.length > 0 ? { warnings: [...page.warnings, ...repairWarnings] } : {}) });
  };
  // One page is held back until the next is read: a word hyphenated at its end may continue there.
  let held: { page: PageText; raw: RawSegment } | undefined;
  let rawOffset = 0;
  for await (const page of readPdfPages(input, { ...options, isWord })) {
    if (held) rawOffset += PAGE_SEPARATOR.length;
    let raw: RawSegment = { base: rawOffset, text: page.text };
    rawOffset += page.text.length;
    let warnings = page.warnings;
    if (held) {
      // Dehyphenation is the repair stage's; without repair the break stays as it is.
      const joined = doRepair ? joinAcrossBreak(held.raw, raw, PAGE_SEPARATOR, clean) : undefined;
      if (joined) {
        const note = `joined ${JSON.stringify(joined.halves[0])} + ${JSON.stringify(joined.halves[1])} across the page break`;
        finish({ ...held.page, warnings: [...held.page.warnings, `${note} (the word ends this page)`] }, joined.text, joined.corrections);
        warnings = [...warnings, `${note} (the word is on page ${held.page.number})`];
        raw = joined.next;
      } else {
        finish(held.page, ...cleanSegment(held.raw, clean));
      }
    }
    held = { page: { ...page, warnings }, raw };
  }
  if (held) finish(held.page, ...cleanSegment(held.raw, clean));
  return { pages, text: pages.map((p) => p.text).join(PAGE_SEPARATOR), corrections };
}

/** A page's raw text cleaned on its own, its corrections moved to document offsets. */
function cleanSegment(raw: RawSegment, clean: (text: string) => RepairResult): [string, Correction[], string[]] {
  const cleaned = clean(raw.text);
  // A page in spelling before 1906 says so, with the evidence (it got only older-Swedish repairs).
  const spelling = cleaned.orthography?.spelling === 'pre-1906' ? cleaned.orthography.reasons : [];
  return [cleaned.text, cleaned.corrections.map((c) => ({ ...c, offset: c.offset + raw.base })), [...(cleaned.warnings ?? []), ...spelling]];
}

/** Normalisation alone, its changes reported as corrections so nothing changes unrecorded. */
function normalizeOnly(text: string): { text: string; corrections: Correction[] } {
  const { text: out, changes } = normalizeDetailed(text);
  return {
    text: out,
    corrections: changes.map((c) => ({ offset: c.offset, length: c.length, before: c.before, after: c.after, confidence: 1, rule: 'normalize' })),
  };
}
