import { describe, expect, it } from 'vitest';
import { memo, memoByObject, memoByObjects, remember } from '../src/memo.js';

// The memo helpers of src/memo.ts: each value made once per key (or pair of keys).

describe('memo', () => {
  it('makes a value once per key', () => {
    const calls: string[] = [];
    const upper = memo((s: string) => (calls.push(s), s.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('by object: once per key object, not per equal object', () => {
    let made = 0;
    const size = memoByObject((xs: number[]) => ({ n: xs.length, made: ++made }));
    const a = [1, 2];
    expect(size(a)).toBe(size(a));
    expect(size([1, 2])).not.toBe(size(a));
    expect(made).toBe(2);
  });

  it('by a pair of objects: once per pair', () => {
    let made = 0;
    const pair = memoByObjects((a: object, b: object) => ({ a, b, made: ++made }));
    const x = {};
    const y = {};
    expect(pair(x, y)).toBe(pair(x, y));
    expect(pair(y, x)).not.toBe(pair(x, y));
    expect(pair(x, x).a).toBe(x);
    expect(made).toBe(3);
  });

  it('remember: stores and gives the value back, emptying a full cache first', () => {
    const cache = new Map<string, number>();
    expect(remember(cache, 'a', 1, 2)).toBe(1);
    expect(remember(cache, 'b', 2, 2)).toBe(2);
    expect([...cache]).toEqual([['a', 1], ['b', 2]]);
    expect(remember(cache, 'c', 3, 2)).toBe(3);
    expect([...cache]).toEqual([['c', 3]]);
  });
});
