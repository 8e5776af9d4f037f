import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/normalise/index.js';
import { flatten } from '../src/eval/metrics.js';
import { readPdfPages } from '../src/extract/index.js';
import { extractPdf } from '../src/pipeline/index.js';
import { joinAcrossBreak } from '../src/pipeline/page-break.js';
import { defaultLexicon, repair } from '../src/repair/index.js';

async function rawText(path: string): Promise<string> {
  const pages: string[] = [];
  for await (const p of readPdfPages(path, { ocr: 'never' })) pages.push(p.text);
  return pages.join('\f');
}


describe('extractPdf: pages → normalise → repair', () => {
  it('turns seed-003 born.pdf into its truth (white space aside), every change logged against the raw pages', async () => {
    const result = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never' });
    const truth = await readFile('fixtures/seed-003/truth.txt', 'utf8');
    expect(flatten(result.text)).toBe(flatten(truth));
    expect(result.pages.map((p) => p.source)).toEqual(['text', 'text', 'text']);
    expect(result.text).toBe(result.pages.map((p) => p.text).join('\f'));

    const raw = await rawText('fixtures/seed-003/born.pdf');
    for (const c of result.corrections) expect(raw.slice(c.offset, c.offset + c.length)).toBe(c.before);
    expect(applyEdits(raw, result.corrections)).toBe(result.text);
    expect(result.corrections).toContainEqual(expect.objectContaining({ before: 'indivi-\ndens', after: 'individens', rule: 'dehyphenate' }));
  });

  it('offsets corrections on later pages past the earlier pages and their form feeds', async () => {
    const result = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never' });
    const raw = await rawText('fixtures/seed-003/born.pdf');
    const secondPageStart = raw.indexOf('\f') + 1;
    const later = result.corrections.filter((c) => c.offset >= secondPageStart);
    expect(later.length).toBeGreaterThan(0);
    for (const c of later) expect(raw.slice(c.offset, c.offset + c.length)).toBe(c.before);
  });

  it('with repair: false only normalises: hyphens stay, and the text layer needs no change', async () => {
    const result = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never', repair: false });
    const raw = await rawText('fixtures/seed-003/born.pdf');
    expect(result.text).toBe(raw);
    expect(result.corrections).toEqual([]);
  });

  it('with repair: false still logs what normalisation changed (control characters of a broken font encoding)', async () => {
    const result = await extractPdf('fixtures/pdf/no-tounicode.pdf', { ocr: 'never', repair: false });
    const raw = await rawText('fixtures/pdf/no-tounicode.pdf');
    expect(result.corrections.length).toBeGreaterThan(0);
    expect(new Set(result.corrections.map((c) => c.rule))).toEqual(new Set(['normalize']));
    for (const c of result.corrections) expect(raw.slice(c.offset, c.offset + c.length)).toBe(c.before);
    expect(applyEdits(raw, result.corrections)).toBe(result.text);
  });

  it('judges a hidden OCR layer with the lexicon: an English-model layer over a Swedish scan is redone', async () => {
    const result = await extractPdf('fixtures/pdf/old-ocr-layer.pdf', { ocr: 'never' });
    expect(result.pages[0]!.warnings[0]).toMatch(/^an image covers 100% of the page and has a hidden text layer \(an earlier OCR\) of doubtful quality \(\d+% known words\)$/);
    expect(result.pages[0]!.warnings).toContain('needs OCR, but ocr: never; used the text layer as it is');
  });

  it('keeps the text layer of a born page printed over a page-size background image', async () => {
    const result = await extractPdf('fixtures/pdf/text-on-image.pdf');
    expect(result.pages.map((p) => p.source)).toEqual(['text']);
    expect(result.pages[0]!.warnings).toEqual(['an image covers 99% of the page, with visible text drawn over it (a background or letterhead image); kept the text layer']);
    const born = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never' });
    expect(result.text).toBe(born.pages[0]!.text);
  });

  it('passes refusals through as ArkivErrors', async () => {
    await expect(extractPdf('fixtures/pdf/encrypted.pdf')).rejects.toMatchObject({ code: 'ENCRYPTED_PDF', file: 'fixtures/pdf/encrypted.pdf' });
  });
});

describe('extractPdf: a word hyphenated across a page break', () => {
  const file = 'fixtures/pdf/page-break-hyphen.pdf';

  it('joins integra-|tion at the end of page 1 and keeps arbetsmarknads-|och apart, the move logged against the raw pages', async () => {
    const result = await extractPdf(file);
    const raw = await rawText(file);
    const [p1, p2, p3] = result.pages;
    expect(p1!.text.endsWith('Vi vet att en väl fungerande integration\n')).toBe(true);
    expect(p2!.text.startsWith('är en fråga för hela samhället')).toBe(true);
    expect(p2!.text.endsWith('i frågan om stöd inom\narbetsmarknads-\n')).toBe(true);
    expect(p3!.text.startsWith('och integrationsområdet.')).toBe(true);
    expect(result.text).toBe(result.pages.map((p) => p.text).join('\f'));

    // The raw pages have the break between the halves; one correction joins them and moves the form feed.
    expect(raw).toContain('fungerande integra-\n\ftion är');
    expect(result.corrections).toEqual([
      { offset: raw.indexOf('integra-'), length: 'integra-\n\ftion '.length, before: 'integra-\n\ftion ', after: 'integration\n\f', confidence: expect.any(Number), rule: 'dehyphenate' },
    ]);
    expect(applyEdits(raw, result.corrections)).toBe(result.text);
    expect(p1!.warnings).toEqual(['joined "integra-" + "tion" across the page break (the word ends this page)']);
    expect(p2!.warnings).toEqual(['joined "integra-" + "tion" across the page break (the word is on page 1)']);
    expect(p3!.warnings).toEqual([]);
  });

  it('leaves the break alone without repair (dehyphenation is the repair stage\'s)', async () => {
    const result = await extractPdf(file, { repair: false });
    expect(result.text).toBe(await rawText(file));
    expect(result.corrections).toEqual([]);
  });
});

describe('joinAcrossBreak', () => {
  const lexicon = defaultLexicon();
  const fix = (text: string) => repair(text, { lexicon });
  const join = (a: string, b: string) => joinAcrossBreak({ base: 10, text: a }, { base: 10 + a.length + 1, text: b }, '\f', fix);
  /** The document the two segments stand for (10 characters of earlier pages before them). */
  const doc = (a: string, b: string) => '#'.repeat(10) + a + '\f' + b;

  it('takes punctuation after the continuation along, and the next page starts on its next line', () => {
    const a = 'Frågan gäller hela kommu-\n';
    const b = 'nen, och mer.\nNästa rad.\n';
    const j = join(a, b)!;
    expect(j.text).toBe('Frågan gäller hela kommunen,\n');
    expect(j.next).toEqual({ base: doc(a, b).indexOf('och mer'), text: 'och mer.\nNästa rad.\n' });
    expect(j.halves).toEqual(['kommu-', 'nen,']);
    const joined = applyEdits(doc(a, b), j.corrections);
    expect(joined).toBe('#'.repeat(10) + j.text + '\f' + j.next.text);
    for (const c of j.corrections) expect(doc(a, b).slice(c.offset, c.offset + c.length)).toBe(c.before);
  });

  it('joins a page that ends in the hyphen without a line end (OCR text may lack it)', () => {
    const a = 'Vi vet att en väl fungerande integra-';
    const b = 'tion är en fråga för alla.\n';
    const j = join(a, b)!;
    expect(j.text).toBe('Vi vet att en väl fungerande integration\n');
    expect(j.next.text).toBe('är en fråga för alla.\n');
    expect(applyEdits(doc(a, b), j.corrections)).toBe('#'.repeat(10) + j.text + '\f' + j.next.text);
  });

  it('does not join a suspended compound part, a capitalised start, a number or a page without a hyphen', () => {
    expect(join('Stöd inom arbetsmarknads-\n', 'och integrationsområdet.\n')).toBeUndefined();
    expect(join('Vi vet att en väl fungerande integra-\n', 'Tion är en fråga.\n')).toBeUndefined();
    expect(join('Se tabell 3-\n', '4 nedan.\n')).toBeUndefined();
    expect(join('Vi vet att en väl fungerande\n', 'integration är en fråga.\n')).toBeUndefined();
  });
});
