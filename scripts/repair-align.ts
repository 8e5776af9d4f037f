// Alignment of training OCR to its truth, below the word level the metrics module aligns at
// (src/eval/metrics.ts): the trainer's tokens (line-end hyphenation joined), the character edit
// chunks inside an aligned word pair, and a token's word core.
import { memo } from '../src/memo.js';
import { codePointSlice, editRuns } from '../src/repair/align.js';

/** Tokens of a text split on white space, after joining line-end hyphenation the way print breaks words. */
export function joinedTokens(text: string): string[] {
  return joinedText(text).split(/\s+/u).filter(Boolean);
}

/** The text joinedTokens splits: NFC, a line-end hyphen between letters joined (`regio-⏎nala`). */
export function joinedText(text: string): string {
  return text.normalize('NFC').replace(/([\p{L}])-[ \t]*\n\s*(\p{Ll})/gu, '$1$2');
}

/** One edit chunk: truth characters `t` read as OCR characters `o`, at truth index `at`. */
export interface Chunk {
  t: string;
  o: string;
  at: number;
  /** The chunk ends the truth word. */
  end: boolean;
}

/** Character edit chunks turning truth word `t` into OCR word `o` (match runs omitted): the runs of
 * changed characters of their alignment (src/repair/align.ts, the alignment the calibration's
 * document channel reads too), made once per pair in a run of the script. */
export const charChunks: (t: string, o: string) => readonly Chunk[] = (t, o) => chunksOf(t)(o);
const chunksOf = memo((t: string) => memo((o: string) => chunks(t, o)));

function chunks(t: string, o: string): Chunk[] {
  const { n, m, runs } = editRuns(t, o);
  const out: Chunk[] = [];
  for (let r = 0; r < runs.length; r += 4) {
    let ti = runs[r]!, te = runs[r + 1]!, oj = runs[r + 2]!, oe = runs[r + 3]!;
    // A pure insertion or deletion gets one neighbouring character of context, so that the rule
    // reads as a substitution (`ff` → `f`, `Öv` → `v`) and can be applied to a word.
    if (te === ti || oe === oj) {
      if (ti > 0 && oj > 0) { ti--; oj--; } else if (te < n && oe < m) { te++; oe++; }
    }
    out.push({ t: codePointSlice(t, n, ti, te), o: codePointSlice(o, m, oj, oe), at: ti, end: te === n });
  }
  return out;
}

/** Strip leading/trailing punctuation that is the same on both sides; returns the word core. */
export function core(token: string): string {
  const m = token.match(/^[^\p{L}\p{N}&#@]*(.*?)[^\p{L}\p{N}]*$/u);
  return m ? m[1]! : token;
}
