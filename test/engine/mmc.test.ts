/**
 * M/M/c (Erlang C), M/M/c/c (Erlang B) and M/M/∞ against queueing-references.md, with tolerances
 * from batch-means intervals (30 batches, 99.9% two-sided) and Little's law on every run.
 */
import { describe, expect, it } from "vitest";
import {
  exponential,
  Granted,
  HeapCalendar,
  RandomStream,
  Rejected,
  Resource,
  Simulation,
} from "../../src/engine/index.ts";
import { CONFIDENCE, erlangB, erlangC, expectLittle, expectMeanInInterval } from "./support/queueing.ts";

interface MMcRun {
  waits: Float64Array;
  /** 1 when the customer waited (or, with a loss system, was blocked). */
  flags: Float64Array;
  sumWaits: number;
  sumSojourns: number;
  admitted: number;
  endTime: number;
  resource: Resource;
}

const ARRIVAL = 0;
const DEPARTURE = 1;

/** Runs `customers` Poisson arrivals through c exponential servers until the last one leaves. */
function runMMc(
  lambda: number,
  mu: number,
  c: number,
  customers: number,
  seed: number,
  lossSystem = false,
): MMcRun {
  const arrivals = RandomStream.create(seed, "arrivals");
  const services = RandomStream.create(seed, "services");
  const sim = new Simulation(new HeapCalendar());
  const arrivedAt = new Float64Array(customers);
  const waits = new Float64Array(customers);
  const flags = new Float64Array(customers);
  let sumWaits = 0;
  let sumSojourns = 0;
  let admitted = 0;
  let next = 0;
  const start = (id: number) => {
    const wait = sim.now - arrivedAt[id];
    waits[id] = wait;
    if (wait > 0) flags[id] = 1;
    sumWaits += wait;
    sim.scheduleIn(exponential(services, mu), DEPARTURE, id);
  };
  const resource = new Resource({
    capacity: c,
    queueCapacity: lossSystem ? 0 : Number.POSITIVE_INFINITY,
    onGrant: start,
    clock: sim,
  });
  sim.on(ARRIVAL, (id) => {
    arrivedAt[id] = sim.now;
    const outcome = resource.request(id);
    if (outcome === Granted) start(id);
    if (outcome === Rejected) flags[id] = 1;
    else admitted++;
    if (++next < customers) sim.scheduleIn(exponential(arrivals, lambda), ARRIVAL, next);
  });
  sim.on(DEPARTURE, (id) => {
    sumSojourns += sim.now - arrivedAt[id];
    resource.release(id);
  });
  sim.schedule(exponential(arrivals, lambda), ARRIVAL, 0);
  sim.run();
  return { waits, flags, sumWaits, sumSojourns, admitted, endTime: sim.now, resource };
}

describe("M/M/c against Erlang C", () => {
  // Columns of queueing-references.md: c, λ, μ, P(wait), Wq, Lq, W. Run lengths grow with the load,
  // because waits at ρ = 0.9–0.95 are strongly autocorrelated.
  const cases: [number, number, number, number, number, number, number, number][] = [
    [1, 0.5, 1, 0.5, 1.0, 0.5, 2.0, 400_000],
    [1, 0.9, 1, 0.9, 9.0, 8.1, 10.0, 2_000_000],
    [10, 8, 1, 0.40918, 0.20459, 1.636721, 1.20459, 800_000],
    [10, 9.5, 1, 0.825586, 1.651171, 15.686126, 2.651171, 3_000_000],
    [50, 45, 1, 0.363864, 0.072773, 3.27478, 1.072773, 1_500_000],
    [100, 95, 1, 0.506457, 0.101291, 9.62268, 1.101291, 2_000_000],
  ];
  it.each(cases)(
    "c=%i λ=%d μ=%d: P(wait), Wq, Lq, W and Little's law",
    (c, lambda, mu, pWait, wq, lq, w, n) => {
      // The table's figures agree with the Erlang C formula used for the intervals.
      expect(erlangC(c, lambda / mu)).toBeCloseTo(pWait, 5);
      const run = runMMc(lambda, mu, c, n, 100 + c);
      const label = `M/M/${c} λ=${lambda}`;
      expectMeanInInterval(run.flags, pWait, `${label} P(wait)`);
      const wqCi = expectMeanInInterval(run.waits, wq, `${label} Wq`);
      // W = Wq + 1/μ: the service part has its own sampling error; allow its 99.9% half-width too.
      const serviceHalfWidth = (3.29 * (1 / mu)) / Math.sqrt(n);
      const wHat = run.sumSojourns / n;
      expect(Math.abs(wHat - w), `${label} W ${wHat}`).toBeLessThanOrEqual(wqCi.halfWidth + serviceHalfWidth);
      // Lq = λ̂·Ŵq on the sample path; its error is that of Ŵq scaled by λ̂ plus that of λ̂ (Poisson count).
      const rate = n / run.endTime;
      const lqHat = run.resource.queueStat.mean(run.endTime);
      const rateHalfWidth = (3.29 * lambda) / Math.sqrt(n);
      expect(Math.abs(lqHat - lq), `${label} Lq ${lqHat}`).toBeLessThanOrEqual(
        rate * wqCi.halfWidth + wq * rateHalfWidth,
      );
      expectLittle(run.resource, run.endTime, n, run.sumWaits, run.sumSojourns, label);
    },
  );

  it("reproduces a run bit for bit from the same seed", () => {
    const a = runMMc(9.5, 1, 10, 20_000, 7);
    const b = runMMc(9.5, 1, 10, 20_000, 7);
    expect(Buffer.from(a.waits.buffer).equals(Buffer.from(b.waits.buffer))).toBe(true);
    expect(a.endTime).toBe(b.endTime);
    const c = runMMc(9.5, 1, 10, 20_000, 8);
    expect(c.endTime).not.toBe(a.endTime);
  });
});

describe("M/M/c/c loss system against Erlang B", () => {
  const cases: [number, number, number][] = [
    [1, 0.5, 0.333333],
    [5, 3, 0.110054],
    [10, 8, 0.121661],
    [20, 15, 0.045593],
  ];
  it.each(cases)("c=%i a=%d: blocking %d", (c, a, blocking) => {
    expect(erlangB(c, a)).toBeCloseTo(blocking, 6);
    const n = 300_000;
    const run = runMMc(a, 1, c, n, 200 + c, true);
    expectMeanInInterval(run.flags, blocking, `Erlang B c=${c}`);
    expect(run.resource.maxQueue).toBe(0);
    expect(run.resource.rejections).toBe(n - run.admitted);
    expectLittle(run.resource, run.endTime, run.admitted, run.sumWaits, run.sumSojourns, `M/M/${c}/${c}`);
  });
});

describe("M/M/∞", () => {
  it("never makes anyone wait; mean number busy = λ/μ", () => {
    const n = 300_000;
    const lambda = 20;
    const mu = 0.5;
    const run = runMMc(lambda, mu, Number.POSITIVE_INFINITY, n, 300);
    expect(run.resource.maxQueue).toBe(0);
    expect(run.sumWaits).toBe(0);
    expect(run.flags.every((f) => f === 0)).toBe(true);
    // L = λ̂·Ŵ exactly (Little); Ŵ has the i.i.d. error of exponential services, λ̂ that of a Poisson count.
    const busy = run.resource.busyStat.mean(run.endTime);
    const rate = n / run.endTime;
    const wHat = run.sumSojourns / n;
    const z = 3.29; // 99.9% two-sided
    expect(CONFIDENCE).toBe(0.999);
    const tolerance = rate * ((z * (1 / mu)) / Math.sqrt(n)) + (1 / mu) * ((z * lambda) / Math.sqrt(n));
    expect(Math.abs(busy - lambda / mu)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(wHat - 1 / mu)).toBeLessThanOrEqual((z * (1 / mu)) / Math.sqrt(n));
    expectLittle(run.resource, run.endTime, n, run.sumWaits, run.sumSojourns, "M/M/∞");
  });
});
