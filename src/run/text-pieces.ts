/**
 * A text file is repaired in pieces, so that its size does not decide the memory (or the time
 * limit) it needs. Repair holds several times its input on the heap (a 10 MB file took about
 * 500 MB, past the default `--memory` from 12 MB or so); a piece of at most TEXT_PIECE_CHARS
 * characters keeps it near 100 MB whatever the file's size, and what is held besides is the
 * repaired text and its corrections. A file up to one piece long is repaired whole, as before.
 *
 * Pieces end at a paragraph break where there is one in the piece's second half, else at a line
 * break, else after white space (never between `\r` and `\n`), else — a run of letters longer
 * than half a piece, which repair passes through anyway — at a character boundary (not inside a
 * surrogate pair, not before a combining mark). What repair decides per document (names the
 * document repeats, its spelling) is decided per piece in a larger file.
 */
import type { Correction } from '../types.js';

/** Characters of a piece (about 2 MB of Swedish text); pieces are half of it to all of it. */
export const TEXT_PIECE_CHARS = 2_000_000;

export interface Repaired {
  text: string;
  corrections: Correction[];
  warnings?: string[];
}

/** Where each piece of `text` starts (the first at 0), pieces at most `size` characters. */
export function pieceStarts(text: string, size = TEXT_PIECE_CHARS): number[] {
  const starts: number[] = [];
  for (let start = 0; start < text.length; start = cutAfter(text, start, size)) starts.push(start);
  return starts.length > 0 ? starts : [0];
}

const isWhite = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);

function cutAfter(text: string, start: number, size: number): number {
  const end = start + size;
  if (end >= text.length) return text.length;
  const floor = start + Math.floor(size / 2);
  // Searched in the second half only (lastIndexOf on the whole text would look back to its start).
  const window = text.slice(floor, end);
  const paragraph = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n\r\n'));
  if (paragraph >= 0) return floor + paragraph + (window[paragraph + 1] === '\r' ? 3 : 2);
  const line = window.lastIndexOf('\n');
  if (line >= 0) return floor + line + 1;
  for (let at = end - 1; at >= floor; at--) {
    if (isWhite(text.charCodeAt(at)) && !(text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a)) return at + 1;
  }
  let at = end;
  while (at > floor && (isLowSurrogate(text.charCodeAt(at)) || /\p{M}/u.test(String.fromCodePoint(text.codePointAt(at) ?? 0)))) at--;
  return at;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * `repair` over `text` piece by piece: the texts joined, the corrections with their offsets moved
 * to the whole text, the warnings of all pieces (each distinct one once). `onPiece` is told each
 * piece's number before it is repaired.
 */
export function repairInPieces(text: string, repair: (piece: string) => Repaired, options: { size?: number; onPiece?: (piece: number, pieces: number) => void } = {}): Repaired {
  const starts = pieceStarts(text, options.size);
  if (starts.length === 1) return repair(text);
  const texts: string[] = [];
  const corrections: Correction[] = [];
  const warnings = new Set<string>();
  starts.forEach((start, i) => {
    options.onPiece?.(i + 1, starts.length);
    const result = repair(text.slice(start, starts[i + 1] ?? text.length));
    texts.push(result.text);
    for (const c of result.corrections) corrections.push({ ...c, offset: c.offset + start });
    for (const w of result.warnings ?? []) warnings.add(w);
  });
  return { text: texts.join(''), corrections, ...(warnings.size > 0 ? { warnings: [...warnings] } : {}) };
}
