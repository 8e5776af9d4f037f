/**
 * The values that flow through the pipeline: bytes → pages → text → clean text → fingerprints.
 * Every stage speaks in these types, so a stage can be used alone or composed.
 */

/**
 * The rules of the repair stage, one id each, in the order repair applies them (src/repair/rules.ts
 * holds the list: what each finds, what training counts for it, where its learned numbers live).
 *
 * - `normalize`: the normalisation before repair (ligatures, quotes, soft hyphens …);
 * - `dehyphenate`: a word hyphenated at a line end joined (also across a colon read for the hyphen);
 * - `confusion`: an unknown word read through the learned letter confusions (`#r` → `är`, `lanet` → `länet`);
 * - `stripped-diacritics`: a known word read as another known word by the letter confusions (`far` → `får`);
 * - `word-confusion`: a whole-word confusion learned from the training OCR (`ull` → `till`);
 * - `till-start`: a `till` at a word's start merged into glyphs (`Ghandahallas` → `tillhandahållas`);
 * - `edit-distance`: a corpus word one or two plain edits away (`vikgt` → `viktigt`);
 * - `glyph-word`: a sentence-initial `I` read as a stroke (`|`) or glued to its word (`Lansvaret`);
 * - `lone-glyph`: a lone glyph before a word that stood for another (`|` → `I`);
 * - `dash-glyph`: a lone glyph read for a dash, put back as the document's own dash (`~` → `–`, or `—`);
 * - `abbreviation`: a dotted abbreviation whose dots OCR lost (`bla.` → `bl.a.`);
 * - `year-range`: the en dash of a span of years read as a hyphen (`2021-2025`);
 * - `sentence-mark`: a `.` read for `,` or the other way round;
 * - `page-break`: (extract only) the page separator moved past a word joined across a page break;
 * - `fraktur-confusion`: (pages in pre-1906 spelling only) an unknown word read through the Fraktur
 *   OCR channel as a word of older Swedish (`ftaden` → `staden`; src/repair/old-swedish.ts);
 * - `fraktur-word-confusion`: (the same, on a page that shows such damage) a known word the Fraktur
 *   OCR writes for another (`fin` → `sin`, `Som` → `som` mid-sentence).
 */
export type RuleId =
  | 'normalize'
  | 'dehyphenate'
  | WordRuleId
  | 'join-words'
  | 'split-words'
  | 'glyph-word'
  | 'lone-glyph'
  | 'dash-glyph'
  | 'abbreviation'
  | 'year-range'
  | 'sentence-mark'
  | 'page-break'
  | 'fraktur-confusion'
  | 'fraktur-word-confusion';

/** The rules that choose a word's reading (one of a word's readings wins by channel × prior × context). */
export type WordRuleId = 'confusion' | 'stripped-diacritics' | 'word-confusion' | 'till-start' | 'edit-distance';

/** A word rule, and `+document` when the document's own use of the word decided it (`lanet` →
 * `länet` in a text that writes `länet` elsewhere). */
export type WordRuleLabel = WordRuleId | `${WordRuleId}+document`;

/** The rule label of one edit repair makes: a dehyphenation carries the word rule that also repaired
 * the joined word (`dehyphenate+confusion`). */
export type EditRule =
  | WordRuleLabel
  | 'dehyphenate'
  | `dehyphenate+${WordRuleLabel}`
  | 'join-words'
  | `join-words+${WordRuleLabel}`
  | 'split-words'
  | 'glyph-word'
  | 'lone-glyph'
  | 'dash-glyph'
  | 'abbreviation'
  | 'year-range'
  | 'sentence-mark'
  | 'fraktur-confusion'
  | 'fraktur-word-confusion'
  | 'dehyphenate+fraktur-confusion';

/**
 * `Correction.rule`: `normalize`, an edit's rule, or two edits' rules joined by `+` where one
 * correction holds both (their spans overlap in the input, e.g. through one normalisation change:
 * `dehyphenate+glyph-word`). `ruleIds()` splits a label into its RuleIds.
 */
export type CorrectionRule = 'normalize' | 'page-break' | EditRule | `${EditRule}+${EditRule}`;

/** One change the repair stage made, against the text it was given (UTF-16 offsets, as JS strings). */
export interface Correction {
  /** Offset of the changed span in the repair stage's input text. */
  offset: number;
  /** Length of the changed span in the input text. */
  length: number;
  /** The input text of the span. */
  before: string;
  /** What the span became. */
  after: string;
  /** 0..1: how sure the model is that `after` is what the document said. */
  confidence: number;
  /** Which rule made the change (see RuleId and CorrectionRule). */
  rule: CorrectionRule;
  /** `false` for a suggestion: a reading repair found but did not apply (the sentence was against
   * it, it was below the bar, or its rule does not change words by default), listed with
   * `repair(text, { suggest: true })` only; applying the corrections skips it. Absent otherwise. */
  applied?: false;
}

/**
 * Why repair left a word alone, checked in this order (src/repair/word-checks.ts and units.ts):
 *
 * Words that are no word to repair (no readings are made):
 * - `not-joined`: a line-end hyphenation, with `dehyphenate: false`;
 * - `fragment`: a piece of a word broken inside a line (`regio- nala`) or cut by a lost character (U+FFFD);
 * - `single-letter`: one letter (other than one the training OCR wrote for a word, `t` for `i`);
 * - `number`: a number, date or reference (`2021`, `3-årig`'s `3`, `SFS2018`);
 * - `no-letter`: no letter at all (`&#`);
 * - `dotted-abbreviation`: the letters of a damaged dotted abbreviation, replaced whole (`bla.`);
 * - `abbreviation-part`: a part of a dotted abbreviation (`t.ex.`, `fr.o.m.`);
 * - `archaic`: an old spelling an archive keeps on purpose (`hwilka`, `af`, `qvinna`);
 * - `english`: an English function word (`of`, `the`), left alone anywhere;
 * - `acronym`: a short all-caps token that is no listed abbreviation with its diacritics stripped;
 * - `lone-character`: a lone `1` or learned letter that does not stand between two lower-case words
 *   (a number, list label or bullet);
 * - `english-neighbour`: `an`/`at` beside an English word (`for an open world`);
 * - `english-run`: an English word (and no Swedish one) beside another (`life science`);
 * - `unit`: a unit of measure right after a number (`12 cm`, `40 MW`; dictionaries/sv/units.txt);
 * - `mixed-case`: (pre-1906 pages) a token of mixed case (`McLean`, `iPad`), read by no channel.
 *
 * Words with readings whose reading was not taken:
 * - `no-reading`: an unknown word for which no known word was found;
 * - `clean-document`: the document shows no OCR damage, so a known word keeps its spelling and no
 *   plain-edit reading is taken;
 * - `as-written`: the word as written scored best;
 * - `below-threshold`: the best reading (or the line-end join) was less sure than the bar;
 * - `hyphen-part`: a plain-edit reading of a part of a hyphenated word (`arbets-marknaden`);
 * - `split-word-part`: a plain-edit reading of a piece of a word split by a blank (`inklu deringsfrågor`);
 * - `against-context`: the broad-register context model finds the sentence against the reading
 *   (`han` where `hån` is likelier alone; `voro` read as `vore`);
 * - `repeated-name`: a capitalised plain-letter word the document repeats mid-sentence (a name);
 * - `used-word`: a plain-edit reading of a word the lexicon lacks but broad text uses (`voro`, `kommo`);
 * - `attested-form`: a word the lexicon lacks but the older-Swedish lexicon attests (`foro`,
 *   `stodo`, `äro`), whose reading no longer wins once the word has the prior of that use;
 * - `older-inflection`: a plain-edit reading of a regular older inflection of a known verb
 *   (`tillgrepo`, `väljen`, `bevise`) that only puts a modern ending in its place, or the older
 *   definite form in -ien of a known noun in -i (`teologien`), read any way but diacritics put back;
 * - `all-caps`: an all-caps word the lexicon lacks read as a word that differs in more than its
 *   vowels (`SSKT` → `SÖKT`): an acronym;
 * - `compound-part`: a compound of known parts the lexicon lacks, read as another compound that only
 *   puts another word in place of its last part (`vagnsboden` → `vagnshuden`);
 * - `name-sequence`: a capitalised word the lexicon lacks beside another such name (`Demba Ba`,
 *   `Alaa al-Aswany`), read with other consonants;
 * - `code-name`: a lower-case word the lexicon lacks, read by plain edits, that is a numbered name
 *   (`arg1`) or that the document writes the same way three times or more in technical text or
 *   as code somewhere (`pgrep` → `grep`, `calc(`): a program's, function's or variable's name;
 * - `technical-twin`: in technical text, a known word read as another known word (`operatorer` →
 *   `operatörer`, `skal` → `skäl`, `rad` → `råd`) where the sentence gives the reading little
 *   support beyond the two words' broad priors and those are not far apart;
 * - `code-in-prose`: a plain ASCII lower-case word the lexicon lacks, read as more than its
 *   diacritics, that the sentence sets as a name of code: after `funktionen`, `egenskapen` …,
 *   quoted alone, in camel case, after a command, or in a list of such names (`Sektionen comment`,
 *   `cvs init`, `singleLine eller multiLine`).
 */
export type SkipReason =
  | 'not-joined'
  | 'fragment'
  | 'single-letter'
  | 'number'
  | 'no-letter'
  | 'dotted-abbreviation'
  | 'abbreviation-part'
  | 'archaic'
  | 'english'
  | 'acronym'
  | 'lone-character'
  | 'english-neighbour'
  | 'english-run'
  | 'unit'
  | 'no-reading'
  | 'clean-document'
  | 'as-written'
  | 'below-threshold'
  | 'hyphen-part'
  | 'split-word-part'
  | 'against-context'
  | 'repeated-name'
  | 'used-word'
  | 'mixed-case'
  | 'attested-form'
  | 'older-inflection'
  | 'all-caps'
  | 'identifier'
  | 'code-name'
  | 'technical-twin'
  | 'code-in-prose'
  | 'foreign-compound'
  | 'foreign-word'
  | 'english-passage'
  | 'compound-part'
  | 'name-sequence';

/** A word repair left alone, and why (with `explain: true`). */
export interface LeftAlone {
  /** Offset of the word in the repair stage's input text. */
  offset: number;
  /** The word as repair read it (a line-end hyphenation joined, normalised). */
  word: string;
  reason: SkipReason;
}

export interface RepairResult {
  text: string;
  corrections: Correction[];
  /** The spelling the text (and each form-feed separated page) was read in, with its evidence. */
  orthography?: import('./repair/orthography.js').TextOrthography;
  /** With `explain: true`: every word left alone that had a reading or was kept from having one. */
  leftAlone?: LeftAlone[];
  /** What repair passed through unread (a very long token, a stretch of non-Latin script); absent when nothing. */
  warnings?: string[];
}

export type PageSource = 'text' | 'ocr' | 'hybrid';

/** The text of one PDF page and how it was got. */
export interface PageText {
  /** 1-based page number. */
  number: number;
  source: PageSource;
  text: string;
  /** Mean OCR word confidence 0..100, for OCR'd pages. */
  confidence?: number;
  /** Why the page was read the way it was, and anything that went wrong on it. */
  warnings: string[];
}

export interface ExtractResult {
  pages: PageText[];
  /** The pages' text joined by form feeds, normalised and (by default) repaired. */
  text: string;
  corrections: Correction[];
}
