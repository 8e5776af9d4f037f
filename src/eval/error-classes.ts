/**
 * What the character errors of a text against its truth are: each error placed in one class (a
 * word left wrong by 1, 2 or ≥ 3 letter edits, a non-word or a real word; a word split inside a
 * line or at a line end; words glued; punctuation, quotes, dashes; digits; case; a line-break
 * hyphen left in; spacing around marks; words missing or added), so a figure such as "69 % of the
 * character errors removed" can be read as which errors are left. bench/repair-errors.mjs prints it
 * for the repair output (and its input) of any folder of truth + OCR texts.
 *
 * Counting: the truth's and the text's words (flattened as the scorer flattens them: `flatWords`)
 * are aligned word by word (`alignWords`); each stretch between two equal words is split into
 * groups of 1:1, 1:k (a word split), k:1 (words glued), 1:0 and 0:1 words by the cheapest
 * character edits (k ≤ 3), and a group's errors are the Levenshtein distance of its words joined
 * by spaces. The sum over groups is at least the scorer's character errors and in practice within
 * a few per cent of them (`total` beside `scorer`).
 */
import { alignWords, editDistance, flatWords, flatten } from './metrics.js';

/** The classes, in the order the tables print them. */
export const ERROR_CLASSES = [
  'word-1-nonword',
  'word-1-realword',
  'word-2-nonword',
  'word-2-realword',
  'word-3+-nonword',
  'word-3+-realword',
  'diacritics',
  'case',
  'punct-quote',
  'punct-dash',
  'punct-other',
  'digits',
  'split-line-end',
  'split-in-line',
  'split-damaged',
  'hyphen-left',
  'spacing',
  'glued-i',
  'glued',
  'glued-damaged',
  'word-missing',
  'word-added',
  'other',
] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** What each class holds, for the tables' legend. */
export const ERROR_CLASS_TEXT: Record<ErrorClass, string> = {
  'word-1-nonword': 'a word 1 letter edit off, the text no word',
  'word-1-realword': 'a word 1 letter edit off, the text another word',
  'word-2-nonword': 'a word 2 letter edits off, no word',
  'word-2-realword': 'a word 2 letter edits off, another word',
  'word-3+-nonword': 'a word ≥ 3 letter edits off, no word',
  'word-3+-realword': 'a word ≥ 3 letter edits off, another word',
  diacritics: 'a word off only in å/ä/ö/é (any number)',
  case: 'a word off only in case',
  'punct-quote': 'a word right but for quotes/apostrophes',
  'punct-dash': 'a word right but for dashes/hyphens',
  'punct-other': 'a word right but for other marks (. , : ; ! ? ( ) …)',
  digits: 'a token with digits off',
  'split-line-end': 'a word split in two at a line end, pieces right',
  'split-in-line': 'a word split in two inside a line, pieces right',
  'split-damaged': 'a word split, pieces damaged too',
  'hyphen-left': 'a line-break hyphen left in (`organi- sationer`)',
  spacing: 'a mark split off or glued (`ord ,`, `ord,och`)',
  'glued-i': '`i`/`I` glued to its neighbour',
  glued: 'two words glued, letters right',
  'glued-damaged': 'two words glued, letters damaged too',
  'word-missing': 'a truth word with nothing for it',
  'word-added': 'a token with no truth word (junk, page furniture)',
  other: 'anything else (3+ words to 2+ words)',
};

export interface ErrorGroup {
  cls: ErrorClass;
  truth: string;
  text: string;
  errors: number;
}

export interface ErrorBreakdown {
  /** Truth characters (flattened, code points). */
  chars: number;
  /** The scorer's character errors (Levenshtein over the flattened texts). */
  scorer: number;
  /** Sum of the groups' errors. */
  total: number;
  /** Errors (characters) and groups per class. */
  byClass: Record<ErrorClass, { errors: number; groups: number }>;
  groups: ErrorGroup[];
}

export function emptyBreakdown(): ErrorBreakdown {
  // (A typed local, not a literal `[]`: the built .js is type-checked by bench/ as a never[].)
  const groups: ErrorGroup[] = [];
  return {
    chars: 0,
    scorer: 0,
    total: 0,
    byClass: Object.fromEntries(ERROR_CLASSES.map((c) => [c, { errors: 0, groups: 0 }])) as ErrorBreakdown['byClass'],
    groups,
  };
}

export function addBreakdowns(into: ErrorBreakdown, b: ErrorBreakdown, keepGroups = true): ErrorBreakdown {
  into.chars += b.chars;
  into.scorer += b.scorer;
  into.total += b.total;
  for (const c of ERROR_CLASSES) {
    into.byClass[c].errors += b.byClass[c].errors;
    into.byClass[c].groups += b.byClass[c].groups;
  }
  if (keepGroups) for (const g of b.groups) into.groups.push(g);
  return into;
}

const QUOTES = /["'«»‘’‚‛“”„‟′″`´]/gu;
const DASHES = /[-‐‑‒–—―−]/gu;
const letters = (s: string): string => s.replace(/[^\p{L}]/gu, '');
const core = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const hasDigit = (s: string): boolean => /\p{N}/u.test(s);
const isMarks = (s: string): boolean => s !== '' && !/[\p{L}\p{N}]/u.test(s);

/** Is `word` (letters only) a word? Given by the caller (a lexicon); without one every word is unknown. */
export type IsWord = (word: string) => boolean;

/** The class of one truth word read as one text word. */
function substitutionClass(t: string, o: string, isWord: IsWord): ErrorClass {
  if (t.toLowerCase() === o.toLowerCase()) return 'case';
  if (core(t) === core(o)) {
    const nt = t.replace(QUOTES, '');
    const no = o.replace(QUOTES, '');
    if (nt === no) return 'punct-quote';
    if (nt.replace(DASHES, '') === no.replace(DASHES, '')) return 'punct-dash';
    return 'punct-other';
  }
  if (hasDigit(t) || hasDigit(o)) return 'digits';
  const lt = letters(t);
  const lo = letters(o);
  if (lt.toLowerCase() === lo.toLowerCase() && core(t).toLowerCase() === core(o).toLowerCase()) return 'case';
  if (fold(lt) === fold(lo)) return 'diacritics';
  const d = editDistance(lt, lo);
  const known = lo !== '' && isWord(lo);
  const n = d <= 1 ? '1' : d === 2 ? '2' : '3+';
  return `word-${n}-${known ? 'realword' : 'nonword'}` as ErrorClass;
}

/** The class of one truth word read as k ≥ 2 text words (`lineBreaks[i]`: a line end before piece i+1). */
function splitClass(t: string, pieces: readonly string[], lineBreaks: readonly boolean[]): ErrorClass {
  if (pieces.some(isMarks) || (pieces.join('') === t && pieces.some((p, i) => i > 0 && /^[^\p{L}\p{N}]/u.test(p)))) {
    if (pieces.join('') === t) return 'spacing';
  }
  const joined = pieces.join('');
  if (joined === t) return lineBreaks.some(Boolean) ? 'split-line-end' : 'split-in-line';
  if (pieces.slice(0, -1).some((p) => /[-‐‑¬]$/u.test(p)) && pieces.map((p, i) => (i < pieces.length - 1 ? p.replace(/[-‐‑¬]$/u, '') : p)).join('') === t) return 'hyphen-left';
  return 'split-damaged';
}

/** The class of k ≥ 2 truth words read as one text word. */
function gluedClass(words: readonly string[], o: string): ErrorClass {
  if (words.some(isMarks) && words.join('') === o) return 'spacing';
  if (words.join('') === o) return words.some((w) => w === 'i' || w === 'I') ? 'glued-i' : 'glued';
  return 'glued-damaged';
}

interface Tok {
  text: string;
  /** A line end between this token and the one before. */
  lineBefore: boolean;
}

function textTokens(text: string): Tok[] {
  const out: Tok[] = [];
  const s = text.normalize('NFC');
  for (const m of s.matchAll(/(\s*)(\S+)/gu)) out.push({ text: m[2]!, lineBefore: /\n/u.test(m[1]!) });
  return out;
}

/**
 * The breakdown of `text`'s character errors against `truth`. `isWord` says whether a word's
 * letters are a word (for real-word vs non-word errors).
 */
export function classifyErrors(truth: string, text: string, isWord: IsWord = () => false): ErrorBreakdown {
  const b = emptyBreakdown();
  const ref = flatWords(truth);
  const toks = textTokens(text);
  const hyp = toks.map((t) => t.text);
  if (hyp.join(' ') !== flatWords(text).join(' ')) throw new Error('classifyErrors: token mismatch');
  b.chars = [...flatten(truth)].length;
  b.scorer = editDistance(flatten(text), flatten(truth));
  const pairs = alignWords(ref, hyp).filter(([i, j]) => ref[i] === hyp[j]);
  let pi = 0;
  let pj = 0;
  const stretches: Array<[number, number, number, number]> = [];
  for (const [i, j] of pairs) {
    if (i > pi || j > pj) stretches.push([pi, i, pj, j]);
    pi = i + 1;
    pj = j + 1;
  }
  if (pi < ref.length || pj < hyp.length) stretches.push([pi, ref.length, pj, hyp.length]);
  const add = (cls: ErrorClass, truthWords: readonly string[], textWords: readonly string[], errors: number): void => {
    if (errors === 0) return;
    b.byClass[cls].errors += errors;
    b.byClass[cls].groups++;
    b.total += errors;
    b.groups.push({ cls, truth: truthWords.join(' '), text: textWords.join(' '), errors });
  };
  for (const [t0, t1, h0, h1] of stretches) {
    const nt = t1 - t0;
    const nh = h1 - h0;
    if (nt * nh > 400) {
      // a long stretch with nothing in common (a table, a garbled block): one group
      const tw = ref.slice(t0, t1);
      const hw = hyp.slice(h0, h1);
      add('other', tw, hw, editDistance(tw.join(' '), hw.join(' ')));
      continue;
    }
    // DP over groups: cost[a][c] = cheapest cover of ref[t0..t0+a) and hyp[h0..h0+c)
    const W = nh + 1;
    const cost = new Float64Array((nt + 1) * W).fill(Infinity);
    const back = new Int32Array((nt + 1) * W * 2);
    cost[0] = 0;
    const groupCost = (a: number, c: number, da: number, dc: number): number => {
      const tw = ref.slice(t0 + a, t0 + a + da).join(' ');
      const hw = hyp.slice(h0 + c, h0 + c + dc).join(' ');
      // the space between this group and the next is shared by both texts: not counted
      return editDistance(tw, hw) + (da === 0 || dc === 0 ? 1 : 0) - (da === 0 && dc === 0 ? 1 : 0);
    };
    const shapes: Array<[number, number]> = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [1, 3], [3, 1], [2, 2]];
    for (let a = 0; a <= nt; a++) {
      for (let c = 0; c <= nh; c++) {
        const here = cost[a * W + c]!;
        if (!Number.isFinite(here)) continue;
        for (const [da, dc] of shapes) {
          if (a + da > nt || c + dc > nh) continue;
          const k = (a + da) * W + c + dc;
          // (ties go to the simpler shape: a word and an added one, not a word split badly)
          const v = here + groupCost(a, c, da, dc) + (da === 2 && dc === 2 ? 0.5 : da + dc > 2 ? 0.01 : 0);
          if (v < cost[k]!) {
            cost[k] = v;
            back[k * 2] = da;
            back[k * 2 + 1] = dc;
          }
        }
      }
    }
    const groups: Array<[number, number, number, number]> = [];
    let a = nt;
    let c = nh;
    while (a > 0 || c > 0) {
      const k = a * W + c;
      const da = back[k * 2]!;
      const dc = back[k * 2 + 1]!;
      groups.push([a - da, da, c - dc, dc]);
      a -= da;
      c -= dc;
    }
    groups.reverse();
    for (const [ga, da, gc, dc] of groups) {
      const tw = ref.slice(t0 + ga, t0 + ga + da);
      const hw = hyp.slice(h0 + gc, h0 + gc + dc);
      const e = Math.round(groupCost(ga, gc, da, dc));
      if (da === 1 && dc === 1) add(substitutionClass(tw[0]!, hw[0]!, isWord), tw, hw, e);
      else if (da === 1 && dc === 0) add('word-missing', tw, hw, e);
      else if (da === 0 && dc === 1) add('word-added', tw, hw, e);
      else if (da === 1) {
        const breaks = toks.slice(h0 + gc + 1, h0 + gc + dc).map((t) => t.lineBefore);
        add(splitClass(tw[0]!, hw, breaks), tw, hw, e);
      } else if (dc === 1) add(gluedClass(tw, hw[0]!), tw, hw, e);
      else add('other', tw, hw, e);
    }
  }
  return b;
}
