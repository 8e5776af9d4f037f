/**
 * The official counts the build scripts derive data from (not shipped; `../shared/data`, see
 * dictionaries/README.md): word and word-pair counts of official Swedish prose
 * (`sv-official-unigrams.tsv`, `sv-official-bigrams.tsv`: `key<TAB>count`, a pair's key `a b`) and
 * the subtitle word counts (`sv-opensubtitles-50k.txt`: `word count`). One folder and one reader for
 * every script that reads them (lexicon-frequencies, lexicon-compound-ends, build-old-sv,
 * train-repair, make-dedupe-stop-shingles).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let warned = false;

/**
 * The folder of the official counts: `$ARKIV_DATA_DIR`, else `../shared/data` beside the package.
 * `$ARKIV_DATA`, the name scripts/train-repair.ts read, still works but is deprecated (a warning).
 */
export function officialDataDir(): string {
  const dir = process.env.ARKIV_DATA_DIR;
  if (dir) return dir;
  const deprecated = process.env.ARKIV_DATA;
  if (deprecated) {
    if (!warned) process.emitWarning('ARKIV_DATA is deprecated; name the folder of the official counts with ARKIV_DATA_DIR', 'DeprecationWarning');
    warned = true;
    return deprecated;
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
}

/** The rows of a counts file of that folder, `key<sep>count` a line (split at the line's last
 * `sep`, so a key may hold spaces), in file order; a line without `sep` is skipped. */
export function officialCounts(file: string, sep = '\t', dir = officialDataDir()): Array<[key: string, count: number]> {
  const rows: Array<[string, number]> = [];
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    const i = line.lastIndexOf(sep);
    if (i >= 0) rows.push([line.slice(0, i), Number(line.slice(i + 1))]);
  }
  return rows;
}
