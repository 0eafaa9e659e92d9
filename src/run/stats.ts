/** Quantile by linear interpolation between order statistics (R's type 7); NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  if (lo === hi || a === b) return a;
  // Infinity marks "never" (e.g. a target not reached): interpolating towards it gives Infinity.
  return a + (b - a) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** The interval reports show: 5th to 95th percentile over replications (a 90% range). */
export const LOW_Q = 0.05;
export const HIGH_Q = 0.95;

export interface Band {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export function band(values: readonly number[]): Band {
  return { mean: mean(values), low: quantile(values, LOW_Q), high: quantile(values, HIGH_Q) };
}

/** Most frequent value; ties go to the first in sort order so that the answer never depends on input order. */
export function mode(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [v, n] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}
