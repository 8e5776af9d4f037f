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

/**
 * A sentence-initial `I` glued to the word after it, the stroke read as another glyph: `Lansvaret`
 * for `I ansvaret`, `Tsamband`, `Idenna`. Such a token is no word (nor one with its diacritics put
 * back: `Lange` is `Länge`), and what follows the glyph is one (so `|nom`, which is `Inom`, is not
 * such a place). How often the glyph was `I` is learned on train (`RepairModel.gluedGlyphI`,
 * counted by scripts/train-repair.mjs with this same function); a stroke glued to a word
 * mid-sentence is left to word repair.
 */
// The glyphs: the strokes a lone `I` is read as (above), and the letters the training OCR glued in
// its place (`L`, `l`, `I`, `T`). Not `J` or `1`, which stand as often for `l` (`Jara` for `lära`)
// and for a digit (`1januari`). After the text's start, a sentence end or a blank line; the word
// ends at a space or a mark (not at a hyphen: `Lan-⏎der` is one word).
const GLUED_SENTENCE_GLYPH = /(?<=^\s*|[.!?]\s+|\n[ \t]*\n\s*)[|[\]lLIT](?=\p{Ll}{2,}(?![\p{L}\p{N}-]))/gu;

export interface GluedGlyph {
  /** Offset of the glyph; the word after it starts at offset + 1. */
  offset: number;
  /** The word after the glyph (`ansvaret`). */
  word: string;
}

/** The glued sentence-initial glyphs of `text` (see above), in order. `isWord`: whether a token is a
 * known word as written or with its diacritics put back. */
export function gluedSentenceGlyphs(text: string, isWord: (token: string) => boolean): GluedGlyph[] {
  const out: GluedGlyph[] = [];
  for (const m of text.matchAll(GLUED_SENTENCE_GLYPH)) {
    const word = /^\p{Ll}+/u.exec(text.slice(m.index + 1))![0];
    if (!isWord(m[0] + word) && isWord(word)) out.push({ offset: m.index, word });
  }
  return out;
}

/**
 * A line-end hyphen read as a colon: `ef:⏎⏎ter`, `möj:⏎ligt`, `kommu:⏎nala`. The place is a word
 * ending in `:` at a line end (one blank line may follow, as between pages) and a lower-case word
 * on the next line, where the two joined make a word (as written or with diacritics put back) and
 * the two apart do not (`följande:⏎vi` stays a colon). How often such a colon was a hyphen is
 * learned on train (`RepairModel.colonHyphen`, counted by scripts/train-repair.mjs with this same
 * function); repair then joins the halves as it joins any line-end hyphenation.
 */
const COLON_BREAK = /(\p{L}+):[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(\p{Ll}+)/gu;

export interface ColonBreak {
  /** Offset of the colon. */
  offset: number;
  /** The halves joined (`efter`). */
  word: string;
}

/** The colons of `text` that stand for a line-end hyphen (see above), in order. `isWord`: whether
 * a token is a known word as written or with its diacritics put back. */
export function colonLineBreaks(text: string, isWord: (token: string) => boolean): ColonBreak[] {
  const out: ColonBreak[] = [];
  for (const m of text.matchAll(COLON_BREAK)) {
    const [, head, tail] = m as unknown as [string, string, string];
    if (isWord(head + tail) && !(isWord(head) && isWord(tail))) out.push({ offset: m.index + head.length, word: head + tail });
  }
  return out;
}
