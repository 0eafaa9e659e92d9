import { describe, expect, it } from "vitest";
import {
  BatchMeans,
  batchMeans,
  Counter,
  exponential,
  normalQuantile,
  QuantileSketch,
  RandomStream,
  studentTQuantile,
  Tally,
  TimeWeighted,
} from "../../src/engine/index.ts";

describe("statistics", () => {
  it("Counter counts", () => {
    const c = new Counter();
    c.inc();
    c.inc(4);
    expect(c.value).toBe(5);
  });

  it("Tally gives mean, sample variance, min and max", () => {
    const t = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) t.add(x);
    expect(t.count).toBe(8);
    expect(t.mean).toBe(5);
    expect(t.variance).toBeCloseTo(32 / 7, 12);
    expect(t.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect([t.min, t.max]).toEqual([2, 9]);
    // Welford stays exact where the naive sum of squares cancels catastrophically.
    const big = new Tally();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) big.add(x);
    expect(big.variance).toBeCloseTo(30, 9);
  });

  it("TimeWeighted integrates a step function", () => {
    const tw = new TimeWeighted(0, 0);
    tw.update(1, 2); // 0 on [0,1)
    tw.update(4, 1); // 2 on [1,4)
    tw.add(6, 3); // 1 on [4,6), then 4
    expect(tw.integral(10)).toBe(0 + 6 + 2 + 16);
    expect(tw.mean(10)).toBe(2.4);
    tw.reset(10);
    expect(tw.mean(12)).toBe(4);
  });

  it("QuantileSketch is within its relative accuracy of the exact quantiles", () => {
    const rng = RandomStream.create(4, "sketch");
    const n = 100_000;
    const alpha = 0.005;
    const sketch = new QuantileSketch(alpha);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = i % 10 === 0 ? 0 : exponential(rng, 1);
      sketch.add(xs[i]);
    }
    xs.sort();
    for (const p of [0.05, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.floor(p * (n - 1))];
      const est = sketch.quantile(p);
      if (exact === 0) expect(est).toBe(0);
      else expect(Math.abs(est - exact) / exact).toBeLessThanOrEqual(alpha * 1.0001);
    }
    expect(sketch.count).toBe(n);
    expect(() => sketch.add(-1)).toThrow(RangeError);
  });

  it("normal and Student t quantiles match tables", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.0005)).toBeCloseTo(-3.290527, 5);
    expect(studentTQuantile(0.9995, 29)).toBeCloseTo(3.659, 2);
    expect(studentTQuantile(0.9995, 19)).toBeCloseTo(3.883, 2);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 2);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
  });

  it("batch-means intervals cover the true mean at the stated rate (i.i.d. check)", () => {
    // 400 independent experiments at 95%: coverage must lie within 4 binomial sd of 0.95.
    const rng = RandomStream.create(5, "coverage");
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const x = new Float64Array(2000);
      for (let i = 0; i < x.length; i++) x[i] = exponential(rng, 0.5);
      const ci = batchMeans(x, 20, 0.95);
      if (Math.abs(ci.mean - 2) <= ci.halfWidth) covered++;
    }
    const sd = Math.sqrt((0.95 * 0.05) / trials);
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(4 * sd);
  });

  it("streaming BatchMeans equals batchMeans over the stored values", () => {
    const rng = RandomStream.create(6, "stream");
    const x = new Float64Array(3000);
    const bm = new BatchMeans(100);
    for (let i = 0; i < x.length; i++) {
      x[i] = rng.next();
      bm.add(x[i]);
    }
    expect(bm.completedBatches).toBe(30);
    const a = bm.interval(0.99);
    const b = batchMeans(x, 30, 0.99);
    expect(a.mean).toBeCloseTo(b.mean, 12);
    expect(a.halfWidth).toBeCloseTo(b.halfWidth, 12);
    expect(batchMeans({ values: () => x }, 30, 0.99).mean).toBeCloseTo(b.mean, 12);
  });
});
