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

/**
 * Everything in text that needs no work is in these ranges: ASCII printables, Latin-1 letters and
 * symbols except the spacing accents, Latin Extended and IPA, general punctuation (dashes, quotes,
 * bullets), currency signs, private use and U+FFFD — none of them changes under NFC on its own,
 * and none is touched by a step unless a mojibake lead is followed by a continuation character
 * (the second test).
 */
const SAFE = '\\ue000-\\uf8ff\\ufffd\\t\\n\\u0020-\\u007e\\u00a1-\\u00a7\\u00a9-\\u00ac\\u00ae-\\u00b3\\u00b5-\\u00b7\\u00b9-\\u02c5\\u02c8-\\u02d9\\u02db\\u02dd-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20c0';

let unsafeRuns: RegExp | undefined;
let mojibakeLike: RegExp | undefined;
let needsOf: Uint8Array | undefined;

/** For each UTF-16 code unit outside SAFE, the steps it calls for. */
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

/** Which steps the text calls for (0: nothing to do — the fast path). */
export function analyse(text: string): number {
  unsafeRuns ??= new RegExp(`[^${SAFE}]+`, 'g');
  mojibakeLike ??= new RegExp(mojibakeTriggerSource());
  const table = needsTable();
  let needs = 0;
  unsafeRuns.lastIndex = 0;
  for (let m = unsafeRuns.exec(text); m !== null; m = unsafeRuns.exec(text)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) needs |= table[run.charCodeAt(i)]!;
    if ((needs | NEEDS.mojibake) === ALL) break;
  }
  // Odd characters that no step handles (Greek, CJK …) need nothing; mojibake is a matter of pairs.
  if (mojibakeLike.test(text)) needs |= NEEDS.mojibake;
  return needs;
}

/** Is there anything at all to do in this text? */
export function needsWork(text: string): boolean {
  return analyse(text) !== 0;
}

function steps(options: NormalizeOptions): Step[] {
  const on = (flag: boolean | undefined): boolean => flag !== false;
  const list: Step[] = [];
  const add = (edits: Step['edits'], flag: number, repeat = 1): number => list.push({ edits, flag, repeat });
  if (on(options.whitespace)) add(earlyInvisibleEdits, NEEDS.early);
  if (on(options.mojibake)) add(mojibakeEdits, NEEDS.mojibake, MOJIBAKE_LEVELS);
  if (on(options.whitespace)) add(lateInvisibleEdits, NEEDS.late);
  if (on(options.ligatures)) add(ligatureEdits, NEEDS.ligatures);
  if (on(options.diacritics)) add(diacriticEdits, NEEDS.diacritics);
  add(nfcEdits, NEEDS.nfc);
  return list;
}

export interface PipelineResult {
  text: string;
  /** Edits against the input, or undefined when not tracked. */
  edits: Edit[] | undefined;
}

export function runPipeline(input: string, options: NormalizeOptions, track: boolean): PipelineResult {
  const needs = analyse(input);
  if (needs === 0) return { text: input, edits: track ? [] : undefined };
  return runSteps(input, options, track, needs);
}

/**
 * The pipeline without the fast path. `needs` limits the first pass to the steps the text calls
 * for; tests pass ALL to check that limiting changes nothing.
 */
export function runSteps(input: string, options: NormalizeOptions, track: boolean, needs: number = ALL): PipelineResult {
  const list = steps(options);
  let text = input;
  let edits: Edit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const start = text;
    for (const step of list) {
      if ((needs & step.flag) === 0) continue;
      for (let round = 0; round < step.repeat; round++) {
        const stepEdits = step.edits(text);
        if (stepEdits.length === 0) break;
        const next = applyEdits(text, stepEdits);
        if (track) edits = composeEdits(input, edits, stepEdits, next);
        text = next;
        // Decoded mojibake can be anything (C1, accents, ligatures, decomposed letters).
        if (step.flag === NEEDS.mojibake) needs = ALL;
      }
    }
    if (text === start) break;
    needs = analyse(text);
    if (needs === 0) break;
  }
  return { text, edits: track ? edits : undefined };
}
