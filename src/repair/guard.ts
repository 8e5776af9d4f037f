/**
 * What repair must not look at, taken out before it runs: a very long run without white space (a
 * file of one 2 MB "word", base64, a table without blanks) and a stretch of non-Latin script
 * (Chinese, Cyrillic, Arabic …). Neither holds a Swedish word to repair, and the first costs the
 * word search time that grows with the square of the token's length. Such a stretch is masked —
 * the same number of code units of a private-use character, line feeds kept, so every offset
 * holds — repair runs on the masked text, and the stretch comes back untouched, with a warning.
 * A text without such stretches goes to repair as it is (the same output to the byte).
 */
import type { Correction, RepairResult } from '../types.js';
import { countWork } from '../work.js';

/** Longest run without white space that repair reads (UTF-16 code units). */
export const MAX_TOKEN = 100;
/** Non-Latin letters a stretch needs before it is passed through (a lone `μ` or `Ω` stays in). */
const MIN_FOREIGN_LETTERS = 4;

/** The mask: a private-use character, no letter, digit, mark, space or punctuation to any rule. */
const MASK = '\uE000';

const SPACE = /\s/u;
/** Whether the code unit is white space as `\s` has it (ASCII answered without the regex). */
function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return SPACE.test(String.fromCharCode(c));
}
const LATIN = /\p{Script=Latin}/u;
const FOREIGN_LETTER = /(?!\p{Script=Latin})\p{L}/gu;
const SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Thai', 'Devanagari'] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const);

/** A stretch of the text that repair leaves alone. */
export interface PassedSpan {
  start: number;
  end: number;
  kind: 'long-token' | 'non-latin';
}

/** Names of the scripts in a sample of a stretch (for the warning). */
function scriptsOf(sample: string): string {
  const found = SCRIPT_TESTS.filter(([, re]) => re.test(sample)).map(([name]) => name);
  return found.length > 0 ? found.join('/') : 'non-Latin';
}

/**
 * The stretches to pass through, in order and apart: runs without white space longer than
 * MAX_TOKEN, and maximal sequences of runs that hold letters but no Latin one (with at least
 * MIN_FOREIGN_LETTERS letters in all; the white space between such runs belongs to the stretch).
 * One pass over the text, each run looked at once.
 */
export function passedSpans(text: string): PassedSpan[] {
  const spans: PassedSpan[] = [];
  let foreign: { start: number; end: number; letters: number } | undefined;
  const closeForeign = (): void => {
    if (foreign && foreign.letters >= MIN_FOREIGN_LETTERS) spans.push({ start: foreign.start, end: foreign.end, kind: 'non-latin' });
    foreign = undefined;
  };
  // The runs of non-white-space (`\S+`) found by a scan: no match array and no string for a run
  // of plain ASCII, which is most of them.
  const n = text.length;
  for (let i = 0; i < n; ) {
    while (i < n && isWhiteSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let ascii = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        if (c === 32 || (c >= 9 && c <= 13)) break;
      } else {
        if (isWhiteSpace(c)) break;
        ascii = false;
      }
    }
    const end = i;
    countWork(end - start);
    if (end - start > MAX_TOKEN) {
      closeForeign();
      spans.push({ start, end, kind: 'long-token' });
      continue;
    }
    // Plain ASCII (most runs) holds no foreign letter: no regex for it.
    if (ascii) {
      closeForeign();
      continue;
    }
    const run = text.slice(start, end);
    if (LATIN.test(run)) {
      closeForeign();
      continue;
    }
    FOREIGN_LETTER.lastIndex = 0;
    let letters = 0;
    while (FOREIGN_LETTER.exec(run) !== null) letters++;
    if (letters === 0) {
      // Digits and marks alone: they neither start nor end a stretch.
      if (foreign) foreign.end = end;
      continue;
    }
    if (foreign) {
      foreign.end = end;
      foreign.letters += letters;
    } else foreign = { start, end, letters };
  }
  closeForeign();
  return spans;
}

/** The text with the spans masked (line feeds kept), the same length. */
export function maskSpans(text: string, spans: readonly PassedSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start);
    const part = text.slice(span.start, span.end);
    out += part.replace(/[^\n]/g, MASK);
    at = span.end;
  }
  return out + text.slice(at);
}

function describe(text: string, spans: readonly PassedSpan[]): string[] {
  const warnings: string[] = [];
  const long = spans.filter((s) => s.kind === 'long-token');
  if (long.length > 0) {
    const chars = long.reduce((n, s) => n + s.end - s.start, 0);
    const longest = long.reduce((n, s) => Math.max(n, s.end - s.start), 0);
    warnings.push(
      `${long.length} run${long.length === 1 ? '' : 's'} without white space longer than ${MAX_TOKEN} characters (${chars} characters, the longest ${longest}, the first at offset ${long[0]!.start}) passed through unrepaired`,
    );
  }
  const foreign = spans.filter((s) => s.kind === 'non-latin');
  if (foreign.length > 0) {
    const chars = foreign.reduce((n, s) => n + s.end - s.start, 0);
    const sample = foreign.slice(0, 20).map((s) => text.slice(s.start, Math.min(s.end, s.start + 200))).join(' ');
    warnings.push(`${chars} characters of ${scriptsOf(sample)} script in ${foreign.length} stretch${foreign.length === 1 ? '' : 'es'} (the first at offset ${foreign[0]!.start}) passed through unrepaired`);
  }
  return warnings;
}

/**
 * `inner` (repair) over `text` with the stretches it must not see passed through. The result's
 * corrections are against `text` and never touch a passed stretch; `warnings` says what was passed.
 */
export function guardedRepair<O>(text: string, options: O, inner: (text: string, options: O) => RepairResult): RepairResult & { warnings?: string[] } {
  const spans = passedSpans(text);
  if (spans.length === 0) return inner(text, options);
  const masked = maskSpans(text, spans);
  const result = inner(masked, options);
  // Keep the corrections outside the passed stretches (a normalisation of the masked text could
  // only touch what was kept of it, its line feeds); their `before` is the input's own text there.
  const kept: Correction[] = [];
  let k = 0;
  for (const c of result.corrections) {
    const end = c.offset + c.length;
    while (k < spans.length && spans[k]!.end <= c.offset) k++;
    const span = spans[k];
    const overlaps = span !== undefined && (c.length > 0 ? span.start < end : span.start < c.offset);
    if (!overlaps) kept.push({ ...c, before: text.slice(c.offset, end) });
  }
  let out = '';
  let at = 0;
  for (const c of kept) {
    out += text.slice(at, c.offset) + c.after;
    at = c.offset + c.length;
  }
  out += text.slice(at);
  return { text: out, corrections: kept, ...(result.leftAlone ? { leftAlone: result.leftAlone } : {}), warnings: describe(text, spans) };
}
