/** Letter-case patterns of a token, so a repair keeps `OSTERGOTLAND` upper-case and `Ostergdtland` capitalised. */
export type CasePattern = 'lower' | 'capital' | 'upper' | 'mixed';

export function casePattern(word: string): CasePattern {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return 'lower';
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  const first = letters[0]!;
  const rest = letters.slice(1);
  if (first === first.toUpperCase() && rest === rest.toLowerCase()) return 'capital';
  return 'mixed';
}

export function applyCase(word: string, pattern: CasePattern): string {
  switch (pattern) {
    case 'upper':
      return word.toUpperCase();
    case 'capital':
      return word.charAt(0).toUpperCase() + word.slice(1);
    default:
      return word;
  }
}
