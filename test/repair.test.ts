import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLexicon, repair } from '../src/repair/index.js';
import { applyCorrections, cer, checkCorrections, fix, fixture, FIXTURES, NORMAL, STRIPPED } from './repair-helpers.js';

/** Short texts cannot show their document class by their å/ä/ö rate; these tests say it. */

describe('the real seed pair (seed-001: a scan OCR-ed without Swedish)', () => {
  const ocr = fixture('seed-001-pair/ocr.txt');
  const truth = fixture('seed-001-pair/truth.txt');
  const result = repair(ocr);

  it('cuts the character error rate from 4.8 % to under 0.5 %', () => {
    expect(cer(ocr, truth)).toBeGreaterThan(0.048);
    expect(cer(result.text, truth)).toBeLessThan(0.005);
  });

  it.each([
    ['Ostergdtland', 'Östergötland'],
    ['6verenskommelsen', 'överenskommelsen'],
    ['&versyn', 'översyn'],
    ['#r', 'är'],
    ['giller', 'gäller'],
    ['ldnet', 'länet'],
    ['Link&pings', 'Linköpings'],
    ['Forslag', 'Förslag'],
    ['arbetsmarknadsnamndens', 'arbetsmarknadsnämndens'],
  ])('repairs %s → %s, with an audit entry', (before, after) => {
    expect(result.corrections.some((c) => c.before === before && c.after === after)).toBe(true);
  });

  it('keeps what was right: `bor och lever`, dates, the real hyphen of `arbetsmarknads- och`', () => {
    expect(result.text).toContain('bor och lever');
    expect(result.text).toContain('den 1 maj 2021');
    expect(result.text).toContain('arbetsmarknads- och');
  });

  it('reports corrections against the input, and they reproduce the output', () => {
    checkCorrections(ocr, result.corrections);
    expect(applyCorrections(ocr, result.corrections)).toBe(result.text);
  });
});

describe('clean text is left as it is', () => {
  const seeds = readdirSync(join(FIXTURES, 'seeds')).filter((f) => /^00[023]_/.test(f));
  it.each(['seed-000/truth.txt', 'seed-003/truth.txt', 'seed-001-pair/truth.txt'])('%s: byte-for-byte, no corrections', (path) => {
    const text = fixture(path);
    const result = repair(text);
    expect(result.corrections).toEqual([]);
    expect(result.text).toBe(text);
  });
  // Seed 002's own misspelling `Stategiskt` (it writes `Strategiskt` elsewhere) stays too: the
  // document cache's boost fitted for Swedish-model text (2) no longer lifts the edit-distance
  // reading over the unknown word's name prior.
  // Seed 002's text lost the hyphen of some printed breaks (`aktivi⏎teter`, `läns⏎styrelsen`):
  // those are joined too (join-words), and nothing else.
  it.each(seeds.map((f) => `seeds/${f}`))('%s: no word changed; only printed line-end hyphenation joined', (path) => {
    const text = fixture(path);
    const result = repair(text);
    expect(result.corrections.filter((c) => c.rule !== 'dehyphenate' && c.rule !== 'join-words')).toEqual([]);
    for (const c of result.corrections.filter((c) => c.rule === 'dehyphenate')) expect(c.after).toBe(c.before.replace(/-\s+/u, ''));
    for (const c of result.corrections.filter((c) => c.rule === 'join-words')) expect(c.after).toBe(c.before.replace(/\s*\n\s*/u, ''));
    expect(repair(text, { dehyphenate: false }).text).toBe(text);
  });
});

describe('the OCR fixtures of seed-000 and seed-003 (held out from training)', () => {
  // Bounds a little above today's figures (ratio of CER after to CER before). seed-000's truth
  // is laid out differently from its scan (a heading block in another order), which no repair fixes.
  const bounds: Record<string, number> = {
    'seed-000/ocr-eng-l1': 0.5,
    'seed-000/ocr-eng-l2': 0.6,
    'seed-000/ocr-swe-l2': 0.9,
    'seed-003/ocr-eng-l1': 0.1,
    'seed-003/ocr-eng-l2': 0.35,
    'seed-003/ocr-swe-l2': 0.55,
  };
  for (const [name, bound] of Object.entries(bounds)) {
    it(`${name}: CER cut to ≤ ${bound} of the input's; the corrections reproduce the output`, () => {
      const ocr = fixture(`${name}.txt`);
      const truth = fixture(`${name.split('/')[0]}/truth.txt`);
      const result = repair(ocr);
      expect(cer(result.text, truth)).toBeLessThan(cer(ocr, truth) * bound);
      checkCorrections(ocr, result.corrections);
      expect(applyCorrections(ocr, result.corrections)).toBe(result.text);
    });
  }
});

describe('confusion classes', () => {
  it.each([
    ['stripped å/ä', 'fran lanet', 'från länet', STRIPPED],
    ['stripped ö', 'forslaget', 'förslaget', STRIPPED],
    ['ä read as d', 'Samverkan i ldnet kring integration.', 'Samverkan i länet kring integration.', NORMAL],
    ['ä read as i', 'Det giller alla.', 'Det gäller alla.', NORMAL],
    ['ö read as é', 'en bedémning av behovet', 'en bedömning av behovet', NORMAL],
    ['ö read as 6', 'den regionala 6verenskommelsen', 'den regionala överenskommelsen', NORMAL],
    ['ö read as &', 'En &versyn görs.', 'En översyn görs.', NORMAL],
    ['ä read as #', 'Det #r klart.', 'Det är klart.', NORMAL],
    ['Ö read as O', 'Region Ostergotland', 'Region Östergötland', STRIPPED],
    ['ö read as capital G mid-sentence', 'en överblick Gver sina engagemang', 'en överblick över sina engagemang', NORMAL],
    ['i read as 1', 'arbetet 1 högre grad', 'arbetet i högre grad', NORMAL],
    ['m read as rn', 'Inom kornmunen finns', 'Inom kommunen finns', NORMAL],
    ['ff ligature misread at a line end', 'ett ef-\ntektiv arbete', 'ett effektiv arbete', NORMAL],
    ['lä read as 13 at a line end', 'alla 13-\nrare', 'alla lärare', NORMAL],
    ['lost first letter', 'Till den regionala verenskommelsen tas', 'Till den regionala överenskommelsen tas', NORMAL],
  ])('%s: %j → %j', (_name, input, output, options) => {
    expect(fix(input, options)).toBe(output);
  });

  it('repairs compounds the dictionary lists only by their parts', () => {
    expect(fix('Arbetsmarknadsnamndens beslut om integrationsavdelningen.', STRIPPED)).toBe('Arbetsmarknadsnämndens beslut om integrationsavdelningen.');
  });
});

describe('short all-caps tokens', () => {
  it('an unknown one is repaired only into a listed abbreviation (`ROK` → `RÖK`)', () => {
    const input = 'Enligt ROK ska regionen samverka.';
    // In normal text below the fitted minConfidence unless asked for less (the figures are among
    // the shipped model's checks).
    expect(repair(input, { ...NORMAL, minConfidence: 0.6 }).corrections).toEqual([{ offset: 7, length: 3, before: 'ROK', after: 'RÖK', confidence: expect.any(Number), rule: 'confusion' }]);
    expect(repair(input, NORMAL).corrections).toEqual([]);
    expect(fix(input, STRIPPED)).toBe('Enligt RÖK ska regionen samverka.');
  });
  it('a listed abbreviation or a known word stays, even when a capitalised word is one letter away (`DO`, not `DÖ`)', () => {
    for (const text of ['Anmälan till DO och JO gjordes.', 'Beslut om LSS och SFI.', 'RÖK antogs.']) {
      expect(repair(text, NORMAL).corrections).toEqual([]);
      expect(repair(text, STRIPPED).corrections).toEqual([]);
    }
  });
});

describe('case is kept', () => {
  it('upper case stays upper, a capital stays a capital', () => {
    expect(fix('Mötet i OSTERGOTLAND och mötet i Ostergdtland.', STRIPPED)).toBe('Mötet i ÖSTERGÖTLAND och mötet i Östergötland.');
  });

  it('a capital the OCR made of a damaged letter inside a word goes (`ArbetsfOrmedlingen`), the first stays', () => {
    expect(fix('Det sker i samarbete med ArbetsfOrmedlingen inför', STRIPPED)).toBe('Det sker i samarbete med Arbetsförmedlingen inför');
  });

  it('mid-sentence, a capital that the confusion model explains as damage is no capital (`Linge` for `länge`)', () => {
    // `lä` read as `Li` is a learned confusion, capital and all; `Tsamband` is one plain edit away.
    expect(fix('det har varit så Linge som möjligt', STRIPPED)).toBe('det har varit så länge som möjligt');
    expect(fix('Det ska göras i Tsamband med beslutet', STRIPPED)).toBe('Det ska göras i samband med beslutet');
  });

  it('a listed name keeps its capital mid-sentence, and a capital no confusion explains stays', () => {
    expect(fix('ansvaret vilar på Aklagarmyndigheten och polisen', STRIPPED)).toBe('ansvaret vilar på Åklagarmyndigheten och polisen');
    // A heading line without a stop before it: the next line's capital is the sentence's own.
    expect(fix('Linköpings kommun\nForslaget innebär att', STRIPPED)).toBe('Linköpings kommun\nFörslaget innebär att');
  });
});

describe('valid-but-suspicious words (`bor`, `for`, `ar`)', () => {
  it('in a diacritic-stripped document the word that fits the context wins', () => {
    expect(fix('Personer som bor och lever i lanet. Kommunen bor folja upp arbetet.', STRIPPED)).toBe(
      'Personer som bor och lever i länet. Kommunen bör följa upp arbetet.',
    );
    expect(fix('Det ar ett satt att folja upp forslaget for alla.', STRIPPED)).toBe('Det är ett sätt att följa upp förslaget för alla.');
  });

  it('in normal Swedish text without OCR damage they stay', () => {
    expect(fix('Personer som bor och lever i länet. Vi arbetar for alla.', NORMAL)).toBe('Personer som bor och lever i länet. Vi arbetar for alla.');
  });

  it('in normal Swedish text that shows OCR damage (`vanta`, `pa`) the context decides, at the calibrated bar of a known word', () => {
    expect(fix('Det ar manga som far vanta pa ett beslut.', NORMAL)).toBe('Det är många som får vänta på ett beslut.');
    // `bor följa` alone says `bör följa` at only 0.79; the broad-register context model (`bör följa
    // upp` in fiction, news and official prose alike) lifts it over the calibrated bar of a normal
    // document (context-gate.ts) where the sentence around it says so too.
    expect(fix('Alla myndigheter bor folja reglerna for upphandling.', NORMAL)).toBe('Alla myndigheter bör följa reglerna för upphandling.');
    // With less context (`Kommunen bor` may live somewhere), a Swedish-model text's `bor` is `bör`
    // at a calibrated 0.52 only, below the normal bar (0.9): listed as a suggestion, not applied.
    const c = repair('Kommunen bor folja upp arbetet for alla.', { ...NORMAL, suggest: true }).corrections.find((x) => x.before === 'bor');
    expect(c).toMatchObject({ after: 'bör', applied: false });
  });

  it('the document class is found from the å/ä/ö rate', () => {
    const stripped = fixture('seed-000/ocr-eng-l1.txt');
    expect(repair(stripped).corrections.some((c) => c.rule === 'stripped-diacritics')).toBe(true);
    const swedish = fixture('seed-000/ocr-swe-l2.txt');
    expect(repair(swedish).corrections.some((c) => c.rule === 'stripped-diacritics')).toBe(false);
  });
});

describe('what is never touched', () => {
  it.each([
    'Dnr 2021/123 och KS 2021-0034 den 1 maj 2021.',
    'Se www.linkoping.se eller skriv till info@linkoping.se.',
    'Hwilka af dessa ſkall qvinnan hafva?',
    'Punkt 1. Beslutet fattades 2021-08-31, bilaga 5a.',
    'Ministry of Justice fr.o.m. t.ex. den 3 mars.',
  ])('%j', (text) => {
    expect(repair(text, NORMAL).corrections).toEqual([]);
    expect(repair(text, STRIPPED).corrections).toEqual([]);
  });
});

describe('line-end hyphenation', () => {
  it('joins a word split at a line end and keeps real hyphens', () => {
    const input = 'Det finns organi-\nsationer inom arbetsmarknads- och integrationsavdelningen, ATP-avgift och Utbildnings-\noch kulturnämnden.';
    const result = repair(input, NORMAL);
    expect(result.text).toBe('Det finns organisationer inom arbetsmarknads- och integrationsavdelningen, ATP-avgift och Utbildnings-\noch kulturnämnden.');
    expect(result.corrections).toEqual([{ offset: 10, length: 16, before: 'organi-\nsationer', after: 'organisationer', confidence: expect.any(Number), rule: 'dehyphenate' }]);
  });

  it('joins halves whose second is a conjunction when they make a known word (`skynd-⏎samt`)', () => {
    const input = 'Ärendet ska behandlas skynd-\nsamt av nämnden och lik-\nsom tidigare av styrelsen.';
    const result = repair(input, NORMAL);
    expect(result.text).toBe('Ärendet ska behandlas skyndsamt av nämnden och liksom tidigare av styrelsen.');
    expect(result.corrections).toEqual([
      { offset: 22, length: 11, before: 'skynd-\nsamt', after: 'skyndsamt', confidence: expect.any(Number), rule: 'dehyphenate' },
      { offset: 49, length: 8, before: 'lik-\nsom', after: 'liksom', confidence: expect.any(Number), rule: 'dehyphenate' },
    ]);
  });

  it('keeps a suspended compound part before a line-end conjunction (`arbetsmarknads-⏎och`)', () => {
    const input = 'Ärendet går till arbetsmarknads-\noch integrationsavdelningen samt hälso-\neller sjukvården.';
    const result = repair(input, NORMAL);
    expect(result.text).toBe(input);
    expect(result.corrections).toEqual([]);
  });

  it('joins a word broken across a blank line (a page or column break of OCR text), its halves not read as words', () => {
    const input = 'Kommunen strävar ef-\n\nter att skapa en miljö fri från diskriminering. Mang-\n\nfald skapar nya perspektiv inom arbetsmarknads-\n\noch integrationsområdet.';
    const result = repair(input, NORMAL);
    expect(result.text).toBe('Kommunen strävar efter att skapa en miljö fri från diskriminering. Mångfald skapar nya perspektiv inom arbetsmarknads-\n\noch integrationsområdet.');
    expect(result.corrections).toEqual([
      { offset: 17, length: 8, before: 'ef-\n\nter', after: 'efter', confidence: expect.any(Number), rule: 'dehyphenate' },
      { offset: 70, length: 11, before: 'Mang-\n\nfald', after: 'Mångfald', confidence: expect.any(Number), rule: 'dehyphenate+confusion' },
    ]);
    // Two blank lines are a section break, not a page break inside a word: not joined, and the
    // halves, fragments still, are not read as other words (`ef` → `el`, `fald` → `tåld`).
    expect(fix('Kommunen strävar ef-\n\n\nter att skapa. Mang-\n\n\nfald skapar', NORMAL)).toBe('Kommunen strävar ef-\n\n\nter att skapa. Mang-\n\n\nfald skapar');
  });

  it('leaves the head of a word that goes on past the end of the text as it is (`ef-` at a page end)', () => {
    expect(repair('Kommunen strävar ef-\n', STRIPPED).corrections).toEqual([]);
    expect(repair('Kommunen strävar ef-', NORMAL).corrections).toEqual([]);
  });

  it('can be switched off', () => {
    expect(fix('organi-\nsationer', { ...NORMAL, dehyphenate: false })).toBe('organi-\nsationer');
  });
});

describe('corrections', () => {
  it('carry offset, length, before, after, confidence and rule against the input', () => {
    const input = 'Vi har 6verenskommelsen.';
    expect(repair(input, NORMAL).corrections).toEqual([
      { offset: 7, length: 16, before: '6verenskommelsen', after: 'överenskommelsen', confidence: expect.any(Number), rule: 'confusion' },
    ]);
  });

  it('map through the normalisation (offsets in the original input)', () => {
    const input = 'Den e\uFB00ektiva 6verenskommelsen gäller.';
    const result = repair(input, NORMAL);
    expect(result.text).toBe('Den effektiva överenskommelsen gäller.');
    checkCorrections(input, result.corrections);
    expect(applyCorrections(input, result.corrections)).toBe(result.text);
    expect(result.corrections.map((c) => c.rule)).toEqual(['normalize', 'confusion']);
  });

  it('minConfidence 1 applies nothing but normalisation (no repair is certain)', () => {
    const ocr = fixture('seed-001-pair/ocr.txt');
    const result = repair(ocr, { minConfidence: 1 });
    expect(result.corrections.filter((c) => c.rule !== 'normalize')).toEqual([]);
  });

  it('always reproduce the output from the input (property)', () => {
    const pieces = ['6verenskommelsen', 'giller', 'ldnet', 'for', 'bor', 'organi-\nsationer', 'e\uFB00ektiv', 'Ostergdtland', '#r', '1', 'den', '2021-08-31', ' ', '\n', ', ', '. ', 'Cafe\u0301', '\u00AD', 'ATP-avgift', 'fran', 'www.x.se'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.constantFrom<'stripped' | 'normal'>('stripped', 'normal'), (parts, documentClass) => {
        const input = parts.join(' ');
        const result = repair(input, { documentClass });
        checkCorrections(input, result.corrections);
        return applyCorrections(input, result.corrections) === result.text;
      }),
      { numRuns: 300 },
    );
  });

  it('hold for any text at all, including emoji, combining marks, BOMs and control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.constantFrom<'stripped' | 'normal'>('stripped', 'normal'), (input, documentClass) => {
        const result = repair(input, { documentClass });
        checkCorrections(input, result.corrections);
        return applyCorrections(input, result.corrections) === result.text;
      }),
      { numRuns: 500 },
    );
  });
});

describe('the archive’s own vocabulary wins', () => {
  it('a learned word is no longer corrected', () => {
    // (`Tarna` is no word, `Tårna` a village; a known name like `Valla` keeps its spelling anyway,
    // the context model finding no clear reason for `Vålla`.)
    const text = 'Mötet hölls i Tarna bygdegård.';
    expect(fix(text, STRIPPED)).toBe('Mötet hölls i Tårna bygdegård.');
    const lexicon = loadLexicon({ learn: ['Tarna bygdegård ligger i Tarna.'] });
    expect(fix(text, { ...STRIPPED, lexicon })).toBe(text);
  });
});
