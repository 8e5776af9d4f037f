/**
 * Domain entries (municipalities, regions, authorities, terms, abbreviations) become word forms:
 * each entry as written, its words, and the genitive of its last word by the Swedish rule.
 */

/** Swedish genitive: add `s`, except after s, x or z (`Linköping` → `Linköpings`, `Kalix` → `Kalix`). */
export function genitive(name: string): string {
  if (/[sxzSXZ]$/u.test(name)) return name;
  // Abbreviations take a colon (`SFI:s`, `SoL:s`); a word ending in a capital letter is one.
  if (/\p{Lu}$/u.test(name) || /\p{Lu}.*\p{Lu}/u.test(name) || /\d$/u.test(name)) return `${name}:s`;
  return `${name}s`;
}

/** The word forms an entry contributes: its tokens as written, and the genitive of the last one. */
export function domainForms(entry: string): string[] {
  const words = entry.split(/\s+/).filter(Boolean);
  const forms = new Set<string>(words);
  const last = words[words.length - 1];
  if (last !== undefined) forms.add(genitive(last));
  return [...forms];
}
