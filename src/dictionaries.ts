/**
 * Where the package's data files live and how they are read: every stage's data (the lexicon, the
 * repair model, the language lists) ships in the package's `dictionaries/` folder. This module is
 * bundled into dist/ and also run from src/ by the tests and scripts, so the folder is looked for
 * relative to both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ArkivError } from './errors.js';

let cachedDir: string | undefined;

/** The `dictionaries/` folder of this package (env ARKIVTEXT_DICTIONARIES overrides). */
export function dictionariesDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const override = process.env.ARKIVTEXT_DICTIONARIES;
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = override ? [override] : [join(here, '..', 'dictionaries'), join(here, '..', '..', 'dictionaries'), join(process.cwd(), 'dictionaries')];
  for (const dir of candidates) {
    if (existsSync(join(dir, 'sv-forms.fc.txt.gz'))) {
      cachedDir = dir;
      return dir;
    }
  }
  throw new ArkivError('NOT_FOUND', `dictionaries folder not found (no sv-forms.fc.txt.gz in ${candidates.join(', ')}); run npm run build:lexicon`, {
    file: candidates[0] ?? 'dictionaries',
  });
}

/** Reads a data file's bytes; `.gz` files are gunzipped. */
export function readDataBytes(name: string): Uint8Array {
  const file = join(dictionariesDir(), name);
  try {
    const bytes = readFileSync(file);
    return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  } catch (cause) {
    throw new ArkivError('IO', `cannot read data file: ${(cause as Error).message}`, { file, cause });
  }
}

/** Reads a data file as text (UTF-8 unless told); `.gz` files are gunzipped. */
export function readDataFile(name: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const bytes = readDataBytes(name);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
}

/** The path of a file in `dictionaries/` (which need not exist: optional files are tested for). */
export function dictionaryFile(file: string): string {
  return join(dictionariesDir(), file);
}
