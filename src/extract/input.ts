import { readFile, stat } from 'node:fs/promises';
import { ArkivError } from '../errors.js';

/** The bytes of a PDF and the name to use for it in messages. */
export interface PdfInput {
  bytes: Uint8Array;
  name: string;
}

/**
 * Reads a path or takes bytes, and refuses what cannot be a PDF before pdf.js sees it:
 * pdf.js would otherwise report an empty or non-PDF file as a vague "Invalid PDF structure".
 */
export async function readPdfInput(input: string | Uint8Array, fileName?: string): Promise<PdfInput> {
  let bytes: Uint8Array;
  let name: string;
  if (typeof input === 'string') {
    name = fileName ?? input;
    try {
      const info = await stat(input);
      if (info.isDirectory()) throw new ArkivError('INVALID_INPUT', 'is a directory, not a PDF file', { file: name });
      bytes = new Uint8Array(await readFile(input));
    } catch (err) {
      if (err instanceof ArkivError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ArkivError('NOT_FOUND', 'no such file', { file: name, cause: err });
      throw new ArkivError('IO', `cannot read the file (${code ?? String(err)})`, { file: name, cause: err });
    }
  } else if (input instanceof Uint8Array) {
    name = fileName ?? '<bytes>';
    bytes = input;
  } else {
    throw new ArkivError('INVALID_INPUT', 'expected a file path or the bytes of a PDF', { file: fileName ?? '<input>' });
  }
  if (bytes.length === 0) throw new ArkivError('EMPTY', 'the file is empty (0 bytes)', { file: name });
  if (!hasPdfHeader(bytes)) {
    throw new ArkivError('NOT_PDF', `not a PDF (starts with ${describeStart(bytes)}, not "%PDF-")`, { file: name });
  }
  return { bytes, name };
}

/** Readers accept the header anywhere in the first 1024 bytes (some files carry junk before it). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function describeStart(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8)).toString('latin1');
  return JSON.stringify(head.replace(/[^\x20-\x7e]/g, '.'));
}

