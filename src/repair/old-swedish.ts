/**
 * Repair of text in Swedish spelling before the 1906 reform: it stays as written, and only OCR
 * damage is repaired. Known words are those of a lexicon of older Swedish with its own frequencies
 * (`dictionaries/old-sv-words.txt.gz`, counted from novels in period spelling), any spelling variant
 * of them (spellingKey: `hwilka` is `hvilka`, long s is s) and the modern lexicon's words. An
 * unknown token is read as the older word the Fraktur OCR channel (`dictionaries/old-sv-channel.json`,
 * learned from older text set in Fraktur and OCR'd) makes likeliest; a reading that is only another
 * spelling of the token (`stjernor` → `stjärnor`, `öfwer` → `över`) is never made.
 */
import { applyCase, casePattern } from './case.js';
import { EditIndex } from './edit-index.js';
import type { Edit } from './edits.js';
import { readDataFile } from '../dictionaries.js';
import { Checker } from './model-file.js';
import { isNumberLike, tokenize } from './tokenize.js';
import type { LeftAlone, SkipReason } from '../types.js';
import type { WordKnowledge } from './words.js';

/**
 * The spelling-variant key of a word: two words with one key are spellings of one word, not OCR
 * damage of each other. Folds the variants of the period: long s, `w`/`v`, `hv`-/`v`-, `fv`/`v`
 * and `f` before a consonant or at the end (`af`, `lif`, `hafva`), `qv`/`kv`, `q`/`k`, `dt`/`tt`
 * at the end (`godt`), `e`/`ä` (`stjerna`, `der`), `é`/`e`, a double consonant or `ck` written
 * single (`instält`, `sträkt`, `altför`), and a word's last `e`/`a` (verb plurals `kunne`/`kunna`).
 */
export function spellingKey(word: string): string {
  let w = word.normalize('NFC').toLowerCase().replace(/ſ/gu, 's').replace(/w/gu, 'v').replace(/é/gu, 'e');
  w = w.replace(/^hv/u, 'v').replace(/qv/gu, 'kv').replace(/q/gu, 'k');
  w = w.replace(/fv/gu, 'v').replace(/f(?=[bcdfghjklmnpqrstvwxz]|$)/gu, 'v');
  w = w.replace(/dt$/u, 'tt').replace(/ä/gu, 'e');
  w = w.replace(/ck/gu, 'k').replace(/([bcdfghjklmnpqrstvxz])\1/gu, '$1');
  return w.replace(/[ea]$/u, 'a');
}

/** The lexicon of older Swedish. */
export class OldWords {
  private readonly counts = new Map<string, number>();
  /** Lower-case forms seen in lower case (others are names, known only capitalised). */
  private readonly lowerSeen = new Set<string>();
  private readonly lowerCounts = new Map<string, number>();
  private readonly keys = new Set<string>();
  readonly tokens: number;
  private vocabularyValue: string[] | undefined;
  private indexValue: EditIndex | undefined;

  constructor(text: string) {
    let tokens = 0;
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const [w = '', c = '0', lc = '0'] = line.split('\t');
      const n = Number(c);
      this.counts.set(w, n);
      if (Number(lc) > 0) {
        this.lowerSeen.add(w);
        this.lowerCounts.set(w, Number(lc));
      }
      this.keys.add(spellingKey(w));
      tokens += n;
    }
    this.tokens = tokens;
  }

  /** Known as written, or as another spelling of a known form (case as in the lexicon: a form
   * seen only capitalised is known only so). */
  has(word: string): boolean {
    const w = word.normalize('NFC').replace(/ſ/gu, 's');
    const lower = w.toLowerCase();
    if (this.counts.has(lower)) return w !== lower || this.lowerSeen.has(lower);
    return this.keys.has(spellingKey(w));
  }

  /** Count of the lower-case form; 0 if unseen. */
  frequency(lower: string): number {
    return this.counts.get(lower) ?? 0;
  }

  /** How often the form was written in lower case. */
  lowerFrequency(lower: string): number {
    return this.lowerCounts.get(lower) ?? 0;
  }

  /** Forms of 3+ letters, most frequent first. */
  vocabulary(): string[] {
    return (this.vocabularyValue ??= [...this.counts].filter(([w]) => w.length >= 3 && /^\p{L}+$/u.test(w)).sort((a, b) => b[1] - a[1]).map(([w]) => w));
  }

  index(): EditIndex {
    return (this.indexValue ??= new EditIndex(this.vocabulary()));
  }
}

let oldWordsCache: OldWords | undefined;

/** The shipped lexicon of older Swedish (loaded on first use). */
export function oldSwedishWords(): OldWords {
  return (oldWordsCache ??= new OldWords(readDataFile('old-sv-words.txt.gz')));
}

/** Word pairs of older Swedish (`dictionaries/old-sv-pairs.txt.gz`: adjacent words of the period
 * novels, lower case, seen 3+ times), for the context of a known word against its twin. */
export class OldPairs {
  private readonly counts = new Map<string, number>();

  constructor(text: string) {
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const tab = line.lastIndexOf('\t');
      this.counts.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
  }

  count(first: string, second: string): number {
    return this.counts.get(`${first} ${second}`) ?? 0;
  }
}

let pairsCache: OldPairs | undefined;

/** The shipped word pairs of older Swedish (loaded on first use). */
export function oldSwedishPairs(): OldPairs {
  return (pairsCache ??= new OldPairs(readDataFile('old-sv-pairs.txt.gz')));
}

/** Smoothing of the pair model towards the word's frequency (Dirichlet, µ). */
const PAIR_MU = 50;

/** log P(w | left) + log P(right | w) in the period's text, each smoothed towards the frequency
 * (a neighbour that is absent or no word gives no evidence: its factor is the plain frequency). */
function contextLogP(w: string, left: string | undefined, right: string | undefined, words: OldWords, pairs: OldPairs): number {
  const p = (x: string): number => (words.frequency(x) + 0.5) / words.tokens;
  let score = 0;
  score += left ? Math.log((pairs.count(left, w) + PAIR_MU * p(w)) / (words.frequency(left) + PAIR_MU)) : Math.log(p(w));
  if (right) score += Math.log((pairs.count(w, right) + PAIR_MU * p(right)) / (words.frequency(w) + PAIR_MU));
  return score;
}

/** The Fraktur OCR channel and the weights of the decision, as dictionaries/old-sv-channel.json has them. */
export interface FrakturChannel {
  /** `ocr<TAB>truth` → −log P(ocr | truth), single characters; `` (empty) for an insertion or deletion. */
  costs: Record<string, number>;
  /** −log P(c read as c). */
  keep: number;
  /** The price of a confusion the channel never saw. */
  unseen: number;
  /** Lower-case OCR word → how often the training OCR wrote it (`n`) and for which truth words how
   * often (`fin` for `sin`, `pä` for `på`): whole-word confusions, which letters alone do not make
   * likely enough against a known word. */
  words?: Record<string, { n: number; truths: Record<string, number> }>;
  /** Truth letter → P(a lower-case word starting with it is read with a capital, mid-sentence). */
  capitals?: Record<string, number>;
  /** A lone glyph (a token of dashes, stars …) → how often the training OCR wrote it, and the one
   * mark it stood for at odds of 10:1 or more (`-` for the dash `–`, `--` for `—`). */
  glyphs?: Record<string, { n: number; truths: Record<string, number> }>;
  params: OldRepairParams;
}

export interface OldRepairParams {
  /** log-probability of an unknown lower-case token being right as it stands. */
  unknownLogP: number;
  /** The same for a capitalised token (names). */
  unknownNameLogP: number;
  /** Posterior a reading needs to be applied. */
  minConfidence: number;
  /** log-probability of a token the modern lexicon knows (but the old one not) being right as it
   * stands; absent: such a token is never read as another. */
  modernLogP?: number;
  /** Non-word repairs per word token from which a page counts as damaged: only there a known word
   * is read as another (`fin` → `sin`, `Som` → `som` mid-sentence). */
  damageRate: number;
  /** Posterior a known word's likelier twin needs (`pa` → `på`, `sam` → `som`: one or two learned
   * letter confusions, by the old lexicon's frequencies), on a damaged page whose own repairs show
   * the same confusions; absent: only the learned whole-word confusions are read. */
  knownMinConfidence?: number;
  /** How often the period wrote a word in lower case before a capital mid-sentence is read as the
   * OCR's (`Som` → `som`); default 300. */
  capitalMinCount?: number;
  /** Weigh a known word against its twin by the period's word pairs around it (`sa han`, `så att`)
   * rather than by frequency alone. */
  pairContext?: boolean;
}

let channelCache: FrakturChannel | undefined;

/** `json` checked as an old-sv-channel.json (every field the decision reads); `file` names it in
 * every error. Prices are −log probabilities (≥ 0), counts integers ≥ 0. */
export function checkFrakturChannel(json: unknown, file: string): FrakturChannel {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  const price = (v: unknown, p: string): number => {
    const x = c.number(v, p);
    if (x < 0) c.fail(p, 'a price (−log probability, ≥ 0)', v);
    return x;
  };
  const map = <T>(v: unknown, p: string, item: (x: unknown, q: string) => T): Record<string, T> =>
    Object.fromEntries(Object.entries(c.object(v, p)).map(([k, x]) => [k, item(x, `${p}[${JSON.stringify(k)}]`)]));
  const tally = (v: unknown, p: string): { n: number; truths: Record<string, number> } => {
    const t = c.object(v, p);
    return { n: c.count(t.n, `${p}.n`), truths: map(t.truths, `${p}.truths`, (x, q) => c.count(x, q)) };
  };
  const costs = map(o.costs, 'costs', price);
  for (const key of Object.keys(costs)) if (key.split('\t').length !== 2) c.fail(`costs[${JSON.stringify(key)}]`, 'a key `ocr<TAB>truth`', key);
  const q = c.object(o.params, 'params');
  const optional = <T>(v: unknown, check: (x: unknown) => T): T | undefined => (v === undefined ? undefined : check(v));
  const params: OldRepairParams = {
    unknownLogP: c.number(q.unknownLogP, 'params.unknownLogP'),
    unknownNameLogP: c.number(q.unknownNameLogP, 'params.unknownNameLogP'),
    minConfidence: c.probability(q.minConfidence, 'params.minConfidence'),
    damageRate: c.probability(q.damageRate, 'params.damageRate'),
  };
  const modernLogP = optional(q.modernLogP, (x) => c.number(x, 'params.modernLogP'));
  const knownMinConfidence = optional(q.knownMinConfidence, (x) => c.probability(x, 'params.knownMinConfidence'));
  const capitalMinCount = optional(q.capitalMinCount, (x) => c.count(x, 'params.capitalMinCount'));
  const pairContext = optional(q.pairContext, (x) => (typeof x === 'boolean' ? x : c.fail('params.pairContext', 'true or false', x)));
  if (modernLogP !== undefined) params.modernLogP = modernLogP;
  if (knownMinConfidence !== undefined) params.knownMinConfidence = knownMinConfidence;
  if (capitalMinCount !== undefined) params.capitalMinCount = capitalMinCount;
  if (pairContext !== undefined) params.pairContext = pairContext;
  const channel: FrakturChannel = { costs, keep: price(o.keep, 'keep'), unseen: price(o.unseen, 'unseen'), params };
  if (o.words !== undefined) channel.words = map(o.words, 'words', tally);
  if (o.capitals !== undefined) channel.capitals = map(o.capitals, 'capitals', (x, p) => c.probability(x, p));
  if (o.glyphs !== undefined) channel.glyphs = map(o.glyphs, 'glyphs', tally);
  return channel;
}

/** The shipped channel (dictionaries/old-sv-channel.json), checked on first use. */
export function frakturChannel(): FrakturChannel {
  return (channelCache ??= checkFrakturChannel(JSON.parse(readDataFile('old-sv-channel.json')), 'old-sv-channel.json'));
}

const byOcrCache = new WeakMap<FrakturChannel, Map<string, Array<{ truth: string; cost: number }>>>();

/** OCR letter → the truth letters it stands for with their price, cheapest first (substitutions only). */
function byOcr(channel: FrakturChannel): Map<string, Array<{ truth: string; cost: number }>> {
  let m = byOcrCache.get(channel);
  if (!m) {
    m = new Map();
    for (const [k, cost] of Object.entries(channel.costs)) {
      const [o = '', t = ''] = k.split('\t');
      if (o.length !== 1 || t.length !== 1 || cost > MAX_SUBSTITUTION) continue;
      const list = m.get(o) ?? [];
      list.push({ truth: t, cost });
      m.set(o, list);
    }
    for (const list of m.values()) list.sort((a, b) => a.cost - b.cost);
    byOcrCache.set(channel, m);
  }
  return m;
}

/** Substitutions dearer than this (P < 0.1 %) are not tried when generating readings. */
const MAX_SUBSTITUTION = 7;

/** Strings one or two learned letter substitutions away from `lower` (`5om` → `som`, `pä` → `på`). */
function substituted(lower: string, channel: FrakturChannel): string[] {
  const table = byOcr(channel);
  const out: string[] = [];
  const chars = [...lower];
  const at = chars.map((c, i) => (table.has(c) ? i : -1)).filter((i) => i >= 0);
  for (let a = 0; a < at.length; a++) {
    for (const x of table.get(chars[at[a]!]!)!) {
      const one = [...chars];
      one[at[a]!] = x.truth;
      out.push(one.join(''));
      for (let b = a + 1; b < at.length; b++) {
        for (const y of table.get(chars[at[b]!]!)!) {
          const two = [...one];
          two[at[b]!] = y.truth;
          out.push(two.join(''));
        }
      }
    }
  }
  return out;
}

/** −log P(ocr | word) under the channel: the cheapest alignment of single-character edits. */
export function channelCost(ocr: string, word: string, channel: FrakturChannel): number {
  const n = ocr.length;
  const m = word.length;
  const c = channel.costs;
  const price = (o: string, t: string): number => (o === t ? channel.keep : c[`${o}\t${t}`] ?? channel.unseen);
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1]! + price('', word[j - 1]!);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0]! + price(ocr[i - 1]!, '');
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(prev[j - 1]! + price(ocr[i - 1]!, word[j - 1]!), prev[j]! + price(ocr[i - 1]!, ''), cur[j - 1]! + price('', word[j - 1]!));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m]!;
}

/** The capital rule reads only words this common in lower case (`som`, `sig`, `sedan`): a rarer
 * one capitalised mid-sentence is as likely a name (`Ström`). */
const CAPITAL_MIN_COUNT = 300;
const HAS_LETTER = /\p{L}/u;
const PLAIN = /^[\p{L}0-9&#@]+$/u;
const ALL_LETTERS = /^\p{L}+$/u;
const MAX_CANDIDATES = 8;

export interface OldReading {
  word: string;
  confidence: number;
}

/**
 * The likeliest reading of an unknown token (`fade` → `sade`, `5om` → `som`), or null when the
 * token stays: it is known, no reading is likely enough, or the best reading is only another
 * spelling of it.
 */
export function readOldToken(token: string, words: OldWords, modern: WordKnowledge | null, channel: FrakturChannel, params: OldRepairParams = channel.params): OldReading | null {
  const r = judgeOldToken(token, words, modern, channel, params);
  return typeof r === 'string' ? null : r;
}

/** A token left alone: the reason, or `known` for a word the lexicons hold (not listed as left alone). */
type OldVerdict = OldReading | SkipReason | 'known';

/** The reading of an unknown token, or why it has none (readOldToken with the reason kept). */
function judgeOldToken(token: string, words: OldWords, modern: WordKnowledge | null, channel: FrakturChannel, params: OldRepairParams): OldVerdict {
  if (!HAS_LETTER.test(token)) return isNumberLike(token) ? 'number' : 'no-letter';
  if (!PLAIN.test(token)) return 'no-letter';
  if (token.length < 2) return 'single-letter';
  const pattern = casePattern(token);
  if (pattern === 'mixed') return 'mixed-case';
  if (pattern === 'upper' && token.length <= 5) return 'acronym';
  if (ALL_LETTERS.test(token) && words.has(token)) return 'known';
  // A word only the modern lexicon knows (`deffa`, `fulle` by its compound analysis) is a weaker
  // proof in older text, where `f` is so often a long s: it keeps a prior of its own.
  const modernKnown = ALL_LETTERS.test(token) && (modern?.has(token) ?? false);
  if (modernKnown && params.modernLogP === undefined) return 'known';
  const lower = token.normalize('NFC').toLowerCase().replace(/ſ/gu, 's');
  const key = spellingKey(lower);
  const candidates = new Set<string>();
  if (lower.length >= 3) {
    let tried = 0;
    for (const { word } of words.index().near(lower, lower.length >= 6 ? 2 : 1)) {
      if (++tried > MAX_CANDIDATES) break;
      candidates.add(word);
    }
  }
  for (const w of substituted(lower, channel)) if (words.frequency(w) > 0) candidates.add(w);
  const total = words.tokens;
  const original = -channel.keep * lower.length + (modernKnown ? params.modernLogP! : pattern === 'lower' ? params.unknownLogP : params.unknownNameLogP);
  const scored: Array<{ word: string; score: number }> = [];
  let variants = 0;
  for (const word of candidates) {
    if (word === lower || (pattern === 'lower' && !words.has(word))) continue;
    if (spellingKey(word) === key) {
      variants++;
      continue;
    }
    const prior = Math.log((words.frequency(word) + 0.5) / total);
    scored.push({ word, score: -channelCost(lower, word, channel) + prior });
  }
  // Only another spelling of the token was found (`stjernor` for `stjärnor`): the period's, kept.
  if (scored.length === 0) return variants > 0 ? 'archaic' : 'no-reading';
  return decideReading(original, scored, pattern, params);
}

function decideReading(original: number, scored: Array<{ word: string; score: number }>, pattern: ReturnType<typeof casePattern>, params: OldRepairParams): OldReading | SkipReason {
  let best = scored[0]!;
  for (const s of scored) if (s.score > best.score) best = s;
  if (best.score <= original) return 'as-written';
  let z = Math.exp(original - best.score);
  for (const s of scored) z += Math.exp(s.score - best.score);
  const confidence = 1 / z;
  if (confidence < params.minConfidence) return 'below-threshold';
  return { word: applyCase(best.word, pattern === 'upper' ? 'upper' : pattern === 'capital' ? 'capital' : 'lower'), confidence };
}

/**
 * A known token the training OCR wrote for another word often enough (`fin` for `sin`, `Som`
 * mid-sentence for `som`): the likelier reading by the learned whole-word and capital confusions,
 * or null. Asked only on a page that shows Fraktur damage.
 */
export function readKnownOldToken(token: string, midSentence: boolean, words: OldWords, channel: FrakturChannel, params: OldRepairParams = channel.params, seen?: ReadonlyMap<string, number>): OldReading | null {
  const r = judgeKnownOldToken(token, midSentence, words, channel, params, seen);
  return typeof r === 'string' ? null : r;
}

/** readKnownOldToken with the reason a reading was not made (`known`: the token had none). */
function judgeKnownOldToken(token: string, midSentence: boolean, words: OldWords, channel: FrakturChannel, params: OldRepairParams, seen?: ReadonlyMap<string, number>, context?: { left?: string; right?: string }): OldVerdict {
  const pattern = casePattern(token);
  const lower = token.normalize('NFC').toLowerCase().replace(/ſ/gu, 's');
  // Digits the Fraktur OCR writes for letters (`58`, `p3ä`, `055`): only as the training OCR wrote
  // them for a word, and a token of digits alone only between two words.
  if (!ALL_LETTERS.test(token)) {
    if (!PLAIN.test(token) || (!HAS_LETTER.test(token) && !(context?.left && context.right))) return 'known';
    return learnedWord(lower, channel, params, seen);
  }
  // A capital mid-sentence on a word the period wrote in lower case (`Som`, `Sig`): the OCR's.
  if (pattern === 'capital' && midSentence && channel.capitals) {
    const p = channel.capitals[lower[0]!] ?? 0;
    const total = words.frequency(lower);
    const lowerCount = words.lowerFrequency(lower);
    if (p > 0 && lowerCount >= (params.capitalMinCount ?? CAPITAL_MIN_COUNT)) {
      const asLower = Math.log(p) + Math.log(lowerCount);
      const asCapital = Math.log(total - lowerCount + 0.5);
      const confidence = 1 / (1 + Math.exp(asCapital - asLower));
      return confidence >= params.minConfidence ? { word: lower, confidence } : 'below-threshold';
    }
    return 'known';
  }
  if (pattern !== 'lower' && pattern !== 'capital') return 'known';
  const learned = pattern === 'lower' ? channel.words?.[lower] : undefined;
  if (!learned) return seen ? likelierTwin(lower, pattern, words, channel, params, seen, context) : 'known';
  return learnedWord(lower, channel, params, seen);
}

/** The word the training OCR wrote `lower` for most often (`fin` for `sin`), where the page's own
 * repairs show its letter confusions twice, at the share of the OCR word's sightings it had. */
function learnedWord(lower: string, channel: FrakturChannel, params: OldRepairParams, seen?: ReadonlyMap<string, number>): OldVerdict {
  const learned = channel.words?.[lower];
  if (!learned) return 'known';
  let best: { word: string; n: number } | undefined;
  for (const [truth, n] of Object.entries(learned.truths)) if (truth !== lower && (!best || n > best.n)) best = { word: truth, n };
  if (!best) return 'known';
  if (spellingKey(best.word) === spellingKey(lower)) return 'archaic';
  // The page's own damage must show the letters confused (`f` for `s` in `fade`, `fjelf`) twice.
  if (seen && !letterSwaps(lower, best.word)?.every((k) => (seen.get(k) ?? 0) >= 2)) return 'clean-document';
  const confidence = (best.n + 0.5) / (learned.n + 1);
  return confidence >= params.minConfidence ? { word: best.word, confidence } : 'below-threshold';
}

/**
 * A known word read as a likelier one a learned letter confusion away (`pa` → `på`, `sam` →
 * `som`), weighing the channel against the old lexicon's frequencies (or the period's word pairs
 * around it), where the page's own repairs show that confusion.
 */
function likelierTwin(lower: string, pattern: ReturnType<typeof casePattern>, words: OldWords, channel: FrakturChannel, params: OldRepairParams, seen: ReadonlyMap<string, number>, context?: { left?: string; right?: string }): OldVerdict {
  if (params.knownMinConfidence === undefined) return 'known';
  const key = spellingKey(lower);
  const total = words.tokens;
  const pairs = params.pairContext ? oldSwedishPairs() : undefined;
  const prior = (w: string): number => (pairs ? contextLogP(w, context?.left, context?.right, words, pairs) : Math.log((words.frequency(w) + 0.5) / total));
  const original = -channel.keep * lower.length + prior(lower);
  const scored: Array<{ word: string; score: number }> = [];
  for (const w of new Set(substituted(lower, channel))) {
    if (words.lowerFrequency(w) === 0 || spellingKey(w) === key) continue;
    // One confusion only: two make a known word into many others (`äta` → `åka`).
    const swaps = letterSwaps(lower, w)!;
    if (swaps.length !== 1 || (seen.get(swaps[0]!) ?? 0) < 1) continue;
    scored.push({ word: w, score: -channelCost(lower, w, channel) + prior(w) });
  }
  if (scored.length === 0) return 'known';
  const r = decideReading(original, scored, pattern, { ...params, minConfidence: params.knownMinConfidence });
  return r === 'as-written' ? 'known' : r;
}

/** Whether the token at [start, end) is part of an abbreviation of the time (`R:dr`, `Kongl.`,
 * `d. v. s.`). A lower-case word of 3–5 letters before a full stop that ends the sentence (a
 * capital, a quote or the line's end after it: `sig.`, `tid.`) is a word: the period novels end
 * sentences so thousands of times, and write such abbreviations before a lower-case word. */
function abbreviationPart(text: string, start: number, end: number): boolean {
  if (text[start - 1] === ':' || text[end] === ':') return true;
  if (text[end] !== '.' || end - start > 5) return false;
  if (end - start <= 2 || !LOWER_START.test(text[start]!)) return true;
  return !SENTENCE_AFTER_STOP.test(text.slice(end + 1, end + 4));
}
const LOWER_START = /\p{Ll}/u;
/** After a full stop: the text's or line's end, or a blank and then a capital or a quote. */
const SENTENCE_AFTER_STOP = /^(?:$|\s*\n|[ \t]+[\p{Lu}"”»«'’–—-])/u;

/** The letter substitutions (`ocr<TAB>truth`) that make `ocr` into `word`, for words of one length; else undefined. */
function letterSwaps(ocr: string, word: string): string[] | undefined {
  const a = [...ocr];
  const b = [...word];
  if (a.length !== b.length) return undefined;
  const out: string[] = [];
  a.forEach((c, i) => {
    if (c !== b[i]) out.push(`${c}\t${b[i]}`);
  });
  return out;
}

/**
 * Capitalised words the tokens hold mid-sentence twice or more and never in lower case, where the
 * page writes most other words of that first letter in lower case mid-sentence: names (`Ström`).
 * A page whose OCR reads a letter's every word with a capital (long s as `S`: `Som`, `Sig`,
 * `Sina`) shows the capital is damage there, repeated or not.
 */
function repeatedNames(text: string, tokens: ReadonlyArray<{ start: number; word: string }>): { names: Set<string>; capitalIsDamage: (word: string) => boolean } {
  const capitalMid = new Map<string, number>();
  const lower = new Set<string>();
  // First letter → mid-sentence tokens in lower case and capitalised.
  const byLetter = new Map<string, { lower: number; capital: number }>();
  for (const t of tokens) {
    const pattern = casePattern(t.word);
    if (pattern !== 'lower' && pattern !== 'capital') continue;
    if (pattern === 'lower') lower.add(t.word);
    if (!midSentence(text, t.start)) continue;
    const first = t.word[0]!.toLowerCase();
    const c = byLetter.get(first) ?? { lower: 0, capital: 0 };
    byLetter.set(first, c);
    if (pattern === 'lower') c.lower++;
    else {
      c.capital++;
      capitalMid.set(t.word, (capitalMid.get(t.word) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [w, n] of capitalMid) {
    const c = byLetter.get(w[0]!.toLowerCase())!;
    if (n >= 2 && !lower.has(w.toLowerCase()) && c.capital - n < c.lower) out.add(w);
  }
  // Whether the page capitalises most words of this word's first letter mid-sentence.
  const capitalIsDamage = (word: string): boolean => {
    const c = byLetter.get(word[0]!.toLowerCase());
    return c !== undefined && c.capital > c.lower;
  };
  return { names: out, capitalIsDamage };
}

/** Whether the token at `start` continues a sentence: a lower-case letter or a comma before it. */
function midSentence(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n')) i--;
  return i >= 0 && i < start - 1 && /[\p{Ll},;]/u.test(text[i]!);
}

/**
 * The repairs of the stretch [from, to) of `text`, a page in older spelling: line-end hyphenations
 * joined where they make a known word, unknown tokens read through the Fraktur channel, and, on a
 * page that shows such damage, known words the training OCR wrote for others. With `leftAlone`,
 * the words left alone that had a reading or were kept from having one are pushed there, with the
 * reason (offsets of `text`).
 */
export function oldSwedishEdits(text: string, from: number, to: number, modern: WordKnowledge | null, options: { dehyphenate?: boolean; params?: Partial<OldRepairParams>; leftAlone?: LeftAlone[] } = {}): Edit[] {
  const words = oldSwedishWords();
  const channel = frakturChannel();
  const params = { ...channel.params, ...options.params };
  const page = text.slice(from, to);
  const edits: Edit[] = [];
  const left: LeftAlone[] = [];
  const known = (w: string): boolean => words.has(w) || (modern?.has(w) ?? false);
  // Tokens without a reading (known words, and unknown ones with the reason): a second look below.
  const knownTokens: Array<{ start: number; end: number; word: string; reason: SkipReason | 'known'; at: number }> = [];
  // Every token's word in lower case, in order (a neighbour's), and `` for a hyphenated or no-word one.
  const sequence: string[] = [];
  // The tokens as written, and where each began (a neighbour's case).
  const written: Array<{ word: string; start: number }> = [];
  let tokens = 0;
  let repaired = 0;
  const swaps = new Map<string, number>();
  for (const t of tokenize(page)) {
    const start = from + t.start;
    const end = from + t.end;
    tokens++;
    sequence.push(t.halves || !ALL_LETTERS.test(t.word) ? '' : t.word.normalize('NFC').toLowerCase().replace(/ſ/gu, 's'));
    written.push({ word: t.word, start });
    if (t.halves) {
      if (options.dehyphenate === false) {
        left.push({ offset: start, word: t.raw, reason: 'not-joined' });
        continue;
      }
      const [a, b] = t.halves;
      if (known(t.word)) edits.push({ offset: start, length: end - start, after: t.word, confidence: 0.99, rule: 'dehyphenate' });
      else if (known(a) && known(b)) left.push({ offset: start, word: t.word, reason: 'as-written' });
      else {
        const r = judgeOldToken(t.word, words, modern, channel, params);
        if (typeof r !== 'string') {
          edits.push({ offset: start, length: end - start, after: r.word, confidence: round(r.confidence), rule: 'dehyphenate+fraktur-confusion' });
          repaired++;
        } else if (r !== 'known') left.push({ offset: start, word: t.word, reason: r });
      }
      continue;
    }
    if (abbreviationPart(text, start, end)) {
      left.push({ offset: start, word: t.word, reason: 'abbreviation-part' });
      continue;
    }
    const r = judgeOldToken(t.word, words, modern, channel, params);
    if (typeof r !== 'string') {
      if (r.word === t.raw) continue;
      edits.push({ offset: start, length: end - start, after: r.word, confidence: round(r.confidence), rule: 'fraktur-confusion' });
      repaired++;
      for (const k of letterSwaps(t.word.toLowerCase(), r.word.toLowerCase()) ?? []) swaps.set(k, (swaps.get(k) ?? 0) + 1);
    } else knownTokens.push({ start, end, word: t.word, reason: r, at: sequence.length - 1 });
  }
  const damaged = tokens > 0 && repaired >= params.damageRate * tokens && repaired > 0;
  const { names, capitalIsDamage } = repeatedNames(text, knownTokens);
  if (damaged || options.leftAlone) {
    for (const k of knownTokens) {
      const context = { left: sequence[k.at - 1] || undefined, right: sequence[k.at + 1] || undefined };
      const mid = midSentence(text, k.start);
      // A capital the page writes mid-sentence twice or more, and never the word in lower case, is
      // a name's (`Ström`): Fraktur OCR capitalises a word now and then, not every time.
      if (mid && casePattern(k.word) === 'capital' && names.has(k.word)) {
        left.push({ offset: k.start, word: k.word, reason: 'repeated-name' });
        continue;
      }
      // After a capitalised word mid-sentence whose letter the page does not capitalise by damage
      // (`Eugenia Ström`, `Hans Ström`), a capital is a name's part.
      const before = written[k.at - 1];
      if (mid && casePattern(k.word) === 'capital' && before && casePattern(before.word) === 'capital' && before.start + before.word.length < k.start && midSentence(text, before.start) && !capitalIsDamage(before.word)) {
        left.push({ offset: k.start, word: k.word, reason: 'as-written' });
        continue;
      }
      const r = judgeKnownOldToken(k.word, mid, words, channel, params, damaged ? swaps : undefined, context);
      if (damaged && typeof r !== 'string') {
        if (r.word !== k.word) edits.push({ offset: k.start, length: k.end - k.start, after: r.word, confidence: round(r.confidence), rule: 'fraktur-word-confusion' });
        continue;
      }
      // On a page without Fraktur damage a known word keeps its spelling.
      const reason = k.reason !== 'known' ? k.reason : r === 'known' ? undefined : damaged ? (r as SkipReason) : 'clean-document';
      if (reason) left.push({ offset: k.start, word: k.word, reason });
    }
    if (damaged) edits.push(...loneGlyphEdits(page, from, channel, params));
    edits.sort((a, b) => a.offset - b.offset);
  }
  if (options.leftAlone) options.leftAlone.push(...left.sort((a, b) => a.offset - b.offset));
  return edits;
}

/** A token of glyphs standing alone between blanks (`-`, `--`, `*`). */
const LONE_GLYPH = /(?<=^|\s)[-–—*=~"_]+(?=\s|$)/gu;

/** The marks a page's lone glyphs stood for in the training OCR (`-` → `–`): on a page with
 * Fraktur damage only, since a transcription may write its dashes so on purpose. */
function loneGlyphEdits(page: string, from: number, channel: FrakturChannel, params: OldRepairParams): Edit[] {
  const edits: Edit[] = [];
  if (!channel.glyphs) return edits;
  for (const m of page.matchAll(LONE_GLYPH)) {
    const learned = channel.glyphs[m[0]];
    if (!learned) continue;
    for (const [truth, k] of Object.entries(learned.truths)) {
      const confidence = (k + 0.5) / (learned.n + 1);
      if (truth !== m[0] && confidence >= params.minConfidence) edits.push({ offset: from + m.index, length: m[0].length, after: truth, confidence: round(confidence), rule: 'lone-glyph' });
    }
  }
  return edits;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
