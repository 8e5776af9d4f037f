/**
 * Bytes to text: UTF-8, with what is not UTF-8 read as Windows-1252 or replaced by U+FFFD (see
 * decodeText), counting the bad bytes so nothing is lost silently (the CLI warns with the count).
 */
import { readFile } from 'node:fs/promises';
import { ArkivError } from '../errors.js';
import { windows1252Char } from './codepages.js';

/**
 * The ill-formed subparts of `bytes` as UTF-8, in order: [start, length] of each maximal subpart
 * (the Unicode definition the WHATWG decoder follows, writing one U+FFFD for each).
 */
function* illFormedParts(bytes: Uint8Array): Generator<[start: number, length: number]> {
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
      yield [i, 1];
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
      yield [i, j];
      i += j;
    }
  }
}

export interface DecodedText {
  text: string;
  /** Bytes that were not UTF-8 (0 for a valid file). */
  invalidBytes: number;
  /** Of those, the bytes read as Windows-1252 characters (see decodeText); the rest became U+FFFD. */
  windows1252Bytes: number;
}

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');
/** For the valid runs after the first: a U+FEFF there is text, not a byte order mark. */
const lenientInside = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Bytes to text. UTF-8 (a leading byte order mark dropped); where the bytes are not UTF-8, a lone
 * high byte between valid text is read as Windows-1252 — text saved by a Swedish Windows program
 * (`g\xe4ller` is `gäller`: ISO-8859-1 and Windows-1252 agree on every Swedish letter), which
 * U+FFFD would cut in two — while a broken multi-byte sequence (a cut-off `E2 80`) is damage and
 * becomes one U+FFFD, as the WHATWG decoder writes it. Both are counted, so the caller can say so:
 * nothing is lost silently.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalidBytes: 0, windows1252Bytes: 0 };
  } catch {
    // Not UTF-8 throughout: decoded run by run below.
  }
  let text = '';
  let at = 0;
  let invalidBytes = 0;
  let windows1252Bytes = 0;
  for (const [start, length] of illFormedParts(bytes)) {
    if (start > at) text += (at === 0 ? lenient : lenientInside).decode(bytes.subarray(at, start));
    invalidBytes += length;
    const ch = length === 1 ? windows1252Char(bytes[start]!) : '';
    if (ch) {
      text += ch;
      windows1252Bytes++;
    } else text += '\ufffd';
    at = start + length;
  }
  if (at < bytes.length) text += (at === 0 ? lenient : lenientInside).decode(bytes.subarray(at));
  return { text, invalidBytes, windows1252Bytes };
}

/** What became of the bytes that were not UTF-8, for a warning (`49 bytes not valid UTF-8, read as
 * Windows-1252`); '' when there were none. */
export function describeInvalidBytes({ invalidBytes, windows1252Bytes }: Pick<DecodedText, 'invalidBytes' | 'windows1252Bytes'>): string {
  if (invalidBytes === 0) return '';
  const replaced = invalidBytes - windows1252Bytes;
  const head = `${invalidBytes} byte${invalidBytes === 1 ? '' : 's'} not valid UTF-8`;
  if (replaced === 0) return `${head}, read as Windows-1252`;
  if (windows1252Bytes === 0) return `${head}, replaced by U+FFFD`;
  return `${head}: ${windows1252Bytes} read as Windows-1252, ${replaced} replaced by U+FFFD`;
}

export async function readTextFile(path: string): Promise<DecodedText> {
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
