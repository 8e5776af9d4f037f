import type { DocClass } from './model.js';

/** Share of letters that are å/ä/ö: Swedish prose has ~4 %, an English-model OCR of it ~0. */
export function diacriticRate(text: string): number {
  let letters = 0;
  let swedish = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if ('åäöÅÄÖ'.includes(m[0])) swedish++;
  }
  return letters ? swedish / letters : 0;
}

/**
 * A document whose å/ä/ö rate is far below Swedish text's was read by an engine that strips them;
 * there even valid words (`for`, `bor`, `galler`) are suspect. The threshold is learned from the
 * training OCR of both engines. Too short a text says nothing, so it counts as normal.
 */
export function classify(text: string, threshold: number): DocClass {
  let letters = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) letters++;
  if (letters < 200) return 'normal';
  return diacriticRate(text) < threshold ? 'stripped' : 'normal';
}
