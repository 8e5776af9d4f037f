// Writes fixtures/hostile-style inputs — files that real shares contain and files made to hurt —
// into a folder (never committed: several are megabytes, one decodes to gigabytes). Used by
// test/run-hostile.test.ts (which imports makeHostileFixtures); run by hand to look at them:
//
//   tsx scripts/make-hostile-fixtures.ts DIR        (DIR/in: the inputs, DIR/expected.json)
//
// expected.json maps each input's path (as the run reports it) to what the run must report for it
// (HostileExpectation): `ok`, or `failed` with the error codes any of which is right, or `any`; and
// a regular expression a warning must match (`warn`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDeflate } from 'node:zlib';
import type { ArkivErrorCode } from '../src/errors.js';

/** What `arkivtext run` must report for one input. */
export interface HostileExpectation {
  status: 'ok' | 'failed' | 'any';
  /** For `failed`: the codes any of which is right. */
  codes?: ArkivErrorCode[];
  /** A regular expression one of the input's warnings must match. */
  warn?: string;
}

/** A generator of 16-bit pseudo-random numbers (a linear congruential one: the same files every run). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16);
}

/** A PDF from its objects' bodies (object k is objects[k-1]); object 1 is the catalog. */
function pdf(objects: ReadonlyArray<string | Buffer>): Buffer {
  const parts: Array<string | Buffer> = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
  const offsets: number[] = [];
  let length = Buffer.byteLength(parts[0] as string, 'latin1');
  objects.forEach((body, i) => {
    offsets.push(length);
    const head = `${i + 1} 0 obj\n`;
    const chunk = Buffer.isBuffer(body) ? Buffer.concat([Buffer.from(head, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]) : Buffer.from(`${head}${body}\nendobj\n`, 'latin1');
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(xref);
  return Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'latin1'))));
}

function stream(dict: string, data: string | Buffer): Buffer {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

/** One page with `content` and `resources`, plus `extra` objects numbered from 5. */
function onePage(content: string, resources = '<< >>', extra: ReadonlyArray<string | Buffer> = []): Buffer {
  return pdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources ${resources} >>`,
    stream('', content),
    ...extra,
  ]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * Writes the hostile inputs into DIR/in and what the run must report for each into
 * DIR/expected.json, and returns the latter (keyed by the input's path as the run reports it).
 */
export async function makeHostileFixtures(dir: string): Promise<Record<string, HostileExpectation>> {
  const input = join(dir, 'in');
  mkdirSync(input, { recursive: true });
  const expected: Record<string, HostileExpectation> = {};

  // --- text files ---
  // 2 MB without white space: repair was quadratic in it (never finished), and held up every input.
  writeFileSync(join(input, 'long-token.txt'), 'abcdefghijklmnopqrstuvwxyzåäö'.repeat(Math.ceil(2e6 / 29)));
  expected['long-token.txt'] = { status: 'ok', warn: 'without white space' };
  // Chinese without spaces, 300 k characters.
  {
    const r = lcg(3);
    let s = '';
    while (s.length < 300_000) s += String.fromCharCode(0x4e00 + (r() % 20000)) + (r() % 40 === 0 ? '。\n' : '');
    writeFileSync(join(input, 'chinese.txt'), s);
    expected['chinese.txt'] = { status: 'ok', warn: 'Han script' };
  }
  // CRLF prose, 3 MB.
  writeFileSync(join(input, 'crlf.txt'), 'Kommunen har beslutat om en ny plan för skolan och omsorgen i länet.\r\n'.repeat(Math.ceil(3e6 / 70)));
  expected['crlf.txt'] = { status: 'ok' };
  // Random bytes (read as Latin-1: not UTF-8), 1 MB.
  {
    const r = lcg(5);
    const b = Buffer.alloc(1e6);
    for (let i = 0; i < b.length; i++) b[i] = r() & 255;
    writeFileSync(join(input, 'random-bytes.txt'), b);
    expected['random-bytes.txt'] = { status: 'ok' };
  }
  // A long run of combining marks.
  writeFileSync(join(input, 'combining.txt'), `Text ${'a' + '\u0301'.repeat(300_000)} slut.\n`);
  expected['combining.txt'] = { status: 'ok' };
  // A PDF named .txt: read as the PDF it is, not "repaired" as text.
  const helloPdf = onePage('BT /F1 12 Tf 72 720 Td (Kommunen har beslutat om en ny plan for skolan.) Tj ET', `<< /Font << /F1 5 0 R >> >>`, [FONT]);
  writeFileSync(join(input, 'pdf-named.txt'), helloPdf);
  expected['pdf-named.txt'] = { status: 'ok', warn: 'read as a PDF' };
  // Names that sanitise alike: three distinct outputs.
  for (const name of ['a\nb.txt', 'a\rb.txt', 'a_b.txt']) {
    writeFileSync(join(input, name), `Filen heter ${JSON.stringify(name)}. Kommunen har beslutat.\n`);
    expected[name] = { status: 'ok' };
  }
  // A Latin-1 file name (not valid UTF-8), as on old Swedish shares.
  writeFileSync(Buffer.concat([Buffer.from(join(input, 'r')), Buffer.from([0xe4]), Buffer.from('kning.txt')]), 'Räkning för kommunen.\n');
  expected['r\u00e4kning.txt'] = { status: 'ok', warn: 'not valid UTF-8' };
  // An empty file.
  writeFileSync(join(input, 'empty.txt'), '');
  expected['empty.txt'] = { status: 'failed', codes: ['EMPTY'] };

  // --- PDFs ---
  // Nine levels of form XObjects, each drawing the next ten times: 2.8 KB, 10^9 operations.
  {
    const levels = 9;
    const extra: Buffer[] = [];
    for (let k = 0; k < levels; k++) {
      const last = k === levels - 1;
      const body = last ? '0 0 1 1 re f' : Array.from({ length: 10 }, () => `q 1 0 0 1 0.1 0.1 cm /X${k + 1} Do Q`).join('\n');
      const res = last ? '<< >>' : `<< /XObject << /X${k + 1} ${7 + k} 0 R >> >>`;
      extra.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${res}`, body));
    }
    // Object 5: a font (unused); the XObjects are 6.. .
    writeFileSync(join(input, 'xobject-bomb.pdf'), onePage('q /X0 Do Q', '<< /XObject << /X0 6 0 R >> >>', [FONT, ...extra]));
    expected['xobject-bomb.pdf'] = { status: 'failed', codes: ['OUT_OF_MEMORY', 'PAGE_TIMEOUT', 'CORRUPT_PDF'] };
  }
  // A chain of 5 000 form XObjects, each drawing the next once, text at the end: past the form depth
  // limit (32 levels by default; pdf.js copies the set of forms above at every level, quadratic).
  {
    const levels = 5000;
    const extra: Buffer[] = [];
    for (let k = 0; k < levels; k++) {
      const last = k === levels - 1;
      const body = last ? 'BT /F1 12 Tf 72 720 Td (Djupt) Tj ET' : `/X Do`;
      const res = last ? '<< /Font << /F1 5 0 R >> >>' : `<< /XObject << /X ${7 + k} 0 R >> >>`;
      extra.push(stream(`/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources ${res}`, body));
    }
    writeFileSync(join(input, 'deep-forms.pdf'), onePage('/X Do', '<< /XObject << /X 6 0 R >> >>', [FONT, ...extra]));
    expected['deep-forms.pdf'] = { status: 'failed', codes: ['TOO_DEEP'] };
  }
  // A 60 000 × 60 000 image (1 bit per pixel, all zero; 450 MB raw, 450 KB deflated) and no text.
  {
    const w = 60_000;
    const h = 60_000;
    const row = Buffer.alloc(w / 8);
    const rows = 2000;
    const block = Buffer.concat(Array.from({ length: rows }, () => row));
    // Deflate the whole image in one stream, block by block.
    const deflate = createDeflate({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => deflate.on('end', r));
    for (let y = 0; y < h; y += rows) deflate.write(block);
    deflate.end();
    await done;
    const data = Buffer.concat(chunks);
    const image = stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`, data);
    writeFileSync(join(input, 'huge-image.pdf'), onePage('q 595 0 0 842 0 0 cm /Im0 Do Q', '<< /XObject << /Im0 6 0 R >> >>', [FONT, image]));
    expected['huge-image.pdf'] = { status: 'failed', codes: ['BAD_IMAGE', 'OUT_OF_MEMORY', 'PAGE_TIMEOUT'] };
  }
  // 200 000 nested `q` operators.
  writeFileSync(join(input, 'nested-q.pdf'), onePage(`${'q '.repeat(200_000)}BT /F1 12 Tf 72 720 Td (Djupt) Tj ET ${'Q '.repeat(200_000)}`, `<< /Font << /F1 5 0 R >> >>`, [FONT]));
  expected['nested-q.pdf'] = { status: 'any' }; // pdf.js takes minutes over it: PAGE_TIMEOUT under a short limit
  // A text layer of rare CJK characters (a broken ToUnicode map: every code to CJK Extension A) is
  // no Swedish text: the page is OCR'd, which reads the glyphs.
  {
    const cmap = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Broken def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <20> <7E> <3400> endbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end';
    const lines = ['Kommunen har beslutat om en ny plan for skolan.', 'Planen galler for alla skolor i kommunen fran och med i host.', 'Barn och unga ska ha en trygg skolgang.'];
    const content = `BT /F1 16 Tf 72 720 Td 22 TL ${lines.map((l) => `(${l}) '`).join(' ')} ET`;
    writeFileSync(join(input, 'broken-tounicode.pdf'), onePage(content, '<< /Font << /F1 5 0 R >> >>', ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>', stream('', cmap)]));
    expected['broken-tounicode.pdf'] = { status: 'ok', warn: 'not Latin script' };
  }
  // A PDF that is no PDF and one cut short.
  writeFileSync(join(input, 'cut-short.pdf'), helloPdf.subarray(0, 200));
  expected['cut-short.pdf'] = { status: 'failed', codes: ['CORRUPT_PDF'] };

  writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return expected;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: make-hostile-fixtures.ts DIR');
    process.exit(2);
  }
  const expected = await makeHostileFixtures(dir);
  console.log(`hostile fixtures: ${Object.keys(expected).length} inputs in ${join(dir, 'in')}`);
}
