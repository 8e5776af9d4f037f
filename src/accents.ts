/**
 * Spacing accents — an accent drawn as a glyph of its own (`¨`, `˚`, `´` …), as TeX and old DTP
 * programs place them over a letter — and the combining mark each stands for. A Unicode fact that
 * extraction (an accent pdf.js reports as a run of its own) and normalisation (an accent a text
 * layer left beside its letter) both use; which accents each handles, and on which letters, is its
 * own business.
 */
export const SPACING_ACCENTS: Readonly<Record<string, string>> = {
  '\u00a8': '\u0308', // diaeresis ä ö
  '\u02da': '\u030a', // ring å
  '\u00b4': '\u0301', // acute é
  '\u0060': '\u0300', // grave
  '\u02c6': '\u0302', // circumflex
  '\u02dc': '\u0303', // tilde
  '\u00b8': '\u0327', // cedilla
  '\u02c7': '\u030c', // caron
  '\u02d8': '\u0306', // breve
  '\u02d9': '\u0307', // dot above
  '\u02dd': '\u030b', // double acute
  '\u02db': '\u0328', // ogonek
};
