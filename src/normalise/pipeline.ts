/**
 * The normalisation pipeline: which steps run in which order, the fast path for clean text, and
 * passes until nothing changes (so the result is a fixed point: normalize is idempotent).
 *
 * Order matters: mojibake before removing soft hyphens, C1 controls and no-break spaces (they are
 * continuation bytes of mojibake: `Ã\u00AD` is `í`), ligatures after mojibake (it can produce them),
 * NFC last (mojibake and split accents can leave decomposed letters). A second pass catches the rare
 * damage that only appears once something was removed or composed (`A`+tilde+`¤` is `Ã¤`).
 */
import { composeEdits, applyEdits, type Edit } from './edits.js';
import { countWork } from '../work.js';
import { accentsComeFirst, diacriticEdits } from './diacritics.js';
import { earlyInvisibleApply, earlyInvisibleEdits, lateInvisibleApply, lateInvisibleEdits } from './invisibles.js';
import { ligatureApply, ligatureEdits } from './ligatures.js';
import { mojibakeEdits, mojibakeTriggerSource, showsMojibake } from './mojibake.js';
import { nfcEdits, nfcRelevantChars } from './nfc.js';

export interface NormalizeOptions {
  /** Undo UTF-8 read as Latin-1 / Windows-1252 / Windows-1250, once or twice. Default true. */
  mojibake?: boolean;
  /** Expand U+FB00–U+FB06 ligatures. Default true. */
  ligatures?: boolean;
  /** Join diacritics a PDF text layer split off their letter. Default true. */
  diacritics?: boolean;
  /** Line ends, zero-width characters, soft hyphens, odd spaces, control characters. Default true. */
  whitespace?: boolean;
}

/** A step, what in the text calls for it, and how often it may run in a row (mojibake again on its own output). */
interface Step {
  edits: (text: string) => Edit[];
  /** The same result without building edits, where that is much cheaper (untracked runs). */
  apply: ((text: string) => string) | undefined;
  flag: number;
  repeat: number;
}

/** What a text needs, as bits: found by one scan, so steps with nothing to do are not run at all. */
const NEEDS = { early: 1, late: 2, ligatures: 4, diacritics: 8, nfc: 16, mojibake: 32 } as const;
const ALL = 63;

/** How many levels of mis-decoding are undone (UTF-8 read wrongly thrice is beyond saving). */
const MOJIBAKE_LEVELS = 3;
/** Passes of the whole pipeline; one suffices except when a removal joins two halves of damage. */
const MAX_PASSES = 4;

let mojibakeLike: RegExp | undefined;
let needsOf: Uint8Array | undefined;

/**
 * For each UTF-16 code unit, the steps it calls for; 0 for all the text that needs no work (ASCII,
 * Latin letters, punctuation, currency, other scripts …). Mojibake is not in the table: it is a
 * matter of pairs, tested separately. The fast-path tests check the table against the steps.
 */
function needsTable(): Uint8Array {
  if (needsOf) return needsOf;
  const table = new Uint8Array(0x10000);
  const set = (from: number, to: number, flag: number): void => {
    for (let u = from; u <= to; u++) table[u]! |= flag;
  };
  set(0x0d, 0x0d, NEEDS.early);
  set(0x00, 0x08, NEEDS.early);
  set(0x0b, 0x1f, NEEDS.early);
  set(0x7f, 0x7f, NEEDS.early);
  set(0x200b, 0x200d, NEEDS.early);
  set(0x2060, 0x2060, NEEDS.early);
  set(0xfeff, 0xfeff, NEEDS.early);
  set(0x2000, 0x200a, NEEDS.early);
  for (const u of [0x202f, 0x205f, 0x3000]) set(u, u, NEEDS.early);
  set(0x80, 0xa0, NEEDS.late);
  set(0xad, 0xad, NEEDS.late);
  set(0xfb00, 0xfb06, NEEDS.ligatures);
  for (const u of [0xa8, 0xb4, 0xb8, 0x2c6, 0x2c7, 0x2da, 0x2dc, 0x300, 0x301, 0x302, 0x303, 0x308, 0x30a, 0x30c, 0x327]) set(u, u, NEEDS.diacritics);
  for (const ch of nfcRelevantChars()) table[ch.charCodeAt(0)]! |= NEEDS.nfc;
  set(0xd800, 0xdfff, NEEDS.nfc);
  needsOf = table;
  return table;
}

/**
 * Characters that never need work, for the scan: ASCII printables, Latin letters and symbols but the
 * spacing accents, general punctuation and currency. (A negated class of these scans far faster in
 * V8 than a positive class of the characters that do need work.) Other characters found by the
 * scan are looked up in the table; most need nothing either.
 */
const QUIET = '\\t\\n\\u0020-\\u007e\\u00a1-\\u00a7\\u00a9-\\u00ac\\u00ae-\\u00b3\\u00b5-\\u00b7\\u00b9-\\u02c5\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20c0\\ue000-\\uf8ff\\ufffd';

const scanners = new Map<number, RegExp>();

/**
 * The scan once some needs are known: CR (line ends) and NBSP/soft hyphen can be on every line;
 * once their step is due anyway the scan no longer stops at each of them.
 */
function scannerFor(known: number): RegExp {
  const key = known & (NEEDS.early | NEEDS.late);
  let re = scanners.get(key);
  if (!re) {
    const extra = (key & NEEDS.early ? '\\r' : '') + (key & NEEDS.late ? '\\u00a0\\u00ad' : '');
    re = new RegExp(`[^${QUIET}${extra}]`, 'g');
    scanners.set(key, re);
  }
  return re;
}

/** Which steps the text calls for (0: nothing to do — the fast path). */
export function analyse(text: string): number {
  countWork(text.length);
  const table = needsTable();
  let needs = 0;
  let at = 0;
  while ((needs | NEEDS.mojibake) !== ALL) {
    const re = scannerFor(needs);
    re.lastIndex = at;
    const m = re.exec(text);
    if (m === null) break;
    needs |= table[text.charCodeAt(m.index)]!;
    at = m.index + 1;
  }
  // Mojibake is a matter of pairs (a lead before a continuation character), tested on its own.
  if (mojibakePair(text)) needs |= NEEDS.mojibake;
  return needs;
}

function mojibakePair(text: string): boolean {
  mojibakeLike ??= new RegExp(mojibakeTriggerSource());
  return mojibakeLike.test(text);
}

/** What the replacement texts of some edits call for. */
function needsOfEdits(edits: readonly Edit[]): number {
  const table = needsTable();
  let needs = 0;
  for (const e of edits) for (let i = 0; i < e.after.length; i++) needs |= table[e.after.charCodeAt(i)]!;
  return needs;
}

/** Is there anything at all to do in this text? */
export function needsWork(text: string): boolean {
  return analyse(text) !== 0;
}

/**
 * Decisions taken once for a whole text, so that its chunks are judged alike: does it show
 * unambiguous mojibake, and does its text layer put accents before their letters?
 */
export interface TextHabits {
  mojibake: boolean;
  accentsFirst: boolean;
}

function habitsOf(text: string, needs: number): TextHabits {
  return {
    mojibake: (needs & NEEDS.mojibake) !== 0 && showsMojibake(text),
    accentsFirst: (needs & NEEDS.diacritics) !== 0 && accentsComeFirst(text),
  };
}

function steps(options: NormalizeOptions, habits: TextHabits): Step[] {
  const on = (flag: boolean | undefined): boolean => flag !== false;
  const list: Step[] = [];
  const add = (edits: Step['edits'], apply: Step['apply'], flag: number, repeat = 1): number => list.push({ edits, apply, flag, repeat });
  if (on(options.whitespace)) add(earlyInvisibleEdits, earlyInvisibleApply, NEEDS.early);
  if (on(options.mojibake)) add((t) => mojibakeEdits(t, habits.mojibake), undefined, NEEDS.mojibake, MOJIBAKE_LEVELS);
  if (on(options.whitespace)) add(lateInvisibleEdits, lateInvisibleApply, NEEDS.late);
  if (on(options.ligatures)) add(ligatureEdits, ligatureApply, NEEDS.ligatures);
  if (on(options.diacritics)) add((t) => diacriticEdits(t, habits.accentsFirst), undefined, NEEDS.diacritics);
  add(nfcEdits, undefined, NEEDS.nfc);
  return list;
}

export interface PipelineResult {
  text: string;
  /** Edits against the input, or undefined when not tracked. */
  edits: Edit[] | undefined;
}

/** Texts longer than this are worked on in line-aligned chunks (UTF-16 units). */
const CHUNK = 1 << 11;

/**
 * Normalise `input`. Long texts go in chunks that end after a line feed — nothing a step does
 * reaches across a line feed — so a chunk without damage costs one scan and a damaged one runs
 * only the steps it needs. `chunk` is a parameter for the tests.
 */
export function runPipeline(input: string, options: NormalizeOptions, track: boolean, chunk: number = CHUNK): PipelineResult {
  const needs = analyse(input);
  if (needs === 0) return { text: input, edits: track ? [] : undefined };
  const habits = habitsOf(input, needs);
  if (input.length <= chunk) return runSteps(input, options, track, needs, habits);
  let text = '';
  const edits: Edit[] = [];
  for (let start = 0; start < input.length; ) {
    const nl = input.indexOf('\n', start + chunk - 1);
    const end = nl === -1 ? input.length : nl + 1;
    const part = input.slice(start, end);
    const partNeeds = analyse(part);
    if (partNeeds === 0) text += part;
    else {
      const result = runSteps(part, options, track, partNeeds, habits);
      text += result.text;
      if (track) for (const e of result.edits!) edits.push({ ...e, offset: e.offset + start });
    }
    start = end;
  }
  return { text, edits: track ? edits : undefined };
}

/**
 * The pipeline without the fast path. `needs` limits the first pass to the steps the text calls
 * for; tests pass ALL to check that limiting changes nothing.
 */
export function runSteps(input: string, options: NormalizeOptions, track: boolean, needs: number = ALL, habits?: TextHabits): PipelineResult {
  const list = steps(options, habits ?? habitsOf(input, ALL));
  let text = input;
  let edits: Edit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const start = text;
    for (const step of list) {
      if ((needs & step.flag) === 0) continue;
      for (let round = 0; round < step.repeat; round++) {
        let next: string;
        // Each step is one scan of the text it is given (counted; see src/work.ts).
        countWork(text.length);
        if (!track && step.apply) {
          next = step.apply(text);
          if (next === text) break;
        } else {
          const stepEdits = step.edits(text);
          if (stepEdits.length === 0) break;
          next = applyEdits(text, stepEdits);
          if (track) edits = composeEdits(input, edits, stepEdits, next);
          // Decoded mojibake can be anything (C1, accents, ligatures, decomposed letters): what it
          // brought in may call for later steps.
          if (step.flag === NEEDS.mojibake) needs |= needsOfEdits(stepEdits);
        }
        // Taking out an invisible character can join a lead and a continuation character into a
        // mojibake pair (`ä`, U+200B, U+0085 …) that the analysis of the text before could not see.
        if (step.flag === NEEDS.early && (needs & NEEDS.mojibake) === 0 && mojibakePair(next)) needs |= NEEDS.mojibake;
        text = next;
      }
    }
    if (text === start) break;
    needs = analyse(text);
    if (needs === 0) break;
  }
  return { text, edits: track ? edits : undefined };
}
