/**
 * Repair and normalisation do work linear in their input, whatever the input: a fuzz test over
 * long and odd strings with a bound on counted work (src/work.ts) — characters × a constant —
 * instead of a time limit. Before the fixes a 100 k-letter token cost repair 30 s (the colon
 * finder's backtracking pattern, the word hash over every prefix of the token), random bytes read
 * as Latin-1 cost 20 s per 100 kB (the protected-span pattern run on from each `@`, one scan of the
 * normalisation changes per correction).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colonLineBreaks } from '../src/repair/glyph-words.js';
import { MAX_TOKEN, passedSpans, repair } from '../src/repair/index.js';
import { normalize, normalizeDetailed } from '../src/normalise/index.js';
import { workDone } from '../src/work.js';

/** Work per input code unit that repair and normalise stay under (measured ≤ ~60 on these inputs). */
const PER_CHAR = 400;

function work(run: () => unknown): number {
  const before = workDone();
  run();
  return workDone() - before;
}

function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x >>> 16;
  };
}

/** Hostile texts of about `n` code units, by kind. */
const KINDS: Record<string, (n: number, seed: number) => string> = {
  longToken: (n) => 'a'.repeat(n),
  mixedToken: (n, seed) => {
    const r = lcg(seed);
    let s = '';
    while (s.length < n) s += 'abcdefghijklmnopqrstuvwxyzåäö:@.-'[r() % 34];
    return s;
  },
  cjk: (n, seed) => {
    const r = lcg(seed);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + (r() % 20000));
    return s;
  },
  cjkPunctuated: (n, seed) => {
    const r = lcg(seed);
    let s = '';
    while (s.length < n) s += String.fromCharCode(0x4e00 + (r() % 20000)) + (r() % 9 === 0 ? '、 ' : '');
    return s;
  },
  latin1: (n, seed) => {
    const r = lcg(seed);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(r() & 255);
    return s;
  },
  crlfProse: (n) => {
    let s = '';
    while (s.length < n) s += 'Kommunen har beslutat om en ny plan för skolan och omsorgen.\r\n';
    return s;
  },
  combining: (n) => 'a' + '\u0301'.repeat(n - 1),
  colonBreaks: (n) => {
    let s = '';
    while (s.length < n) s += 'ef:\n\nter möj:\nligt ab:\n';
    return s;
  },
  atSigns: (n, seed) => {
    const r = lcg(seed);
    let s = '';
    while (s.length < n) s += r() % 3 === 0 ? '@' : r() % 50 === 0 ? ' ' : 'x.';
    return s;
  },
  mojibake: (n) => {
    let s = '';
    while (s.length < n) s += 'KommunÃ¤n hÃ¶r pÃ¥ ';
    return s;
  },
};

describe('repair and normalise do work linear in their input', () => {
  for (const [kind, make] of Object.entries(KINDS)) {
    it(`${kind}: work per character stays under the bound at 20 k and 200 k`, () => {
      for (const n of [20_000, 200_000]) {
        const text = make(n, 7);
        const r = work(() => repair(text));
        const z = work(() => normalizeDetailed(text));
        expect(r / text.length, `${kind} repair at ${n}`).toBeLessThan(PER_CHAR);
        expect(z / text.length, `${kind} normalize at ${n}`).toBeLessThan(PER_CHAR);
      }
    }, 120_000);
  }

  it('holds for arbitrary strings (fast-check), long runs and odd characters included', () => {
    const odd = fc.constantFrom('a', 'ö', ':', '\n', '\r\n', ' ', '@', '.', '-', '\u0301', '\u00ad', '\u200b', '中', 'Ã', '¤', 'ﬁ', '|', '\uFFFD', '😀', '\u0000');
    const runs = fc.tuple(odd, fc.integer({ min: 1, max: 400 })).map(([c, k]) => c.repeat(k));
    const text = fc.array(fc.oneof(runs, fc.string({ unit: 'grapheme', maxLength: 40 }), odd), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        if (s.length === 0) return;
        const r = work(() => repair(s));
        const z = work(() => normalize(s));
        expect(r).toBeLessThanOrEqual(PER_CHAR * s.length + 1000);
        expect(z).toBeLessThanOrEqual(PER_CHAR * s.length + 1000);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe('what repair passes through', () => {
  it('leaves a token longer than MAX_TOKEN and a stretch of Chinese untouched, with warnings', () => {
    const long = 'lanet'.repeat(30);
    const chinese = '中华人民共和国 宪法 第一条';
    const input = `Kommunen har beslutat om lanet.\n${long}\n${chinese}\nDet galler for skolan.`;
    const plain = repair(`Kommunen har beslutat om lanet.\n\nDet galler for skolan.`);
    const result = repair(input);
    expect(result.text).toContain(`\n${long}\n${chinese}\n`);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings![0]).toMatch(/longer than 100 characters/);
    expect(result.warnings![1]).toMatch(/Han script/);
    for (const c of result.corrections) expect(input.slice(c.offset, c.offset + c.length)).toBe(c.before);
    // The rest of the text is repaired as it would be alone.
    expect(result.text.replace(`${long}\n${chinese}`, '')).toBe(plain.text);
    expect(MAX_TOKEN).toBe(100);
  });

  it('changes nothing for text without such stretches (no warnings)', () => {
    const input = 'Kommunen har beslutat om en ny plan, μ = 3 och Ω.';
    expect(passedSpans(input)).toEqual([]);
    expect(repair(input).warnings).toBeUndefined();
  });
});

describe('the colon line-break finder', () => {
  const PATTERN = /(\p{L}+):[ \t]*\r?\n(?:[ \t]*\r?\n)?[ \t]*(\p{Ll}+)/gu;
  const byPattern = (text: string, isWord: (w: string) => boolean) =>
    [...text.matchAll(PATTERN)].flatMap((m) => (isWord(m[1]! + m[2]!) && !(isWord(m[1]!) && isWord(m[2]!)) ? [{ offset: m.index + m[1]!.length, word: m[1]! + m[2]! }] : []));

  it('finds what the backtracking pattern it replaced found (differential, fast-check)', () => {
    const chars = fc.constantFrom('a', 'b', 'E', 'ö', 'Ö', '𝐀', ':', ' ', '\t', '\n', '\r', '-', '1');
    const text = fc.array(chars, { maxLength: 80 }).map((a) => a.join(''));
    const isWord = (w: string) => w.length % 2 === 0;
    fc.assert(
      fc.property(text, (s) => {
        expect(colonLineBreaks(s, isWord)).toEqual(byPattern(s, isWord));
      }),
      { numRuns: 3000 },
    );
  });
});
