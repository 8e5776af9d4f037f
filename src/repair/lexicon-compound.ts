/**
 * Swedish compound analysis: a word is a compound when it splits into a part that may begin a
 * compound, any number of parts that may stand inside one, and a last part that may end one.
 * The last part carries the inflection (`…nämnd|ens`), the linking `s`/`e` belongs to the part
 * before it (`arbets|marknads|nämndens`). Which forms may take which place comes from the caller
 * (Hunspell's COMPOUNDBEGIN/MIDDLE/END roles plus domain and learned words), so this module is pure.
 */

export interface CompoundRoles {
  /** Cheap (a Set): tried on every prefix. */
  begin(part: string): boolean;
  /** Cheap (a Set): tried on every stretch after a reachable position. */
  middle(part: string): boolean;
  /** May be dearer: tried once per reachable position. */
  end(part: string): boolean;
  /**
   * Optional and cheap: no begin or middle part starting at `start` in `word` is longer than this
   * (an upper bound), so longer stretches are not looked up at all. Without it every stretch is.
   */
  reach?(word: string, start: number, hashes?: Int32Array): number;
  /**
   * Optional and cheap, with `reach`: `reach(word, start, hashes)` then also writes `hashes[k]`,
   * the FNV-1a hash (lexicon-hash.ts) of `word[start, start + k + 1)`, for every k below the reach
   * it returns, and `mayBePart(hash)` is false only for a stretch that is certainly no begin or
   * middle part: no string is built for it, and begin/middle are not asked.
   */
  mayBePart?(hash: number): boolean;
}

/** The hashes `reach` writes, kept between calls (a call from inside a role gets its own). */
let sharedHashes = new Int32Array(64);
let hashesInUse = false;

export interface CompoundOptions {
  /** Shortest part, in letters. 3 keeps OCR fragments such as `ir`, `dr` from gluing words together. */
  minPart?: number;
  /** At most this many parts (deeper splits of OCR garbage are more likely chance than words). */
  maxParts?: number;
}

/**
 * The parts of `word` (lower-case) as a compound, or null when it does not split. The split with
 * the fewest parts wins, and among those the one with the longest first part (`arbetsmarknads|
 * nämndens`, not `arbets|marknads|nämndens`). A single part is not a compound.
 *
 * Breadth-first from the left: the positions a first part reaches, then those a middle part
 * reaches from them, level by level; the last part is looked up only at reached positions. OCR
 * garbage rarely starts with a compound-begin form, so most candidates repair tries cost ~n cheap
 * Set lookups.
 */
export function splitCompound(word: string, roles: CompoundRoles, options?: CompoundOptions): string[] | null {
  const minPart = options?.minPart ?? 3;
  const maxParts = options?.maxParts ?? 5;
  const n = word.length;
  if (n < 2 * minPart) return null;
  if (!roles.reach || !roles.mayBePart) return split(word, roles, minPart, maxParts, null);
  const own = hashesInUse;
  if (!own && sharedHashes.length < n) sharedHashes = new Int32Array(2 * n);
  const hashes = own ? new Int32Array(n) : sharedHashes;
  hashesInUse = true;
  try {
    return split(word, roles, minPart, maxParts, hashes);
  } finally {
    hashesInUse = own;
  }
}

/** How far a begin or middle part may reach from `start` (roles.reach, writing `hashes`). */
function reachOf(word: string, start: number, roles: CompoundRoles, hashes: Int32Array | null): number {
  return roles.reach ? roles.reach(word, start, hashes ?? undefined) : word.length - start;
}

/** Whether word[start, end) may be a begin or middle part, by its hash (`reached`: reachOf(start)). */
function mayBe(roles: CompoundRoles, hashes: Int32Array | null, start: number, end: number, reached: number): boolean {
  return hashes === null || (end - start <= reached && roles.mayBePart!(hashes[end - start - 1]!));
}

/** splitCompound's search; `hashes` (with roles.reach and roles.mayBePart) rules stretches out by hash. */
function split(word: string, roles: CompoundRoles, minPart: number, maxParts: number, hashes: Int32Array | null): string[] | null {
  const n = word.length;
  // First parts get their own text because a simplified triple consonant (`natt|åg` written for
  // `natt|tåg`) adds a letter. Most words repair asks about have none, so nothing is allocated
  // before one is found.
  let firstAt: number[] | null = null;
  let firstText: string[] | null = null;
  // A first part of j letters, or j + 1 with a triple consonant put back, both within reach.
  const reach0 = reachOf(word, 0, roles, hashes);
  for (let j = Math.min(n - minPart, reach0); j >= minPart; j--) {
    let first: string | null = null;
    if (mayBe(roles, hashes, 0, j, reach0)) {
      first = word.slice(0, j);
      if (roles.begin(first)) {
        (firstAt ??= []).push(j);
        (firstText ??= []).push(first);
        continue;
      }
    }
    // (The part with the letter put back is word[0, j + 1): a stretch of the word, hashed too.)
    const c = word[j];
    if (c !== undefined && word[j - 1] === c && word[j - 2] !== c && mayBe(roles, hashes, 0, j + 1, reach0)) {
      const longer = (first ?? word.slice(0, j)) + c;
      if (roles.begin(longer)) {
        (firstAt ??= []).push(j);
        (firstText ??= []).push(longer);
      }
    }
  }
  if (firstAt === null || firstText === null) return null;
  // prev[pos] = where the part ending at pos started (-1: not reached).
  const prev = new Int16Array(n + 1).fill(-1);
  for (const j of firstAt) prev[j] = 0;
  // Level by level (parts so far = level). Positions are visited longest-first-part first, and a
  // position keeps the first path that reached it, so ties go to the longest first part.
  let frontier = firstAt; // descending positions
  for (let level = 1; level < maxParts && frontier.length > 0; level++) {
    for (const i of frontier) {
      if (roles.end(word.slice(i))) return rebuild(word, prev, firstAt, firstText, i);
    }
    if (level + 1 >= maxParts) break;
    const nextFrontier: number[] = [];
    for (const i of frontier) {
      const reached = reachOf(word, i, roles, hashes);
      for (let j = Math.min(n - minPart, i + reached); j >= i + minPart; j--) {
        if (prev[j] !== -1 || !mayBe(roles, hashes, i, j, reached)) continue;
        if (roles.middle(word.slice(i, j))) {
          prev[j] = i;
          nextFrontier.push(j);
        }
      }
    }
    frontier = nextFrontier;
  }
  return null;
}

function rebuild(word: string, prev: Int16Array, firstAt: number[], firstText: string[], lastStart: number): string[] {
  const out = [word.slice(lastStart)];
  let end = lastStart;
  for (let start = prev[end] ?? 0; start > 0; end = start, start = prev[end] ?? 0) out.unshift(word.slice(start, end));
  out.unshift(firstText[firstAt.indexOf(end)] ?? word.slice(0, end));
  return out;
}
