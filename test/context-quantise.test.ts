import { describe, expect, it } from 'vitest';
import { countOfByte, quantiseCount } from '../src/repair/context-model.js';

// The context model's one-byte counts (src/repair/context-model.ts): scripts/build-context-model.ts
// merges colliding keys through countOfByte, so it must invert quantiseCount.

describe('context model counts', () => {
  it('countOfByte inverts quantiseCount on every byte', () => {
    for (let q = 0; q < 256; q++) expect(quantiseCount(countOfByte(q))).toBe(q);
  });

  it('a count past the last byte stays 255 (no wrap)', () => {
    expect(quantiseCount(1e12)).toBe(255);
    expect(quantiseCount(countOfByte(200) + countOfByte(200))).toBeLessThanOrEqual(255);
  });
});
