/**
 * Two things pdf.js's thread says, each about the right page:
 * - form XObjects nested past the depth limit (DEFAULT_MAX_FORM_DEPTH, ARKIVTEXT_MAX_FORM_DEPTH)
 *   fail the page with TOO_DEEP, naming file and page, and a higher limit reads it;
 * - pdf.js's warnings are the warnings of the page whose step caused them, not of the page read
 *   before it while several pages are in flight.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArkivError } from '../src/errors.js';
import { readPdfPages } from '../src/extract/index.js';
import { DEFAULT_MAX_FORM_DEPTH, FORM_DEPTH_PATCH_POINT } from '../src/extract/pdfjs.js';
import type { PageText } from '../src/types.js';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

/** A PDF from its objects' bodies (object k is objects[k-1]); object 1 is the catalog. */
function pdf(objects: string[]): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return new Uint8Array(Buffer.from(`${body}${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`, 'latin1'));
}

const stream = (dict: string, data: string): string => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
const text = (words: string): string => `BT /F1 12 Tf 72 720 Td (${words}) Tj ET`;

/**
 * Pages each with its content; a page's content may draw `/X Do`, a chain of `depth` forms (one
 * per page that asks for it) ending in text. Objects: 1 catalog, 2 pages, 3 font, then per page
 * its page object, its content and its forms.
 */
function document(pages: { content: string; depth?: number; resources?: string }[]): Uint8Array {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: number[] = [];
  for (const page of pages) {
    const at = objects.length + 1;
    kids.push(at);
    const depth = page.depth ?? 0;
    const firstForm = at + 2;
    const resources = page.resources ?? `<< /Font << /F1 3 0 R >>${depth > 0 ? ` /XObject << /X ${firstForm} 0 R >>` : ''} >>`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${at + 1} 0 R /Resources ${resources} >>`);
    objects.push(stream('', page.content));
    for (let k = 0; k < depth; k++) {
      const last = k === depth - 1;
      const res = last ? '<< /Font << /F1 3 0 R >> >>' : `<< /XObject << /X ${firstForm + k + 1} 0 R >> >>`;
      objects.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${res}`, last ? text('Djupt') : '/X Do'));
    }
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return pdf(objects);
}

async function read(bytes: Uint8Array, workers = 2): Promise<PageText[]> {
  const pages: PageText[] = [];
  for await (const page of readPdfPages(bytes, { ocr: 'never', workers, fileName: 'doc.pdf' })) pages.push(page);
  return pages;
}

async function failure(bytes: Uint8Array): Promise<ArkivError> {
  try {
    await read(bytes);
  } catch (error) {
    if (error instanceof ArkivError) return error;
    throw error;
  }
  throw new Error('read without failing');
}

afterEach(() => {
  delete process.env.ARKIVTEXT_MAX_FORM_DEPTH;
});

describe('the form XObject depth limit', () => {
  it("pdf.js's worker code still has the place the limit is put in (else the limit would not apply)", () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    expect(source.match(FORM_DEPTH_PATCH_POINT)).toHaveLength(2);
  });

  it('reads forms nested up to the limit', async () => {
    const pages = await read(document([{ content: text('Forst') }, { content: '/X Do', depth: DEFAULT_MAX_FORM_DEPTH }]));
    expect(pages.map((p) => p.text.trim())).toEqual(['Forst', 'Djupt']);
  });

  it('fails the page past the limit with TOO_DEEP, naming file and page', async () => {
    const error = await failure(document([{ content: text('Forst') }, { content: '/X Do', depth: DEFAULT_MAX_FORM_DEPTH + 1 }, { content: text('Sist') }]));
    expect(error.code).toBe('TOO_DEEP');
    expect(error.page).toBe(2);
    expect(error.message).toMatch(new RegExp(`^doc\\.pdf \\(page 2\\): .*deeper than ${DEFAULT_MAX_FORM_DEPTH} levels`));
  });

  it('fails a chain of thousands at once, and not for a form drawn twice (a wide tree, not a deep one)', async () => {
    const started = performance.now();
    const error = await failure(document([{ content: '/X Do', depth: 3000 }]));
    expect(error.code).toBe('TOO_DEEP');
    expect(error.page).toBe(1);
    // Generous: a chain this deep is read in well under a second.
    expect(performance.now() - started).toBeLessThan(60_000);
    const wide = await read(document([{ content: '/X Do /X Do /X Do', depth: 5 }]));
    expect(wide[0]!.text).toContain('Djupt');
  });

  it('is overridden by ARKIVTEXT_MAX_FORM_DEPTH (the run: --max-form-depth)', async () => {
    const deep = document([{ content: '/X Do', depth: 40 }]);
    expect((await failure(deep)).code).toBe('TOO_DEEP');
    process.env.ARKIVTEXT_MAX_FORM_DEPTH = '40';
    expect((await read(deep))[0]!.text.trim()).toBe('Djupt');
    process.env.ARKIVTEXT_MAX_FORM_DEPTH = '3';
    expect((await failure(document([{ content: '/X Do', depth: 4 }]))).code).toBe('TOO_DEEP');
  });
});

describe("pdf.js's warnings", () => {
  it('go to the page that caused them, with pages in flight', async () => {
    // Page 3 draws a form it does not have: pdf.js warns while reading page 3's text and content.
    const pages = await read(
      document([{ content: text('Ett') }, { content: text('Tva') }, { content: `${text('Tre')} /Missing Do`, resources: '<< /Font << /F1 3 0 R >> /XObject << >> >>' }, { content: text('Fyra') }]),
      4,
    );
    const pdfjs = pages.map((p) => p.warnings.filter((w) => w.startsWith('pdf.js:')));
    expect(pdfjs[2]!.length, JSON.stringify(pdfjs)).toBeGreaterThan(0);
    expect(pdfjs[0]).toEqual([]);
    expect(pdfjs[1]).toEqual([]);
    expect(pdfjs[3]).toEqual([]);
  });
});
