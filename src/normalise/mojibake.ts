/**
 * Undo one level of mojibake: UTF-8 bytes that were decoded as Latin-1, Windows-1252 or
 * Windows-1250 (`Ã¤` → `ä`, `â€“` → `–`). Text mis-decoded twice is undone by running this again
 * on its output (the pipeline does, until nothing changes).
 *
 * Candidates are found structurally — a character standing for a UTF-8 lead byte followed by the
 * right number of characters standing for continuation bytes, forming a valid UTF-8 sequence — and
 * kept only where the badness measure says the decoded text is plainly less weird than what was
 * there. Runs of adjacent candidates are judged together first (so a whole mis-decoded word is
 * judged as a word), then one by one.
 */
import { badness, hasSignature, type BadnessContext } from './badness.js';
import { byteMaps, coarseClass } from './codepages.js';
import type { Edit } from './edits.js';

export const MOJIBAKE = 'mojibake';

/** Decoding must remove at least this much badness to count as plainly better. */
const MIN_BADNESS = 2;

interface Candidate {
  start: number;
  end: number;
  decoded: string;
}

let triggerSource: string | undefined;
let leadRegex: RegExp | undefined;

/**
 * Regex source that matches at least wherever this step could do anything: a lead followed by a
 * continuation (coarse classes, a superset, because this runs over all text on the fast path).
 */
export function mojibakeTriggerSource(): string {
  if (!triggerSource) {
    const m = byteMaps();
    triggerSource = `[${coarseClass(m.lead2 + m.lead3 + m.lead4, 64)}][${coarseClass(m.cont, 64)}]`;
  }
  return triggerSource;
}

/** The code point a lead + continuation bytes encode, or undefined when UTF-8 forbids the sequence. */
function decodeSequence(bytes: number[]): string | undefined {
  const [b0, b1, b2, b3] = bytes as [number, number, number?, number?];
  if (bytes.length === 2) return String.fromCharCode(((b0 & 0x1f) << 6) | (b1 & 0x3f));
  if (bytes.length === 3) {
    // Overlong forms and UTF-16 surrogates are not UTF-8.
    if ((b0 === 0xe0 && b1 < 0xa0) || (b0 === 0xed && b1 > 0x9f)) return undefined;
    return String.fromCharCode(((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2! & 0x3f));
  }
  if ((b0 === 0xf0 && b1 < 0x90) || (b0 === 0xf4 && b1 > 0x8f)) return undefined;
  return String.fromCodePoint(((b0 & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2! & 0x3f) << 6) | (b3! & 0x3f));
}

/** How many continuation bytes follow a lead byte in UTF-8 (0 when the byte is no lead). */
function continuationCount(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 1;
  if (byte >= 0xe0 && byte <= 0xef) return 2;
  if (byte >= 0xf0 && byte <= 0xf4) return 3;
  return 0;
}

function candidates(text: string): Candidate[] {
  const { byteOf } = byteMaps();
  // A coarse scan finds the few places worth a look; the exact test is done here.
  leadRegex ??= new RegExp(mojibakeTriggerSource(), 'g');
  const re = leadRegex;
  const found: Candidate[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    re.lastIndex = start + 1;
    const need = continuationCount(byteOf.get(text.charCodeAt(start)) ?? 0);
    if (need === 0 || start + need >= text.length) continue;
    const bytes = [byteOf.get(text.charCodeAt(start))!];
    for (let k = 1; k <= need; k++) {
      const b = byteOf.get(text.charCodeAt(start + k));
      if (b === undefined || b < 0x80 || b > 0xbf) break;
      bytes.push(b);
    }
    if (bytes.length !== need + 1) continue;
    const decoded = decodeSequence(bytes);
    if (decoded === undefined) continue;
    found.push({ start, end: start + need + 1, decoded });
    re.lastIndex = start + need + 1;
  }
  return found;
}

/** Characters around a span, as whole code points ('' at the text's edges). */
function neighbours(text: string, start: number, end: number): [string, string, string] {
  let left = '';
  if (start > 0) {
    const lo = text.charCodeAt(start - 1);
    left = lo >= 0xdc00 && lo <= 0xdfff && start > 1 ? text.slice(start - 2, start) : text.charAt(start - 1);
  }
  const rightCp = text.codePointAt(end);
  const right = rightCp === undefined ? '' : String.fromCodePoint(rightCp);
  const afterCp = text.codePointAt(end + right.length);
  const after = afterCp === undefined ? '' : String.fromCodePoint(afterCp);
  return [left, right, after];
}

function improves(text: string, start: number, end: number, decoded: string, ctx: BadnessContext): boolean {
  const segment = text.slice(start, end);
  // EF BF BD (U+FFFD, `ï¿½` / `ďż˝`) is a signature by itself: three exact characters, never chance.
  if (!ctx.textIsMojibake && !hasSignature(segment, ctx) && !decoded.includes('\ufffd')) return false;
  const [left, right, after] = neighbours(text, start, end);
  const before = badness(left, segment, right, after, ctx);
  if (before < MIN_BADNESS) return false;
  return badness(left, decoded, right, after, ctx) <= before - MIN_BADNESS;
}

function isCont(ch: string): boolean {
  const b = byteMaps().byteOf.get(ch.charCodeAt(0));
  return ch.length === 1 && b !== undefined && b >= 0x80 && b <= 0xbf;
}

function isLead(ch: string): boolean {
  const b = byteMaps().byteOf.get(ch.charCodeAt(0));
  return ch.length === 1 && b !== undefined && b >= 0xc2 && b <= 0xf4;
}

function evidence(text: string, found: Candidate[]): boolean {
  const strict: BadnessContext = { isCont, isLead, textIsMojibake: false };
  return found.some((c) => improves(text, c.start, c.end, c.decoded, strict));
}

/**
 * Whether the text shows unambiguous mojibake anywhere (judged strictly): then weaker evidence
 * suffices elsewhere in it. Decided once for a whole text, so its parts are judged alike.
 */
export function showsMojibake(text: string): boolean {
  return evidence(text, candidates(text));
}

/**
 * Edits that undo one level of mojibake in `text`; `textIsMojibake` is the verdict of
 * showsMojibake on the whole text this is part of (computed here when not given).
 */
export function mojibakeEdits(text: string, textIsMojibake?: boolean): Edit[] {
  const found = candidates(text);
  if (found.length === 0) return [];
  const ctx: BadnessContext = { isCont, isLead, textIsMojibake: textIsMojibake ?? evidence(text, found) };

  const edits: Edit[] = [];
  let i = 0;
  while (i < found.length) {
    // A run of adjacent candidates.
    let j = i + 1;
    while (j < found.length && found[j]!.start === found[j - 1]!.end) j++;
    const run = found.slice(i, j);
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    const decoded = run.map((c) => c.decoded).join('');
    if (improves(text, start, end, decoded, ctx)) {
      edits.push({ offset: start, length: end - start, after: decoded, kind: MOJIBAKE });
    } else if (run.length > 1) {
      for (const c of run) {
        if (improves(text, c.start, c.end, c.decoded, ctx)) {
          edits.push({ offset: c.start, length: c.end - c.start, after: c.decoded, kind: MOJIBAKE });
        }
      }
    }
    i = j;
  }
  return edits;
}
