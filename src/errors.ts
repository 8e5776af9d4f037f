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
