/**
 * Pure functions that do to clean text what PDF text layers and mis-decoding programs do, so the
 * tests can damage real fixture text and check that normalisation gives it back exactly.
 * Written independently of src/normalise (their own Windows-1252 table) so they are an oracle.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * Every .txt file under fixtures/ (seeds, truths, OCR outputs, archive texts …), by relative path,
 * read as UTF-8 — but fixtures/heldout/, the held-out registers set that repair is judged on (its
 * raw Tesseract output has arrows, ligatures and stray symbols; test/repair-heldout.test.ts reads it).
 */
export function fixtureTexts(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(FIXTURES, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (path !== 'heldout') walk(path);
      }
      else if (entry.name.endsWith('.txt')) out.set(path, readFileSync(join(FIXTURES, path), 'utf8'));
    }
  };
  walk('');
  return out;
}

/** Windows-1252 0x80–0x9F; undefined bytes become the C1 control, as "sloppy" decoders do. */
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** UTF-8 bytes of the text shown as ISO-8859-1. */
export function utf8AsLatin1(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (b) => String.fromCharCode(b)).join('');
}

/** UTF-8 bytes of the text shown as Windows-1252. */
export function utf8AsCp1252(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (b) => String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : b)).join('');
}

/** UTF-8 bytes of the text shown as Windows-1250 (the platform's decoder knows this one). */
export function utf8AsCp1250(text: string): string {
  return new TextDecoder('windows-1250').decode(Buffer.from(text, 'utf8'));
}

const SPLIT: Record<string, [string, string]> = {
  ä: ['a', '\u00a8'], ö: ['o', '\u00a8'], ü: ['u', '\u00a8'], Ä: ['A', '\u00a8'], Ö: ['O', '\u00a8'], Ü: ['U', '\u00a8'],
  å: ['a', '\u02da'], Å: ['A', '\u02da'], é: ['e', '\u00b4'], É: ['E', '\u00b4'],
};
const COMBINING: Record<string, string> = { '\u00a8': '\u0308', '\u02da': '\u030a', '\u00b4': '\u0301' };

/** Swedish accented letters as a text layer splits them: a spacing accent after or before the letter. */
export function splitDiacritics(text: string, order: 'after' | 'before'): string {
  return text.replace(/[äöüÄÖÜåÅéÉ]/g, (ch) => {
    const [letter, mark] = SPLIT[ch]!;
    return order === 'after' ? letter + mark : mark + letter;
  });
}

/** Letter, space, combining accent (`a ̈`). */
export function spacedCombining(text: string): string {
  return text.replace(/[äöüÄÖÜåÅéÉ]/g, (ch) => {
    const [letter, mark] = SPLIT[ch]!;
    return `${letter} ${COMBINING[mark]!}`;
  });
}

/** Ligature code points where a PDF would use them. */
export function insertLigatures(text: string): string {
  return text.replace(/ffi|ffl|ff|fi|fl|st/g, (s) => ({ ffi: '\ufb03', ffl: '\ufb04', ff: '\ufb00', fi: '\ufb01', fl: '\ufb02', st: '\ufb06' })[s]!);
}

/** A soft hyphen after every third letter of words of seven letters or more. */
export function insertSoftHyphens(text: string): string {
  return text.replace(/\p{L}{7,}/gu, (w) => w.replace(/(\p{L}{3})(?=\p{L})/gu, '$1\u00ad'));
}

/** Zero-width characters (ZWSP, ZWNJ, ZWJ, WJ, BOM) inside words, in turn. */
export function insertZeroWidth(text: string): string {
  const zw = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
  let i = 0;
  return text.replace(/(\p{L}{2})(?=\p{L}{2})/gu, (s) => s + zw[i++ % zw.length]!);
}

/** Spaces replaced in turn by no-break, thin, narrow no-break, em, medium mathematical and ideographic spaces. */
export function oddSpaces(text: string): string {
  const odd = ['\u00a0', '\u2009', '\u202f', '\u2003', '\u205f', '\u3000', '\u2000', '\u200a'];
  let i = 0;
  return text.replace(/ /g, () => odd[i++ % odd.length]!);
}

/** Windows line ends, and an old-Mac lone CR every fifth line. */
export function crlf(text: string): string {
  let i = 0;
  return text.replace(/\n/g, () => (i++ % 5 === 4 ? '\r' : '\r\n'));
}

/** Control characters (C0 other than tab/newline, DEL, C1) after every tenth space. */
export function insertControls(text: string): string {
  const controls = ['\u0001', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009c'];
  let i = 0;
  return text.replace(/ /g, () => (i++ % 10 === 9 ? ` ${controls[Math.floor(i / 10) % controls.length]!}` : ' '));
}
