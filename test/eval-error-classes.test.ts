/** The classes of character errors (src/eval/error-classes.ts) that bench/repair-errors.mjs prints. */
import { describe, expect, it } from 'vitest';
import { classifyErrors, ERROR_CLASSES } from '../src/eval/error-classes.js';

// Lines of the dev documents' English-model OCR (/work/dev-calib, not held out) against their truth.
const isWord = (w: string): boolean => ['är', 'där', 'för', 'har', 'hår', 'gång', 'pang', 'ett', 'och'].includes(w.toLowerCase());
const classes = (truth: string, text: string): Array<[string, string, string, number]> =>
  classifyErrors(truth, text, isWord).groups.map((g) => [g.cls, g.truth, g.text, g.errors]);

describe('error classes', () => {
  it('classes a word left wrong by its letter edits, as a non-word or a real word', () => {
    expect(classes('Det är där han bor.', 'Det dr dir han bor.')).toEqual([
      ['word-1-nonword', 'är', 'dr', 1],
      ['word-1-nonword', 'där', 'dir', 1],
    ]);
    expect(classes('en gång till', 'en pang till')).toEqual([['word-2-realword', 'gång', 'pang', 2]]);
    expect(classes('det försmädligt sade', 'det forsmvidligt sade')).toEqual([['word-3+-nonword', 'försmädligt', 'forsmvidligt', 3]]);
    expect(classes('Hennes hår var', 'Hennes har var')).toEqual([['diacritics', 'hår', 'har', 1]]);
  });

  it('classes marks, dashes, quotes, digits and case apart from letters', () => {
    expect(classes('— Jag vet, sade hon.', '~ Jag vet. sade hon.')).toEqual([
      ['punct-other', '—', '~', 1],
      ['punct-other', 'vet,', 'vet.', 1],
    ]);
    expect(classes('hon — han', 'hon - han')).toEqual([['punct-dash', '—', '-', 1]]);
    expect(classes('år 2021–2025 år 1998 ”Ja” Kommunen', 'år 2021-2025 år 1908 "Ja" kommunen')).toEqual([
      ['punct-dash', '2021–2025', '2021-2025', 1],
      ['digits', '1998', '1908', 1],
      ['punct-quote', '”Ja”', '"Ja"', 2],
      ['case', 'Kommunen', 'kommunen', 1],
    ]);
  });

  it('classes split, glued and hyphenated words, and what has no counterpart', () => {
    const truth = 'I ett ansvarsområde och organisationer som i regionen fanns';
    const text = 'Lett ansvars\nområde och organi- sationer som iregionen fanns extra';
    expect(classes(truth, text)).toEqual([
      ['glued-damaged', 'I ett', 'Lett', 2],
      ['split-line-end', 'ansvarsområde', 'ansvars område', 1],
      ['hyphen-left', 'organisationer', 'organi- sationer', 2],
      ['glued-i', 'i regionen', 'iregionen', 1],
      ['word-added', '', 'extra', 6],
    ]);
    expect(classes('han kom inte hem', 'han kom hem')).toEqual([['word-missing', 'inte', '', 5]]);
    expect(classes('ett ord, och', 'ett ord , och')).toEqual([['spacing', 'ord,', 'ord ,', 1]]);
  });

  it('sums the classes to the scorer’s character errors on a real OCR paragraph', () => {
    const truth = '— Nu lär släkten jubla, fortsatte Per. Nu får dom snart ärva. — Så vida inte sista försöket skulle lyckas?';
    const ocr = '— Nu fir slikten jubla, fortsatte Per. Nu far dom snart arva. — Sa vida inte\nsista forsdket skulle lyekas?';
    const b = classifyErrors(truth, ocr, isWord);
    expect(b.total).toBe(b.scorer);
    expect(b.scorer).toBe(9);
    expect(Object.fromEntries(ERROR_CLASSES.filter((c) => b.byClass[c].errors).map((c) => [c, b.byClass[c].errors]))).toEqual({ 'word-1-nonword': 2, 'word-2-nonword': 4, diacritics: 3 });
  });
});
