/**
 * A capital `I` read as a vertical-stroke glyph: `| integrationsarbetet strävar…`, `[ promemorian
 * föreslås…`. The tokenizer sees no word there (the glyph is no letter), so these are found here:
 * a lone `|`, `[` or `]` that starts a sentence (the text's start, or white space after `.`, `!` or
 * `?`) and is followed by a lower-case word is the preposition `I` — in the training OCR 21
 * times of 22 (`RepairModel.sentenceGlyphI`, counted by scripts/train-repair.mjs). Mid-sentence the
 * same glyph was `I` twice, `i` twice and, after `den`, `1` three times and `l` once: too few and
 * too mixed to decide, so it is left alone there.
 */

/** The glyph after the text's start or a sentence end and white space, a lower-case word after it. */
const SENTENCE_GLYPH = /(?:^\s*|[.!?]\s+)[|[\]](?=[ \t]+\p{Ll})/gu;

/** Offsets of the glyphs in `text` that stand for a sentence-initial `I`. */
export function sentenceInitialGlyphs(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(SENTENCE_GLYPH)) out.push(m.index + m[0].length - 1);
  return out;
}

/**
 * A glyph standing alone before a word: one punctuation mark or symbol with white space on both
 * sides (`tjänsteskrivelse ~ Hållbar`, `strategi = medan`). OCR leaves such a glyph where it read a
 * dash badly; which glyph stood for what is learned on train (`RepairModel.loneGlyphs`: a lone `~`
 * was `–` 16 times of 16, `=` 7 of 8 — too few to act on).
 */
const LONE_GLYPH = /(?<=^|\s)[\p{P}\p{S}](?=[ \t]+\p{L}|[ \t]*\r?\n[ \t]*\p{L})/gu;

export interface LoneGlyph {
  offset: number;
  glyph: string;
}

/** The lone glyphs of `text` (see above), in order. */
export function loneGlyphs(text: string): LoneGlyph[] {
  const out: LoneGlyph[] = [];
  for (const m of text.matchAll(LONE_GLYPH)) out.push({ offset: m.index, glyph: m[0] });
  return out;
}
