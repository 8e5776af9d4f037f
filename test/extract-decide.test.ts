import { describe, expect, it } from 'vitest';
import { decidePage } from '../src/extract/decide.js';
import type { PageGraphics } from '../src/extract/graphics.js';
import { looksLikeWord, scoreText } from '../src/extract/score.js';

const SWEDISH = 'Kommunstyrelsen beslutar att anta riktlinjerna för arbetsmarknadsinsatser och integration. '.repeat(6);
const known = new Set(SWEDISH.toLowerCase().match(/\p{L}+/gu));
const lexicon = (w: string): boolean => known.has(w.toLowerCase());
const noGraphics: PageGraphics = { imageCover: 0, images: 0, paths: 0, invisibleText: 0 };
const scan: PageGraphics = { imageCover: 1, images: 1, paths: 0, invisibleText: 0 };
const ocrdScan: PageGraphics = { ...scan, invisibleText: 1 };

describe('scoring a text layer', () => {
  it('counts broken characters, (cid:…) references and known words', () => {
    expect(scoreText('\u0001\u0002\u0003 abc', looksLikeWord).badShare).toBeCloseTo(3 / 6);
    expect(scoreText('(cid:12)(cid:40)(cid:7)', looksLikeWord).cidRefs).toBe(3);
    expect(scoreText('och att det', lexicon)).toMatchObject({ words: 3, wordShare: 2 / 3 });
  });

  it('the shape test takes Swedish words and rejects shifted-encoding text', () => {
    const words = 'Överenskommelsen gäller från den maj och är framtagen i samarbete med kommuner'.split(' ');
    expect(words.filter(looksLikeWord)).toEqual(words);
    // The same words with every letter shifted by three (a font whose codes are off by three).
    const shifted = ['Rzhuhqvnrpphovhq', 'jbochu', 'iuncq', 'ghq', 'pdm', 'ffkl', 'vdppdugehwh', 'phg', 'nrppxqhu'];
    expect(shifted.filter(looksLikeWord).length).toBeLessThan(shifted.length / 2);
  });

  it('counts the vowels the lexicon counts (dictionaries/sv/vowels.txt), circumflexes too', () => {
    expect(['sûr', 'Rhône', 'dîner', 'Øresund', 'Ärende'].filter(looksLikeWord)).toEqual(['sûr', 'Rhône', 'dîner', 'Øresund', 'Ärende']);
    expect(['skrmbl', 'fg', 'strndz'].filter(looksLikeWord)).toEqual([]);
  });
});

describe('the per-page decision', () => {
  it('keeps a good text layer', () => {
    expect(decidePage(scoreText(SWEDISH, lexicon), noGraphics, 'auto')).toEqual({ ocr: false, source: 'text', reasons: [] });
  });

  it('OCRs a scan without text, and a page whose layer is garbage', () => {
    expect(decidePage(scoreText('', lexicon), scan, 'auto')).toMatchObject({ ocr: true, source: 'ocr' });
    const garbage = decidePage(scoreText('\u0001\u0002\u0003\u0004\u0005\u0006 '.repeat(10), lexicon), noGraphics, 'auto');
    expect(garbage).toMatchObject({ ocr: true, source: 'ocr' });
    expect(garbage.reasons[0]).toMatch(/^text layer is garbage: 100% replacement/);
  });

  it('a scan with a good hidden layer keeps it when a lexicon judged it, redoes it (hybrid) when only the shape test did', () => {
    expect(decidePage(scoreText(SWEDISH, lexicon), ocrdScan, 'auto', { lexicon: true })).toMatchObject({ ocr: false, source: 'text' });
    expect(decidePage(scoreText(SWEDISH, looksLikeWord), ocrdScan, 'auto', { lexicon: false })).toMatchObject({ ocr: true, source: 'hybrid' });
  });

  it('a scan whose hidden layer is doubtful is OCR\'d as hybrid', () => {
    const mangled = SWEDISH.replace(/ö/g, 'o'); // för → for: 90% known words
    const decision = decidePage(scoreText(mangled, lexicon), ocrdScan, 'auto');
    expect(decision).toMatchObject({ ocr: true, source: 'hybrid' });
    expect(decision.reasons[0]).toMatch(/hidden text layer \(an earlier OCR\) of doubtful quality/);
  });

  it('visible text over a page-size image is a born page on a background: the layer is kept', () => {
    const mangled = SWEDISH.replace(/ö/g, 'o'); // för → for: 90% known words
    expect(decidePage(scoreText(mangled, lexicon), scan, 'auto')).toMatchObject({ ocr: false, source: 'text' });
  });

  it('a few visible typed words on a scan make it hybrid', () => {
    expect(decidePage(scoreText('Inkom 2021-09-02 Diarienummer KS 2021-0345 Handläggare Anna Svensson', lexicon), scan, 'auto')).toMatchObject({ ocr: true, source: 'hybrid' });
  });

  it('an empty page is text, with the reason', () => {
    expect(decidePage(scoreText('', lexicon), noGraphics, 'auto')).toEqual({ ocr: false, source: 'text', reasons: ['empty page'] });
  });

  it('never OCRs under ocr: never, always under ocr: always', () => {
    expect(decidePage(scoreText('', lexicon), scan, 'never')).toMatchObject({ ocr: false, source: 'text' });
    expect(decidePage(scoreText(SWEDISH, lexicon), noGraphics, 'always')).toMatchObject({ ocr: true, source: 'hybrid' });
    expect(decidePage(scoreText('', lexicon), scan, 'always')).toMatchObject({ ocr: true, source: 'ocr' });
  });
});
