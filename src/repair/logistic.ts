/**
 * Logistic regression for the calibration fits: the per-rule maps of calibration.ts
 * (`fitRuleCalibration`, scripts/fit-repair-calibration.ts) and the known-word calibration of
 * scripts/fit-context-calibration.ts. One fitter; the fits differ only in its options — where the
 * ridge pulls the weights, which weights it leaves free, which are kept ≥ 0.
 *
 *   p = σ(w₀ + Σ wₖ · xₖ),  minimising  Σ −log-likelihood + Σ_penalised ½ λ (wₖ − priorₖ)²
 *
 * by Newton's method with step halving: at most 100 steps; a step is halved (down to 1e-4) until the
 * loss does not rise, and the fit stops when no step lowers it or the loss falls by less than 1e-9.
 */

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** One labelled example: its features (the bias is the fit's own, not a feature) and its label. */
export interface LogisticRow {
  x: readonly number[];
  y: 0 | 1;
}

export interface LogisticFitOptions {
  /** The ridge's strength λ. */
  lambda: number;
  /** The weights the fit starts from, the bias first (so one more than the rows' features). */
  start: readonly number[];
  /** Where the ridge pulls each weight, the bias first (default: every weight towards 0). */
  prior?: readonly number[];
  /** The weights the ridge leaves free (indices, 0 the bias); each gets a curvature of 1e-6 in the
   * Newton step, so the step stays defined when its feature is constant. */
  free?: readonly number[];
  /** The weights kept ≥ 0 (indices): clamped after every step. */
  nonNegative?: readonly number[];
}

/** The weights, the bias first, of the ridge-penalised logistic fit of `rows`. */
export function fitLogistic(rows: readonly LogisticRow[], opts: LogisticFitOptions): number[] {
  const { lambda, start } = opts;
  const d = start.length;
  const prior = opts.prior ?? new Array<number>(d).fill(0);
  const free = new Set(opts.free ?? []);
  const nonNegative = opts.nonNegative ?? [];
  const z = (w: readonly number[], x: readonly number[]): number => {
    let s = w[0]!;
    for (let k = 0; k < x.length; k++) s += w[k + 1]! * x[k]!;
    return s;
  };
  const loss = (w: readonly number[]): number => {
    let l = 0;
    for (let k = 0; k < d; k++) if (!free.has(k)) l += 0.5 * lambda * (w[k]! - prior[k]!) ** 2;
    for (const r of rows) {
      const s = z(w, r.x);
      l += Math.log1p(Math.exp(-Math.abs(s))) + Math.max(s, 0) - r.y * s;
    }
    return l;
  };
  const stepped = (w: readonly number[], delta: readonly number[], step: number): number[] => {
    const next = w.map((v, k) => v - step * delta[k]!);
    for (const k of nonNegative) next[k] = Math.max(0, next[k]!);
    return next;
  };
  let w = [...start];
  let current = loss(w);
  for (let it = 0; it < 100; it++) {
    const g = w.map((v, k) => (free.has(k) ? 0 : lambda * (v - prior[k]!)));
    const H = Array.from({ length: d }, (_, a) => Array.from({ length: d }, (_, b) => (a !== b ? 0 : free.has(a) ? 1e-6 : lambda)));
    for (const r of rows) {
      const xs = [1, ...r.x];
      const p = sigmoid(z(w, r.x));
      for (let a = 0; a < d; a++) {
        g[a]! += (p - r.y) * xs[a]!;
        for (let b = 0; b < d; b++) H[a]![b]! += p * (1 - p) * xs[a]! * xs[b]!;
      }
    }
    const delta = solveLinear(H, g);
    let step = 1;
    let next = stepped(w, delta, step);
    let l = loss(next);
    while (l > current && step > 1e-4) {
      step /= 2;
      next = stepped(w, delta, step);
      l = loss(next);
    }
    if (l > current) break;
    const done = current - l < 1e-9;
    w = next;
    current = l;
    if (done) break;
  }
  return w;
}

/** Solves H·x = g (Gaussian elimination with partial pivoting; H is positive definite): the Newton step. */
export function solveLinear(H: number[][], g: number[]): number[] {
  const n = g.length;
  const M = H.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}
