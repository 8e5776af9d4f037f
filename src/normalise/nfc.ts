/**
 * Unicode NFC, reported as edits: only the stretches NFC can change are normalised — a run of
 * characters that may compose with what precedes them or change on their own (combining marks,
 * Hangul vowel/final jamo, the characters NFC replaces such as the Ångström sign, astral
 * characters) together with the one character before the run. Canonical equivalence survives
 * concatenation, so normalising the pieces gives NFC of the whole; a final check falls back to one
 * whole-text edit should some exotic sequence escape the pieces.
 */
import { coarseClass } from './codepages.js';
import type { Edit } from './edits.js';

export const NFC = 'nfc';

let runs: RegExp | undefined;

function runsRe(): RegExp {
  if (!runs) {
    // Asked of the platform rather than typed in, so it follows the Unicode version of the runtime.
    // A coarse superset is fine (a run NFC leaves alone is skipped) and scans much faster.
    let chars = '';
    for (let u = 0x0300; u <= 0xffff; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      const ch = String.fromCharCode(u);
      if (/\p{M}/u.test(ch) || ch.normalize('NFC') !== ch || (u >= 0x1161 && u <= 0x11c2)) chars += ch;
    }
    runs = new RegExp(`[${coarseClass(chars, 16)}\\ud800-\\udfff]+`, 'g');
  }
  return runs;
}

export function nfcEdits(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const re = runsRe();
  const edits: Edit[] = [];
  let result = '';
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
      result += text.slice(at, start) + normal;
      at = end;
    }
  }
  result += text.slice(at);
  if (result.normalize('NFC') !== result) return [{ offset: 0, length: text.length, after: text.normalize('NFC'), kind: NFC }];
  return edits;
}
