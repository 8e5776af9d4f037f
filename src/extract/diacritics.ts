/**
 * Some producers draw an accent as its own glyph over the letter (TeX, old DTP), so pdf.js reports
 * "¨" and "a" as separate items. Left alone the accent lands in a line of its own or as a stray
 * character; here it is put back onto its letter as a combining mark and composed (NFC).
 */
import { SPACING_ACCENTS } from '../accents.js';
import type { TextRun } from './runs.js';

/** The combining mark a lone accent run stands for, or undefined if the run is not a lone accent. */
export function combiningMarkOf(text: string): string | undefined {
  const t = text.trim();
  if (t.length !== 1) return undefined;
  if (/\p{Mn}/u.test(t)) return t;
  return SPACING_ACCENTS[t];
}

const ACCENTS = Object.keys(SPACING_ACCENTS).join('');
const LEADING_ACCENT = new RegExp(`^([${ACCENTS}])\\s*(\\S.*)$`, 'su');
const TRAILING_ACCENT = new RegExp(`(\\p{L})([${ACCENTS}])$`, 'u');

/**
 * pdf.js glues an accent drawn on its own to the run after it ("¨ rstudien") or before it ("fo¨");
 * the first is split off as a lone accent run, the second composed with its letter.
 */
function separateAccents(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const lead = LEADING_ACCENT.exec(run.text);
    if (lead) {
      const chars = [...run.text].length;
      const perChar = chars > 0 ? run.width / chars : 0;
      out.push({ ...run, text: lead[1]!, width: perChar });
      // The accent sits over the letter before it, so what follows starts right after the accent
      // (the space pdf.js put between them is no word space).
      out.push({ ...run, text: lead[2]!, x: run.x + perChar, width: run.width - perChar });
      continue;
    }
    const trail = TRAILING_ACCENT.exec(run.text);
    const mark = trail ? SPACING_ACCENTS[trail[2]!] : undefined;
    if (trail && mark && (trail[1]! + mark).normalize('NFC').length === 1) {
      out.push({ ...run, text: run.text.slice(0, trail.index) + (trail[1]! + mark).normalize('NFC') });
      continue;
    }
    out.push(run);
  }
  return out;
}

/** Merges each lone accent run into the letter under it; runs that find no letter are kept as they were. */
export function mergeLoneDiacritics(runs: readonly TextRun[]): TextRun[] {
  const out = separateAccents(runs).map((r) => ({ ...r }));
  const drop = new Set<number>();
  out.forEach((run, i) => {
    const mark = combiningMarkOf(run.text);
    if (mark === undefined) return;
    const cx = run.x + run.width / 2;
    let best = -1;
    let bestDy = Infinity;
    out.forEach((base, j) => {
      if (j === i || drop.has(j) || combiningMarkOf(base.text) !== undefined) return;
      const tol = 0.15 * base.size;
      if (cx < base.x - tol || cx > base.x + base.width + tol) return;
      // The accent sits on the letter's baseline (accent glyph drawn high) or up to an x-height above it.
      const dy = run.y - base.y;
      if (dy < -0.25 * base.size || dy > 1.0 * base.size) return;
      if (Math.abs(dy) < bestDy) { bestDy = Math.abs(dy); best = j; }
    });
    if (best < 0) return;
    const base = out[best]!;
    const merged = attachMark(base, cx, mark);
    if (merged === undefined) return;
    base.text = merged;
    drop.add(i);
  });
  return out.filter((_, i) => !drop.has(i));
}

/** Puts the mark after the letter nearest the accent's centre that composes with it. */
function attachMark(base: TextRun, cx: number, mark: string): string | undefined {
  const chars = [...base.text];
  if (chars.length === 0) return undefined;
  // Glyph widths are not known per character; proportional position is close enough to search around.
  const guess = base.width > 0 ? Math.floor(((cx - base.x) / base.width) * chars.length) : 0;
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const k = guess + delta;
    const ch = chars[k];
    if (ch === undefined || !/\p{L}/u.test(ch)) continue;
    if ((ch + mark).normalize('NFC').length === 1) {
      chars[k] = (ch + mark).normalize('NFC');
      return chars.join('');
    }
  }
  return undefined;
}
