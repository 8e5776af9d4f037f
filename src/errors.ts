/**
 * One error type for everything the library refuses, so a batch can report it and go on.
 * The message always names the file (and page) and what is wrong with it.
 */
export type ArkivErrorCode =
  | 'NOT_FOUND'
  | 'EMPTY'
  | 'NOT_PDF'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'NO_PAGES'
  | 'PAGE_TIMEOUT'
  /** A text file took longer than the run's limit to read and repair. */
  | 'TIMEOUT'
  /** Reading the input needed more memory than the run's limit for one document. */
  | 'OUT_OF_MEMORY'
  /** The process reading the input died (not for lack of memory). */
  | 'CRASHED'
  /** Two inputs' names map to one output name. */
  | 'NAME_COLLISION'
  /** An image of the page cannot be decoded (or is larger than the limit) and the page has no text. */
  | 'BAD_IMAGE'
  /** A page's form XObjects are nested deeper than the limit (ARKIVTEXT_MAX_FORM_DEPTH, `--max-form-depth`). */
  | 'TOO_DEEP'
  /** Another run holds the output folder. */
  | 'LOCKED'
  | 'OCR_FAILED'
  | 'ABORTED'
  | 'INVALID_INPUT'
  | 'IO';

export class ArkivError extends Error {
  readonly code: ArkivErrorCode;
  readonly file?: string;
  readonly page?: number;

  constructor(code: ArkivErrorCode, message: string, where: { file?: string; page?: number; cause?: unknown } = {}) {
    const place = where.file ? `${where.file}${where.page ? ` (page ${where.page})` : ''}: ` : '';
    super(place + message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'ArkivError';
    this.code = code;
    if (where.file !== undefined) this.file = where.file;
    if (where.page !== undefined) this.page = where.page;
  }
}
