import { describe, expect, it } from "vitest";
import {
  AliasTable,
  beta,
  binomial,
  exponential,
  gamma,
  logFactorial,
  lognormal,
  lognormalMeanCv,
  normal,
  poisson,
  RandomStream,
  uniform,
} from "../../src/engine/index.ts";

/** Allowed distance in standard errors: with fixed seeds a check fails by chance with p < 1e-6. */
const K = 5;

/**
 * Draws n variates and checks the sample mean and variance against the exact ones, with tolerances of
 * K standard errors estimated from the same sample (SE of the mean: s/√n; of the variance: sd of the
 * squared deviations /√n).
 */
function checkMoments(
  draw: (rng: RandomStream) => number,
  mean: number,
  variance: number,
  n = 200_000,
): void {
  const rng = RandomStream.create(2024, `moments ${mean} ${variance}`);
  const x = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    x[i] = draw(rng);
    s += x[i];
  }
  const m = s / n;
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (x[i] - m) ** 2;
  const v = s2 / (n - 1);
  let s4 = 0;
  for (let i = 0; i < n; i++) s4 += ((x[i] - m) ** 2 - v) ** 2;
  const seMean = Math.sqrt(v / n);
  const seVar = Math.sqrt(s4 / (n - 1) / n);
  expect(Math.abs(m - mean), `mean ${m} vs ${mean}`).toBeLessThan(K * seMean + 1e-12);
  expect(Math.abs(v - variance), `variance ${v} vs ${variance}`).toBeLessThan(K * seVar + 1e-12);
}

describe("distributions match their exact mean and variance", () => {
  it("uniform(a, b)", () => checkMoments((r) => uniform(r, 2, 5), 3.5, 9 / 12));
  it("exponential(rate)", () => checkMoments((r) => exponential(r, 4), 0.25, 1 / 16));
  it("normal(mean, sd)", () => checkMoments((r) => normal(r, -3, 2), -3, 4));
  it("lognormal(mu, sigma)", () => {
    const mu = 0.3;
    const s = 0.5;
    checkMoments(
      (r) => lognormal(r, mu, s),
      Math.exp(mu + (s * s) / 2),
      (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s),
    );
  });
  it("lognormalMeanCv(mean, cv)", () =>
    checkMoments((r) => lognormalMeanCv(r, 30, 0.6), 30, (30 * 0.6) ** 2));
  it("gamma with shape ≥ 1 and < 1", () => {
    checkMoments((r) => gamma(r, 3.5, 2), 7, 14);
    checkMoments((r) => gamma(r, 0.4, 3), 1.2, 3.6);
  });
  it("beta(a, b)", () => {
    const a = 2;
    const b = 5;
    checkMoments((r) => beta(r, a, b), a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)));
  });
  it("poisson for small and large means (inversion and PTRS)", () => {
    for (const mean of [0.7, 9.9, 10, 37.5, 1e6]) checkMoments((r) => poisson(r, mean), mean, mean);
  });
  it("binomial for small and large n·p (inversion and BTRS), and p > 1/2", () => {
    for (const [n, p] of [
      [20, 0.3],
      [1e8, 5e-8],
      [1000, 0.2],
      [1e8, 0.37],
      [50, 0.9],
    ]) {
      checkMoments((r) => binomial(r, n, p), n * p, n * p * (1 - p), 100_000);
    }
  });
  it("poisson and binomial give integers in range", () => {
    const rng = RandomStream.create(1, "range");
    for (let i = 0; i < 10_000; i++) {
      const b = binomial(rng, 30, 0.5);
      expect(Number.isInteger(b) && b >= 0 && b <= 30).toBe(true);
      const p = poisson(rng, 15);
      expect(Number.isInteger(p) && p >= 0).toBe(true);
    }
    expect(binomial(rng, 10, 0)).toBe(0);
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(poisson(rng, 0)).toBe(0);
  });
  it("binomial matches the exact probability mass function (chi-square, BTRS region)", () => {
    const n = 60;
    const p = 0.4;
    const draws = 200_000;
    const rng = RandomStream.create(5, "binomial pmf");
    const counts = new Float64Array(n + 1);
    for (let i = 0; i < draws; i++) counts[binomial(rng, n, p)]++;
    let chi2 = 0;
    let cells = 0;
    for (let k = 0; k <= n; k++) {
      const pk = Math.exp(
        logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p),
      );
      const expected = pk * draws;
      if (expected < 20) continue;
      chi2 += (counts[k] - expected) ** 2 / expected;
      cells++;
    }
    // χ² with ~cells−1 df: mean df, sd √(2 df); allow 5 sd.
    expect(chi2).toBeLessThan(cells - 1 + 5 * Math.sqrt(2 * (cells - 1)));
  });
  it("logFactorial agrees with the sum of logs across the table boundary", () => {
    let s = 0;
    for (let k = 1; k <= 1000; k++) {
      s += Math.log(k);
      expect(Math.abs(logFactorial(k) - s)).toBeLessThan(1e-9 * Math.max(1, s));
    }
  });
});

describe("exponential (ziggurat) shape", () => {
  it("puts 1/20 of the draws in each of 20 equal-probability cells, tail included", () => {
    const rng = RandomStream.create(21, "ziggurat");
    const n = 1_000_000;
    const cells = new Float64Array(20);
    let beyondR = 0;
    for (let i = 0; i < n; i++) {
      const x = exponential(rng, 1);
      // Cell k holds (F⁻¹(k/20), F⁻¹((k+1)/20)] with F(x) = 1 − e^(−x).
      cells[Math.min(19, Math.floor((1 - Math.exp(-x)) * 20))]++;
      if (x > 7.697117470131487) beyondR++;
    }
    let chi2 = 0;
    for (const c of cells) chi2 += (c - n / 20) ** 2 / (n / 20);
    expect(chi2).toBeLessThan(43.82); // χ²(19) at 0.999
    // The tail beyond the base layer's edge has mass e^(−R) ≈ 4.5e-4: count within 5 Poisson sd.
    const expectedTail = n * Math.exp(-7.697117470131487);
    expect(Math.abs(beyondR - expectedTail)).toBeLessThan(5 * Math.sqrt(expectedTail));
  });
});

describe("AliasTable", () => {
  it("samples each outcome with its weight's share (chi-square at 99.9%)", () => {
    const weights = [5, 0, 1, 3, 0.5, 10.5];
    const table = new AliasTable(weights);
    expect(table.size).toBe(6);
    const total = weights.reduce((a, b) => a + b, 0);
    const rng = RandomStream.create(8, "alias");
    const n = 200_000;
    const counts = new Float64Array(weights.length);
    for (let i = 0; i < n; i++) counts[table.sample(rng)]++;
    expect(counts[1]).toBe(0);
    let chi2 = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i] === 0) continue;
      const e = (n * weights[i]) / total;
      chi2 += (counts[i] - e) ** 2 / e;
    }
    expect(chi2).toBeLessThan(20.52); // χ²(4) at 0.999
  });
  it("rejects empty, negative and all-zero weights", () => {
    expect(() => new AliasTable([])).toThrow(RangeError);
    expect(() => new AliasTable([1, -1])).toThrow(/weight 1/);
    expect(() => new AliasTable([0, 0])).toThrow(RangeError);
  });
});
