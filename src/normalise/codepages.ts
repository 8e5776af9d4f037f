/**
 * How single-byte code pages show the bytes of UTF-8: the reverse maps (character → byte) that let
 * mojibake be turned back into the bytes it came from, and Windows-1252 forward (byte → character),
 * which decoding falls back to for a byte that is not UTF-8.
 *
 * One union map covers ISO-8859-1, Windows-1252 and Windows-1250 at once: the three agree wherever
 * they share a character, and bytes a code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D …)
 * come out of "sloppy" decoders as the C1 control of the same number, which is what ISO-8859-1
 * gives. So `â€\x9d` (Windows-1252) and `â€ť` (Windows-1250) are both the bytes E2 80 9D, `”`.
 *
 * Windows-1252's 0x80–0x9F are written out below because Node's TextDecoder treats the label as
 * ISO-8859-1; Windows-1250 comes from the platform decoder.
 */

/** Windows-1252 bytes 0x80–0x9F, in order ('' where the code page leaves the byte undefined). */
const WINDOWS_1252_HIGH = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

/** The Windows-1252 character of a byte 0x80–0xFF, or '' where the code page leaves it undefined
 * (0xA0–0xFF are ISO-8859-1's). */
export function windows1252Char(byte: number): string {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  const ch = WINDOWS_1252_HIGH[byte - 0x80] ?? ' ';
  return ch === ' ' ? '' : ch;
}

export interface ByteMaps {
  /** UTF-16 code unit → the byte (0x80–0xFF) it stands for in some code page. */
  readonly byteOf: ReadonlyMap<number, number>;
  /** Characters standing for UTF-8 lead bytes of 2-, 3- and 4-byte sequences. */
  readonly lead2: string;
  readonly lead3: string;
  readonly lead4: string;
  /** Characters standing for UTF-8 continuation bytes 0x80–0xBF. */
  readonly cont: string;
}

let cached: ByteMaps | undefined;

export function byteMaps(): ByteMaps {
  if (cached) return cached;
  const byteOf = new Map<number, number>();
  // ISO-8859-1 first: every byte 0x80–0xFF is the code point of the same number.
  for (let b = 0x80; b <= 0xff; b++) byteOf.set(b, b);
  for (let i = 0; i < WINDOWS_1252_HIGH.length; i++) {
    const unit = WINDOWS_1252_HIGH.charCodeAt(i);
    if (unit !== 0x20) byteOf.set(unit, 0x80 + i);
  }
  const windows1250 = new TextDecoder('windows-1250');
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = windows1250.decode(new Uint8Array([b]));
    const unit = ch.charCodeAt(0);
    if (ch.length === 1 && !byteOf.has(unit)) byteOf.set(unit, b);
  }
  const classes = { lead2: '', lead3: '', lead4: '', cont: '' };
  for (const [unit, b] of byteOf) {
    const ch = String.fromCharCode(unit);
    if (b >= 0x80 && b <= 0xbf) classes.cont += ch;
    else if (b >= 0xc2 && b <= 0xdf) classes.lead2 += ch;
    else if (b >= 0xe0 && b <= 0xef) classes.lead3 += ch;
    else if (b >= 0xf0 && b <= 0xf4) classes.lead4 += ch;
  }
  cached = { byteOf, ...classes };
  return cached;
}

/**
 * A regex class body covering at least the characters of `chars`, with ranges closer than `gap`
 * merged: a superset with few ranges, which irregexp scans several times faster than a long list.
 * For quick "could there be anything here?" tests only.
 */
export function coarseClass(chars: string, gap: number): string {
  const units = [...new Set(Array.from(chars, (c) => c.charCodeAt(0)))].sort((x, y) => x - y);
  const hex = (u: number): string => `\\u${u.toString(16).padStart(4, '0')}`;
  let out = '';
  let i = 0;
  while (i < units.length) {
    const from = units[i]!;
    let to = from;
    while (i + 1 < units.length && units[i + 1]! - to <= gap) to = units[++i]!;
    out += from === to ? hex(from) : `${hex(from)}-${hex(to)}`;
    i++;
  }
  return out;
}
