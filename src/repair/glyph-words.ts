/**
 * A capital `I` read as a vertical-stroke glyph: `| integrationsarbetet strävar…`, `[ promemorian
 * föreslås…`. The tokenizer sees no word there (the glyph is no letter), so these are found here:
 * a lone `|`, `[` or `]` that starts a sentence (the text's start, or white space after `.`, `!` or
 * `?`) and is followed by a lower-case word is the preposition `I` — in the training OCR 21
 * times of 22 (`RepairModel.sentenceGlyphI`, counted by scripts/train-repair.ts). Mid-sentence the
 * same glyph was `I` twice, `i` twice and, after `den`, `1` three times and `l` once: too few and
 * too mixed to decide, so it is left alone there.
 */

import { countWork } from '../work.js';

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
 * counted by scripts/train-repair.ts with this same function); a stroke glued to a word
 * mid-sentence is left to word repair.
 */
// The glyphs: the strokes a lone `I` is read as (above), and the letters the OCR glued in its
// place (`L`, `l`, `I`, `T`; `E`: `Ekorthet` in the training OCR, `Evissa`, `Erykande` in dev
// news — a sentence-initial `E` before a word it makes no word of is no name the lexicon knows:
// `Erik`, `Elin`, `Edit` are). Not `J` or `1`, which stand as often for `l` (`Jara` for `lära`)
// and for a digit (`1januari`). After the text's start, a sentence end or a blank line; the word
// ends at a space or a mark (not at a hyphen: `Lan-⏎der` is one word).
const GLUED_SENTENCE_GLYPH = /(?<=^\s*|[.!?]\s+|\n[ \t]*\n\s*)[|[\]lLITE](?=\p{Ll}{2,}(?![\p{L}\p{N}-]))/gu;

/** A letter and a hyphen, then only white space: a word broken at a line end before this point. */
const HYPHEN_BREAK_BEFORE = /\p{L}-\s*$/u;
/** How far back HYPHEN_BREAK_BEFORE looks (the white space of a few blank lines). */
const BREAK_LOOKBACK = 16;

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
    // After a blank line that follows a line-end hyphen (`gäl-⏎⏎lande`): the second half of a
    // word broken across a page or column, no sentence start (dev: `gällande` became `gällandeI ande`).
    if (HYPHEN_BREAK_BEFORE.test(text.slice(Math.max(0, m.index - BREAK_LOOKBACK), m.index))) continue;
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
 * learned on train (`RepairModel.colonHyphen`, counted by scripts/train-repair.ts with this same
 * function); repair then joins the halves as it joins any line-end hyphenation.
 */
// The place, as a pattern: /(\p{L}+):[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(\p{Ll}+)/gu. Found by a scan
// from each colon instead: the pattern backtracks through every letter of a run before a colon at
// every start inside it, quadratic in a long run of letters (a text of one 100 kB token).
const LETTER_CHAR = /^\p{L}$/u;
const LOWER_CHAR = /^\p{Ll}$/u;

export interface ColonBreak {
  /** Offset of the colon. */
  offset: number;
  /** The halves joined (`efter`). */
  word: string;
}

/** Length (1 or 2 code units) of the code point that ends just before `end`, or 0 at the start. */
function codePointBefore(text: string, end: number): number {
  if (end <= 0) return 0;
  const low = text.charCodeAt(end - 1);
  if (end >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 2;
  }
  return 1;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether the code point at [at, at+len) is a letter (`lower`: a lower-case one). */
function letterAt(text: string, at: number, len: number, lower: boolean): boolean {
  if (len === 1) {
    const c = text.charCodeAt(at);
    if (c < 128) return lower ? c >= 97 && c <= 122 : isLetterCode(c);
  }
  return (lower ? LOWER_CHAR : LETTER_CHAR).test(text.slice(at, at + len));
}

/** Length of the code point that starts at `at` (1 or 2 code units). */
function codePointAt(text: string, at: number): number {
  const high = text.charCodeAt(at);
  if (high >= 0xd800 && high <= 0xdbff && at + 1 < text.length) {
    const low = text.charCodeAt(at + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return 2;
  }
  return 1;
}

/** Skips spaces and tabs from `at`. */
function skipBlanks(text: string, at: number): number {
  while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
  return at;
}

/** After `[ \t]*\r?\n` from `at`: the offset after the line feed, or -1. */
function lineEnd(text: string, at: number): number {
  let i = skipBlanks(text, at);
  if (text.charCodeAt(i) === 13) i++;
  return text.charCodeAt(i) === 10 ? i + 1 : -1;
}

/** The colons of `text` that stand for a line-end hyphen (see above), in order. `isWord`: whether
 * a token is a known word as written or with its diacritics put back. One pass: each colon is
 * looked at once, the letters before it back to the previous place found (as a global regex would
 * resume there), those after it forward. */
export function colonLineBreaks(text: string, isWord: (token: string) => boolean): ColonBreak[] {
  const out: ColonBreak[] = [];
  let resume = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    // The head: the letters before the colon, no further back than where the scan resumes.
    let start = colon;
    while (start > resume) {
      const len = codePointBefore(text, start);
      if (start - len < resume || !letterAt(text, start - len, len, false)) break;
      start -= len;
    }
    countWork(colon - start + 1);
    if (start === colon) continue;
    let at = lineEnd(text, colon + 1);
    if (at === -1) continue;
    // One blank line may follow (the optional group is greedy, and without it nothing after the
    // line feed could match once a second line feed stands there).
    const second = lineEnd(text, at);
    if (second !== -1) at = second;
    at = skipBlanks(text, at);
    const tailStart = at;
    while (at < text.length) {
      const len = codePointAt(text, at);
      if (!letterAt(text, at, len, true)) break;
      at += len;
    }
    if (at === tailStart) continue;
    countWork(at - start);
    const head = text.slice(start, colon);
    const tail = text.slice(tailStart, at);
    resume = at;
    if (isWord(head + tail) && !(isWord(head) && isWord(tail))) out.push({ offset: colon, word: head + tail });
    // The next colon lies after the tail (a lower-case run holds none).
    colon = at - 1;
  }
  return out;
}

/** `text` with a `-` for each colon found (the same length, so offsets hold), built in one pass. */
export function hyphensForColons(text: string, colons: readonly ColonBreak[]): string {
  if (colons.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { offset } of colons) {
    parts.push(text.slice(at, offset), '-');
    at = offset + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
