/**
 * The character alignment of two strings (one Levenshtein alignment, code point by code point, each
 * insertion, deletion and substitution costing 1), read as the runs of changed characters between
 * runs of equal ones. Two users: the training's edit chunks (scripts/repair-align.ts `charChunks`,
 * truth word → OCR word, from which the channel's confusions are counted) and the document
 * channel of the calibration (calibration.ts `substitutions`, OCR word → reading). One alignment for
 * both, so the confusions a document is found to repeat are cut the way the channel was learned.
 *
 * Of the alignments of least cost the one taken is fixed: backtracking from the end, a match or a
 * substitution first, then a character of `a` dropped, then one of `b` inserted (so a run of edits
 * sits as far right as the costs allow: `ss` → `s` drops the second `s`).
 *
 * The table is one flat typed array, kept between calls and grown when a longer pair comes (the
 * calibration aligns every correction of every document: no per-cell objects, no per-call table).
 */

/** Code points of `a` and `b` and the cost table, reused across calls (grown as needed). */
let codesA: Int32Array = new Int32Array(64);
let codesB: Int32Array = new Int32Array(64);
let table = new Uint32Array(64 * 64);
/** Runs of the last backtrack, four numbers each, last run first. */
let backRuns = new Int32Array(64);

/** The code points of `s` into `into` (grown when short); returns the array and their number. */
function codePoints(s: string, into: Int32Array): [Int32Array, number] {
  if (into.length < s.length) into = new Int32Array(Math.max(s.length, into.length * 2));
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.codePointAt(k)!;
    into[n++] = c;
    if (c > 0xffff) k++;
  }
  return [into, n];
}

/** The alignment of one pair: its lengths in code points and its runs of changed code points. */
export interface EditRuns {
  /** Code points of `a` and of `b`. */
  n: number;
  m: number;
  /** Per run of changed code points, in order, four numbers: the run's start and end in `a`, its
   * start and end in `b` (code point indices, ends exclusive). Match runs are left out. */
  runs: Int32Array;
}

/**
 * The runs of changed code points turning `a` into `b` (see the module comment for which of the
 * alignments of least cost): `ldnet` → `länet` one run, `d` → `ä` ([1, 2, 1, 2]); `Tsynnerhet` →
 * `synnerhet` one run `T` → `` ([0, 1, 0, 0]).
 */
export function editRuns(a: string, b: string): EditRuns {
  let n: number, m: number;
  [codesA, n] = codePoints(a, codesA);
  [codesB, m] = codePoints(b, codesB);
  const w = m + 1;
  const size = (n + 1) * w;
  if (table.length < size) table = new Uint32Array(Math.max(size, table.length * 2));
  const A = codesA, B = codesB, d = table;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    const row = i * w, up = row - w, ai = A[i - 1]!;
    d[row] = i;
    for (let j = 1; j <= m; j++) {
      const diagonal = d[up + j - 1]! + (ai === B[j - 1] ? 0 : 1);
      const drop = d[up + j]! + 1;
      const insert = d[row + j - 1]! + 1;
      d[row + j] = diagonal < drop ? (diagonal < insert ? diagonal : insert) : drop < insert ? drop : insert;
    }
  }
  // Back from the end: a match or substitution first, then a character of `a` dropped, then one of
  // `b` inserted; a run of changes ends (is opened, going back) at the first change after a match.
  let runCount = 0;
  let i = n, j = m, open = false;
  const close = (): void => {
    backRuns[runCount * 4] = i;
    backRuns[runCount * 4 + 2] = j;
    runCount++;
    open = false;
  };
  const openAt = (): void => {
    if (backRuns.length < (runCount + 1) * 4) {
      const grown = new Int32Array(backRuns.length * 2);
      grown.set(backRuns);
      backRuns = grown;
    }
    backRuns[runCount * 4 + 1] = i;
    backRuns[runCount * 4 + 3] = j;
    open = true;
  };
  while (i > 0 || j > 0) {
    const here = d[i * w + j]!;
    if (i > 0 && j > 0) {
      const same = A[i - 1] === B[j - 1];
      if (here === d[(i - 1) * w + j - 1]! + (same ? 0 : 1)) {
        if (same) {
          if (open) close();
        } else if (!open) openAt();
        i--;
        j--;
        continue;
      }
    }
    if (!open) openAt();
    if (i > 0 && here === d[(i - 1) * w + j]! + 1) i--;
    else j--;
  }
  if (open) close();
  // The runs were found last first: reversed into a fresh array.
  const runs = new Int32Array(runCount * 4);
  for (let r = 0; r < runCount; r++) runs.set(backRuns.subarray((runCount - 1 - r) * 4, (runCount - r) * 4), r * 4);
  return { n, m, runs };
}

/** Code points `from` … `to` (exclusive) of `s`, of which there are `count`. */
export function codePointSlice(s: string, count: number, from: number, to: number): string {
  return count === s.length ? s.slice(from, to) : [...s].slice(from, to).join('');
}
