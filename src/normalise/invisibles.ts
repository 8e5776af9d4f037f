/**
 * Characters that carry no text: line-end variants, zero-width characters, soft hyphens, odd
 * spaces and control characters. Done in two steps because some of them (C1 controls, U+00A0,
 * U+00AD) are also the continuation bytes of mojibake (`Ã\u00AD` is `í`): those are only cleaned
 * after the mojibake step has had its chance.
 */
import type { Edit } from './edits.js';

export const LINE_END = 'line-end';
export const INVISIBLE = 'invisible';
export const SPACE = 'space';
export const CONTROL = 'control';

/**
 * Before mojibake: CRLF/CR, C0 controls and DEL, zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM)
 * and spaces that no code page produces (U+2000–U+200A, U+202F, U+205F, U+3000).
 */
const EARLY = /[\r\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\u2060\ufeff\u2000-\u200a\u202f\u205f\u3000]/g;

/** After mojibake: soft hyphens, C1 controls, no-break space. */
const LATE = /[\u00ad\u0080-\u00a0]/g;

export function earlyInvisibleEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  EARLY.lastIndex = 0;
  for (let m = EARLY.exec(text); m !== null; m = EARLY.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      const crlf = text.charCodeAt(i + 1) === 0x0a;
      edits.push({ offset: i, length: crlf ? 2 : 1, after: '\n', kind: LINE_END });
      if (crlf) EARLY.lastIndex = i + 2;
    } else if (c < 0x20 || c === 0x7f) edits.push({ offset: i, length: 1, after: '', kind: CONTROL });
    else if (c >= 0x200b && c !== 0x202f && c !== 0x205f && c !== 0x3000) edits.push({ offset: i, length: 1, after: '', kind: INVISIBLE });
    else edits.push({ offset: i, length: 1, after: ' ', kind: SPACE });
  }
  return edits;
}

export function lateInvisibleEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  LATE.lastIndex = 0;
  for (let m = LATE.exec(text); m !== null; m = LATE.exec(text)) {
    const c = m[0].charCodeAt(0);
    if (c === 0xa0) edits.push({ offset: m.index, length: 1, after: ' ', kind: SPACE });
    else edits.push({ offset: m.index, length: 1, after: '', kind: c === 0xad ? INVISIBLE : CONTROL });
  }
  return edits;
}

/** The same as applying earlyInvisibleEdits, without building edits (for untracked runs). */
export function earlyInvisibleApply(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\u2060\ufeff]+/g, '')
    .replace(/[\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
}

/** The same as applying lateInvisibleEdits, without building edits. */
export function lateInvisibleApply(text: string): string {
  return text.replace(/[\u00ad\u0080-\u009f]+/g, '').replace(/\u00a0/g, ' ');
}
