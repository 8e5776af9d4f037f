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
}

let channelCache: FrakturChannel | undefined;

export function frakturChannel(): FrakturChannel {
  return (channelCache ??= JSON.parse(readDataFile('old-sv-channel.json')) as FrakturChannel);
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
function judgeKnownOldToken(token: string, midSentence: boolean, words: OldWords, channel: FrakturChannel, params: OldRepairParams, seen?: ReadonlyMap<string, number>): OldVerdict {
  if (!ALL_LETTERS.test(token)) return 'known';
  const pattern = casePattern(token);
  const lower = token.normalize('NFC').toLowerCase().replace(/ſ/gu, 's');
  // A capital mid-sentence on a word the period wrote in lower case (`Som`, `Sig`): the OCR's.
  if (pattern === 'capital' && midSentence && channel.capitals) {
    const p = channel.capitals[lower[0]!] ?? 0;
    const total = words.frequency(lower);
    const lowerCount = words.lowerFrequency(lower);
    if (p > 0 && lowerCount >= CAPITAL_MIN_COUNT) {
      const asLower = Math.log(p) + Math.log(lowerCount);
      const asCapital = Math.log(total - lowerCount + 0.5);
      const confidence = 1 / (1 + Math.exp(asCapital - asLower));
      return confidence >= params.minConfidence ? { word: lower, confidence } : 'below-threshold';
    }
    return 'known';
  }
  if (pattern !== 'lower') return 'known';
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

/** Whether the token at [start, end) is part of an abbreviation of the time (`R:dr`, `Kongl.`, `d. v. s.`). */
function abbreviationPart(text: string, start: number, end: number): boolean {
  if (text[start - 1] === ':' || text[end] === ':') return true;
  return text[end] === '.' && end - start <= 5;
}

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
  const knownTokens: Array<{ start: number; end: number; word: string; reason: SkipReason | 'known' }> = [];
  let tokens = 0;
  let repaired = 0;
  const swaps = new Map<string, number>();
  for (const t of tokenize(page)) {
    const start = from + t.start;
    const end = from + t.end;
    tokens++;
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
    } else knownTokens.push({ start, end, word: t.word, reason: r });
  }
  const damaged = tokens > 0 && repaired >= params.damageRate * tokens && repaired > 0;
  if (damaged || options.leftAlone) {
    for (const k of knownTokens) {
      const r = judgeKnownOldToken(k.word, midSentence(text, k.start), words, channel, params, damaged ? swaps : undefined);
      if (damaged && typeof r !== 'string') {
        if (r.word !== k.word) edits.push({ offset: k.start, length: k.end - k.start, after: r.word, confidence: round(r.confidence), rule: 'fraktur-word-confusion' });
        continue;
      }
      // On a page without Fraktur damage a known word keeps its spelling.
      const reason = k.reason !== 'known' ? k.reason : r === 'known' ? undefined : damaged ? (r as SkipReason) : 'clean-document';
      if (reason) left.push({ offset: k.start, word: k.word, reason });
    }
    edits.sort((a, b) => a.offset - b.offset);
  }
  if (options.leftAlone) options.leftAlone.push(...left.sort((a, b) => a.offset - b.offset));
  return edits;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
