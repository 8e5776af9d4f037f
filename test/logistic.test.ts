import { describe, expect, it } from 'vitest';
import { fitLogistic, sigmoid, solveLinear } from '../src/repair/logistic.js';

// The one logistic fitter of the calibration fits (src/repair/logistic.ts): its options.

/** 100 examples of one feature: x = 1 right 90 times in 100, x = −1 right 30 times in 100. */
const rows = [
  ...Array.from({ length: 100 }, (_, i) => ({ x: [1], y: (i < 90 ? 1 : 0) as 0 | 1 })),
  ...Array.from({ length: 100 }, (_, i) => ({ x: [-1], y: (i < 30 ? 1 : 0) as 0 | 1 })),
];

describe('fitLogistic', () => {
  it('with a weak ridge, fits the share right at each x', () => {
    const [b, a] = fitLogistic(rows, { lambda: 1e-6, start: [0, 0] }) as [number, number];
    expect(sigmoid(b + a)).toBeCloseTo(0.9, 4);
    expect(sigmoid(b - a)).toBeCloseTo(0.3, 4);
  });

  it('a strong ridge keeps the prior; a free weight escapes it', () => {
    const held = fitLogistic(rows, { lambda: 1e9, start: [0, 0], prior: [0.5, 2] });
    expect(held[0]).toBeCloseTo(0.5, 5);
    expect(held[1]).toBeCloseTo(2, 5);
    // The bias free: it fits the base rate (120 right of 200) while the ridge holds the slope at 0.
    const [b, a] = fitLogistic(rows, { lambda: 1e9, start: [0, 0], free: [0] }) as [number, number];
    expect(a).toBeCloseTo(0, 5);
    expect(sigmoid(b)).toBeCloseTo(0.6, 4);
  });

  it('keeps a non-negative weight ≥ 0 where the data would make it negative', () => {
    const falling = rows.map((r) => ({ x: [-r.x[0]!], y: r.y }));
    expect(fitLogistic(falling, { lambda: 1e-6, start: [0, 0] })[1]).toBeLessThan(0);
    expect(fitLogistic(falling, { lambda: 1e-6, start: [0, 0], nonNegative: [1] })[1]).toBe(0);
  });

  it('solves a linear system', () => {
    const x = solveLinear([[4, 1], [1, 3]], [1, 2]);
    expect(4 * x[0]! + x[1]!).toBeCloseTo(1, 12);
    expect(x[0]! + 3 * x[1]!).toBeCloseTo(2, 12);
  });
});
