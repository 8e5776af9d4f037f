/**
 * Diacritics that a PDF text layer split off their letter: a spacing accent (`¨ ˚ ´ ˆ ˜ ˇ ¸`) drawn
 * as its own glyph right before or after the letter (`a¨`, `¨a`, `o¨`, `´e`), or a combining mark
 * separated from its letter by a space (`a ̈`). They become the composed letter (`ä`, `ö`, `é`).
 *
 * Only compositions that occur in Swedish text and names are made (the letters of
 * dictionaries/sv/accented-letters.txt), so a spacing accent used as
 * something else stays: `´` is widely typed as an apostrophe on Swedish keyboards (`Ica´s`), hence
 * it only composes with `e`. When letters on both sides could take the accent, the document's own
 * habit decides (text layers put accents consistently before or after), counted from the cases
 * where only one side could.
 */
import { SPACING_ACCENTS } from '../accents.js';
import { languageLetters } from '../language.js';
import type { Edit } from './edits.js';

export const DIACRITIC = 'diacritic';

/** The spacing accents joined here (not `` ` ``, far more often a backtick), and combining marks
 * (which count only right after a space: `a ̈`). The combining mark of a spacing accent is
 * SPACING_ACCENTS's. */
// eslint-disable-next-line no-misleading-character-class -- each combining mark is matched alone
const MARKS = /[\u00a8\u02da\u00b4\u02c6\u02dc\u02c7\u00b8\u0300-\u0303\u0308\u030a\u030c\u0327]/g;

/** The letter and mark composed, if that is one of the letters Swedish text uses
 * (dictionaries/sv/accented-letters.txt). */
function compose(letter: string, combining: string): string | undefined {
  // `letter` is '' at the text's edges.
  if (letter.length !== 1) return undefined;
  const composed = (letter + combining).normalize('NFC');
  return composed.length === 1 && languageLetters('sv/accented-letters').includes(composed) ? composed : undefined;
}

/** Spacing accents and space + combining marks in the text, as [index, text]. */
function marksIn(text: string): { index: number; 0: string }[] {
  MARKS.lastIndex = 0;
  // As [index, text]: a spacing accent, or a space and the combining mark after it.
  const matches: { index: number; 0: string }[] = [];
  for (let m = MARKS.exec(text); m !== null; m = MARKS.exec(text)) {
    if (SPACING_ACCENTS[m[0]] !== undefined) matches.push({ index: m.index, 0: m[0] });
    else if (text.charCodeAt(m.index - 1) === 0x20) matches.push({ index: m.index - 1, 0: text.slice(m.index - 1, m.index + 1) });
  }
  return matches;
}

/**
 * The document's habit: accents after their letter (the Unicode order) unless the unambiguous
 * cases say the text layer puts them first. Decided once for a whole text.
 */
export function accentsComeFirst(text: string): boolean {
  return habit(text, marksIn(text));
}

function habit(text: string, matches: { index: number; 0: string }[]): boolean {
  let before = 0;
  let after = 0;
  for (const m of matches) {
    if (m[0].length !== 1) continue;
    const combining = SPACING_ACCENTS[m[0]]!;
    const prev = compose(text.charAt(m.index - 1), combining) !== undefined;
    const next = compose(text.charAt(m.index + 1), combining) !== undefined;
    if (prev && !next) after++;
    else if (next && !prev) before++;
  }
  return before > after;
}

/** Edits joining split accents; `preferNext` is accentsComeFirst of the whole text (computed when not given). */
export function diacriticEdits(text: string, preferNext?: boolean): Edit[] {
  const matches = marksIn(text);
  if (matches.length === 0) return [];
  preferNext ??= habit(text, matches);

  const edits: Edit[] = [];
  let consumedTo = 0; // letters before this index already belong to an edit
  for (const m of matches) {
    const i = m.index;
    if (i < consumedTo) continue;
    if (m[0].length === 2) {
      // letter, space, combining mark
      const combining = m[0].charAt(1);
      const composed = i - 1 >= consumedTo ? compose(text.charAt(i - 1), combining) : undefined;
      if (composed !== undefined) {
        edits.push({ offset: i - 1, length: 3, after: composed, kind: DIACRITIC });
        consumedTo = i + 2;
      }
      continue;
    }
    const combining = SPACING_ACCENTS[m[0]]!;
    const withPrev = i - 1 >= consumedTo ? compose(text.charAt(i - 1), combining) : undefined;
    const withNext = compose(text.charAt(i + 1), combining);
    if (withPrev !== undefined && (withNext === undefined || !preferNext)) {
      edits.push({ offset: i - 1, length: 2, after: withPrev, kind: DIACRITIC });
      consumedTo = i + 1;
    } else if (withNext !== undefined) {
      edits.push({ offset: i, length: 2, after: withNext, kind: DIACRITIC });
      consumedTo = i + 2;
    }
  }
  return edits;
}
