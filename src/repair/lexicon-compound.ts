/**
 * Swedish compound analysis: a word is a compound when it splits into a part that may begin a
 * compound, any number of parts that may stand inside one, and a last part that may end one.
 * The last part carries the inflection (`…nämnd|ens`), the linking `s`/`e` belongs to the part
 * before it (`arbets|marknads|nämndens`). Which forms may take which place comes from the caller
 * (Hunspell's COMPOUNDBEGIN/MIDDLE/END roles plus domain and learned words), so this module is pure.
 */

export interface CompoundRoles {
  begin(part: string): boolean;
  middle(part: string): boolean;
  end(part: string): boolean;
}

export interface CompoundOptions {
  /** Shortest part, in letters. 3 keeps OCR fragments such as `ir`, `dr` from gluing words together. */
  minPart?: number;
  /** At most this many parts (deeper splits of OCR garbage are more likely chance than words). */
  maxParts?: number;
}

/**
 * The parts of `word` (lower-case) as a compound, preferring the split with the longest last part
 * (the head), or null when it does not split. A single part is not a compound.
 */
export function splitCompound(word: string, roles: CompoundRoles, options: CompoundOptions = {}): string[] | null {
  const minPart = options.minPart ?? 3;
  const maxParts = options.maxParts ?? 5;
  const n = word.length;
  if (n < 2 * minPart) return null;
  // failed[i] marks positions from which no valid rest exists (for middle/end), so the search is
  // O(n²) lookups at worst instead of exponential.
  const failed = new Uint8Array(n + 1);

  const rest = (i: number, depth: number): string[] | null => {
    if (failed[i]) return null;
    // Longest last part first: the head noun is the most informative split.
    const tail = word.slice(i);
    if (tail.length >= minPart && roles.end(tail)) return [tail];
    if (depth < maxParts) {
      for (let j = n - minPart; j >= i + minPart; j--) {
        const part = word.slice(i, j);
        if (!roles.middle(part)) continue;
        const r = rest(j, depth + 1);
        if (r) return [part, ...r];
      }
    }
    failed[i] = 1;
    return null;
  };

  for (let j = n - minPart; j >= minPart; j--) {
    const first = word.slice(0, j);
    if (roles.begin(first)) {
      const r = rest(j, 2);
      if (r) return [first, ...r];
    }
    // Simplified triple consonant: `natt` + `tåg` is written `nattåg`; the begin part lost a letter.
    const c = word[j];
    if (c !== undefined && word[j - 1] === c && word[j - 2] !== c && roles.begin(first + c)) {
      const r2 = rest(j, 2);
      if (r2) return [first + c, ...r2];
    }
  }
  return null;
}
