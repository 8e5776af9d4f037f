import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../src/extract/index.js';
import { dropOcrPageNumbers, renderDpi } from '../src/extract/read-pages.js';
import { layoutPage, renderLines } from '../src/extract/layout.js';
import { mergeLoneDiacritics } from '../src/extract/diacritics.js';
import { edgeLines, isPageNumber, runningLines } from '../src/extract/running.js';
import type { TextRun } from '../src/extract/runs.js';
import type { PageText } from '../src/types.js';

const run = (text: string, x: number, y: number, width: number, size = 10): TextRun => ({ text, x, y, width, size, font: 'f', rotated: false });

async function allPages(path: string, options: Parameters<typeof readPdfPages>[1] = {}): Promise<PageText[]> {
  const pages: PageText[] = [];
  for await (const p of readPdfPages(path, { ocr: 'never', ...options })) pages.push(p);
  return pages;
}

/** The comparison stated in the README (PDF extraction): hyphens and white space removed on both sides. */
const squeeze = (s: string): string => s.normalize('NFC').replace(/[\s\-\u00ad]+/g, '');

describe('layout of runs', () => {
  it('glues runs split by a font change and spaces runs with a word gap', () => {
    const lines = layoutPage([run('Kommun', 10, 700, 40), run('styrelsen', 50, 700, 45), run('beslutar', 100, 700, 40)]).lines;
    expect(lines.map((l) => l.text)).toEqual(['Kommunstyrelsen beslutar']);
  });

  it('reads text drawn twice for a fake bold once', () => {
    expect(layoutPage([run('Beslut', 10, 700, 30), run('Beslut', 10.3, 700, 30), run('fattat', 45, 700, 30)]).lines[0]!.text).toBe('Beslut fattat');
  });

  it('orders lines top to bottom, and a wide gap or a font-size change starts a paragraph', () => {
    const runs = [
      run('Rubrik', 10, 760, 40, 14),
      run('första raden', 10, 730, 60),
      run('andra raden', 10, 718, 60),
      run('tredje raden', 10, 706, 60),
      run('nytt stycke', 10, 680, 60),
    ];
    expect(renderLines(layoutPage([...runs].reverse()).lines)).toBe('Rubrik\n\nförsta raden\nandra raden\ntredje raden\n\nnytt stycke\n');
  });

  it('puts a lone accent back onto its letter', () => {
    // "o" at 100..105 with "¨" drawn over it, as TeX draws accents.
    const merged = mergeLoneDiacritics([run('fo', 95, 700, 10), run('\u00a8', 101, 700, 3), run('rm', 105, 700, 10)]);
    expect(merged.map((r) => r.text)).toEqual(['fö', 'rm']);
    expect(layoutPage([run('fo', 95, 700, 10), run('\u00a8', 101, 700, 3), run('rm', 105, 700, 10)]).lines[0]!.text).toBe('förm');
  });

  it('leaves an accent with no letter under it as it was', () => {
    expect(mergeLoneDiacritics([run('\u00a8', 300, 700, 3), run('ord', 10, 700, 15)]).map((r) => r.text)).toEqual(['\u00a8', 'ord']);
  });

  it('does not read a two-column form (short labels) column by column', () => {
    const runs = ['Datum', 'Plats', 'Tid', 'Ordförande', 'Sekreterare'].flatMap((label, i) => [
      run(label, 56, 700 - 14 * i, 6 * label.length),
      run(`Stadshuset, rum ${i}`, 150, 700 - 14 * i, 90),
    ]);
    const layout = layoutPage(runs);
    expect(layout.columns).toBe(1);
    expect(layout.lines[0]!.text).toBe('Datum Stadshuset, rum 0');
  });
});

describe('running headers and footers', () => {
  it('knows page numbers', () => {
    for (const t of ['3', '- 3 -', 'Sida 3 av 12', 'sida 3', '12/40', 'iv']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['3 Roller och ansvar', '2021-08-31', 'Sida', 'Kommunstyrelsen']) expect(isPageNumber(t), t).toBe(false);
  });

  it('drops a line repeated in the same margin band of a neighbouring page, keeps one that is not', () => {
    const line = (text: string, y: number) => ({ text, y, x: 56, x1: 300, size: 9, block: 0, paragraphStart: false });
    const page1 = edgeLines([line('Linköpings kommun', 810), line('Brödtext', 500), line('Utskriftsdatum 2021-08-31', 30)], 842);
    const page2 = edgeLines([line('Linköpings kommun', 810), line('Annan brödtext', 500), line('Utskriftsdatum 2021-09-01', 30)], 842);
    expect(runningLines(page1, [page2]).map((e) => e.text)).toEqual(['Linköpings kommun', 'Utskriftsdatum 2021-08-31']);
    expect(runningLines(page1, [])).toEqual([]);
  });
});

describe('page numbers in OCR text', () => {
  it('drops a bare page number as the first or last line, and nothing else', () => {
    expect(dropOcrPageNumbers('- 4 -\n\nBrödtext här.\n\nSida 4 av 9\n')).toEqual({ text: 'Brödtext här.\n', dropped: ['- 4 -', 'Sida 4 av 9'] });
    expect(dropOcrPageNumbers('3 Roller och ansvar\n\nText.\n')).toEqual({ text: '3 Roller och ansvar\n\nText.\n', dropped: [] });
  });
});

describe('render resolution', () => {
  it('renders A4 and A3 at 300 dpi and an A0 drawing lower, within 36 million pixels', () => {
    expect(renderDpi([0, 0, 595, 842])).toBe(300);
    expect(renderDpi([0, 0, 842, 1191])).toBe(300);
    const a0 = renderDpi([0, 0, 2384, 3370]);
    expect(a0).toBe(152);
    expect((2384 / 72) * a0 * (3370 / 72) * a0).toBeLessThanOrEqual(36_000_000);
  });
});

describe('text layer of real PDFs', () => {
  it('reads seed-003 born.pdf as its truth (hyphens and white space aside), every page from the text layer', async () => {
    const pages = await allPages('fixtures/seed-003/born.pdf');
    expect(pages.map((p) => [p.number, p.source])).toEqual([[1, 'text'], [2, 'text'], [3, 'text']]);
    expect(pages.every((p) => p.warnings.length === 0)).toBe(true);
    const truth = await readFile('fixtures/seed-003/truth.txt', 'utf8');
    expect(squeeze(pages.map((p) => p.text).join(''))).toBe(squeeze(truth));
  });

  it('keeps line-end hyphens and ends lines with a newline and paragraphs with a blank line', async () => {
    const [first] = await allPages('fixtures/seed-003/born.pdf');
    expect(first!.text.startsWith('Inledning\n\nArbetsmarknads- och integrationsarbetet i Linköpings kommun ska främja indivi-\ndens livsvillkor')).toBe(true);
    expect(first!.text.endsWith('\n')).toBe(true);
  });

  it('reads seed-000 born.pdf: an empty first page, then the text (its title is not printed in the PDF)', async () => {
    const pages = await allPages('fixtures/seed-000/born.pdf');
    expect(pages[0]).toEqual({ number: 1, source: 'text', text: '', warnings: ['empty page'] });
    const truth = (await readFile('fixtures/seed-000/truth.txt', 'utf8')).split('\n\n').slice(1).join('\n\n');
    expect(squeeze(pages[1]!.text)).toBe(squeeze(truth));
  });

  it('reads a two-column page column by column, drops running header and page footer, mends a drawn-over accent', async () => {
    const pages = await allPages('fixtures/pdf/two-column.pdf');
    const expected = await readFile('fixtures/pdf/two-column.txt', 'utf8');
    expect(pages.map((p) => p.text).join('\f')).toBe(expected);
    expect(pages[0]!.warnings).toContain('two columns, read left column first');
    expect(pages[0]!.warnings).toContain('dropped header/footer lines: "Linköpings kommun · Reglab om integration", "Sida 1 av 2"');
  });
});
