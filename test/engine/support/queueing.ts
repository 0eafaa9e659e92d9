/**
 * Helpers for the analytic queueing checks: Erlang formulas, interval checks and Little's law.
 */
import { expect } from "vitest";
import { batchMeans, type ConfidenceInterval, type Resource } from "../../../src/engine/index.ts";

/** Two-sided confidence level of every stochastic check in the suite. */
export const CONFIDENCE = 0.999;
/** Batches per batch-means interval. */
export const BATCHES = 30;

/** Erlang B blocking probability for c servers and offered load a (stable recursion). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability of waiting for c servers, offered load a = λ/μ < c. */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

/** Asserts that `expected` lies in the batch-means interval of `values` and returns the interval. */
export function expectMeanInInterval(
  values: ArrayLike<number>,
  expected: number,
  label: string,
): ConfidenceInterval {
  const ci = batchMeans(values, BATCHES, CONFIDENCE);
  expect(
    Math.abs(ci.mean - expected),
    `${label}: estimate ${ci.mean.toFixed(5)} ± ${ci.halfWidth.toFixed(5)} vs exact ${expected}`,
  ).toBeLessThanOrEqual(ci.halfWidth);
  if (process.env.SHOW_CI) console.log(label, ci.mean, ci.halfWidth, expected);
  return ci;
}

/**
 * Little's law on one queue over a run that ends with the queue empty: the time-average number
 * waiting and the number in the station, integrated by the Resource, equal the arrival rate times
 * the mean wait and the mean sojourn recorded per customer (a sample-path identity, so the only
 * tolerance is floating-point rounding).
 */
export function expectLittle(
  resource: Resource,
  endTime: number,
  customers: number,
  sumWaits: number,
  sumSojourns: number,
  label: string,
): void {
  const rate = customers / endTime;
  const lq = resource.queueStat.mean(endTime);
  const l = lq + resource.busyStat.mean(endTime);
  const wq = sumWaits / customers;
  const w = sumSojourns / customers;
  expect(Math.abs(lq - rate * wq), `${label}: Lq ${lq} vs λWq ${rate * wq}`).toBeLessThanOrEqual(
    1e-9 * (1 + lq),
  );
  expect(Math.abs(l - rate * w), `${label}: L ${l} vs λW ${rate * w}`).toBeLessThanOrEqual(1e-9 * (1 + l));
}
