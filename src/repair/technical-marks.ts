/**
 * Sentence starts of technical text. A man page or software guide starts sentences with a command,
 * file or argument name written in lower case (`… för alla konton. passwd ändrar även …`, `…
 * till systemet. länk är det generiska namnet`): there a full stop before a lower-case word is no
 * comma OCR misread, when the word is one the document itself writes as a name — in a code-like
 * name span (`passwd(1)`, `dpkg-deb`, see technical.ts) or as the argument of an option
 * (`--install länk namn sökväg`, `-b binärkatalog`, `--debug=oktalvärde`).
 */
import { memoByObject } from '../memo.js';
import type { RepairRun } from './run.js';
import { documentIdentifiers, isTechnical } from './technical.js';

/** An option (`-b`, `--install`, `--debug=`) and the lower-case words after it that name its
 * arguments: one to four, ending the line or followed by a bracket (`[arkiv|katalog]`, `[--slave länk namn sökväg]`), another
 * option or a capitalised word (the description: `--debug=oktalvärde Aktiverar felsökning`) — not
 * prose that mentions an option (`flaggan -f och flaggan c.`, `--control-list och --control-show för`). */
const OPTION_ARGS = /(?<![\p{L}\p{N}-])--?\p{L}[\p{L}\p{N}-]*(?:=|[^\S\n]+)((?:<?\p{Ll}[\p{L}\p{M}_-]*(?![\p{L}\p{M}_-])>?(?:\.\.\.)?[^\S\n]*){1,4})(?=\n|$|[[\]<]|\p{Lu})/gu;
/** A command before its bracketed arguments: `passwd [flaggor]`, `dpkg-deb [flagga...] åtgärd`. */
const COMMAND = /(?<![\p{L}\p{N}_-])(\p{Ll}[\p{L}\p{N}_-]*)[^\S\n]+\[[\p{L}-]/gu;
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** The lower-case words a technical document writes as names: those of its name spans and the
 * arguments of its options. Empty for a document that is no technical text. */
export const technicalNames = memoByObject((run: RepairRun): ReadonlySet<string> => {
  const out = new Set<string>();
  if (!isTechnical(run)) return out;
  for (const w of documentIdentifiers(run.wordText).words) out.add(w);
  for (const m of run.wordText.matchAll(COMMAND)) for (const w of m[1]!.matchAll(WORD)) out.add(w[0].toLowerCase());
  for (const m of run.wordText.matchAll(OPTION_ARGS)) for (const w of m[1]!.matchAll(WORD)) out.add(w[0].toLowerCase());
  // One letter is an option's (`-i`), not a name a sentence starts with.
  for (const w of out) if (w.length < 2) out.delete(w);
  return out;
});

/**
 * A dotted name of code: words joined by dots with no white space (`org.kde.kmplot`,
 * `document.startsWith`, `kile.file.read`) — three parts or more, or a lower-case part after a dot
 * (a member). Two capitalised parts (`slut.Det`) are a sentence whose space OCR lost, and an
 * abbreviation's parts (`t.ex`, `bl.a`, `fr.o.m`) are shorter than DOTTED_PART_MIN.
 */
const DOTTED = /(?<![\p{L}\p{N}_.])[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)+/gu;
const MEMBER_DOT = /\.[\p{Ll}_]/u;
/** The least letters of a part of a dotted name that counts (`org`, `kde`; not `ex` of `t.ex`). */
const DOTTED_PART_MIN = 3;

/**
 * The parts (lower case) of the dotted names a technical document writes (`org`, `kde`, `kmplot`,
 * `parser`): where OCR puts a space after the dots of such a name elsewhere (`org. kde. kmplot.
 * MainDlg`), a stop beside one of them is the name's dot, not a comma misread. Empty for a
 * document that is no technical text.
 */
export const dottedNameParts = memoByObject((run: RepairRun): ReadonlySet<string> => {
  const out = new Set<string>();
  if (!isTechnical(run)) return out;
  for (const m of run.wordText.matchAll(DOTTED)) {
    const parts = m[0].split('.');
    if (parts.length < 3 && !MEMBER_DOT.test(m[0])) continue;
    for (const p of parts) if (p.length >= DOTTED_PART_MIN) out.add(p.toLowerCase());
  }
  return out;
});

const NEXT_WORD = /^[.,]\s+(\p{L}[\p{L}\p{M}]*)/u;
const WORD_BEFORE = /(\p{L}[\p{L}\p{M}]*)$/u;

/**
 * Whether the mark at `offset` stands before a word the (technical) document writes as a name, or
 * beside a part of one of its dotted names (`org. kde. kmplot`: the dots of `org.kde.kmplot`).
 */
export function technicalSentenceStart(run: RepairRun, offset: number): boolean {
  const names = technicalNames(run);
  const dotted = dottedNameParts(run);
  if (names.size === 0 && dotted.size === 0) return false;
  const next = NEXT_WORD.exec(run.text.slice(offset, offset + 80))?.[1]?.toLowerCase();
  if (next !== undefined && (names.has(next) || dotted.has(next))) return true;
  if (run.text[offset] !== '.' || dotted.size === 0) return false;
  const before = WORD_BEFORE.exec(run.text.slice(Math.max(0, offset - 80), offset))?.[1]?.toLowerCase();
  return before !== undefined && dotted.has(before);
}
