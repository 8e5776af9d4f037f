/**
 * Which spelling a text is in: Swedish before the 1906 reform (`hvad`, `af`, `öfver`, `qvinna`,
 * `godt`) or today's. The features and their rates are learned (`scripts/build-old-sv.ts`: letter
 * pairs and triples, word starts and ends, short words whole, that are five times as common in one
 * spelling as in the other, in novels and in official prose alike); nothing here lists them. Each
 * page (form-feed separated) is decided on its own, since an archive may bind an 1890 page and a
 * 1990 one together, and the decision carries its evidence, as extraction's page decision does.
 */
import { readDataFile } from '../dictionaries.js';
import { languageSet } from '../language.js';
import { Checker } from './model-file.js';
import { remember } from '../memo.js';

export type Spelling = 'pre-1906' | 'modern';

export interface OrthographyFeature {
  /** `^x` a word's start, `x$` its end, `^x$` the whole word, else letters anywhere in it. */
  feature: string;
  /** Tokens holding it per 1000, in older and in modern text. */
  old: number;
  modern: number;
}

export interface OrthographyModel {
  features: OrthographyFeature[];
  /** Log-likelihood ratio (nats) from which a page is read as pre-1906. */
  threshold: number;
  /** Fewer word tokens than this decide nothing: the page takes the document's decision. */
  minWords: number;
}

export interface OrthographyEvidence {
  feature: string;
  /** Word tokens holding it. */
  count: number;
  /** Its log-likelihood ratio contribution (nats; > 0 speaks for pre-1906). */
  weight: number;
}

export interface OrthographyDecision {
  spelling: Spelling;
  /** Log-likelihood ratio old : modern in nats over all features (> threshold: pre-1906). */
  score: number;
  words: number;
  /** The features found, strongest contribution first (at most 8). */
  evidence: OrthographyEvidence[];
  /** Why, in words. */
  reasons: string[];
}

export interface PageOrthography extends OrthographyDecision {
  /** 1-based page number (pages are separated by form feeds). */
  page: number;
  /** Where the page stands in the text (UTF-16 offsets, form feed excluded). */
  offset: number;
  length: number;
}

export interface TextOrthography extends OrthographyDecision {
  /** Every page's own decision (one entry for a text without form feeds). */
  pages: PageOrthography[];
}

interface Matcher {
  kind: 'start' | 'end' | 'whole' | 'inside';
  letters: string;
  logOld: number;
  logModern: number;
  /** log((1 − p_old) / (1 − p_modern)): the price of a token without the feature. */
  absent: number;
}

let cached: { model: OrthographyModel; matchers: Matcher[]; cue: RegExp | null } | undefined;

function compile(model: OrthographyModel): Matcher[] {
  return model.features.map((f) => {
    const start = f.feature.startsWith('^');
    const end = f.feature.endsWith('$');
    const letters = f.feature.replace(/^\^|\$$/gu, '');
    const po = f.old / 1000;
    const pm = f.modern / 1000;
    return { kind: start && end ? 'whole' : start ? 'start' : end ? 'end' : 'inside', letters, logOld: Math.log(po), logModern: Math.log(pm), absent: Math.log((1 - po) / (1 - pm)) };
  });
}

/** `json` checked as an old-sv-orthography.json (the fields the decision reads); `file` names it in
 * every error. Rates are per 1000 tokens, above 0 and below 1000 (their logarithms are weights). */
export function checkOrthographyModel(json: unknown, file: string): OrthographyModel {
  const c = new Checker(file);
  const o = c.object(json, '(top level)');
  const rate = (v: unknown, p: string): number => {
    const r = c.number(v, p);
    if (!(r > 0 && r < 1000)) c.fail(p, 'a rate per 1000 above 0 and below 1000', v);
    return r;
  };
  return {
    features: c.list(o.features, 'features', (v, p) => {
      const f = c.object(v, p);
      return { feature: c.string(f.feature, `${p}.feature`, true), old: rate(f.old, `${p}.old`), modern: rate(f.modern, `${p}.modern`) };
    }),
    threshold: c.number(o.threshold, 'threshold'),
    minWords: c.count(o.minWords, 'minWords'),
  };
}

/** The shipped model (dictionaries/old-sv-orthography.json). */
export function orthographyModel(): OrthographyModel {
  return loaded().model;
}

function loaded(): { model: OrthographyModel; matchers: Matcher[]; cue: RegExp | null } {
  if (!cached) {
    const json = checkOrthographyModel(JSON.parse(readDataFile('old-sv-orthography.json')), 'old-sv-orthography.json');
    const matchers = compile(json);
    cached = { model: json, matchers, cue: cueOf(matchers) };
  }
  return cached;
}

const WORD = /\p{L}+/gu;

function matches(m: Matcher, w: string): boolean {
  switch (m.kind) {
    case 'whole':
      return w === m.letters;
    case 'start':
      return w.length > m.letters.length && w.startsWith(m.letters);
    case 'end':
      return w.length > m.letters.length && w.endsWith(m.letters);
    default:
      return w.includes(m.letters);
  }
}

const NO_FEATURES: readonly number[] = [];
/** Words of the shipped model → the indices of the features each holds (a text repeats its words,
 * and every repair decides its spelling first); bounded like repair's other caches. */
const featuresOfWord = new Map<string, readonly number[]>();
const WORD_CACHE_LIMIT = 200_000;

/**
 * A character class of letters at least one of which every feature holds (`[vfjd]` for the shipped
 * model): a word with none of them holds no feature, so most words are counted without a lookup.
 * Chosen greedily, the letter held by most features not yet covered first, consonants before
 * vowels (dictionaries/sv/vowels.txt: nearly every word has one); null when a feature has no
 * letters (it would hold in every word).
 */
function cueOf(matchers: readonly Matcher[]): RegExp | null {
  if (matchers.some((m) => m.letters === '')) return null;
  const vowels = languageSet('sv/vowels');
  let open = matchers.map((m) => m.letters);
  const cue: string[] = [];
  while (open.length > 0) {
    const counts = new Map<string, number>();
    for (const letters of open) for (const c of new Set(letters)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const rank = (c: string): number => (vowels.has(c) ? 0 : 1e6) + (counts.get(c) ?? 0);
    let best = '';
    for (const c of counts.keys()) if (best === '' || rank(c) > rank(best)) best = c;
    cue.push(best);
    open = open.filter((letters) => !letters.includes(best));
  }
  return new RegExp(`[${cue.map((c) => c.replace(/[\\\]^-]/gu, '\\$&')).join('')}]`, 'u');
}

/** The indices of the matchers that word `w` (lower case) holds, in order. */
function featuresOf(matchers: readonly Matcher[], cue: RegExp | null, w: string, memo: Map<string, readonly number[]>): readonly number[] {
  if (cue !== null && !cue.test(w)) return NO_FEATURES;
  let found = memo.get(w);
  if (found === undefined) {
    let list: number[] | undefined;
    for (let k = 0; k < matchers.length; k++) if (matches(matchers[k]!, w)) (list ??= []).push(k);
    found = remember(memo, w, list ?? NO_FEATURES, WORD_CACHE_LIMIT);
  }
  return found;
}

interface Compiled {
  model: OrthographyModel;
  matchers: Matcher[];
  cue: RegExp | null;
  memo: Map<string, readonly number[]>;
}

/** The model with its matchers (the shipped one's compiled once). */
function compiled(model?: OrthographyModel): Compiled {
  const shipped = loaded();
  if (!model || model === shipped.model) return { ...shipped, memo: featuresOfWord };
  const matchers = compile(model);
  return { model, matchers, cue: cueOf(matchers), memo: new Map() };
}

/** Per feature, the word tokens of `text` holding it; and the word tokens. */
function countFeatures(text: string, c: Compiled): { counts: number[]; words: number } {
  const counts = new Array<number>(c.matchers.length).fill(0);
  let words = 0;
  for (const word of text.normalize('NFC').match(WORD) ?? []) {
    words++;
    for (const k of featuresOf(c.matchers, c.cue, word.toLowerCase(), c.memo)) counts[k]!++;
  }
  return { counts, words };
}

/** Each feature's log-likelihood ratio weight (nats) given its counts, and their sum (not rounded). */
function weigh(matchers: readonly Matcher[], counts: readonly number[], words: number): { weights: number[]; score: number } {
  let score = 0;
  const weights = matchers.map((x, k) => {
    const c = counts[k]!;
    const weight = c * (x.logOld - x.logModern) + (words - c) * x.absent;
    score += weight;
    return weight;
  });
  return { weights, score };
}

/** The log-likelihood ratio old : modern (nats, not rounded) of a text under `model`: what the
 * decision compares with the threshold (scripts/build-old-sv.ts sets the threshold with it). */
export function spellingScore(text: string, model: OrthographyModel): number {
  const c = compiled(model);
  const { counts, words } = countFeatures(text, c);
  return weigh(c.matchers, counts, words).score;
}

/** The decision of a stretch of text from its feature counts. */
function decide({ model: m, matchers }: Compiled, counts: readonly number[], words: number): OrthographyDecision {
  const { weights, score } = weigh(matchers, counts, words);
  const evidence: OrthographyEvidence[] = [];
  matchers.forEach((_, k) => {
    if (counts[k]! > 0) evidence.push({ feature: m.features[k]!.feature, count: counts[k]!, weight: round(weights[k]!) });
  });
  evidence.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  const top = evidence.slice(0, 8);
  const enough = words >= m.minWords;
  const spelling: Spelling = enough && score >= m.threshold ? 'pre-1906' : 'modern';
  const list = top.slice(0, 4).map((e) => `${e.feature} ×${e.count}`).join(', ');
  const reasons = !enough
    ? [`only ${words} words: too few to tell the spelling`]
    : [`${spelling === 'pre-1906' ? 'spelling before the 1906 reform' : 'modern spelling'}: log-odds ${round(score)} (pre-1906 from ${m.threshold})${list ? `; ${list}` : ''}`];
  return { spelling, score: round(score), words, evidence: top, reasons };
}

/** The decision for one stretch of text (a page, or a text without pages). */
export function decideSpelling(text: string, model?: OrthographyModel): OrthographyDecision {
  const c = compiled(model);
  const { counts, words } = countFeatures(text, c);
  return decide(c, counts, words);
}

/**
 * The decision for a whole text and for each of its pages (form-feed separated). A page with too
 * few words to tell takes the decision of the whole text.
 */
export function decideOrthography(text: string, model?: OrthographyModel): TextOrthography {
  const c = compiled(model);
  const m = c.model;
  const parts = text.split('\f');
  // The whole text's counts are its pages' summed (no word spans a form feed): one pass over it.
  const perPage = parts.map((part) => countFeatures(part, c));
  const counts = new Array<number>(c.matchers.length).fill(0);
  let words = 0;
  for (const p of perPage) {
    words += p.words;
    p.counts.forEach((n, k) => (counts[k]! += n));
  }
  const whole = decide(c, counts, words);
  const pages: PageOrthography[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    // A trailing form feed (Tesseract ends every page with one) leaves no page of its own.
    if (i === parts.length - 1 && part.trim() === '' && parts.length > 1) return;
    const d = parts.length === 1 ? whole : decide(c, perPage[i]!.counts, perPage[i]!.words);
    const inherit = d.words < m.minWords;
    pages.push({
      ...d,
      ...(inherit ? { spelling: whole.spelling, reasons: [...d.reasons, `the page takes the document's decision (${whole.spelling})`] } : {}),
      page: i + 1,
      offset,
      length: part.length,
    });
    offset += part.length + 1;
  });
  return { ...whole, pages };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
