/**
 * Checks of what the public API is given, so that a wrong argument fails at once with an
 * ArkivError (code INVALID_INPUT) that names the function and the argument — `repair: text must be
 * a string, got the number 42` — instead of deep inside (`text.matchAll is not a function`), and an
 * option out of range is refused instead of silently meaning something else. Undefined options are
 * always allowed (they take their defaults).
 */
import { ArkivError } from './errors.js';

/** The largest delay setTimeout honours (a larger one fires at once). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** What a value is, for a message: `the number 42`, `an array`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `the string ${JSON.stringify(shown)}`;
    }
    case 'number':
    case 'bigint':
    case 'boolean':
      return `the ${typeof value} ${String(value)}`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default:
      return value instanceof Uint8Array ? `${value.constructor.name === 'Buffer' ? 'a Buffer' : 'a Uint8Array'}` : `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  }
}

export function invalid(fn: string, what: string, value: unknown): ArkivError {
  return new ArkivError('INVALID_INPUT', `${fn}: ${what}, got ${describeValue(value)}`);
}

export function checkString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw invalid(fn, `${name} must be a string`, value);
}

/** The options argument: undefined or a plain object (not an array, not a string). */
export function checkOptions(fn: string, value: unknown, name = 'options'): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(fn, `${name} must be an object`, value);
}

function option(options: unknown, key: string): unknown {
  return options === undefined ? undefined : (options as Record<string, unknown>)[key];
}

export function checkBooleanOption(fn: string, options: unknown, key: string): void {
  const v = option(options, key);
  if (v !== undefined && typeof v !== 'boolean') throw invalid(fn, `options.${key} must be true or false`, v);
}

export function checkFunctionOption(fn: string, options: unknown, key: string): void {
  const v = option(options, key);
  if (v !== undefined && typeof v !== 'function') throw invalid(fn, `options.${key} must be a function`, v);
}

export function checkStringOption(fn: string, options: unknown, key: string): void {
  const v = option(options, key);
  if (v !== undefined && typeof v !== 'string') throw invalid(fn, `options.${key} must be a string`, v);
}

export function checkObjectOption(fn: string, options: unknown, key: string): void {
  const v = option(options, key);
  if (v !== undefined && (v === null || typeof v !== 'object')) throw invalid(fn, `options.${key} must be an object`, v);
}

export function checkOneOf(fn: string, options: unknown, key: string, allowed: readonly string[]): void {
  const v = option(options, key);
  if (v !== undefined && !allowed.includes(v as string)) throw invalid(fn, `options.${key} must be ${allowed.map((a) => `'${a}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`, v);
}

/** A number in [min, max] (or (min, max] with `above`), finite, an integer if asked. */
export function checkNumberOption(fn: string, options: unknown, key: string, range: { min: number; max: number; above?: boolean; integer?: boolean }): void {
  const v = option(options, key);
  if (v === undefined) return;
  const ok =
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (range.above ? v > range.min : v >= range.min) &&
    v <= range.max &&
    (!range.integer || Number.isInteger(v));
  if (!ok) {
    const kind = range.integer ? 'an integer' : 'a number';
    const bound = range.max === Number.MAX_SAFE_INTEGER ? `${range.above ? '>' : '≥'} ${range.min}` : `${range.above ? `in (${range.min}, ${range.max}]` : `from ${range.min} to ${range.max}`}`;
    throw invalid(fn, `options.${key} must be ${kind} ${bound}`, v);
  }
}

export function checkSignalOption(fn: string, options: unknown): void {
  const v = option(options, 'signal');
  if (v !== undefined && !(v instanceof AbortSignal)) throw invalid(fn, 'options.signal must be an AbortSignal', v);
}

/** `workers`: a whole number of threads from 1 to 256. */
export function checkWorkersOption(fn: string, options: unknown): void {
  checkNumberOption(fn, options, 'workers', { min: 1, max: 256, integer: true });
}

/** A time limit in milliseconds: more than 0, at most what setTimeout honours (~24.8 days). */
export function checkTimeoutOption(fn: string, options: unknown, key: string): void {
  checkNumberOption(fn, options, key, { min: 0, max: MAX_TIMEOUT_MS, above: true });
}

/** The input of a PDF reader: a path, or the bytes of the PDF. */
export function checkPdfInput(fn: string, input: unknown): void {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw invalid(fn, 'input must be a file path (string) or the bytes of a PDF (Uint8Array)', input);
}

/** The options of readPdfPages and extractPdf. */
export function checkReadPagesOptions(fn: string, options: unknown): void {
  checkOptions(fn, options);
  checkOneOf(fn, options, 'ocr', ['auto', 'always', 'never']);
  checkWorkersOption(fn, options);
  checkTimeoutOption(fn, options, 'pageTimeoutMs');
  checkTimeoutOption(fn, options, 'parseTimeoutMs');
  checkSignalOption(fn, options);
  checkFunctionOption(fn, options, 'onProgress');
  checkFunctionOption(fn, options, 'isWord');
  checkStringOption(fn, options, 'fileName');
}
