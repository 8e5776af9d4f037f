import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/normalise/index.js';
import { readPdfPages } from '../src/extract/index.js';
import { extractPdf } from '../src/pipeline/index.js';

async function rawText(path: string): Promise<string> {
  const pages: string[] = [];
  for await (const p of readPdfPages(path, { ocr: 'never' })) pages.push(p.text);
  return pages.join('\f');
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('extractPdf: pages → normalise → repair', () => {
  it('turns seed-003 born.pdf into its truth (white space aside), every change logged against the raw pages', async () => {
    const result = await extractPdf('fixtures/seed-003/born.pdf', { ocr: 'never' });
    const truth = await readFile('fixtures/seed-003/truth.txt', 'utf8');
    expect(fold(result.text)).toBe(fold(truth));
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
