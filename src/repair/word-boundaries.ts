/**
 * Words OCR split in two or merged with the next one: repair decides over a window of words, not a
 * token. Two kinds of place, each its own rule (rules.ts):
 *
 * - **join-words**: two tokens that together make a word the lexicon knows, OCR having dropped the
 *   hyphen of a line-end break (`kommu⏎nen`, `myndig⏎heter`, `Där⏎efter`, `ansvars⏎områden`);
 * - **split-words**: a token that is a glue word and a word run together (`iden` for `i den`,
 *   `atti` for `att i`, `Idag`): the English model reads the narrow `i` and the blank beside it as
 *   one glyph.
 *
 * Each is decided by the broad-register context model (context-model.ts): the log-likelihood ratio
 * of the window read joined (or split) against as written, word triples over the two neighbours on
 * each side, plus the log odds that OCR makes such a place at all, learned from the training
 * alignments per document class and kind of place (`wordBoundaries` in
 * dictionaries/repair-settings.json, counted by scripts/fit-word-boundaries.ts). The confidence is
 * σ(prior log odds + log-likelihood ratio); a place is changed where it reaches the bar. Two right
 * words stay apart because the sentence wants them (`till exempel`, `i den`: the joined word is no
 * word, or far less likely there), a right word stays whole because it is far likelier than its
 * pieces (`igen`, `parti`).
 */
import type { ContextModel } from './context-model.js';
import type { DocClass, WordBoundarySettings } from './model-file.js';
import type { Token } from './tokenize.js';

export type { WordBoundarySettings };

/** Two tokens read as one word. */
export interface WordJoin {
  /** Offset of the first piece. */
  start: number;
  /** Offset of the second piece. */
  tail: number;
  /** End of the second piece. */
  end: number;
  /** The pieces joined, as written (`kommunen`). */
  word: string;
  /** log P(window joined) − log P(window as written), by the context model. */
  logOdds: number;
  /** The probability that the joined reading is right. */
  p: number;
}

/** A token read as two words. */
export interface WordSplit {
  start: number;
  end: number;
  /** Offset where the blank goes. */
  at: number;
  /** The token with the blank (`i den`, `I dag`). */
  words: string;
  logOdds: number;
  p: number;
}

/** What the finders need: the test of a word and the context model. */
export interface BoundaryDeps {
  /** Whether a word is known (as written, or with its diacritics put back by the class's channel). */
  isWord: (w: string) => boolean;
  /** The known words a token may be (as written when known, and its readings through the OCR
   * channel), with their channel costs −log P(token | word). */
  readings: (w: string) => Array<{ text: string; cost: number }>;
  context: ContextModel;
  docClass: DocClass;
  settings: WordBoundarySettings;
  /** Offsets of tokens other rules have taken (glued glyphs, abbreviations): left alone here. */
  taken?: ReadonlySet<number>;
  /**
   * Optional: mergedWordSplits's per-token results, kept across texts. Only for deps whose
   * isWord, readings, context, docClass and settings answer alike for every text it is given with
   * (the same engines, document class and model): the results depend on nothing else.
   */
  splitsByToken?: Map<string, TokenSplits | null>;
}

/** Entries of a splitsByToken map before it is emptied (a long run's memory stays bounded). */
const SPLITS_LIMIT = 100_000;

const LETTERS = /^\p{L}+$/u;
const LOWER = /^\p{Ll}+$/u;
const UPPER_START = /^\p{Lu}/u;
const ALL_UPPER = /^\p{Lu}{2,}$/u;
/** Whether `text[from, to)` is one line break with blanks or tabs around it (`^[ \t]*\r?\n[ \t]*$`). */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k < to && text.charCodeAt(k) === 13) k++;
  if (k >= to || text.charCodeAt(k) !== 10) return false;
  k++;
  while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  return k === to;
}
/** Context words: within one paragraph (at most one line break), nothing but white space between. */
const CONTEXT_GAP = /^[ \t]*(?:\r?\n[ \t]*)?$/u;

/** The probability of a place's reading from its log odds, capped at the settings' maxConfidence. */
function probability(x: number, settings: WordBoundarySettings): number {
  return Math.min(settings.maxConfidence, 1 / (1 + Math.exp(-x)));
}

/** The log probability of `words[from..]` given the words before it (null: no word there). */
function sequenceScore(cm: ContextModel, words: ReadonlyArray<string | null>, from: number): number {
  let s = 0;
  for (let k = from; k < words.length; k++) {
    const w = words[k];
    if (w === null || w === undefined) break;
    s += Math.log(cm.triple(k >= 2 ? (words[k - 2] ?? null) : null, k >= 1 ? (words[k - 1] ?? null) : null, w));
  }
  return s;
}

/** The context words around tokens[i..j] (lower case; null where a mark, a paragraph or nothing stands). */
function around(text: string, tokens: readonly Token[], i: number, j: number): { left: Array<string | null>; right: Array<string | null> } {
  const word = (k: number, towards: number): string | null => {
    const t = tokens[k];
    const n = tokens[towards];
    if (!t || !n || !LETTERS.test(t.raw)) return null;
    const gap = k < towards ? text.slice(t.end, n.start) : text.slice(n.end, t.start);
    return CONTEXT_GAP.test(gap) ? t.raw.toLowerCase() : null;
  };
  const l1 = word(i - 1, i);
  const l2 = l1 === null ? null : word(i - 2, i - 1);
  const r1 = word(j + 1, j);
  const r2 = r1 === null ? null : word(j + 2, j + 1);
  return { left: [l2, l1], right: [r1, r2] };
}

/** Whether a hyphen touches the token (`arbets- och`, a compound part): its pieces are no split word. */
function hyphenBeside(text: string, t: Token): boolean {
  return text[t.start - 1] === '-' || text[t.end] === '-';
}

/** The ways a token may be read at a place: as written, and the known words the channel reads it
 * as (`iven` → `även`, `hari` → `häri`), each priced by its channel cost; the MAX_FORMS cheapest. */
type Forms = Array<{ text: string; cost: number }>;
const MAX_FORMS = 3;

function formsOf(deps: BoundaryDeps, token: string): Forms {
  const forms: Forms = [{ text: token.toLowerCase(), cost: 0 }];
  for (const r of deps.readings(token)) {
    const text = r.text.toLowerCase();
    if (!forms.some((f) => f.text === text)) forms.push({ text, cost: r.cost });
  }
  // In a document without Swedish letters, a token is also every word broad text uses that it
  // becomes with its diacritics put back (`hari` → `häri`, `dari` → `däri`): the lexicon lacks
  // some, and the English model strips every one (no cost).
  if (deps.docClass === 'stripped') {
    for (const text of diacriticVariants(token.toLowerCase())) {
      if (!forms.some((f) => f.text === text) && deps.context.prior(text) >= deps.settings.minJoinedPrior) forms.push({ text, cost: 0 });
    }
  }
  return forms.sort((a, b) => a.cost - b.cost).slice(0, MAX_FORMS);
}

/** The word with up to two of its `a`/`o` read as `å`/`ä`/`ö` (the token itself not included). */
function diacriticVariants(word: string): string[] {
  const at: number[] = [];
  for (let i = 0; i < word.length; i++) if (word[i] === 'a' || word[i] === 'o') at.push(i);
  if (at.length === 0 || at.length > 4) return [];
  const swaps = (c: string): string[] => (c === 'a' ? ['å', 'ä'] : ['ö']);
  const out: string[] = [];
  const put = (w: string, i: number, c: string): string => w.slice(0, i) + c + w.slice(i + 1);
  for (let x = 0; x < at.length; x++) {
    for (const cx of swaps(word[at[x]!]!)) {
      const one = put(word, at[x]!, cx);
      out.push(one);
      for (let y = x + 1; y < at.length; y++) for (const cy of swaps(word[at[y]!]!)) out.push(put(one, at[y]!, cy));
    }
  }
  return out;
}

/** As written only: the reading a join or split proposes is weighed as the letters stand (a
 * reading of it through the channel is the word step's to make, at its own bar). */
function asWritten(token: string): Forms {
  return [{ text: token.toLowerCase(), cost: 0 }];
}

/** The best log probability of the words that change and the two after, over the forms of each
 * changed position, less their channel costs. */
function bestScore(cm: ContextModel, left: Array<string | null>, positions: Forms[], right: Array<string | null>): number {
  let best = -Infinity;
  const pick = (k: number, chosen: string[], cost: number): void => {
    if (k === positions.length) {
      best = Math.max(best, sequenceScore(cm, [...left, ...chosen, ...right], left.length) - cost);
      return;
    }
    for (const f of positions[k]!) pick(k + 1, [...chosen, f.text], cost + f.cost);
  };
  pick(0, [], 0);
  return best;
}

/** log P(window read as `reading`) − log P(window read as `written`): each side's best forms. */
function windowOdds(cm: ContextModel, left: Array<string | null>, written: Forms[], reading: Forms[], right: Array<string | null>): number {
  return bestScore(cm, left, reading, right) - bestScore(cm, left, written, right);
}

/**
 * The pairs of tokens of `text` across a line break that are one word whose hyphen OCR lost (see
 * the module comment), at most
 * one per token, those whose joined reading reaches `minP`.
 */
export function splitWordJoins(text: string, tokens: readonly Token[], deps: BoundaryDeps, minP: number): WordJoin[] {
  const { settings, context, isWord, taken } = deps;
  const found: Array<WordJoin & { first: number }> = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const u = tokens[i + 1]!;
    // (The line break first: it is the test most pairs fail, and the cheapest.)
    if (!lineBreakBetween(text, t.end, u.start)) continue;
    if (t.halves || u.halves || !LETTERS.test(t.raw) || !LOWER.test(u.raw) || ALL_UPPER.test(t.raw)) continue;
    if (t.raw.length + u.raw.length < settings.minJoined) continue;
    if (taken && (taken.has(t.start) || taken.has(u.start))) continue;
    // Only across a line break: inside a line the truth had two words at every such place of
    // train and dev but one (`fredstids beredskap`, `fri tid`, `del en`, `åtals väckande`).
    if (hyphenBeside(text, t) || hyphenBeside(text, u)) continue;
    const prior = settings.joinLine;
    const word = t.raw + u.raw;
    if (!isWord(word)) continue;
    // Two pieces that are words on their own are joined only into a word real text writes whole:
    // the lexicon's compound analysis accepts a name and a verb run together
    // (`Bibelkommissionenavslutar`), and on train no such join was right.
    if (isWord(t.raw) && isWord(u.raw) && !context.used(word.toLowerCase(), settings.minJoinedPrior)) continue;
    const { left, right } = around(text, tokens, i, i + 1);
    const logOdds = windowOdds(context, left, [formsOf(deps, t.raw), formsOf(deps, u.raw)], [asWritten(word)], right);
    const p = probability(prior + logOdds, settings);
    if (p >= minP) found.push({ start: t.start, tail: u.start, end: u.end, word, logOdds, p, first: i });
  }
  // A token in two places (`a b c`, both pairs words): the likelier place.
  found.sort((x, y) => y.p - x.p);
  const used = new Set<number>();
  const out: WordJoin[] = [];
  for (const f of found) {
    if (used.has(f.first) || used.has(f.first + 1)) continue;
    used.add(f.first);
    used.add(f.first + 1);
    const { first: _first, ...join } = f;
    out.push(join);
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * The tokens of `text` that are a glue word run together with a word (see the module comment),
 * those whose split reading reaches `minP`. `skip`: token offsets already joined to a neighbour.
 * `sentenceStart(offset)`: whether a token starts a sentence (only there is a capital `I` a glue word).
 */
export function mergedWordSplits(text: string, tokens: readonly Token[], deps: BoundaryDeps, minP: number, sentenceStart: (offset: number) => boolean, skip: ReadonlySet<number> = new Set()): WordSplit[] {
  const { settings, docClass, taken } = deps;
  const prior = settings.split[docClass];
  const out: WordSplit[] = [];
  if (!Number.isFinite(prior) || settings.glueWords.length === 0) return out;
  // What depends on the token alone, once per distinct token: a text repeats its words, an archive
  // its vocabulary.
  const byToken = deps.splitsByToken ?? new Map<string, TokenSplits | null>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.raw;
    if (t.halves || skip.has(t.start) || taken?.has(t.start) || hyphenBeside(text, t)) continue;
    let splits = byToken.get(w);
    if (splits === undefined) {
      splits = splitsOf(w, deps);
      if (byToken.size >= SPLITS_LIMIT) byToken.clear();
      byToken.set(w, splits);
    }
    if (splits === null) continue;
    let best: WordSplit | null = null;
    let context: { left: Array<string | null>; right: Array<string | null> } | undefined;
    for (const s of splits.readings) {
      if (s.atSentenceStart && !sentenceStart(t.start)) continue;
      const { left, right } = (context ??= around(text, tokens, i, i));
      const logOdds = windowOdds(deps.context, left, [splits.forms], [asWritten(s.x), asWritten(s.y)], right);
      const p = probability(prior + logOdds, settings);
      if (p >= minP && (!best || p > best.p)) best = { start: t.start, end: t.end, at: t.start + s.at, words: `${s.x} ${s.y}`, logOdds, p };
    }
    if (best) out.push(best);
  }
  return out;
}

/** A token's split readings, in the order they are weighed, and its forms as written. */
export interface TokenSplits {
  readings: Array<{ x: string; y: string; at: number; atSentenceStart: boolean }>;
  forms: Forms;
}

/**
 * The ways a token may split into a glue word and a word (see mergedWordSplits), by the token
 * alone: `at` is the blank's offset in the token, `atSentenceStart` a capitalised glue word that
 * is one only at a sentence start (`Idag`). null when it splits in no way.
 */
function splitsOf(w: string, deps: BoundaryDeps): TokenSplits | null {
  const { settings, docClass, context, isWord } = deps;
  if (w.length < 3 || !LETTERS.test(w) || ALL_UPPER.test(w)) return null;
  const lower = w.toLowerCase();
  const capital = UPPER_START.test(w);
  // A capital is a glue word's only at a sentence start (`Idag`); mid-sentence it is a name's (`Ivan`).
  if (capital && !LOWER.test(w.slice(1))) return null;
  // In a document the Swedish model read, OCR glued a word so rarely (train and dev: 3 of 83
  // places, the two known words among them `Idag`, which is right either way) that only a token
  // that is no word is split; the English model glues `i` often enough to weigh known ones too.
  if (docClass === 'normal' && isWord(w)) return null;
  // A token broad text writes commonly is a word of its own: `idag` and `i dag` are both right
  // (the split would be a spelling, not a repair), `juli`, `igen` no glued words. The commonest
  // right split on train and dev was `ide` (`i de`), at a prior of 1.2e-5.
  if (context.prior(lower) >= settings.maxSplitPrior) return null;
  const readings: TokenSplits['readings'] = [];
  for (const g of settings.glueWords) {
    // The glue word first: `iden` → `i den` (capitalised only at a sentence start).
    if (lower.startsWith(g) && w.length - g.length >= 2) {
      const x = w.slice(0, g.length);
      const y = w.slice(g.length);
      if (isWord(x.toLowerCase() === g ? y : x)) readings.push({ x, y, at: g.length, atSentenceStart: capital });
    }
    // The glue word last: `atti` → `att i` (a lower-case token).
    if (!capital && lower.endsWith(g) && w.length - g.length >= 2) {
      const x = w.slice(0, w.length - g.length);
      const y = w.slice(w.length - g.length);
      if (isWord(x.toLowerCase() === g ? y : x)) readings.push({ x, y, at: w.length - g.length, atSentenceStart: false });
    }
  }
  return readings.length === 0 ? null : { readings, forms: formsOf(deps, w) };
}
