/**
 * Old Swedish spellings an archive may hold on purpose (`hwilka`, `af`, `qvinna`, long s): repair
 * gives such a token no readings. The patterns are language data: dictionaries/sv/archaic-spellings.txt.
 */
import { languagePattern } from '../language.js';

let archaic: RegExp | undefined;

/** Whether `token` (as written) is an old spelling repair leaves alone. */
export function isArchaic(token: string): boolean {
  archaic ??= languagePattern('sv/archaic-spellings');
  return archaic.test(token);
}
