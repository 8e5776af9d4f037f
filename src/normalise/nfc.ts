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
import type { Edit } from './edits.js';

export const NFC = 'nfc';

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

/**
 * Characters NFC never touches in Swedish text, for the scan (a negated class scans several times
 * faster in V8 than a positive class of the many mark ranges); what it finds is looked up exactly.
 */
const QUIET = /[^\t\n\u0020-\u02ff\u2010-\u205e\u20a0-\u20c0]/g;
let relevantTable: Uint8Array | undefined;

function isRelevant(unit: number): boolean {
  if (!relevantTable) {
    relevantTable = new Uint8Array(0x10000);
    for (const ch of nfcRelevantChars()) relevantTable[ch.charCodeAt(0)] = 1;
    relevantTable.fill(1, 0xd800, 0xe000); // astral characters: let NFC judge
  }
  return relevantTable[unit] === 1;
}

const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

export function nfcEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  let at = 0; // end of the last piece
  QUIET.lastIndex = 0;
  for (let m = QUIET.exec(text); m !== null; m = QUIET.exec(text)) {
    let end = m.index;
    if (!isRelevant(text.charCodeAt(end))) continue;
    // The run of relevant characters, with the character before it unless that one belongs to
    // the previous piece.
    while (end < text.length && isRelevant(text.charCodeAt(end))) end++;
    const start = Math.max(at, m.index - 1);
    QUIET.lastIndex = end;
    const piece = text.slice(start, end);
    const normal = piece.normalize('NFC');
    if (normal !== piece) {
      // Report only what differs (the character before a run often stays), without splitting
      // a surrogate pair.
      let head = 0;
      while (head < piece.length && head < normal.length && piece.charCodeAt(head) === normal.charCodeAt(head)) head++;
      if (head > 0 && isHighSurrogate(piece.charCodeAt(head - 1))) head--;
      let tail = 0;
      while (tail < piece.length - head && tail < normal.length - head && piece.charCodeAt(piece.length - 1 - tail) === normal.charCodeAt(normal.length - 1 - tail)) tail++;
      if (tail > 0 && isLowSurrogate(piece.charCodeAt(piece.length - tail))) tail--;
      edits.push({ offset: start + head, length: piece.length - head - tail, after: normal.slice(head, normal.length - tail), kind: NFC });
      at = end;
    }
  }
  return edits;
}
