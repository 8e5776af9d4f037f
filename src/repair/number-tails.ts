/**
 * The part after a number and a hyphen (`46-arig`, `33-aringen`, `70-talsfarger`): the tokenizer
 * keeps the number out of the word, so the part is judged alone — and it is a compound tail, often
 * no word of its own (`årig`, `åringen`), so neither the vowel index (corpus words) nor a plain
 * edit reads it. Here it is read as what it is: the tail of `NN-…`, its stripped diacritics put
 * back (`å`/`ä` for `a`, `ö` for `o`, `é` for `e`: dictionaries/sv/stripped-diacritics.txt), and
 * a variant is a reading only where the lexicon knows the number joined to it (`46-årig`).
 */
import { languageTable } from '../language.js';

/** A number and a hyphen right before a part: its digits are group 1. */
const NUMBER_HYPHEN_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{N}+)-$/u;

/** The digits of the number a hyphen joins to the word at `start` (`46` in `46-arig`), or null. */
export function numberBefore(text: string, start: number): string | null {
  if (text.charCodeAt(start - 1) !== 45) return null;
  const m = NUMBER_HYPHEN_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  return m ? m[1]! : null;
}

let unfold: ReadonlyMap<string, readonly string[]> | undefined;
/** Letter as an OCR without Swedish writes it → the letters with diacritics it stands for. */
function unfoldTable(): ReadonlyMap<string, readonly string[]> {
  if (!unfold) {
    const m = new Map<string, string[]>();
    for (const [letter, [to = letter]] of languageTable('sv/stripped-diacritics')) {
      const list = m.get(to);
      if (list) list.push(letter);
      else m.set(to, [letter]);
    }
    unfold = m;
  }
  return unfold;
}

/** The most letters of a part that are tried with their diacritics back (3^4 variants at most). */
const MAX_FOLDED_LETTERS = 4;

/**
 * The spellings of `lower` (lower case) with one or more of its stripped diacritics put back,
 * none when it holds more than MAX_FOLDED_LETTERS letters that may have lost one.
 */
export function unfoldings(lower: string): string[] {
  const table = unfoldTable();
  const at: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    if (table.has(lower[i]!)) {
      if (at.length === MAX_FOLDED_LETTERS) return [];
      at.push(i);
    }
  }
  let out = [lower];
  for (const i of at) {
    const next: string[] = [];
    for (const w of out) {
      next.push(w);
      for (const c of table.get(lower[i]!)!) next.push(w.slice(0, i) + c + w.slice(i + 1));
    }
    out = next;
  }
  return out.slice(1);
}

/** The readings of the part `lower` after the number `digits`: its spellings with diacritics put
 * back that the lexicon knows joined to the number (`known('46-årig')`). */
export function numberTailReadings(lower: string, digits: string, known: (word: string) => boolean): string[] {
  return unfoldings(lower).filter((w) => known(`${digits}-${w}`));
}
