/**
 * The rules of repair, one object each, in the order repair applies them. Each says what it finds
 * (its site finder, or for a word rule the kind of reading it takes), what training counts for it
 * (the counter of scripts/train-repair.ts), where its learned numbers live (keys of
 * dictionaries/repair-model.json), and how its places become edits.
 *
 * repair() runs them in three steps: every rule's `find` (places that change what the words are),
 * the word step (word-decisions.ts: the word rules and dehyphenation), then every rule's `edits`.
 * To add a rule: an id in RuleId (types.ts), an object here, its finder in a module of its own,
 * its counter in the trainer (see /work/coord/notes-rules.md and docs/repair.md).
 */
import type { CorrectionRule, RuleId, WordRuleId } from '../types.js';
import { dashGlyphs, documentDash, isDashGlyph, loneDashRuns } from './dash-glyphs.js';
import { damagedAbbreviations } from './dotted-abbreviations.js';
import { round, type Edit } from './edits.js';
import { colonLineBreaks, gluedSentenceGlyphs, hyphensForColons, loneGlyphs, sentenceInitialGlyphs } from './glyph-words.js';
import type { Engines } from './engines.js';
import type { Hypothesis, HypothesisSource } from './hypotheses.js';
import { memoByObject } from '../memo.js';
import type { DocClass } from './model-file.js';
import type { RepairRun } from './run.js';
import { markSwaps } from './sentence-marks.js';
import { tillReadings } from './till-glyphs.js';
import { tokenize, type Token } from './tokenize.js';
import { mergedWordSplits, splitWordJoins, type BoundaryDeps, type TokenSplits, type WordBoundarySettings } from './word-boundaries.js';
import { SUGGEST_MIN } from './word-decisions.js';
import { yearRangeHyphens } from './year-ranges.js';
import { isTechnical } from './technical.js';
import { technicalSentenceStart } from './technical-marks.js';

/** The counters of scripts/train-repair.ts (`fit`: the weights fitted by scripts/repair-fit.ts). */
export type TrainerCounter =
  | 'countHyphenJoins'
  | 'countColonBreaks'
  | 'countClass'
  | 'countTillStarts'
  | 'fit'
  | 'countSentenceGlyphs'
  | 'countGluedGlyphs'
  | 'countLoneGlyphs'
  | 'countAbbreviations'
  | 'countYearRanges'
  | 'countMarkSwaps'
  | 'wordRepairRate';

/** Where a rule's numbers live: a path in dictionaries/repair-model.json (`learned.…` counted by
 * the trainer, `fitted.…` fitted weights; `*`: per document class), or in
 * dictionaries/repair-settings.json (`settings.…`, set by hand). */
export type ModelKey =
  | 'learned.hyphenJoin'
  | 'learned.colonHyphen'
  | 'learned.classes.*.rules'
  | 'learned.classes.*.words'
  | 'learned.classes.*.tillStarts'
  | 'learned.trigrams'
  | 'learned.sentenceGlyphI'
  | 'learned.gluedGlyphI'
  | 'learned.loneGlyphs'
  | 'learned.dottedAbbreviations'
  | 'learned.yearRangeDash'
  | 'learned.sentenceMarks'
  | 'learned.markMinRepairRate'
  | 'fitted.params.*'
  | 'fitted.params.*.editCost'
  | 'fitted.params.*.documentBoost'
  | 'settings.priorRules'
  | 'settings.wordBoundaries';

export interface RepairRule {
  id: RuleId;
  /** What the rule finds, in words. */
  finds: string;
  /** The function that finds its places (the trainer counts at the same places), if one does. */
  finder?: (...args: never[]) => unknown;
  /** For a word rule: the kind of reading it takes (and whether the word as written is known). */
  reading?: { source: Exclude<HypothesisSource, 'token'>; wordKnown?: boolean };
  /** What training counts for it. */
  trainedBy: readonly TrainerCounter[];
  /** Where its learned numbers live. */
  model: readonly ModelKey[];
  /** Finds the places that change what the words are (before the word step). */
  find?(run: RepairRun): void;
  /** Its places as edits (after the word step). */
  edits?(run: RepairRun): Edit[];
}


/** Whether the document's words show OCR damage: a mark or dash in clean text is the author's. */
function wordsShowDamage(run: RepairRun): boolean {
  return run.wordRepairs >= run.model.markMinRepairRate * run.units.length;
}

/** The rules, in the order repair applies them. */
/** A run's test of a word the finders may split off or join: known as written or with its
 * diacritics put back by the document class's channel. */
function wordTest(run: RepairRun): (w: string) => boolean {
  return (w) => run.eng.maker.isWordWithDiacritics(w, run.docClass);
}

/** The tokens of the run's word text, made once (the word step reads the same). */
function tokensOf(run: RepairRun): Token[] {
  run.tokens ??= tokenize(run.wordText);
  return run.tokens;
}

/** The known words a token may be, as the word step reads it (the token itself when known, cost
 * 0; its channel readings, each at −log P(token | word)): a join or split must beat them. */
function wordReadings(run: RepairRun): (w: string) => Array<{ text: string; cost: number }> {
  return (w) => {
    const h = run.eng.maker.for(w, run.docClass);
    if (!h) return [];
    const out = h.original.known ? [{ text: w, cost: 0 }] : [];
    for (const a of h.alternatives) if (a.known) out.push({ text: a.text, cost: a.cost });
    return out;
  };
}

/** What the word-boundary finders need of a run; tokens other rules have taken are left alone. */
function boundaryDeps(run: RepairRun): BoundaryDeps {
  const taken = new Set<number>([...run.glued.map((g) => g.offset), ...run.abbreviations.map((a) => a.start)]);
  const settings = run.model.wordBoundaries;
  return { isWord: wordTest(run), readings: wordReadings(run), context: run.eng.context(), docClass: run.docClass, settings, taken, splitsByToken: splitsCache(run.eng, settings)[run.docClass] };
}

/** Per engines (words, channel, context model) and word-boundary settings, the split finder's
 * per-token results by document class: what boundaryDeps's isWord, readings and context answer
 * depends on nothing else. */
const splitsCaches = memoByObject((_eng: Engines) => new WeakMap<WordBoundarySettings, Record<DocClass, Map<string, TokenSplits | null>>>());
function splitsCache(eng: Engines, settings: WordBoundarySettings): Record<DocClass, Map<string, TokenSplits | null>> {
  const bySettings = splitsCaches(eng);
  let c = bySettings.get(settings);
  if (!c) {
    c = { normal: new Map(), stripped: new Map() };
    bySettings.set(settings, c);
  }
  return c;
}

/** The least probability of a word-boundary place the finders return: the bar, or with
 * `suggest` the least confidence of a suggestion. */
function suggestBar(run: RepairRun): number {
  return run.suggestions ? Math.min(run.minConfidence, SUGGEST_MIN) : run.minConfidence;
}

/** A sentence starts at `offset`: the text's start, a blank line, or `.`, `!`, `?` or `:` and white space before it. */
function sentenceStart(text: string, offset: number): boolean {
  let i = offset - 1;
  let newlines = 0;
  while (i >= 0 && /\s/u.test(text[i]!)) {
    if (text[i] === '\n') newlines++;
    i--;
  }
  return i < 0 || newlines >= 2 || (i < offset - 1 && /[.!?:]/u.test(text[i]!));
}

export const RULES: readonly RepairRule[] = [
  {
    id: 'normalize',
    finds: 'what normalisation changes before repair (ligatures, quotes, soft hyphens, white space)',
    trainedBy: [],
    model: [],
  },
  {
    id: 'dehyphenate',
    finds: 'a word hyphenated at a line end (a token with halves), also across a colon read for the hyphen (`ef:⏎⏎ter`)',
    finder: colonLineBreaks,
    trainedBy: ['countHyphenJoins', 'countColonBreaks'],
    model: ['learned.hyphenJoin', 'learned.colonHyphen'],
    // A line-end hyphen read as `:`: the words are read from a copy of the text with a `-` there
    // (the same length, so offsets hold), and the halves are joined as any hyphenation.
    find(run) {
      const isWord = wordTest(run);
      run.colons = run.dehyphenate && run.model.colonHyphen >= run.minConfidence ? colonLineBreaks(run.text, isWord) : [];
      run.wordText = hyphensForColons(run.text, run.colons);
    },
  },
  {
    id: 'confusion',
    finds: 'an unknown word read through the learned letter confusions (`#r` → `är`)',
    reading: { source: 'channel', wordKnown: false },
    trainedBy: ['countClass', 'fit'],
    model: ['learned.classes.*.rules', 'settings.priorRules', 'learned.trigrams', 'fitted.params.*'],
  },
  {
    id: 'stripped-diacritics',
    finds: 'a known word read as another known word by the letter confusions (`far` → `får`), in a damaged document',
    reading: { source: 'channel', wordKnown: true },
    trainedBy: ['countClass', 'fit'],
    model: ['learned.classes.*.rules', 'settings.priorRules', 'fitted.params.*'],
  },
  {
    id: 'word-confusion',
    finds: 'a whole-word confusion the training OCR made (`ull` → `till`)',
    reading: { source: 'learned-word' },
    trainedBy: ['countClass', 'fit'],
    model: ['learned.classes.*.words', 'fitted.params.*'],
  },
  {
    id: 'till-start',
    finds: 'a `till` at a word start merged into glyphs (`Ghandahallas` → `tillhandahållas`)',
    finder: tillReadings,
    reading: { source: 'till-start' },
    trainedBy: ['countTillStarts', 'fit'],
    model: ['learned.classes.*.tillStarts', 'fitted.params.*'],
  },
  {
    id: 'edit-distance',
    finds: 'a corpus word one or two plain edits away (`vikgt` → `viktigt`), in a damaged document',
    reading: { source: 'edit-distance' },
    trainedBy: ['fit'],
    model: ['fitted.params.*.editCost', 'fitted.params.*'],
  },
  {
    id: 'glyph-word',
    finds: 'a sentence-initial `I` read as a lone stroke (`| integrationsarbetet`) or glued to its word (`Lansvaret`)',
    finder: gluedSentenceGlyphs,
    trainedBy: ['countSentenceGlyphs', 'countGluedGlyphs'],
    model: ['learned.sentenceGlyphI', 'learned.gluedGlyphI'],
    // The glued glyph becomes `I ` and the word after it is the unit (see glyph-words.ts).
    find(run) {
      const isWord = wordTest(run);
      run.glued = run.model.gluedGlyphI >= run.minConfidence ? gluedSentenceGlyphs(run.text, isWord) : [];
      run.sentenceGlyphs = run.model.sentenceGlyphI >= run.minConfidence ? sentenceInitialGlyphs(run.text) : [];
    },
    edits: ({ sentenceGlyphs, glued, model }) => [
      ...sentenceGlyphs.map((offset): Edit => ({ offset, length: 1, after: 'I', confidence: round(model.sentenceGlyphI), rule: 'glyph-word' })),
      ...glued.map(({ offset }): Edit => ({ offset, length: 1, after: 'I ', confidence: round(model.gluedGlyphI), rule: 'glyph-word' })),
    ],
  },
  {
    id: 'lone-glyph',
    finds: 'a lone glyph before a word that stood for another (`~` → `–`)',
    finder: loneGlyphs,
    trainedBy: ['countLoneGlyphs'],
    model: ['learned.loneGlyphs'],
    edits(run) {
      const { text, model, minConfidence, sentenceGlyphs } = run;
      const out: Edit[] = [];
      // In technical text a lone `=`, `|`, `[` is the document's own symbol (`c = konfigurationsfiler`,
      // `man -t bash | lpr`): on the technical dev documents every such edit was damage.
      if (model.loneGlyphs.size === 0 || isTechnical(run)) return out;
      const sentenceGlyphAt = new Set(sentenceGlyphs);
      for (const { offset, glyph } of loneGlyphs(text)) {
        const hit = model.loneGlyphs.get(glyph);
        // A glyph read for a dash is the dash-glyph rule's (the document's own dash).
        if (hit && isDashGlyph(glyph, hit.after)) continue;
        if (hit && hit.p >= minConfidence && !sentenceGlyphAt.has(offset)) out.push({ offset, length: glyph.length, after: hit.after, confidence: round(hit.p), rule: 'lone-glyph' });
      }
      return out;
    },
  },
  {
    id: 'dash-glyph',
    finds: "a lone glyph read for a dash (`~` → `–`), or a lone run of dash glyphs (`—-`, `~-`), put back as the document's own dash: `—` where its OCR reads more lone dashes as `—` than as `-`",
    finder: dashGlyphs,
    trainedBy: ['countLoneGlyphs'],
    model: ['learned.loneGlyphs'],
    edits(run) {
      const { text, model, minConfidence, sentenceGlyphs } = run;
      // Technical text: a lone `=` or `~` is the document's own symbol (see lone-glyph).
      if (model.loneGlyphs.size === 0 || isTechnical(run)) return [];
      const sentenceGlyphAt = new Set(sentenceGlyphs);
      const out: Edit[] = [];
      for (const { offset, glyph, dash } of dashGlyphs(text, loneGlyphs(text), model.loneGlyphs)) {
        const p = model.loneGlyphs.get(glyph)!.p;
        if (p >= minConfidence && !sentenceGlyphAt.has(offset)) out.push({ offset, length: glyph.length, after: dash, confidence: round(p), rule: 'dash-glyph' });
      }
      // A lone run of dash glyphs (`—-`, `~-`): one dash in pieces, at the learned odds of the lone
      // `~`, the glyph the OCR writes for a dash it cannot read (dash-glyphs.ts).
      const tilde = model.loneGlyphs.get('~');
      if (tilde && isDashGlyph('~', tilde.after) && tilde.p >= minConfidence) {
        const runs = loneDashRuns(text);
        const dash = runs.length > 0 ? documentDash(text) : '–';
        for (const { offset, glyph } of runs) out.push({ offset, length: glyph.length, after: dash, confidence: round(tilde.p), rule: 'dash-glyph' });
      }
      return out;
    },
  },
  {
    id: 'abbreviation',
    finds: 'a dotted abbreviation whose dots OCR lost or misread (`bla.` → `bl.a.`), replaced whole',
    finder: damagedAbbreviations,
    trainedBy: ['countAbbreviations'],
    model: ['learned.dottedAbbreviations'],
    // Replaced whole, so its letters are no word.
    find(run) {
      run.abbreviations = damagedAbbreviations(run.text, run.model.abbreviations, (w) => run.eng.maker.isWordWithDiacritics(w, run.docClass)).filter((a) => a.p >= run.minConfidence);
    },
    edits: ({ abbreviations }) => abbreviations.map((a): Edit => ({ offset: a.start, length: a.end - a.start, after: a.after, confidence: round(a.p), rule: 'abbreviation' })),
  },
  {
    id: 'join-words',
    finds: 'a word split across a line break with its hyphen lost (`kommu⏎nen` → `kommunen`), where the sentence wants it whole',
    finder: splitWordJoins,
    trainedBy: [],
    model: ['settings.wordBoundaries'],
    // The pair becomes one word unit (repair.ts), whose edit the word step makes (word-decisions.ts).
    // With `suggest`, a place below the bar (at SUGGEST_MIN or more) is listed, not made.
    find(run) {
      if (!run.dehyphenate) return;
      const found = splitWordJoins(run.wordText, tokensOf(run), boundaryDeps(run), suggestBar(run));
      run.joins = found.filter((j) => j.p >= run.minConfidence);
      for (const j of found) if (j.p < run.minConfidence) run.suggestions?.push({ offset: j.start, length: j.end - j.start, after: j.word, confidence: round(j.p), rule: 'join-words' });
    },
  },
  {
    id: 'split-words',
    finds: 'a glue word run together with a neighbour (`iden` → `i den`, `atti` → `att i`), where the sentence wants it apart',
    finder: mergedWordSplits,
    trainedBy: [],
    model: ['settings.wordBoundaries'],
    // Each piece becomes a word unit of its own (repair.ts); below the bar, as for join-words.
    find(run) {
      const joined = new Set<number>();
      for (const j of run.joins) joined.add(j.start).add(j.tail);
      const found = mergedWordSplits(run.wordText, tokensOf(run), boundaryDeps(run), suggestBar(run), (offset) => sentenceStart(run.wordText, offset), joined);
      run.splits = found.filter((s) => s.p >= run.minConfidence);
      for (const s of found) if (s.p < run.minConfidence) run.suggestions?.push({ offset: s.start, length: s.end - s.start, after: s.words, confidence: round(s.p), rule: 'split-words' });
    },
    // The token replaced by its two words; where the word step changed a piece, only the blank is
    // put in (the piece's own correction says what it became).
    edits({ splits, edits }) {
      return splits.map((s): Edit => {
        const touched = edits.some((e) => e.offset < s.end && e.offset + e.length > s.start);
        return touched
          ? { offset: s.at, length: 0, after: ' ', confidence: round(s.p), rule: 'split-words' }
          : { offset: s.start, length: s.end - s.start, after: s.words, confidence: round(s.p), rule: 'split-words' };
      });
    },
  },
  {
    id: 'year-range',
    finds: 'a hyphen between two years, the second the later (`2021-2025`), in a document whose words show damage',
    finder: yearRangeHyphens,
    trainedBy: ['countYearRanges', 'wordRepairRate'],
    model: ['learned.yearRangeDash', 'learned.markMinRepairRate'],
    edits(run) {
      const p = run.model.yearRangeDash;
      if (!wordsShowDamage(run) || p < run.minConfidence || p <= 0) return [];
      return yearRangeHyphens(run.text).map((offset): Edit => ({ offset, length: 1, after: '–', confidence: round(p), rule: 'year-range' }));
    },
  },
  {
    id: 'sentence-mark',
    finds: 'a `.` read for `,` or a `,` for `.` (see sentence-marks.ts), in a document whose words show damage; in technical text not a stop before the document\'s own names (technical-marks.ts)',
    finder: markSwaps,
    trainedBy: ['countMarkSwaps', 'wordRepairRate'],
    model: ['learned.sentenceMarks', 'learned.markMinRepairRate'],
    edits(run) {
      const out: Edit[] = [];
      if (!wordsShowDamage(run)) return out;
      // An abbreviation's own stop is no sentence mark.
      const abbreviationStops = new Set(run.abbreviations.map((a) => a.end - 1));
      // The word after a mark is judged as repaired (`behov, Mangtald` is `behov. Mångfald`).
      const repairedWords = new Map<number, string>();
      run.units.forEach((u, i) => {
        if (run.chosen[i] !== u.word) repairedWords.set(u.start, run.chosen[i]!);
      });
      for (const swap of markSwaps(run.text, run.words, repairedWords)) {
        if (abbreviationStops.has(swap.offset)) continue;
        // Technical text starts sentences with its own names in lower case (`… konton. passwd ändrar`).
        if (swap.after === ',' && technicalSentenceStart(run, swap.offset)) continue;
        const p = run.model.sentenceMarks[swap.kind];
        if (p > 0 && p >= run.minConfidence) out.push({ offset: swap.offset, length: 1, after: swap.after, confidence: round(p), rule: 'sentence-mark' });
      }
      return out;
    },
  },
  {
    id: 'page-break',
    finds: '(extract only) a word joined across a page break: the page separator moves past it',
    trainedBy: [],
    model: [],
  },
  // The two rules of pages in pre-1906 spelling (orthography.ts decides a page's spelling): such a
  // page gets these and the line-end joins instead of every rule above (old-swedish.ts); their
  // numbers are in dictionaries/old-sv-channel.json (scripts/fit-old-sv.ts).
  {
    id: 'fraktur-confusion',
    finds: '(pre-1906 pages) an unknown word read through the Fraktur OCR channel as a word of older Swedish',
    trainedBy: [],
    model: [],
  },
  {
    id: 'fraktur-word-confusion',
    finds: '(pre-1906 pages that show Fraktur damage) a known word the Fraktur OCR writes for another',
    trainedBy: [],
    model: [],
  },
];

/** The word rules, by the kind of reading they take. */
const WORD_RULES = RULES.filter((r): r is RepairRule & { id: WordRuleId; reading: NonNullable<RepairRule['reading']> } => r.reading !== undefined);

/** The word rule that takes `best` as the reading of a word read as `original`. */
export function wordRuleFor(best: Hypothesis, original: Hypothesis): WordRuleId {
  for (const r of WORD_RULES) {
    if (r.reading.source === best.source && (r.reading.wordKnown === undefined || r.reading.wordKnown === original.known)) return r.id;
  }
  throw new Error(`no word rule takes a reading from ${best.source}`);
}

/** The ids of the rules of a correction (`dehyphenate+confusion+document` → dehyphenate, confusion). */
export function ruleIds(rule: CorrectionRule | string): RuleId[] {
  return rule.split('+').filter((id): id is RuleId => RULES.some((r) => r.id === id));
}

/** Whether `rule` names a rule id or the `document` tag and nothing else: a valid CorrectionRule. */
export function isCorrectionRule(rule: string): rule is CorrectionRule {
  const parts = rule.split('+');
  return parts.length > 0 && parts.every((p, k) => RULES.some((r) => r.id === p) || (p === 'document' && k > 0 && WORD_RULES.some((r) => r.id === parts[k - 1])));
}

/** Whether a correction changed a word by a word rule (not normalisation, a join alone, or marks). */
export function isWordRepair(rule: CorrectionRule | string): boolean {
  return ruleIds(rule).some((id) => WORD_RULES.some((r) => r.id === id));
}
