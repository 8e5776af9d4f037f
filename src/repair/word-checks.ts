/**
 * Why a word with readings keeps its spelling: named checks, tried in order, the first that
 * leaves the word alone giving the reason. A word that passes them all takes its best reading.
 * (Why a word gets no readings at all is checked in units.ts.)
 */
import type { SkipReason } from '../types.js';
import { olderInflection } from './attested.js';
import { compoundPart, nameSequence, olderDefinite, olderNeuter } from './regular-words.js';
import { repeatedName, vowelSkeleton } from './context-gate.js';
import type { Decision } from './ranking.js';
import type { RepairRun } from './run.js';
import { inEnglishSentence } from './english-sentence.js';
import { codeInProse } from './code-prose.js';
import { englishInTechnical, foreignCompoundPart, inEnglishPassage, isIdentifier, codeName, technicalTwin } from './technical.js';
import type { Unit } from './units.js';

/** One word's choice, as the checks see it. */
export interface WordChoice {
  run: RepairRun;
  /** Index of the unit in run.units. */
  index: number;
  unit: Unit & { hyps: NonNullable<Unit['hyps']> };
  /** The ranking's choice, or null when the word was not weighed or has no readings. */
  decision: Decision | null;
  /** Whether the document shows OCR damage: then a known word's other readings are weighed. */
  weighKnownWords: boolean;
  /** The confidence the reading must reach. */
  threshold: number;
  /** The broad-register context model found the sentence against the reading (context-gate.ts). */
  againstContext?: boolean;
  /** For a known word read as another known word, the context model's log-odds and the neighbours'
   * part of them (context-gate.ts). */
  knownSwap?: { logOdds: number; lift: number };
  /** The word is unknown to the lexicon but used by broad text, and the reading is by plain edits. */
  usedWord?: boolean;
  /** The word is unknown to the lexicon but attested in older Swedish, and weighed with the prior
   * of that use the reading no longer wins at the bar (attested.ts). */
  attested?: boolean;
  /** The words of the first pass, by unit: the right neighbour as it stands for now. */
  provisional?: readonly string[];
}

interface WordCheck {
  reason: SkipReason;
  leavesAlone(c: WordChoice): boolean;
}

/** A part of a hyphenated word (`arbets-marknaden`, `3-årig`) is a compound head or tail, which
 * need be no word of its own: it is not replaced by a nearby word. */
function hyphenPart(text: string, u: Unit): boolean {
  return text[u.start - 1] === '-' || text[u.end] === '-';
}

/**
 * Whether unit i is a piece of a word split by a blank (`inklu deringsfrågor`, `horison⏎⏎tell`):
 * glued to a neighbour it makes a known word, or one with its diacritics put back. Such a piece is no
 * damaged word of its own, so no nearby word is put in its place.
 */
function splitWordPart({ wordText: text, units, docClass, eng }: RepairRun, i: number): boolean {
  const u = units[i]!;
  const joins = (a: Unit | undefined, b: Unit | undefined): boolean => {
    // Across any white space, a blank line too: a page or column break splits words as well.
    if (!a || !b || !/^\s+$/u.test(text.slice(a.end, b.start))) return false;
    // The other piece is no word either, or a short one (`inklu de-⏎ringsfrågor`): a known word
    // beside the token rules the split out without a lookup.
    const other = a === u ? b : a;
    if (other.hyps?.original.known && other.word.length > 3) return false;
    // Only diacritics are put back: a full search of every glued pair cost as much as the whole
    // first pass, and a split word is rarely damaged on top.
    return eng.maker.isWordWithDiacritics(a.word + b.word, docClass);
  };
  return joins(units[i - 1], u) || joins(u, units[i + 1]);
}

/** A plain-edit reading (`vikgt` → `viktigt`), the one kind of reading that guesses letters no
 * confusion explains. */
const byEdits = (c: WordChoice): boolean => c.decision!.best.source === 'edit-distance';

/** An all-caps token of plain letters (`SSKT`, `ARIS`): the shape of an acronym or a name. */
const ALL_CAPS = /^[A-Z]{3,}$/u;

/**
 * An all-caps word the lexicon lacks, read as a word that differs in more than its vowels
 * (`SSKT` → `SÖKT`): an acronym, not damage — in capitals the OCR strips diacritics (`SKANE`,
 * `OSTERGOTLAND`, `ROK`) but rarely misreads a consonant. Train, fixtures and dev: 0 such readings
 * right, 2 right words damaged (`SSKT`), 1 wrong (`ARIS` → `ÄRA`). A merged `till` (`GH`) is another
 * rule's reading.
 */
function acronymReading(c: WordChoice): boolean {
  const { unit, decision } = c;
  const source = decision!.best.source;
  return !unit.hyps.original.known && (source === 'channel' || source === 'edit-distance') && ALL_CAPS.test(unit.word) && vowelSkeleton(decision!.best.text) !== vowelSkeleton(unit.word);
}

/** The checks, in order. After `no-reading` the decision is there. */
export const WORD_CHECKS: readonly WordCheck[] = [
  // A known word read as another known word (`far` for `får`) is weighed only where the document
  // shows OCR damage: non-words repaired at the rate of the least damaged training OCR or more.
  // In a clean text of either class a known word stays; in a diacritic-stripped one that rate is
  // always reached.
  { reason: 'clean-document', leavesAlone: (c) => !c.weighKnownWords && c.unit.hyps.original.known },
  { reason: 'no-reading', leavesAlone: (c) => c.decision === null },
  { reason: 'as-written', leavesAlone: (c) => c.decision!.best === c.unit.hyps.original },
  // The sentence does not prefer the reading clearly (context-gate.ts): `han` stays where `hån` is
  // likelier alone, `voro` where `vore` is a known word.
  { reason: 'against-context', leavesAlone: (c) => c.againstContext === true },
  { reason: 'below-threshold', leavesAlone: (c) => c.decision!.confidence < c.threshold },
  // A command, option, file or variable name: the document writes the word in a code-like span
  // (`--help`, `groff(1)`, `/usr/share`, `$LANG`; technical.ts), here or elsewhere.
  { reason: 'identifier', leavesAlone: (c) => isIdentifier(c.run, c.unit, c.decision!.best.text) },
  // A lower-case name of code, read by plain edits: numbered (`arg1`), or written the same way three
  // times or more in technical text or as code (`pgrep` → `grep`, `calc(`; technical.ts).
  { reason: 'code-name', leavesAlone: (c) => codeName(c.run, c.unit, c.decision!.best.source, c.decision!.best.text) },
  // A name of code in running prose: after `funktionen`, `egenskapen` …, quoted, in camel case,
  // after a command, in a list of names (`Sektionen comment`, `cvs init`; code-prose.ts).
  { reason: 'code-in-prose', leavesAlone: (c) => codeInProse(c.run, c.index, c.decision!.best.text, c.decision!.best.source) },
  // A known word of a technical text read as its known twin where the sentence gives the twin no
  // support beyond its broad prior (`operatorer` → `operatörer`, `skal` → `skäl`; technical.ts).
  { reason: 'technical-twin', leavesAlone: (c) => technicalTwin(c.run, c.knownSwap) },
  // A part of a hyphenated name whose head no Swedish reading explains (`Pre-Depends`,
  // `debian-installer`; technical.ts), where a Swedish compound ends in a Swedish word.
  { reason: 'foreign-compound', leavesAlone: (c) => foreignCompoundPart(c.run, c.index) },
  // An English word in a technical document (`bash`, `apt`; technical.ts).
  { reason: 'foreign-word', leavesAlone: (c) => englishInTechnical(c.run, c.unit, c.decision!.best.text) },
  // A word in a passage of English (`The passwd command changes passwords for user accounts`).
  { reason: 'english-passage', leavesAlone: (c) => inEnglishPassage(c.run, c.index) },
  // A word in a sentence of English (`… causes show status for all users.`; english-sentence.ts).
  { reason: 'english-passage', leavesAlone: (c) => inEnglishSentence(c.run, c.index) },
  // A plain-edit reading only where the document shows OCR damage: in clean text an unknown word
  // is the author's spelling (seed 002's own `Stategiskt`) or a name.
  { reason: 'clean-document', leavesAlone: (c) => byEdits(c) && !c.weighKnownWords },
  { reason: 'hyphen-part', leavesAlone: (c) => byEdits(c) && hyphenPart(c.run.wordText, c.unit) },
  { reason: 'split-word-part', leavesAlone: (c) => byEdits(c) && splitWordPart(c.run, c.index) },
  // A word the lexicon lacks but broad text uses is no plain-edit damage (`voro`, `kommo`).
  { reason: 'used-word', leavesAlone: (c) => c.usedWord === true },
  // A capitalised plain-letter word the document repeats mid-sentence is a name (`Agga`, `Nana`).
  { reason: 'repeated-name', leavesAlone: (c) => repeatedName(c.run, c.unit, c.decision!) },
  // A form of older Swedish the novels of the period write (`foro`, `stodo`, `äro`): kept
  // unless the OCR evidence for the reading outweighs the prior of its attested use.
  { reason: 'attested-form', leavesAlone: (c) => c.attested === true },
  // A regular older inflection of a known verb (`tillgrepo`, `väljen`, `bevise`) read by plain
  // edits into a modern ending: the author's grammar, not OCR damage.
  { reason: 'all-caps', leavesAlone: acronymReading },
  // … and the older definite form of a noun in -i (`teologien`) or neuter in -dt of an adjective in
  // -d (`hårdt`), read any way (regular-words.ts).
  { reason: 'older-inflection', leavesAlone: (c) => !c.unit.hyps.original.known && ((byEdits(c) && olderInflection(c.unit.word, c.decision!.best.text, c.run.words)) || olderDefinite(c.unit.word, c.decision!.best.text, c.run.words) || olderNeuter(c.unit.word, c.decision!.best.text, c.run.words)) },
  // A compound of known parts read as another compound with another last part (`vagnsboden` →
  // `vagnshuden`; regular-words.ts).
  { reason: 'compound-part', leavesAlone: (c) => !c.unit.hyps.original.known && compoundPart(c.unit.word, c.decision!.best.text, c.run.words) },
  // A capitalised word in a name's place: beside another name, after an initial (`Demba Ba`).
  { reason: 'name-sequence', leavesAlone: (c) => nameSequence(c.run, c.index, c.unit, c.decision!, c.provisional) },
];

/** Why the word keeps its spelling, or null when it takes its best reading. */
export function whyLeftAlone(c: WordChoice): SkipReason | null {
  for (const check of WORD_CHECKS) if (check.leavesAlone(c)) return check.reason;
  return null;
}
