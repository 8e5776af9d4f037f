/**
 * A text file is repaired in pieces (src/run/text-pieces.ts), so its size does not decide the
 * memory it needs: the pieces cover the text exactly, end where a text can be cut without changing
 * what it says, and the corrections of the pieces are the whole text's audit log (applying them
 * to the input gives the output). The run over a generated file of megabytes is in
 * test/run-hostile.test.ts ("a text file of 24 MB").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../src/normalise/edits.js';
import { repair } from '../src/repair/index.js';
import { pieceStarts, repairInPieces, TEXT_PIECE_CHARS } from '../src/run/text-pieces.js';

const pieces = (text: string, size: number): string[] => {
  const starts = pieceStarts(text, size);
  return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
};

describe('pieceStarts', () => {
  it('covers the text exactly, each piece half a piece to a piece long (the last shorter)', () => {
    const text = 'Kommunen har beslutat om en ny plan.\n'.repeat(500);
    const parts = pieces(text, 1000);
    expect(parts.join('')).toBe(text);
    for (const p of parts.slice(0, -1)) {
      expect(p.length).toBeGreaterThanOrEqual(500);
      expect(p.length).toBeLessThanOrEqual(1000);
    }
    expect(pieceStarts('kort text', TEXT_PIECE_CHARS)).toEqual([0]);
    expect(pieceStarts('', 10)).toEqual([0]);
  });

  it('cuts after a paragraph break, else a line break, else white space; never inside CRLF', () => {
    const para = `${'a b c d e\n'.repeat(60)}\n${'f g h i j\n'.repeat(60)}`;
    expect(pieces(para, 1000)[0]!.endsWith('\n\n')).toBe(true);
    const crlf = `${'ett två tre\r\n'.repeat(25)}\r\n${'fyra fem\r\n'.repeat(40)}`;
    for (const p of pieces(crlf, 400)) expect(p.startsWith('\n'), JSON.stringify(p.slice(0, 5))).toBe(false);
    expect(pieces(crlf, 400)[0]!.endsWith('\r\n\r\n')).toBe(true);
    const lines = 'en rad med ord\n'.repeat(100);
    for (const p of pieces(lines, 200).slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
    const spaces = 'ord '.repeat(300);
    for (const p of pieces(spaces, 100).slice(0, -1)) expect(p.endsWith(' ')).toBe(true);
    const crOnly = `${'ord\r'.repeat(10)}${'x'.repeat(80)}`;
    expect(pieces(crOnly, 60).join('')).toBe(crOnly);
  });

  it('cuts a run without white space between characters: not inside a surrogate pair, not before a combining mark', () => {
    const astral = '𝔄'.repeat(500);
    for (const p of pieces(astral, 101)) expect(p).toMatch(/^(?:𝔄)+$/u);
    const marks = `${'a\u0301\u0308'.repeat(200)}`;
    for (const p of pieces(marks, 100)) expect(p.startsWith('a'), JSON.stringify(p.slice(0, 3))).toBe(true);
  });
});

describe('repairInPieces', () => {
  const ocr = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'archive', 'ocr-text', '004-ocr.txt'), 'utf8');

  it('gives a text of one piece exactly what repair gives', () => {
    const whole = repair(ocr);
    const pieced = repairInPieces(ocr, (t) => repair(t));
    expect(pieced.text).toBe(whole.text);
    expect(pieced.corrections).toEqual(whole.corrections);
  });

  it("keeps the pieces' corrections an audit log of the whole text, offsets moved to it", () => {
    const told: number[] = [];
    const result = repairInPieces(ocr, (t) => repair(t), { size: 3000, onPiece: (k) => told.push(k) });
    expect(told.length).toBeGreaterThan(4);
    expect(result.corrections.length).toBeGreaterThan(10);
    for (const c of result.corrections) expect(ocr.slice(c.offset, c.offset + c.length)).toBe(c.before);
    const applied = result.corrections.filter((c) => c.applied !== false);
    expect(applied.every((c, i) => i === 0 || c.offset >= applied[i - 1]!.offset + applied[i - 1]!.length)).toBe(true);
    expect(applyEdits(ocr, applied)).toBe(result.text);
  });

  it("gathers the pieces' warnings, each once", () => {
    const result = repairInPieces('x', () => ({ text: 'y', corrections: [] }));
    expect(result.warnings).toBeUndefined();
    const warned = repairInPieces('ab\ncd\nef\ngh\n', (t) => ({ text: t, corrections: [], warnings: ['same', t.trim()] }), { size: 6 });
    expect(warned.warnings).toEqual(['same', 'ab\ncd', 'ef\ngh']);
  });
});
