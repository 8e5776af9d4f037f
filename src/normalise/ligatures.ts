/**
 * Latin ligature code points (U+FB00–U+FB06) that PDF text layers emit for `fi`, `ffl` …: expanded
 * to their letters. Only these; NFKC would also flatten `1½`, `²` and `ﬀ`-like compatibility forms
 * that are real text.
 */
import { editsForMatches, type Edit } from './edits.js';

export const LIGATURE = 'ligature';

const EXPANSIONS: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

const LIGATURES = /[\ufb00-\ufb06]/g;

export function ligatureEdits(text: string): Edit[] {
  return editsForMatches(text, LIGATURES, LIGATURE, (m) => EXPANSIONS[m[0]]);
}

/** The same as applying ligatureEdits, without building edits. */
export function ligatureApply(text: string): string {
  return text.replace(LIGATURES, (c) => EXPANSIONS[c] ?? c);
}
