/**
 * A count of the work normalise and repair do in the places whose cost could grow faster than the
 * text: normalisation's scans and steps, the word hash over a token's characters, the tokenizer's
 * protected-span pattern (charged at its worst case, a stretch's length squared), the colon scan,
 * the guard's scan, offset mapping. Not a timer: the fuzz test (test/repair-linear.test.ts)
 * asserts that the count stays below a constant times the input's length, which a time limit on a
 * loaded machine could not say reliably.
 */
let counted = 0;

export function countWork(units: number): void {
  counted += units;
}

/** The work counted so far (the tests read it before and after a call). */
export function workDone(): number {
  return counted;
}
