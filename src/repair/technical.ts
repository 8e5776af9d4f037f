/**
 * Technical text (man pages, software guides): a per-document model of identifiers — command,
 * option, file and variable names — that repair leaves alone. Swedish prose has no `--help`, no
 * `/usr/share/man`, no `groff(1)`, no `$LANG`, no `GID_MIN`: where such a code-like span stands,
 * its words are the software's names, not damaged Swedish (`help` is no `helg`, `groff` no
 * `groll`, `apt` no `ägt`). A word seen in a name span is an identifier wherever else the
 * document writes it letter for letter (`man -t bash | lpr`, then `Formatera manualsidan för bash`).
 *
 * The spans are shapes OCR does not make of Swedish prose: a lone `(`, `[`, `{`, `|`, `"` glued to a
 * word is often a misread letter (`{6ljd`, `til]`, `(Gr`), so those alone mark nothing; a slash
 * between two words is Swedish too (`och/eller`, `kr/månad`), so only a path that starts with one
 * or holds two counts.
 */
import { memoByObject } from '../memo.js';
import { isEnglishForm } from './english.js';
import { foldDiacritics } from './model.js';
import type { RepairRun } from './run.js';
import { wordCountsOf, type Unit } from './units.js';

/**
 * Code-like spans whose words are the software's own names, English or made up, never a Swedish
 * word with its diacritics lost: options, manual references, paths, variables.
 */
export const NAME_SPANS: readonly RegExp[] = [
  // A long option and its hyphenated parts: `--help`, `--no-act`, `--host-type`.
  /(?<![\p{L}\p{N}-])--[\p{L}\p{N}][\p{L}\p{N}_-]*/gu,
  // A short option of one to three letters: `-nc`, `-sA`, `-eF` (a word of its own).
  /(?<=^|[\s([,|"'“”])-[\p{L}][\p{L}\p{N}]{0,2}(?![\p{L}\p{N}-])/gu,
  // A manual reference: `groff(1)`, `apt-get(8)`, `deb-control(5)`.
  /[\p{L}\p{N}_.+-]+\([0-9][\p{L}]{0,3}\)/gu,
  // An absolute or home path (`/usr/share/man`, `~/.config`), or a path of three parts or more.
  /(?<![\p{L}\p{N}])[~.]?\/[\p{L}\p{N}_.+-]+(?:\/[\p{L}\p{N}_.+-]*)*/gu,
  /[\p{L}\p{N}_.+-]+\/[\p{L}\p{N}_.+-]+\/[\p{L}\p{N}_.+-]+(?:\/[\p{L}\p{N}_.+-]*)*/gu,
  // Alternatives set with a bar: `yes|no`, `-a|-b` (OCR of prose wrote no bar between letters).
  /[\p{L}\p{N}_.-]+(?:\|[\p{L}\p{N}_.-]+)+/gu,
  // A variable: `$LANG`, `${HOME}` (a letter first: OCR writes `$` for `§` and `5`, `$8`).
  /\$\{?[\p{L}_][\p{L}\p{N}_]+/gu,
];

/**
 * Code-like spans that may hold a placeholder the translator wrote in Swedish
 * (`källkodsnamn_binärversion_ark`): a reading that only puts back diacritics is still taken
 * there (`--target=mål`), and their words say nothing of the rest of the document (an OCR'd
 * placeholder, `sékvag` for `sökväg`, is damage elsewhere). Angle brackets are left out: there the
 * translated man pages write Swedish words (`<sökväg>`), damaged like any other.
 */
export const PLACEHOLDER_SPANS: readonly RegExp[] = [
  // Names joined by an underscore, or set with `=`: `GID_MIN`, `sort_key`, `--debug=help`.
  /[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+/gu,
  /[\p{L}\p{N}_]+=[\p{L}\p{N}_.,:-]*/gu,
  // A dotted file name with a number part: `vim.1.gz`, `dpkg.cfg.5`.
  /[\p{L}\p{N}_+-]+(?:\.[\p{L}\p{N}_+-]+)*\.[0-9]+(?:\.[\p{L}\p{N}]+)+/gu,
];

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;

/** A document's identifiers: where its code-like spans put a word, and the words of its name spans. */
export interface DocumentIdentifiers {
  /** Offsets of the words inside a name span. */
  named: Set<number>;
  /** Offsets of the words inside a placeholder span. */
  placeholders: Set<number>;
  /** How many name spans the document has. */
  nameSpans: number;
  /** The words (lower case) of the name spans. */
  words: Set<string>;
  /** How many calls and members of code the document writes (CODE_CALL, CODE_MEMBER). */
  codeUses: number;
}

/**
 * The code-like marks a span needs, as bits: every span above holds one of its marks, so a stretch of
 * text without them has none of its spans. A long option holds `--`; a short option a `-` that
 * starts a stretch or follows `(`, `[`, `,`, `|`, a quote; a manual reference `(` and a digit; a path
 * `/` (a path of three parts two); alternatives `|`; a variable `$`; the placeholders `_`, `=`, or a
 * `.` and a digit.
 */
const LONG = 1, SHORT = 2, MAN = 4, SLASH = 8, SLASHES = 16, BAR = 32, DOLLAR = 64, UNDERSCORE = 128, EQUALS = 256, DOT_DIGIT = 512, CALL = 1024, MEMBER = 2048;
/** The marks each span of NAME_SPANS and PLACEHOLDER_SPANS needs (one of them), in their order. */
const NAME_MARKS = [LONG, SHORT, MAN, SLASH, SLASHES, BAR, DOLLAR] as const;
const PLACEHOLDER_MARKS = [UNDERSCORE, EQUALS, DOT_DIGIT] as const;
/** What may stand before a short option's `-` (its look-behind, ASCII white space apart): these, or
 * any character beyond ASCII (white space of other kinds, curly quotes). */
const BEFORE_OPTION = new Set([...'([,|"\''].map((c) => c.charCodeAt(0)));

/** A letter, digit or underscore (ASCII, or any character beyond it). */
function nameChar(c: number): boolean {
  return c >= 128 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Code in prose, as a stretch shows it (CALL, MEMBER marks): a name called with its arguments in
 * the stretch (`Point.coordinate()`, `sin(t)`, `f_x(t)`) or spaced out after it (`calc( a, b )`),
 * and a member after a dot (`a.coordinate`, `org.kde.kmplot`) of three letters or more — no
 * abbreviation's (`t.ex.`, `bl.a.`, `m.fl.`). A word's optional ending (`punkt(er)`) is a call too;
 * `huvud(?)` is none. The prose of train, dev and the LibreOffice help has at most 1 per document.
 */
const CODE_CALL = /(?<![\p{L}\p{N}_])[\p{L}_][\p{L}\p{N}_.]*\((?:[\p{L}\p{N}_.,'"]*\)|$)/gu;
const CODE_MEMBER = /[\p{L}\p{N}_)]\.[\p{Ll}_][\p{L}\p{N}_]{2,}(?![\p{L}\p{N}_])/gu;

/** A stretch of text between ASCII white space, and the marks it holds. */
interface Stretch {
  start: number;
  end: number;
  marks: number;
}

/**
 * The stretches of `text` between ASCII white space that hold a code-like mark. No span holds white
 * space (their characters are letters, digits and `_.+-()/~|${=,:`), and what a span's look-around
 * sees beside white space it sees at a text's start or end too (`^`, no letter or `-`): so each span
 * is found in its stretch alone, as it is in the whole text, and a text of plain prose costs one
 * pass over its characters and no regular expression.
 */
function markedStretches(text: string): Stretch[] {
  const out: Stretch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    const start = i;
    let marks = 0;
    let slashes = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) break;
      if (c === 45) {
        const b = text.charCodeAt(i - 1);
        if (i === start || b >= 128 || BEFORE_OPTION.has(b)) marks |= SHORT;
        if (i > start && text.charCodeAt(i - 1) === 45) marks |= LONG;
      } else if (c === 40) {
        const d = text.charCodeAt(i + 1);
        if (d >= 48 && d <= 57) marks |= MAN;
        if (i > start && nameChar(text.charCodeAt(i - 1))) marks |= CALL;
      } else if (c === 47) {
        marks |= ++slashes >= 2 ? SLASH | SLASHES : SLASH;
      } else if (c === 124) marks |= BAR;
      else if (c === 36) marks |= DOLLAR;
      else if (c === 95) marks |= UNDERSCORE;
      else if (c === 61) marks |= EQUALS;
      else if (c === 46) {
        const d = text.charCodeAt(i + 1);
        if (d >= 48 && d <= 57) marks |= DOT_DIGIT;
        else if (((d >= 97 && d <= 122) || d === 95) && i > start && (nameChar(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 41)) marks |= MEMBER;
      }
    }
    if (marks !== 0) out.push({ start, end: i, marks });
  }
  return out;
}

function collect(text: string, stretches: readonly Stretch[], spans: readonly RegExp[], marks: readonly number[], into: DocumentIdentifiers, named: boolean): void {
  spans.forEach((re, r) => {
    for (const s of stretches) {
      if ((s.marks & marks[r]!) === 0) continue;
      for (const m of text.slice(s.start, s.end).matchAll(re)) {
        if (named) into.nameSpans++;
        const at = s.start + m.index;
        for (const w of m[0].matchAll(WORD)) {
          if (!LETTER.test(w[0])) continue;
          if (named) {
            into.words.add(w[0].toLowerCase());
            into.named.add(at + w.index);
          } else into.placeholders.add(at + w.index);
        }
      }
    }
  });
}

/** The identifiers of `text` (see the module comment). */
export function documentIdentifiers(text: string): DocumentIdentifiers {
  const ids: DocumentIdentifiers = { named: new Set(), placeholders: new Set(), nameSpans: 0, words: new Set(), codeUses: 0 };
  const stretches = markedStretches(text);
  if (stretches.length === 0) return ids;
  collect(text, stretches, NAME_SPANS, NAME_MARKS, ids, true);
  collect(text, stretches, PLACEHOLDER_SPANS, PLACEHOLDER_MARKS, ids, false);
  for (const st of stretches) {
    if ((st.marks & (CALL | MEMBER)) === 0) continue;
    const piece = text.slice(st.start, st.end);
    if (st.marks & CALL) for (const _ of piece.matchAll(CODE_CALL)) ids.codeUses++;
    if (st.marks & MEMBER) for (const _ of piece.matchAll(CODE_MEMBER)) ids.codeUses++;
  }
  return ids;
}

/** The document's identifiers, found once per run. */
const identifiersOf = memoByObject((run: RepairRun): DocumentIdentifiers => documentIdentifiers(run.wordText));

/**
 * Whether the unit's word is one of the document's identifiers, not to be read as `reading`: it
 * stands inside a name span; or inside a placeholder span, or the document writes it in a name span
 * elsewhere, and the reading is more than its diacritics put back (`install` in prose may still be a stripped `inställ`; `groff`
 * is no `groll` anywhere). Check `identifier`, word-checks.ts.
 */
export function isIdentifier(run: RepairRun, u: Unit, reading: string): boolean {
  const ids = identifiersOf(run);
  if (ids.named.has(u.start)) return true;
  return (ids.placeholders.has(u.start) || ids.words.has(u.word.toLowerCase())) && foldDiacritics(reading) !== foldDiacritics(u.word);
}

/**
 * How often a document must write a spelling, letter for letter, for a word the lexicon lacks to be
 * a name of its own rather than OCR damage: OCR damage of a word is seldom the same three times,
 * and where it is (`ldnet`, `ddr` for `länet`, `där`) a learned confusion of the channel mostly
 * explains it; a program's name (`pgrep`, `whatis`, `calc`) is written the same way wherever the
 * text names it.
 */
export const RECURRING_MIN = 3;

/** A lower-case name, letters with digits or an underscore among them (`pgrep`, `ver2`, `f_str0`). */
const NAME_SHAPE = /^\p{Ll}[\p{Ll}\p{N}_]+$/u;
/** Letters, then a number: a numbered name (`arg1`, `ver2`), not a letter misread as a digit, which
 * stands inside a word or at its start (`ti11`, `6ver`). */
const NUMBERED = /^\p{Ll}{2,}\p{N}+$/u;

/**
 * Where a name stands as code in prose: called (`calc(`, `Point.coordinate()`), a member after a
 * dot (`a.coordinate`), or quoted alone (`”calc”`, `"pgrep"`).
 */
const CODE_USE = /[\p{L}\p{N}_]\(([\p{Ll}_][\p{L}\p{N}_]*)\)|([\p{L}_][\p{L}\p{N}_]*)\(|\p{L}\.([\p{Ll}_][\p{L}\p{N}_]*)|["'”“‘’]([\p{L}_][\p{L}\p{N}_]*)["'”“‘’]/gu;

/** Per run, the spellings the document writes as code (CODE_USE, one pass when first asked): called,
 * a member or a call's argument (`calls`), and quoted alone (`quoted`). */
const codeSpellingsOf = memoByObject((run: RepairRun): { calls: Set<string>; quoted: Set<string> } => {
  const calls = new Set<string>();
  const quoted = new Set<string>();
  for (const m of run.wordText.matchAll(CODE_USE)) {
    if (m[4] === undefined) calls.add(m[1] ?? m[2] ?? m[3]!);
    else quoted.add(m[4]);
  }
  addArguments(run.wordText, calls);
  return { calls, quoted };
});

/** Whether the document writes the spelling as code somewhere, quoted alone included (CODE_USE). */
function writtenAsCodeOrQuoted(run: RepairRun, word: string): boolean {
  const { calls, quoted } = codeSpellingsOf(run);
  return calls.has(word) || quoted.has(word);
}

/** A call's parenthesised list of two or more arguments (`indent(line, indentWidth, ch)`), on one
 * line or across a line break. */
const ARGUMENT_LIST = /[\p{L}\p{N}_]\(([\p{L}\p{N}_]+(?:,\s*[\p{L}\p{N}_]+)+)\)/gu;
const ARGUMENT = /^[\p{Ll}_][\p{L}\p{N}_]*$/u;

/** Adds the lower-case names of the text's argument lists (ARGUMENT_LIST) to `out`. */
function addArguments(text: string, out: Set<string>): void {
  for (const m of text.matchAll(ARGUMENT_LIST)) for (const a of m[1]!.split(/,\s*/u)) if (ARGUMENT.test(a)) out.add(a);
}

/** Whether the document writes the word as code somewhere: called (`init(`, `r(teta)`) or as a
 * member (`a.coordinate`) — quoted alone is no code, a quoted Swedish word is damaged like others. */
export function writtenAsCode(run: RepairRun, word: string): boolean {
  return codeSpellingsOf(run).calls.has(word);
}

/**
 * Whether the unit is a name of code (check `code-name`): a lower-case word the lexicon lacks, read
 * by plain edits — a guess of letters no learned OCR confusion explains — that is a numbered name
 * (`arg1`, `ver2` → `verk`), or that the document writes letter for letter RECURRING_MIN times or
 * more (with its genitive in -s) where it is technical text or writes the name as code somewhere
 * (`pgrep` → `grep`, `calc` → `cale`). Readings the channel learned (`ddr` → `där`) are still taken,
 * and a word of prose the OCR damaged the same way three times (`framlingstientlighet`) stays
 * repaired in prose without code — except, in technical text, for a recurring name the document
 * writes as code itself (a call's argument `r(teta)`, a callee): there no reading more than its
 * diacritics is taken (`teta` is no `feta`).
 */
export function codeName(run: RepairRun, u: Unit, source: string, reading: string): boolean {
  if (!u.hyps || u.hyps.original.known || !NAME_SHAPE.test(u.word)) return false;
  if (source !== 'edit-distance') {
    if (source !== 'channel' || foldDiacritics(reading) === foldDiacritics(u.word) || !isTechnical(run) || !writtenAsCodeOrQuoted(run, u.word)) return false;
    return (wordCountsOf(run).get(u.word) ?? 0) >= RECURRING_MIN;
  }
  if (NUMBERED.test(u.word)) return true;
  const counts = wordCountsOf(run);
  const w = u.word;
  // The name and its genitive are one name (`pgrep`, `pgreps`).
  const base = w.endsWith('s') && counts.has(w.slice(0, -1)) ? w.slice(0, -1) : w;
  if ((counts.get(base) ?? 0) + (counts.get(base + 's') ?? 0) < RECURRING_MIN) return false;
  return isTechnical(run) || writtenAsCodeOrQuoted(run, base);
}

/** Whether unit b follows unit a with one hyphen and nothing else between (`Pre-Depends`). */
function hyphenJoined(text: string, a: Unit | undefined, b: Unit | undefined): boolean {
  return a !== undefined && b !== undefined && b.start === a.end + 1 && text[a.end] === '-';
}

/** A word the lexicon lacks that repair kept as written — its final choice where made, else the
 * first pass's — (`Depends`, `debian`, `Item`), and
 * not one with its diacritics lost (`falt` for `fält`, below the bar alone): no Swedish reading
 * explains it. */
function foreignPart(run: RepairRun, k: number): boolean {
  const u = run.units[k]!;
  const kept = k < run.chosen.length ? run.chosen[k] : run.provisional[k];
  if (!LETTERS.test(u.word) || kept !== u.word) return false;
  if (!u.hyps) return !run.eng.maker.known(u.word);
  const folded = foldDiacritics(u.word);
  return !u.hyps.original.known && !u.hyps.alternatives.some((h) => foldDiacritics(h.text) === folded);
}

const LETTERS = /^\p{L}{2,}$/u;
const LOWER = /^\p{Ll}+$/u;

/**
 * Whether unit i is a part of a foreign hyphenated name (check `foreign-compound`): a Swedish
 * compound puts its Swedish head last (`SQL-sökning`, `Depends-fältet`, `Windows-hjälp`), so a
 * chain whose last part is a word the lexicon lacks and the first pass kept (`Pre-Depends`,
 * `Installer-Menu-Item`), or an English word after a lower-case such part (`debian-installer`,
 * `versioned-provides`: an identifier, where a capital (`Office-tiler`) is a product name in a
 * Swedish compound), is a name: none of its parts is read as a Swedish word.
 */
export function foreignCompoundPart(run: RepairRun, i: number): boolean {
  const { units, wordText: text } = run;
  let first = i;
  while (hyphenJoined(text, units[first - 1], units[first])) first--;
  let last = i;
  while (hyphenJoined(text, units[last], units[last + 1])) last++;
  if (first === last) return false;
  const head = units[last]!;
  if (!LETTERS.test(head.word)) return false;
  if (foreignPart(run, last)) return true;
  if (!isEnglishForm(head.word)) return false;
  for (let k = first; k < last; k++) if (LOWER.test(units[k]!.word) && units[k]!.word.length >= 2 && foreignPart(run, k)) return true;
  return false;
}

/**
 * Name spans per word unit from which a document is technical text (man page, software guide): the
 * Swedish man pages of the dev set have 4–77 per 1000 words in their OCR, the prose of train, dev
 * and the LibreOffice help at most 3 (OCR writes `-en`, `$8` and the like now and then).
 */
export const TECHNICAL_MIN_RATE = 0.004;
/** And at least this many: a short text with one option is no manual. */
export const TECHNICAL_MIN_SPANS = 3;

/**
 * Whether the document is technical text (once per run): name spans at TECHNICAL_MIN_RATE or more,
 * or as many calls and members of code (a guide to a programming or report language that names no
 * option or path: `calc( a, b )`, `Point.coordinate()`, `f(x) = sin(x)`; the KDE handbooks of
 * the dev set: 3–62 per page, the prose of train, dev and the LibreOffice help: at most 1).
 */
export const isTechnical = memoByObject((run: RepairRun): boolean => {
  const ids = identifiersOf(run);
  const n = Math.max(ids.nameSpans, ids.codeUses);
  if (n < TECHNICAL_MIN_SPANS) return false;
  let words = 0;
  for (const _ of run.wordText.matchAll(WORD)) words++;
  return n >= TECHNICAL_MIN_RATE * words;
});

/**
 * Whether the unit is an English word of technical text (check `foreign-word`): in a technical
 * document, a word the lexicon lacks that English writes (`dictionaries/en-words.txt.gz`), that no
 * diacritics make Swedish, read as a word it is more than diacritics away from — `bash` is no
 * `bush`, `apt` no `ägt`, `will` no `vill` there. (`install` may be a stripped `inställ`: that is
 * left to the identifier check.)
 */
export function englishInTechnical(run: RepairRun, u: Unit, reading: string): boolean {
  if (!u.hyps || u.hyps.original.known || !LETTERS.test(u.word) || !isEnglishForm(u.word) || !isTechnical(run)) return false;
  if (foldDiacritics(reading) === foldDiacritics(u.word)) return false;
  return !run.eng.maker.isWordWithDiacritics(u.word, run.docClass);
}

/** How far on each side of a word the English-passage check looks (word units, one paragraph). */
const PASSAGE_REACH = 5;
/** The least words of two letters or more the window must hold. */
const PASSAGE_MIN_WORDS = 5;
/** The share of them that must be English and no Swedish word: a passage of English (a man page's
 * untranslated paragraph, a quoted title), not OCR damage that happens to spell English. */
const PASSAGE_MIN_SHARE = 0.6;

/** Per run, englishOnly's answers by unit index (filled as asked). */
const englishOnlyOf = memoByObject((_run: RepairRun): Array<boolean | undefined> => []);

/** Whether unit k is an English word and no Swedish one, not even with diacritics put back. */
function englishOnly(run: RepairRun, k: number): boolean {
  const known = englishOnlyOf(run);
  let e = known[k];
  if (e === undefined) {
    const u = run.units[k]!;
    e = LETTERS.test(u.word) && isEnglishForm(u.word) && !run.eng.maker.isWordWithDiacritics(u.word, run.docClass);
    known[k] = e;
  }
  return e;
}

/** Whether `text[from, to)` holds a blank line: a line break, blanks or tabs, a line break. */
function blankLineIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) !== 10) continue;
    let j = k + 1;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < to && text.charCodeAt(j) === 10) return true;
  }
  return false;
}

/**
 * Whether unit i stands in a passage of English (check `english-passage`): of the words of two
 * letters or more within PASSAGE_REACH units on either side, in the same paragraph, at least
 * PASSAGE_MIN_SHARE are English and no Swedish word (`The passwd command changes passwords for
 * user accounts`): there `for` is no stripped `för`, `an` no `än`.
 */
export function inEnglishPassage(run: RepairRun, i: number): boolean {
  const { units, wordText: text } = run;
  let from = i;
  while (from > i - PASSAGE_REACH && from > 0 && !blankLineIn(text, units[from - 1]!.end, units[from]!.start)) from--;
  let to = i;
  while (to < i + PASSAGE_REACH && to + 1 < units.length && !blankLineIn(text, units[to]!.end, units[to + 1]!.start)) to++;
  let words = 0;
  let english = 0;
  for (let k = from; k <= to; k++) {
    if (!LETTERS.test(units[k]!.word)) continue;
    words++;
    if (englishOnly(run, k)) english++;
  }
  return words >= PASSAGE_MIN_WORDS && english >= PASSAGE_MIN_SHARE * words;
}

/**
 * The broad log-odds (context model: the sentence and the two words' priors) below which a known
 * word of technical text keeps its spelling when the sentence adds little (TWIN_MIN_LIFT): the
 * register's own words are the rarer twins of common ones (`operatorer`/`operatörer` 2.9,
 * `utmatning`/`utmätning` 2.2, `skal`/`skäl` 1.7–1.8, `rad`/`råd` 1.8), while a stripped function word
 * is far likelier (`för` over `for` 4.6+, `är` over `ar` 6+, `så` over `sa` mostly 3+).
 */
export const TWIN_MAX_LOG_ODDS = 3;
/** What the neighbours must add to the log-odds, beyond the priors, for such a reading to stand. */
export const TWIN_MIN_LIFT = 1.5;

/**
 * Whether a known word read as another known word keeps its spelling in technical text (check
 * `technical-twin`): a manual's words are its register's — an `operator`, a `skal` (shell), a
 * `rad` (line), `utmatning` (output) — and a broad model of fiction, news and official prose that
 * knows the twin better (`operatör`, `skäl`, `råd`, `utmätning`) is no evidence against them.
 * There the reading needs its sentence: log-odds of TWIN_MAX_LOG_ODDS or more, or neighbours that
 * add TWIN_MIN_LIFT to them. Technical dev text (man pages, KDE and LibreOffice handbooks): 25 wrong
 * readings of this kind against 12 right ones; train, dev fiction, news and official prose: 36
 * right against 2 wrong — so only technical text (isTechnical).
 */
export function technicalTwin(run: RepairRun, swap: { logOdds: number; lift: number } | undefined): boolean {
  return swap !== undefined && swap.logOdds < TWIN_MAX_LOG_ODDS && swap.lift < TWIN_MIN_LIFT && isTechnical(run);
}
