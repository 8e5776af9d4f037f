/**
 * One repair of one text: what the steps of repair() share. The rules (rules.ts) fill in the
 * places they find before the words are read, the word step fills in the words, and every rule
 * adds its edits.
 */
import type { LeftAlone } from '../types.js';
import type { RunCalibration } from './calibration.js';
import type { ContextTrace } from './context-calibration.js';
import type { AbbreviationRepair } from './dotted-abbreviations.js';
import type { Edit } from './edits.js';
import type { Engines } from './engines.js';
import type { ColonBreak, GluedGlyph } from './glyph-words.js';
import type { DocClass, RepairModel, RepairParams } from './model.js';
import type { Token } from './tokenize.js';
import type { Unit } from './units.js';
import type { WordJoin, WordSplit } from './word-boundaries.js';
import type { WordKnowledge } from './words.js';

export interface RepairRun {
  /** The normalised text: the text the rules find their places in, and the edits' offsets. */
  text: string;
  /** `text` with `-` where a colon stands for a line-end hyphen (the same length): words are read from it. */
  wordText: string;
  docClass: DocClass;
  model: RepairModel;
  params: RepairParams;
  /** The bar a correction must pass. */
  minConfidence: number;
  words: WordKnowledge;
  eng: Engines;
  /** Join words hyphenated at line ends. */
  dehyphenate: boolean;

  // Places found before the words are read (they change what the words are).
  /** Damaged dotted abbreviations (`bla.`), replaced whole: their letters are no word. */
  abbreviations: AbbreviationRepair[];
  /** Colons read for a line-end hyphen (`ef:⏎⏎ter`): their halves are joined as a hyphenation. */
  colons: ColonBreak[];
  /** Sentence-initial `I`s glued to their word (`Lansvaret`): the word after the glyph is the unit. */
  glued: GluedGlyph[];
  /** Lone strokes (`|`) for a sentence-initial `I`. */
  sentenceGlyphs: number[];
  /** The tokens of `wordText`, once a rule has asked for them (the word step reads them too). */
  tokens: Token[] | null;
  /** Words split across a line break without their hyphen (`kommu⏎nen`): each pair is one unit. */
  joins: WordJoin[];
  /** A glue word run together with its neighbour (`iden`): each piece is a unit of its own. */
  splits: WordSplit[];

  // The words.
  units: Unit[];
  /** Per unit, the word chosen (the unit's word where it was left alone). */
  chosen: string[];
  /** Per unit, the word the first pass (each word alone) chose at the bar: the neighbours' provisional context. */
  provisional: string[];
  /** Units whose word a word rule changed. */
  wordRepairs: number;
  /** Non-words read alone at the rules' bar, per word unit (set by the word step before it decides:
   * how damaged the document is, for the calibration). */
  damageRate: number;
  /** The letter substitutions of the document's surest non-word repairs read alone (pass 1), and
   * how often each is made (`ä→d` … see calibration.ts `substitutions`); set with damageRate. */
  channel: Map<string, number>;
  /** Per word unit (its start) counted in `channel`, the substitutions it added. */
  channelOwn: Map<number, readonly string[]>;
  /** The calibration applied (null: raw scores). */
  calibration: RunCalibration | null;

  /** The edits made, in the order of the rules. */
  edits: Edit[];
  /** With `explain`: the words left alone, at offsets of `text` (mapped to the input at the end). */
  leftAlone: LeftAlone[] | null;
  /** For training scripts: every word weighed against another, with its context log-odds. */
  trace: ContextTrace | null;
  /** With `suggest`: readings found but not applied (reported as corrections with `applied: false`). */
  suggestions: Edit[] | null;
}
