/**
 * The language data of arkivtext's stages, read from `dictionaries/<language>/<name>.txt` (see
 * dictionaries/README.md): word lists, letter tables and spelling patterns, kept out of the code as
 * nspell keeps its language in .aff/.dic. Each file is UTF-8, one entry a line; a line that starts
 * with `# ` (a hash and a space) is a comment, blank lines are skipped (so a lone `#` is an entry:
 * the glyph). Each file is read once, on first use.
 */
import { readDataFile } from './dictionaries.js';
import { memo } from './memo.js';

/** The data files, by path below dictionaries/ without `.txt`. */
export type LanguageFile =
  | 'sv/hyphen-conjunctions'
  | 'sv/elision-conjunctions'
  | 'sv/compound-conjunctions'
  | 'sv/number-words'
  | 'sv/units'
  | 'sv/stripped-diacritics'
  | 'sv/rate-letters'
  | 'sv/accented-letters'
  | 'sv/archaic-spellings'
  | 'sv/colon-endings'
  | 'sv/vowels'
  | 'sv/code-cues'
  | 'en/function-words'
  | 'en/only-beside-english'
  | 'en/english-neighbours'
  | 'ocr/vowel-glyphs'
  | 'ocr/confused-vowels'
  | 'ocr/letter-swaps';

const COMMENT = /^# /u;

/** The entries of a data file, in file order (NFC, white space at the ends trimmed). */
export const languageList = memo(
  (file: LanguageFile): readonly string[] =>
    readDataFile(`${file}.txt`)
      .split(/\r?\n/u)
      .map((line) => line.trim().normalize('NFC'))
      .filter((line) => line !== '' && !COMMENT.test(line)),
);

/** The entries of a data file as a set. */
export const languageSet = memo((file: LanguageFile): ReadonlySet<string> => new Set(languageList(file)));

/** The entries of a data file (letters, one a line, lower case) with their upper-case forms after
 * them, as one string: `åäö` → `åäöÅÄÖ`. */
export const languageLetters = memo((file: LanguageFile): string => {
  const lower = languageList(file).join('');
  return lower + lower.toUpperCase();
});

/** A data file of lines `key value value …` as a map (values in file order). */
export const languageTable = memo((file: LanguageFile): ReadonlyMap<string, readonly string[]> => {
  const table = new Map<string, string[]>();
  for (const line of languageList(file)) {
    const [key = '', ...values] = line.split(/\s+/u);
    table.set(key, values);
  }
  return table;
});

/** Escapes a word for use in a regular expression (u flag), outside a character class. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Escapes a character for use inside a character class (u flag). */
function escapeInClass(c: string): string {
  return /[\\\]^-]/u.test(c) ? `\\${c}` : c;
}

/** A data file of regular-expression patterns (u flag), joined into one alternation. */
export function languagePattern(file: LanguageFile, flags = 'u'): RegExp {
  return new RegExp(languageList(file).join('|'), flags);
}

/** The inside of a character class of `chars` (escaped): `[${…}]`, or `[^${…}]` for the others. */
export function classBody(chars: Iterable<string>): string {
  return [...chars].map(escapeInClass).join('');
}

/** Characters as a character class (u flag). */
export function characterClass(chars: Iterable<string>, flags = 'u'): RegExp {
  return new RegExp(`[${classBody(chars)}]`, flags);
}

/** The characters of a data file (one a line) as a character class. */
export function languageClass(file: LanguageFile, flags = 'u'): RegExp {
  return characterClass(languageList(file), flags);
}
