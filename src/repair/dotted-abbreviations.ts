/**
 * Dotted abbreviations whose inner dots OCR lost or misread: `bla.` for `bl.a.`, `tex.` for
 * `t.ex.`. Read as words they go wrong twice: the letters are "repaired" (`bla` → `blå`) and the
 * final stop, before a lower-case word, looks like a comma read as a stop (`blå,`).
 *
 * Which short forms stand for which abbreviation is learned: scripts/train-repair.ts counts, at
 * every place this module finds, how often the aligned truth word was a dotted abbreviation
 * (`RepairModel.abbreviations`), and repair replaces only forms that training found to be one
 * far more often than not.
 */
import { escapeRegExp } from '../language.js';

/** A short word and a full stop, standing alone: a place where a damaged abbreviation may be. */
export interface AbbreviationSite {
  /** Offset of the form in the text. */
  start: number;
  /** End offset (exclusive), after the stop. */
  end: number;
  /** The form as written (`bLa.`). */
  raw: string;
  /** Its lower-case key (`bla.`). */
  form: string;
}

/**
 * Two to five letters and a stop, after white space, `(` or the text's start (so the last part of
 * `s.k.` is no site), before white space, `,;:)` or the end.
 */
const SITE = /(?<=^|[\s(])(\p{L}{2,5}\.)(?=[\s,;:)]|$)/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const SPACE = /\s/u;

/** Whether a sentence starts at `at`: only white space before it back to the text's start, a
 * `.`, `!` or `?`, or a blank line. */
function sentenceStartsAt(text: string, at: number): boolean {
  let i = at - 1, newlines = 0;
  while (i >= 0 && SPACE.test(text[i]!)) if (text[i--] === '\n') newlines++;
  return i < 0 || newlines >= 2 || '.!?'.includes(text[i]!);
}

export function abbreviationSites(text: string): AbbreviationSite[] {
  const out: AbbreviationSite[] = [];
  for (const m of text.matchAll(SITE)) {
    const raw = m[1]!;
    out.push({ start: m.index, end: m.index + raw.length, raw, form: raw.toLowerCase() });
  }
  return out;
}

/** A learned abbreviation: what the form stands for and how often it did in training. */
export interface LearnedAbbreviation {
  /** The abbreviation, lower-case (`bl.a.`). */
  after: string;
  /** P(the abbreviation | the form at such a place). */
  p: number;
}

export interface AbbreviationRepair {
  start: number;
  end: number;
  before: string;
  after: string;
  p: number;
}

/**
 * Whether `text` writes `letters` (any case) as a word of its own with no stop after it: before
 * white space, the end, `)`, `:`, `;`, or a hyphen and a letter (`TeX Live`, `TeX-distributioner`,
 * `(tex)`) — not before `.` or `,` (OCR's reading of an abbreviation's stop) nor a line-end hyphen,
 * nor after a `.` (`intro.tex`).
 */
export function writtenAsWord(text: string, letters: string): boolean {
  const re = new RegExp(`(?<![\\p{L}\\p{N}.])${escapeRegExp(letters)}(?=$|[\\s):;]|-\\p{L})`, 'iu');
  return re.test(text);
}

/**
 * The sites whose form `learned` knows, with the abbreviation in the case the place asks for: a
 * capital only where a sentence starts and the form had one (`Bla.` → `Bl.a.`); elsewhere a capital
 * is OCR damage (`bLa.`, `Lex.` for `t.ex.`).
 *
 * `swedishWord`, where given, tells whether letters are a Swedish word, with diacritics put back
 * (`bla` is `blå`): a form whose letters are none, and that the document also writes as a word of
 * its own without a stop (writtenAsWord: `TeX Live`, `TeX-distributioner`), is the document's word
 * ending a sentence (`… skapat av TeX.`), not an abbreviation whose dots OCR lost — OCR damage of
 * `t.ex.` keeps its final stop (train, dev and fixture OCR write no bare `tex` but one `tex-` split
 * at a line end).
 */
export function damagedAbbreviations(text: string, learned: ReadonlyMap<string, LearnedAbbreviation>, swedishWord?: (letters: string) => boolean): AbbreviationRepair[] {
  if (learned.size === 0) return [];
  const out: AbbreviationRepair[] = [];
  const ownWord = new Map<string, boolean>();
  for (const site of abbreviationSites(text)) {
    const hit = learned.get(site.form);
    if (!hit) continue;
    if (swedishWord) {
      const letters = site.form.slice(0, -1);
      let own = ownWord.get(letters);
      if (own === undefined) ownWord.set(letters, (own = !swedishWord(letters) && writtenAsWord(text, letters)));
      if (own) continue;
    }
    const capital = STARTS_UPPER.test(site.raw) && sentenceStartsAt(text, site.start);
    const after = capital ? hit.after.charAt(0).toUpperCase() + hit.after.slice(1) : hit.after;
    if (after !== site.raw) out.push({ start: site.start, end: site.end, before: site.raw, after, p: hit.p });
  }
  return out;
}
