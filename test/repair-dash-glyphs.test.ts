/**
 * A lone glyph read for a dash, put back as the document's own dash (src/repair/dash-glyphs.ts):
 * real English-model OCR of fixtures/seed-002 (a municipal report set with en dashes) and of the
 * dev novel /work/dev/doc-08-fiction (set with em dashes), not the held-out set. Raw scores
 * (test/setup-raw-scores.ts).
 */
import { describe, expect, it } from 'vitest';
import { dashGlyphs, documentDash, isDashGlyph, loneDashCounts, loneDashRuns } from '../src/repair/dash-glyphs.js';
import { loneGlyphs } from '../src/repair/glyph-words.js';
import { defaultLexicon, repair } from '../src/repair/index.js';
import { fixture } from './repair-helpers.js';

const lexicon = defaultLexicon();

// /work/dev/doc-08-fiction, ocr-eng.txt lines 30–46: the dialogue dash read as `—` and as `~`.
const NOVEL =
  '— Ja, jag ar feg. Fey som den svagare. vilken ej inser, varfér han skall in-\n' +
  'lata sig i strid med den starkare blott for att denne skall fa forinta honom.\n\n' +
  '~ Men en vinskap. som ingenting kriver, fruktar du aven den?\n' +
  '~ Om en sadan funnes ...\n\n' +
  '~ Den finns.\n\n' +
  '— Jag svftar pa den viinskap en skugga formar skinka at honom. som hon ar domd\n' +
  'att folja genom livet. Fruktar du aven den?\n\n' +
  '~ Rack mig din hand.\n';

describe("the document's dash", () => {
  it('is the en dash where the OCR reads its lone dashes as `-` (seed-002: one `—` against 26 `-`)', () => {
    const text = fixture('seed-002/ocr-eng.txt');
    expect(loneDashCounts(text)).toEqual({ em: 1, hyphen: 26 });
    expect(documentDash(text)).toBe('–');
  });

  it('is the em dash where the OCR reads more lone dashes as `—` than as `-` (a novel)', () => {
    expect(loneDashCounts(NOVEL)).toEqual({ em: 2, hyphen: 0 });
    expect(documentDash(NOVEL)).toBe('—');
  });

  it('is the en dash, Swedish typography, where the OCR read no dash at all', () => {
    expect(documentDash('Kommunen ~ och regionen')).toBe('–');
  });
});

describe('a lone glyph read for a dash', () => {
  it('is a glyph whose learned reading is a dash, never a dash or hyphen itself', () => {
    expect(isDashGlyph('~', '–')).toBe(true);
    expect(isDashGlyph('=', '–')).toBe(true);
    expect(isDashGlyph('-', '–')).toBe(false);
    expect(isDashGlyph('—', '–')).toBe(false);
    expect(isDashGlyph('|', 'I')).toBe(false);
  });

  it('takes the document dash at each place', () => {
    const readings = new Map([['~', { after: '–' }], ['|', { after: 'I' }]]);
    expect(dashGlyphs(NOVEL, loneGlyphs(NOVEL), readings).map((g) => [g.offset, g.glyph, g.dash])).toEqual([
      [156, '~', '—'],
      [217, '~', '—'],
      [243, '~', '—'],
      [381, '~', '—'],
    ]);
    expect([156, 217, 243, 381].map((o) => NOVEL[o])).toEqual(['~', '~', '~', '~']);
    expect(dashGlyphs(NOVEL, loneGlyphs(NOVEL), new Map([['|', { after: 'I' }]]))).toEqual([]);
  });

  it('is repaired to the em dash in the novel, rule dash-glyph', () => {
    const out = repair(NOVEL, { lexicon });
    const dashes = out.corrections.filter((c) => c.rule === 'dash-glyph');
    expect(dashes.map((c) => [c.before, c.after])).toEqual([
      ['~', '—'],
      ['~', '—'],
      ['~', '—'],
      ['~', '—'],
    ]);
    expect(out.text).toContain('— Rack mig din hand.');
  });

  it('is repaired to the en dash in the report (seed-002 line 245)', () => {
    const text = fixture('seed-002/ocr-eng.txt');
    const out = repair(text, { lexicon });
    const dashes = out.corrections.filter((c) => c.rule === 'dash-glyph');
    expect(dashes.length).toBe(11);
    expect(new Set(dashes.map((c) => `${c.before}→${c.after}`))).toEqual(new Set(['~→–']));
    expect(out.text).toMatch(/i allmänhet – med/u);
  });
});

// /work/dev/doc-07-fiction, ocr-eng.txt lines 49–57: the dialogue dash read as `—`, `~`, `-` and
// in pieces (`—~`, `~~`); dev-calib news-04 (eng-l1) line 37: an en dash read as `—-`.
const NOVEL_RUNS =
  '~ Men inte med Honom?\n' +
  '—~ Nej. Han skulle snart verge henne. Och vad skulle hon da taga sig HH? Hon\n\n' +
  '— Du malar svart sa det forslar. Och sadant medlidande du har med henne stack-\n' +
  'are. Annars trodde jag att du hatade henne och var svartsjuk pa henne.\n\n' +
  '~~ Ja. Tika mycket som jag tyeker om dig.\n';
const NEWS_RUN =
  'Han valde att skriva pa for Arsenal eftersom han gillar Wengers satt att spela\n' +
  'fotboll. I de mojliga intékterna ingar potentiella sa kallade milstolpsbetal-\n' +
  'ningar. —- Det var managern, arenan och fansen som évertygade mig.\n';

describe('a lone run of dash glyphs', () => {
  it('is found before a word where its glyphs are not one dash repeated (`--`, `——` are the author\'s)', () => {
    expect(loneDashRuns(NOVEL_RUNS)).toEqual([
      { offset: 22, glyph: '—~' },
      { offset: 251, glyph: '~~' },
    ]);
    expect(loneDashRuns('-- Tag inte i så hårt. ——  sade han. –– Nej.')).toEqual([]);
    expect(loneDashRuns('under 2008 —- 2009 och ~- ')).toEqual([]);
  });

  it('is repaired to the document\'s dash, rule dash-glyph', () => {
    const novel = repair(NOVEL_RUNS, { lexicon }).corrections.filter((c) => c.rule === 'dash-glyph');
    expect(novel.map((c) => [c.before, c.after])).toEqual([
      ['~', '—'],
      ['—~', '—'],
      ['~~', '—'],
    ]);
    const news = repair(NEWS_RUN, { lexicon }).corrections.filter((c) => c.rule === 'dash-glyph');
    expect(news.map((c) => [c.before, c.after])).toEqual([['—-', '–']]);
  });
});
