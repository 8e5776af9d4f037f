import { describe, expect, it } from 'vitest';
import { abbreviationSites, damagedAbbreviations, type LearnedAbbreviation } from '../src/repair/dotted-abbreviations.js';
import { repair } from '../src/repair/index.js';
import type { RepairModel } from '../src/repair/model.js';
import { tiny, tinyModel } from './repair-tiny.js';

// A dotted abbreviation whose inner dots OCR lost (`bla.` for `bl.a.`): the places are found by
// abbreviationSites, which forms stand for which abbreviation is learned by
// scripts/train-repair.ts on the training OCR. Repair is tested on the made-up model of
// repair-tiny.ts; what the shipped model learned is in its checks (test/repair-model-checks.test.ts).

describe('abbreviationSites', () => {
  it('finds two to five letters and a stop standing alone', () => {
    const text = 'Det gäller bla. skolan (tex. vården), och år. Sedan';
    expect(abbreviationSites(text).map((s) => [s.raw, s.form, text.slice(s.start, s.end)])).toEqual([
      ['bla.', 'bla.', 'bla.'],
      ['tex.', 'tex.', 'tex.'],
      ['år.', 'år.', 'år.'],
    ]);
  });

  it('leaves the parts of a dotted abbreviation, longer words, single letters and numbers', () => {
    expect(abbreviationSites('bl.a. s.k. t.ex. skolan. i. 2021. ab.c')).toEqual([]);
  });
});

describe('damagedAbbreviations', () => {
  const learned = new Map<string, LearnedAbbreviation>([['bla.', { after: 'bl.a.', p: 1 }], ['lex.', { after: 't.ex.', p: 1 }]]);

  it('replaces a learned form, lower-case where the capital is OCR damage', () => {
    const text = 'ansvarar bLa. för skolan och Lex. vården';
    expect(damagedAbbreviations(text, learned)).toEqual([
      { start: 9, end: 13, before: 'bLa.', after: 'bl.a.', p: 1 },
      { start: 29, end: 33, before: 'Lex.', after: 't.ex.', p: 1 },
    ]);
  });

  it('keeps a capital where a sentence starts', () => {
    expect(damagedAbbreviations('Bla. skolan. Bla. vården\n\nBla. mer', learned).map((r) => r.after)).toEqual(['Bl.a.', 'Bl.a.', 'Bl.a.']);
  });

  it('leaves a form the document writes as a word of its own, no Swedish word (`TeX Live`, then `av TeX.`)', () => {
    const tex = new Map<string, LearnedAbbreviation>([['tex.', { after: 't.ex.', p: 1 }], ['bla.', { after: 'bl.a.', p: 1 }]]);
    const swedish = (w: string): boolean => w === 'bla';
    const text = 'Paketet TeX Live har allt. Filen skapas av TeX. och visas sedan, bla. i Okular.';
    expect(damagedAbbreviations(text, tex, swedish).map((r) => r.before)).toEqual(['bla.']);
    // A stop or a comma after the letters is no such word (OCR's reading of the abbreviation), nor
    // a line-end hyphen or a file name's extension; `bla` (`blå`) is a Swedish word.
    expect(damagedAbbreviations('skapas tex, av x.tex och tex-\nten, tex. vården', tex, swedish).map((r) => r.before)).toEqual(['tex.']);
    expect(damagedAbbreviations('den bla himlen, bla. i mars', tex, swedish).map((r) => r.before)).toEqual(['bla.']);
    // Without the predicate (the trainer's count) every learned form is a site.
    expect(damagedAbbreviations(text, tex).map((r) => r.before)).toEqual(['TeX.', 'bla.']);
  });

  it('knows no form without a learned table', () => {
    expect(damagedAbbreviations('det gäller bla. skolan', new Map())).toEqual([]);
  });
});

describe('a damaged dotted abbreviation in repair', () => {
  it('is used where training found the form to be the abbreviation at odds ≥ 10:1 (tiny model: not `mom.`, 8 of 10)', () => {
    expect([...tinyModel().abbreviations]).toEqual([
      ['bla.', { after: 'bl.a.', p: 1 }],
      ['tex.', { after: 't.ex.', p: 1 }],
    ]);
  });

  it('is replaced whole and reported, so neither its letters nor its stop are repaired', () => {
    const input = 'Kommunen ansvarar bla. för skolan och tex. vården, #r det klart.';
    const { text, corrections } = repair(input, tiny());
    expect(text).toBe('Kommunen ansvarar bl.a. för skolan och t.ex. vården, är det klart.');
    expect(corrections).toEqual([
      { offset: 18, length: 4, before: 'bla.', after: 'bl.a.', confidence: 1, rule: 'abbreviation' },
      { offset: 38, length: 4, before: 'tex.', after: 't.ex.', confidence: 1, rule: 'abbreviation' },
      { offset: 51, length: 2, before: '#r', after: 'är', confidence: expect.any(Number), rule: 'confusion' },
    ]);
  });

  it('is left as it is by a model that learned no forms: then the letters are read as a word', () => {
    const model: RepairModel = { ...tinyModel(), abbreviations: new Map() };
    expect(repair('Kommunen ansvarar bla. för skolan', { ...tiny(), model }).corrections.some((c) => c.rule === 'abbreviation')).toBe(false);
  });

  it('is below minConfidence never applied', () => {
    const model: RepairModel = { ...tinyModel(), abbreviations: new Map([['bla.', { after: 'bl.a.', p: 0.9 }]]) };
    expect(repair('Kommunen ansvarar bla. för skolan', { ...tiny(), model, minConfidence: 0.95 }).text).not.toContain('bl.a.');
    expect(repair('Kommunen ansvarar bla. för skolan', { ...tiny(), model, minConfidence: 0.8 }).text).toBe('Kommunen ansvarar bl.a. för skolan');
  });
});
