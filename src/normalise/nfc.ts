/**
 * Unicode NFC, reported as edits: only the stretches NFC can change are normalised — a base
 * character with the combining marks (and Hangul jamo) that follow it, and the few characters NFC
 * replaces on their own (Ångström sign → Å, CJK compatibility ideographs …). Canonical equivalence
 * survives concatenation, so normalising the pieces gives NFC of the whole; a final check falls back
 * to one whole-text edit should some exotic sequence escape the pieces.
 */
import type { Edit } from './edits.js';

export const NFC = 'nfc';

const COMBINING = '\\p{M}\\u1161-\\u1175\\u11a8-\\u11c2';
let pieces: RegExp | undefined;

function piecesRe(): RegExp {
  if (!pieces) {
    // Characters NFC changes by themselves, found by asking the platform (no table to go stale).
    const ranges: string[] = [];
    const scan = (from: number, to: number): void => {
      for (let cp = from; cp <= to; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        if (ch.normalize('NFC') !== ch && !/\p{M}/u.test(ch)) ranges.push(`\\u{${cp.toString(16)}}`);
      }
    };
    scan(0x00c0, 0xffff);
    scan(0x1d100, 0x1d1ff);
    scan(0x2f800, 0x2fa1f);
    pieces = new RegExp(`[^${COMBINING}]?[${COMBINING}]+|[${ranges.join('')}]`, 'gu');
  }
  return pieces;
}

export function nfcEdits(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const re = piecesRe();
  const edits: Edit[] = [];
  re.lastIndex = 0;
  const parts: string[] = [];
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const normal = m[0].normalize('NFC');
    if (normal !== m[0]) {
      edits.push({ offset: m.index, length: m[0].length, after: normal, kind: NFC });
      parts.push(text.slice(at, m.index), normal);
      at = m.index + m[0].length;
    }
  }
  parts.push(text.slice(at));
  const result = parts.join('');
  if (result.normalize('NFC') !== result) return [{ offset: 0, length: text.length, after: text.normalize('NFC'), kind: NFC }];
  return edits;
}
