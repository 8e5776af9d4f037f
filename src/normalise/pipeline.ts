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
import { diacriticEdits } from './diacritics.js';
import { earlyInvisibleEdits, lateInvisibleEdits } from './invisibles.js';
import { ligatureEdits } from './ligatures.js';
import { mojibakeEdits, mojibakeTriggerSource } from './mojibake.js';
import { nfcEdits } from './nfc.js';

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

/** A step, and how often it may run in a row: mojibake again on its own output, for double damage. */
interface Step {
  edits: (text: string) => Edit[];
  repeat: number;
}

/** How many levels of mis-decoding are undone (UTF-8 read wrongly thrice is beyond saving). */
const MOJIBAKE_LEVELS = 3;
/** Passes of the whole pipeline; one suffices except when a removal joins two halves of damage. */
const MAX_PASSES = 4;

/**
 * Everything in text that needs no work is in these ranges: ASCII printables, Latin-1 letters and
 * symbols except the spacing accents, Latin Extended and IPA, general punctuation (dashes, quotes,
 * bullets), currency signs, private use and U+FFFD — none of them changes under NFC on its own,
 * and none is touched by a step unless a mojibake lead is followed by a continuation character
 * (the second test).
 */
const SAFE = '\\ue000-\\uf8ff\\ufffd\\t\\n\\u0020-\\u007e\\u00a1-\\u00a7\\u00a9-\\u00ac\\u00ae-\\u00b3\\u00b5-\\u00b7\\u00b9-\\u02c5\\u02c8-\\u02d9\\u02db\\u02dd-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20c0';

let unsafe: RegExp | undefined;
let mojibakeLike: RegExp | undefined;

/**
 * Precompiled tests: is there anything at all to do in this text? (Two simple regexes scan several
 * times faster than one alternation of them.)
 */
export function needsWork(text: string): boolean {
  unsafe ??= new RegExp(`[^${SAFE}]`);
  mojibakeLike ??= new RegExp(mojibakeTriggerSource());
  return unsafe.test(text) || mojibakeLike.test(text);
}

function steps(options: NormalizeOptions): Step[] {
  const on = (flag: boolean | undefined): boolean => flag !== false;
  const list: Step[] = [];
  const add = (edits: Step['edits'], repeat = 1): number => list.push({ edits, repeat });
  if (on(options.whitespace)) add(earlyInvisibleEdits);
  if (on(options.mojibake)) add(mojibakeEdits, MOJIBAKE_LEVELS);
  if (on(options.whitespace)) add(lateInvisibleEdits);
  if (on(options.ligatures)) add(ligatureEdits);
  if (on(options.diacritics)) add(diacriticEdits);
  add(nfcEdits);
  return list;
}

export interface PipelineResult {
  text: string;
  /** Edits against the input, or undefined when not tracked. */
  edits: Edit[] | undefined;
}

export function runPipeline(input: string, options: NormalizeOptions, track: boolean): PipelineResult {
  if (!needsWork(input)) return { text: input, edits: track ? [] : undefined };
  return runSteps(input, options, track);
}

/** The pipeline without the fast path (exported so tests can check the fast path against it). */
export function runSteps(input: string, options: NormalizeOptions, track: boolean): PipelineResult {
  const list = steps(options);
  let text = input;
  let edits: Edit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const start = text;
    for (const step of list) {
      for (let round = 0; round < step.repeat; round++) {
        const stepEdits = step.edits(text);
        if (stepEdits.length === 0) break;
        const next = applyEdits(text, stepEdits);
        if (track) edits = composeEdits(input, edits, stepEdits, next);
        text = next;
      }
    }
    if (text === start || !needsWork(text)) break;
  }
  return { text, edits: track ? edits : undefined };
}
