import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's `dictionaries/` folder. The code runs from `src/repair/` (tests), `dist/` (the
 * bundle) or an installed copy, so walk up from this module until the folder holding `file` is found.
 */
export function dictionaryFile(file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries', file);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dictionaries', file);
}
