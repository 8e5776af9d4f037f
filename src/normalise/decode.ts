/**
 * Bytes to text: UTF-8 with U+FFFD for what is not UTF-8, counting the bad bytes so nothing is
 * lost silently (the CLI warns with the count).
 */
import { readFile } from 'node:fs/promises';
import { ArkivError } from '../errors.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/**
 * Bytes that belong to ill-formed UTF-8 sequences (each maximal ill-formed subpart counts all of
 * its bytes, where the decoder writes a single U+FFFD for it).
 */
export function countInvalidUtf8(bytes: Uint8Array): number {
  let bad = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      bad++;
      i++;
      continue;
    }
    let j = 1;
    for (; j <= need && i + j < n; j++) {
      const c = bytes[i + j]!;
      if (c < lo || c > hi) break;
      lo = 0x80;
      hi = 0xbf;
    }
    if (j > need) i += need + 1;
    else {
      // The lead and the continuation bytes that fitted form one ill-formed subpart; the byte that
      // broke it is looked at again as the start of what follows.
      bad += j;
      i += j;
    }
  }
  return bad;
}

export function decodeText(bytes: Uint8Array): { text: string; invalidBytes: number } {
  try {
    return { text: strict.decode(bytes), invalidBytes: 0 };
  } catch {
    return { text: lenient.decode(bytes), invalidBytes: countInvalidUtf8(bytes) };
  }
}

export async function readTextFile(path: string): Promise<{ text: string; invalidBytes: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ArkivError('NOT_FOUND', 'no such file', { file: path, cause: err });
    if (code === 'EISDIR') throw new ArkivError('IO', 'is a directory, not a text file', { file: path, cause: err });
    const why = err instanceof Error ? err.message : String(err);
    throw new ArkivError('IO', `cannot read the file (${why})`, { file: path, cause: err });
  }
  if (bytes.length === 0) throw new ArkivError('EMPTY', 'the file is empty (0 bytes)', { file: path });
  return decodeText(bytes);
}
