/**
 * Unicode NFC, reported as edits: only the stretches NFC can change are normalised — a run of
 * characters that may compose with what precedes them or change on their own (combining marks,
 * Hangul vowel/final jamo, the characters NFC replaces such as the Ångström sign, astral
 * characters) together with the one character before the run. Canonical equivalence survives
 * concatenation, so normalising the pieces gives NFC of the whole provided every character that is
 * not NFC_Quick_Check=Yes is in the run class: those are the characters NFC changes on their own,
 * combining marks, and the Hangul vowel and final jamo — all collected below. (The property tests
 * check the output is NFC on random Unicode.) No whole-text normalize: it costs more than the rest
 * of the step.
 */
import { coarseClass } from './codepages.js';
import type { Edit } from './edits.js';

export const NFC = 'nfc';

let runs: RegExp | undefined;
let relevant: string | undefined;

/**
 * The BMP characters NFC may change or combine with what precedes them (surrogates aside), asked
 * of the platform rather than typed in, so it follows the runtime's Unicode version.
 */
export function nfcRelevantChars(): string {
  if (relevant === undefined) {
    let chars = '';
    for (let u = 0x0300; u <= 0xffff; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const ch = String.fromCharCode(u);
      if (/\p{M}/u.test(ch) || ch.normalize('NFC') !== ch || (u >= 0x1161 && u <= 0x11c2)) chars += ch;
    }
    relevant = chars;
  }
  return relevant;
}

function runsRe(): RegExp {
  // A coarse superset is fine (a run NFC leaves alone is skipped) and scans much faster.
  runs ??= new RegExp(`[${coarseClass(nfcRelevantChars(), 64)}\\ud800-\\udfff]+`, 'g');
  return runs;
}

export function nfcEdits(text: string): Edit[] {
  const re = runsRe();
  const edits: Edit[] = [];
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // The run with the character before it, unless that one belongs to the previous piece.
    const start = Math.max(at, m.index - 1);
    const end = m.index + m[0].length;
    const piece = text.slice(start, end);
    const normal = piece.normalize('NFC');
    if (normal !== piece) {
      edits.push({ offset: start, length: end - start, after: normal, kind: NFC });
      at = end;
    }
  }
  return edits;
}
