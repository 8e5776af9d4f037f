/**
 * The public API checks what it is given: a wrong argument is an ArkivError with code INVALID_INPUT
 * whose message names the function and the argument (and what it got), thrown before any work;
 * an option out of range is refused, not silently taken.
 */
import { describe, expect, it } from 'vitest';
import { ArkivError, clusterSketches, dedupe, extractPdf, normalize, normalizeDetailed, readPdfPages, repair, runArchive, sketchDoc } from '../src/index.js';

/** The error a call throws (or a promise rejects with). */
async function failure(call: () => unknown): Promise<ArkivError> {
  try {
    const r = call();
    if (r && typeof (r as Promise<unknown>).then === 'function') await r;
    if (r && typeof (r as AsyncGenerator<unknown>).next === 'function') await (r as AsyncGenerator<unknown>).next();
  } catch (err) {
    expect(err).toBeInstanceOf(ArkivError);
    return err as ArkivError;
  }
  throw new Error('no error thrown');
}

const bad = (v: unknown) => v as never;

describe('API input validation', () => {
  it('repair', async () => {
    const cases: [() => unknown, string][] = [
      [() => repair(bad(42)), 'repair: text must be a string, got the number 42'],
      [() => repair(bad(undefined)), 'repair: text must be a string, got undefined'],
      [() => repair(bad(Buffer.from('x'))), 'repair: text must be a string, got a Buffer'],
      [() => repair('text', bad('fast')), 'repair: options must be an object, got the string "fast"'],
      [() => repair('text', { minConfidence: 1.5 }), 'repair: options.minConfidence must be a number from 0 to 1, got the number 1.5'],
      [() => repair('text', { minConfidence: Number.NaN }), 'repair: options.minConfidence must be a number from 0 to 1, got the number NaN'],
      [() => repair('text', { minConfidence: bad('0.5') }), 'repair: options.minConfidence must be a number from 0 to 1, got the string "0.5"'],
      [() => repair('text', { dehyphenate: bad('no') }), 'repair: options.dehyphenate must be true or false, got the string "no"'],
      [() => repair('text', { documentClass: bad('old') }), "repair: options.documentClass must be 'stripped' or 'normal', got the string \"old\""],
      [() => repair('text', { lexicon: bad(null) }), 'repair: options.lexicon must be an object, got null'],
      [() => repair('text', { spelling: bad('1900') }), "repair: options.spelling must be 'auto', 'modern' or 'pre-1906', got the string \"1900\""],
    ];
    for (const [call, message] of cases) {
      const err = await failure(call);
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toBe(message);
    }
    // Valid edge values still work.
    expect(repair('', { minConfidence: 0 }).text).toBe('');
    expect(repair('Det är bra.', { minConfidence: 1, documentClass: 'normal', explain: false }).text).toBe('Det är bra.');
  });

  it('normalize and normalizeDetailed', async () => {
    expect((await failure(() => normalize(bad(null)))).message).toBe('normalize: text must be a string, got null');
    expect((await failure(() => normalizeDetailed(bad(['a'])))).message).toBe('normalizeDetailed: text must be a string, got an array');
    expect((await failure(() => normalize('a', { ligatures: bad(0) }))).message).toBe('normalize: options.ligatures must be true or false, got the number 0');
    expect(normalize('ﬁn', {})).toBe('fin');
  });

  it('extractPdf and readPdfPages', async () => {
    const cases: [() => unknown, string][] = [
      [() => extractPdf(bad(7)), 'extractPdf: input must be a file path (string) or the bytes of a PDF (Uint8Array), got the number 7'],
      [() => extractPdf('x.pdf', { ocr: bad('sometimes') }), "extractPdf: options.ocr must be 'auto', 'always' or 'never', got the string \"sometimes\""],
      [() => extractPdf('x.pdf', { workers: 0 }), 'extractPdf: options.workers must be an integer from 1 to 256, got the number 0'],
      [() => extractPdf('x.pdf', { workers: 1.5 }), 'extractPdf: options.workers must be an integer from 1 to 256, got the number 1.5'],
      [() => extractPdf('x.pdf', { pageTimeoutMs: -1 }), 'extractPdf: options.pageTimeoutMs must be a number in (0, 2147483647], got the number -1'],
      [() => extractPdf('x.pdf', { pageTimeoutMs: Infinity }), 'extractPdf: options.pageTimeoutMs must be a number in (0, 2147483647], got the number Infinity'],
      [() => extractPdf('x.pdf', { repair: bad('yes') }), 'extractPdf: options.repair must be true or false, got the string "yes"'],
      [() => extractPdf('x.pdf', { signal: bad({ aborted: false }) }), 'extractPdf: options.signal must be an AbortSignal, got an object (Object)'],
      [() => readPdfPages(bad({ path: 'x.pdf' })), 'readPdfPages: input must be a file path (string) or the bytes of a PDF (Uint8Array), got an object (Object)'],
      [() => readPdfPages('x.pdf', { parseTimeoutMs: 0 }), 'readPdfPages: options.parseTimeoutMs must be a number in (0, 2147483647], got the number 0'],
    ];
    for (const [call, message] of cases) expect((await failure(call)).message).toBe(message);
  });

  it('dedupe, sketchDoc and clusterSketches', async () => {
    expect((await failure(() => dedupe(bad('a.txt')))).message).toBe('dedupe: docs must be an array of { id, text }, got the string "a.txt"');
    expect((await failure(() => dedupe([{ id: 'a', text: 'x' }, bad({ id: 2, text: 'y' })]))).message).toBe('dedupe: docs[1].id must be a string, got the number 2');
    expect((await failure(() => dedupe([{ id: 'a', text: 'x' }], { threshold: 2 }))).message).toBe('options.threshold must be a number in (0, 1], got 2');
    expect((await failure(() => dedupe([{ id: 'a', text: 'x' }], { recallWeight: 1 }))).message).toBe('options.recallWeight must be a number in (0, 1), got 1');
    expect((await failure(() => dedupe([{ id: 'a', text: 'x' }], { containment: bad('0.5') }))).message).toBe('options.containment must be a number in (0, 1], got "0.5"');
    expect((await failure(() => dedupe([{ id: 'a', text: 'x' }], { permutations: 100 }))).message).toBe('options.permutations must be a power of two from 16 to 4096, got 100');
    expect((await failure(() => sketchDoc(bad('text')))).message).toBe('sketchDoc: doc must be an object { id, text }, got the string "text"');
    expect((await failure(() => clusterSketches(bad(undefined)))).message).toBe('clusterSketches: sketches must be an array (of sketchDoc results), got undefined');
    expect(dedupe([])).toEqual([]);
  });

  it('runArchive', async () => {
    const cases: [() => unknown, string][] = [
      [() => runArchive(bad(undefined), { out: '/tmp/x' }), 'runArchive: dir must be a string, got undefined'],
      [() => runArchive('in', bad(undefined)), 'runArchive: options must be an object with at least { out }, got undefined'],
      [() => runArchive('in', bad({})), 'runArchive: options.out must be a string, got undefined'],
      [() => runArchive('in', { out: 'o', workers: -2 }), 'runArchive: options.workers must be an integer from 1 to 256, got the number -2'],
      [() => runArchive('in', { out: 'o', threshold: 0 }), 'runArchive: options.threshold must be a number in (0, 1], got the number 0'],
      [() => runArchive('in', { out: 'o', learn: bad('words.txt') }), 'runArchive: options.learn must be an array of file paths, got the string "words.txt"'],
    ];
    for (const [call, message] of cases) {
      const err = await failure(call);
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toBe(message);
    }
  });
});
