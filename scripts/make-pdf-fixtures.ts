// Makes the PDF fixtures of the extract stage under fixtures/pdf/ (run from the repository root):
//   two-column.pdf   hand-written 2-page PDF: running header, page footer "Sida N av 2", a title over
//                    both columns whose "ö" is drawn as "o" plus a separate "¨", text in two columns.
//   two-column.txt   what a reader reads on those pages (reading order, header/footer left out),
//                    pages separated by form feeds — the truth the extractor is held to.
//   stamp.pdf        a page with a few typed words only (to lay over a scan: a "hybrid" page).
//   zero-pages.pdf   a well-formed PDF with an empty page tree.
//   slow-content.pdf a small page whose compressed content stream is 6 million path operators: pdf.js
//                    needs a minute to parse it (parseTimeoutMs must stop that).
//   xref-bomb.pdf    20 KB whose cross-reference stream lists 3 million objects: a few hundred MB in
//                    pdf.js's heap, which it must still read.
// The other fixtures are assembled with poppler/qpdf by make-pdf-fixtures.sh.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = 'fixtures/pdf';
mkdirSync(out, { recursive: true });

/** A PDF string literal in WinAnsi (Latin-1 for the letters used here). */
function pdfString(s: string): string {
  // WinAnsi is Latin-1 but for a few code points; the en dash is the one used here.
  return '(' + s.replace(/–/g, '\x96').replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

/** Writes a PDF of the given page content streams, all using Helvetica (F1) in WinAnsiEncoding. */
function writePdf(path: string, pages: readonly string[]): void {
  const objects: Array<string | null> = [];
  const add = (body: string | null): number => { objects.push(body); return objects.length; };
  const catalog = add(null);
  const pagesObj = add(null);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const content of pages) {
    const bytes = Buffer.from(content, 'latin1');
    const stream = add(`<< /Length ${bytes.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path, Buffer.from(pdf, 'latin1'));
}

const text = (x: number, y: number, size: number, s: string): string => `BT /F1 ${size} Tf ${x} ${y} Td ${pdfString(s)} Tj ET`;

/** Greedy wrap at a character budget (Helvetica at 10 pt averages about 5 pt a character). */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of paragraph.split(/\s+/).filter(Boolean)) {
    if (cur && (cur + ' ' + w).length > width) { lines.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

// Body text: the first paragraphs of seed 002 (clean born-digital text).
const seed = readFileSync('fixtures/seeds/002_e12f78de28e15a9e.txt', 'utf8');
const paragraphs = seed.replace(/‒/g, '–').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 80).slice(0, 6);
interface Line {
  text: string;
  paragraphStart: boolean;
}
const flow: Line[] = [];
for (const p of paragraphs) wrap(p, 40).forEach((line, i) => flow.push({ text: line, paragraphStart: i === 0 }));

const LINES_PER_COLUMN = 18;
const columns: Line[][] = [];
for (let i = 0; i < flow.length; i += LINES_PER_COLUMN) columns.push(flow.slice(i, i + LINES_PER_COLUMN));
const pageCount = Math.ceil(columns.length / 2);

const contents: string[] = [];
const truth: string[] = [];
for (let p = 0; p < pageCount; p++) {
  const ops: string[] = [];
  const expected: Line[] = [];
  ops.push(text(56, 806, 9, 'Linköpings kommun · Reglab om integration'));
  ops.push(text(280, 36, 9, `Sida ${p + 1} av ${pageCount}`));
  let top = 770;
  if (p === 0) {
    // "Lärande för integration – rapport från förstudien", with the ö of "förstudien" drawn
    // as an o and a dieresis placed over it, the way TeX and old DTP programs draw accents.
    const before = 'Lärande för integration – rapport från f';
    ops.push(`BT /F1 14 Tf 56 ${top} Td ${pdfString(before + 'o')} Tj ET`);
    // Helvetica widths (1/1000 em) of the characters before the accent, to place it over the o.
    const advance = widthOf(before) * 14 / 1000;
    const oWidth = 556 * 14 / 1000;
    const dieresisWidth = 333 * 14 / 1000;
    ops.push(`BT /F1 14 Tf ${(56 + advance + (oWidth - dieresisWidth) / 2).toFixed(2)} ${top} Td ${pdfString('\xa8')} Tj ET`);
    ops.push(`BT /F1 14 Tf ${(56 + advance + oWidth).toFixed(2)} ${top} Td ${pdfString('rstudien')} Tj ET`);
    expected.push({ text: 'Lärande för integration – rapport från förstudien', paragraphStart: true });
    top -= 34;
  }
  for (const [c, x] of [[2 * p, 56], [2 * p + 1, 312]] as const) {
    const col = columns[c];
    if (!col) continue;
    let y = top;
    col.forEach((line, i) => {
      if (line.paragraphStart && i > 0) y -= 6;
      ops.push(text(x, y, 10, line.text));
      expected.push(line);
      y -= 13;
    });
  }
  contents.push(ops.join('\n'));
  truth.push(expected.map((l, i) => (i === 0 ? '' : l.paragraphStart ? '\n\n' : '\n') + l.text).join('') + '\n');
}
writePdf(`${out}/two-column.pdf`, contents);
writeFileSync(`${out}/two-column.txt`, truth.join('\f'));

// A stamp: a few typed words in the bottom margin, as a registry adds to a scanned letter.
writePdf(`${out}/stamp.pdf`, [[
  text(56, 60, 9, 'Inkom 2021-09-02 Diarienummer KS 2021-0345'),
  text(56, 49, 9, 'Handläggare Anna Svensson, kommunledningen'),
].join('\n')]);

// A structurally valid PDF whose page tree is empty.
writePdf(`${out}/zero-pages.pdf`, []);

/** A one-page PDF whose content stream is `content`, Flate-compressed (small on disk however long). */
function writeCompressedPage(path: string, content: string, resources?: string): void {
  const stream = deflateSync(Buffer.from(content, 'latin1'), { level: 9 });
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const size = (): number => parts.reduce((n, b) => n + b.length, 0);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${resources ? ` /Resources ${resources}` : ''} /Contents 4 0 R >>`,
  ];
  objects.forEach((body, i) => {
    offsets.push(size());
    parts.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  offsets.push(size());
  parts.push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = size();
  parts.push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  writeFileSync(path, Buffer.concat(parts));
}

// A page of 6 million tiny strokes (a pathological drawing).
writeCompressedPage(`${out}/slow-content.pdf`, '0 0 m 1 1 l S\n'.repeat(6_000_000));

// A one-page PDF whose cross-reference stream lists 3 million objects (all free but the five real
// ones), 20 KB on disk: pdf.js holds an entry object for each, a few hundred MB of its heap.
{
  const count = 3_000_000;
  const parts = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const size = (): number => parts.reduce((n, b) => n + b.length, 0);
  const offsets: number[] = [];
  ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'].forEach((body, i) => {
    offsets.push(size());
    parts.push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  const xrefAt = size();
  // Rows of /W [1 4 2]: type (0 free, 1 in use), offset, generation.
  const rows = Buffer.alloc(count * 7);
  const row = (i: number, type: number, offset: number, gen: number): void => {
    rows[i * 7] = type;
    rows.writeUInt32BE(offset, i * 7 + 1);
    rows.writeUInt16BE(gen, i * 7 + 5);
  };
  row(0, 0, 0, 65535);
  offsets.forEach((o, i) => row(i + 1, 1, o, 0));
  row(4, 1, xrefAt, 0);
  const stream = deflateSync(rows, { level: 9 });
  parts.push(
    Buffer.from(`4 0 obj\n<< /Type /XRef /Size ${count} /W [1 4 2] /Root 1 0 R /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    stream,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
  );
  writeFileSync(`${out}/xref-bomb.pdf`, Buffer.concat(parts));
}

/** Helvetica advance widths for the characters of the title (from the standard AFM). */
function widthOf(s: string): number {
  const w: Record<string, number> = { ' ': 278, L: 556, a: 556, r: 333, n: 556, d: 556, e: 556, f: 278, ö: 556, ä: 556, i: 222, t: 278, g: 556, o: 556, '–': 556, p: 556, å: 556 };
  let sum = 0;
  for (const ch of s) {
    if (!(ch in w)) throw new Error(`no width for ${ch}`);
    sum += w[ch]!;
  }
  return sum;
}
console.log(`wrote ${out}/two-column.pdf (${pageCount} pages), two-column.txt, stamp.pdf, zero-pages.pdf, slow-content.pdf, xref-bomb.pdf`);
