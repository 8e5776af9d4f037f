/**
 * Edits against a text, and how to chain them: every normalisation step reports what it replaced,
 * and the pipeline composes the steps' edits so the caller gets changes against the ORIGINAL input
 * (the repair stage maps offsets back and reports normalisation as audited corrections).
 */

/** One replacement: `length` code units at `offset` in the step's input become `after`. */
export interface Edit {
  offset: number;
  length: number;
  after: string;
  kind: string;
}

/**
 * Apply sorted, non-overlapping replacements — normalisation changes, or a repair's corrections:
 * applying an audit log to the input it was made against gives the output.
 */
export function applyEdits(text: string, edits: ReadonlyArray<{ offset: number; length: number; after: string }>): string {
  if (edits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.offset) + e.after;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

/**
 * Edits for every match of a global regex; `replace` returns the replacement or `undefined` to leave
 * the match alone. Zero-length matches are not supported (the regexes here never produce them).
 */
export function editsForMatches(
  text: string,
  regex: RegExp,
  kind: string,
  replace: (match: RegExpExecArray) => string | undefined,
): Edit[] {
  const edits: Edit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const after = replace(m);
    if (after !== undefined && after !== m[0]) edits.push({ offset: m.index, length: m[0].length, after, kind });
  }
  return edits;
}

/**
 * Compose edits A (text0 → text1) with edits B (text1 → text2) into edits text0 → text2.
 *
 * Both lists are atomic intervals in text1's coordinates (A by what it produced, B by what it
 * read); intervals that overlap are merged into one change, since a B edit that rewrote part of an
 * A edit's output can no longer be told apart from it. Merged kinds are joined with '+'.
 */
export function composeEdits(text0: string, a: readonly Edit[], b: readonly Edit[], text2: string): Edit[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  interface Span { s: number; e: number; fromA: boolean; kind: string }
  const spans: Span[] = [];
  let shift = 0;
  for (const e of a) {
    const s = e.offset + shift;
    spans.push({ s, e: s + e.after.length, fromA: true, kind: e.kind });
    shift += e.after.length - e.length;
  }
  // Merge with B's intervals (both sorted): at equal starts shorter spans first, A before B.
  const merged: Span[] = [];
  let k = 0;
  for (const e of b) {
    const span = { s: e.offset, e: e.offset + e.length, fromA: false, kind: e.kind };
    while (k < spans.length && (spans[k]!.s < span.s || (spans[k]!.s === span.s && spans[k]!.e <= span.e))) merged.push(spans[k++]!);
    merged.push(span);
  }
  while (k < spans.length) merged.push(spans[k++]!);

  const out: Edit[] = [];
  // Running (text1 − text0) and (text2 − text1) offsets of the edits in clusters already emitted:
  // every earlier cluster ends at or before the next one starts, so positions between clusters map
  // by these deltas alone.
  let deltaA = 0;
  let deltaB = 0;
  let ai = 0;
  let bi = 0;
  let i = 0;
  while (i < merged.length) {
    const first = merged[i]!;
    if (i + 1 === merged.length || merged[i + 1]!.s >= first.e) {
      // A span on its own (the common case): the edit passes through, shifted.
      const own = first.fromA ? a[ai++]! : b[bi++]!;
      if (first.fromA) {
        out.push({ offset: own.offset, length: own.length, after: own.after, kind: own.kind });
        deltaA += own.after.length - own.length;
      } else {
        out.push({ offset: first.s - deltaA, length: own.length, after: own.after, kind: own.kind });
        deltaB += own.after.length - own.length;
      }
      i++;
      continue;
    }
    const s = first.s;
    let e = first.e;
    const kinds = new Set<string>();
    let j = i;
    let nextDeltaA = deltaA;
    let nextDeltaB = deltaB;
    // A cluster: every span that starts strictly inside what is covered so far.
    while (j < merged.length && (j === i || merged[j]!.s < e)) {
      const n = merged[j]!;
      e = Math.max(e, n.e);
      kinds.add(n.kind);
      if (n.fromA) {
        const ea = a[ai++]!;
        nextDeltaA += ea.after.length - ea.length;
      } else {
        const eb = b[bi++]!;
        nextDeltaB += eb.after.length - eb.length;
      }
      j++;
    }
    const start0 = s - deltaA;
    const end0 = e - nextDeltaA;
    const before = text0.slice(start0, end0);
    const after = text2.slice(s + deltaB, e + nextDeltaB);
    if (before !== after) out.push({ offset: start0, length: end0 - start0, after, kind: [...kinds].join('+') });
    deltaA = nextDeltaA;
    deltaB = nextDeltaB;
    i = j;
  }
  return out;
}
