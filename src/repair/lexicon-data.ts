/** The plain-text list format of the lexicon's domain lists (dictionaries/domain/). Files are read
 * with src/dictionaries.ts. */

/** Entries of a plain-text list: one a line, `#` starts a comment, blank lines skipped. */
export function parseList(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const hash = raw.indexOf('#');
    const line = (hash === -1 ? raw : raw.slice(0, hash)).trim().normalize('NFC');
    if (line !== '') out.push(line);
  }
  return out;
}
