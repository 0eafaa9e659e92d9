/** Output statistics: counters, tallies, time-weighted averages, quantile sketches, batch means. */

/** A running count or sum. */
export class Counter {
  // A Float64Array cell: measured faster than a double class field in per-event loops.
  private readonly cell = new Float64Array(1);
  get value(): number {
    return this.cell[0];
  }
  inc(by = 1): void {
    this.cell[0] += by;
  }
  reset(): void {
    this.cell[0] = 0;
  }
}

/** Running mean and variance of observations (Welford's algorithm, numerically stable). */
export class Tally {
  private n = 0;
  private m = 0;
  private s = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    const n = ++this.n;
    const d = x - this.m;
    this.m += d / n;
    this.s += d * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  get count(): number {
    return this.n;
  }
  get mean(): number {
    return this.n === 0 ? Number.NaN : this.m;
  }
  /** Sample variance (divisor n − 1). */
  get variance(): number {
    return this.n < 2 ? Number.NaN : this.s / (this.n - 1);
  }
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  get min(): number {
    return this.lo;
  }
  get max(): number {
    return this.hi;
  }
  reset(): void {
    this.n = 0;
    this.m = 0;
    this.s = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
}

/**
 * Time average of a piecewise-constant quantity (queue length, busy servers): call update(time, value)
 * whenever the value changes; mean(uptoTime) integrates to `uptoTime`.
 */
export class TimeWeighted {
  // [start time, last update time, current value, area] in a Float64Array: measured faster than
  // double class fields, which matters because resources update these on every event.
  private readonly s = new Float64Array(4);

  constructor(startTime = 0, initialValue = 0) {
    this.s[0] = startTime;
    this.s[1] = startTime;
    this.s[2] = initialValue;
  }

  update(time: number, value: number): void {
    const s = this.s;
    s[3] += s[2] * (time - s[1]);
    s[1] = time;
    s[2] = value;
  }

  /** Adds `delta` to the current value at `time`. */
  add(time: number, delta: number): void {
    this.update(time, this.s[2] + delta);
  }

  get current(): number {
    return this.s[2];
  }

  /** Integral of the value from the start to `uptoTime` (≥ the last update). */
  integral(uptoTime: number): number {
    return this.s[3] + this.s[2] * (uptoTime - this.s[1]);
  }

  mean(uptoTime: number): number {
    const span = uptoTime - this.s[0];
    return span > 0 ? this.integral(uptoTime) / span : this.s[2];
  }

  /** Forgets the past (e.g. after a warm-up) and starts averaging again at `time`. */
  reset(time: number): void {
    this.s[0] = time;
    this.s[1] = time;
    this.s[3] = 0;
  }
}

/**
 * Quantiles with a guaranteed relative error (a DDSketch-style log histogram): a value x > 0 falls in
 * bucket ceil(log_γ x) with γ = (1 + α)/(1 − α), so any quantile is returned within a factor (1 ± α)
 * of an observed value of the right rank. Zeros are counted apart; negative values are not accepted.
 */
export class QuantileSketch {
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly minIndex: number;
  private counts: Float64Array;
  private zeros = 0;
  private n = 0;

  constructor(relativeAccuracy = 0.005, minPositive = 1e-9) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
      throw new RangeError(`QuantileSketch: relativeAccuracy must be in (0, 1), got ${relativeAccuracy}`);
    }
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
    this.minIndex = Math.ceil(Math.log(minPositive) / this.logGamma);
    this.counts = new Float64Array(256);
  }

  add(x: number): void {
    if (!(x >= 0)) throw new RangeError(`QuantileSketch.add: values must be ≥ 0, got ${x}`);
    this.n++;
    if (x === 0) {
      this.zeros++;
      return;
    }
    const index = Math.max(0, Math.ceil(Math.log(x) / this.logGamma) - this.minIndex);
    if (index >= this.counts.length) {
      let size = this.counts.length;
      while (size <= index) size *= 2;
      const next = new Float64Array(size);
      next.set(this.counts);
      this.counts = next;
    }
    this.counts[index]++;
  }

  get count(): number {
    return this.n;
  }

  /** The p-quantile (0 ≤ p ≤ 1) of the observations, NaN when there are none. */
  quantile(p: number): number {
    if (this.n === 0) return Number.NaN;
    const rank = p * (this.n - 1);
    if (rank < this.zeros) return 0;
    let seen = this.zeros;
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen > rank) {
        // Midpoint (in the relative sense) of bucket (γ^(k−1), γ^k].
        return (2 * this.gamma ** (i + this.minIndex)) / (1 + this.gamma);
      }
    }
    return (2 * this.gamma ** (counts.length - 1 + this.minIndex)) / (1 + this.gamma);
  }
}

/** Quantile of the standard normal law (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - plow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/**
 * Quantile of Student's t law with `df` degrees of freedom: exact for df = 1, 2; otherwise the
 * Cornish-Fisher expansion around the normal quantile (Abramowitz and Stegun 26.7.5), which is
 * within 0.1% for df ≥ 10 at p = 0.9995.
 */
export function studentTQuantile(p: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) {
    const a = 4 * p * (1 - p);
    return 2 * (p - 0.5) * Math.sqrt(2 / a);
  }
  const z = normalQuantile(p);
  const z2 = z * z;
  const z3 = z2 * z;
  const z5 = z3 * z2;
  const z7 = z5 * z2;
  const z9 = z7 * z2;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  /** Number of batches used (degrees of freedom + 1). */
  batches: number;
}

/** Anything that can hand over its recorded observations in order. */
export interface ObservationSource {
  values(): ArrayLike<number>;
}

/**
 * Batch-means confidence interval for the mean of a correlated sequence: split the observations into
 * `nBatches` consecutive batches of equal size (leftovers at the start dropped, as warm-up), treat the
 * batch means as independent, and use Student's t at the two-sided `confidence` level.
 */
export function batchMeans(
  source: ArrayLike<number> | ObservationSource,
  nBatches = 30,
  confidence = 0.999,
): ConfidenceInterval {
  // Typed arrays and arrays have a `values()` iterator too: tell the two apart by `length`.
  const values = isArrayLike(source) ? source : source.values();
  const n = values.length;
  const size = Math.floor(n / nBatches);
  if (nBatches < 2 || size < 1) {
    throw new RangeError(
      `batchMeans: need at least 2 batches of 1 value, got ${n} values for ${nBatches} batches`,
    );
  }
  const offset = n - size * nBatches;
  const means = new Float64Array(nBatches);
  for (let b = 0; b < nBatches; b++) {
    let s = 0;
    const start = offset + b * size;
    for (let i = start; i < start + size; i++) s += values[i];
    means[b] = s / size;
  }
  return intervalOfMeans(means, confidence);
}

function isArrayLike(source: ArrayLike<number> | ObservationSource): source is ArrayLike<number> {
  return typeof (source as ArrayLike<number>).length === "number";
}

/** Student-t interval treating each entry of `means` as one independent observation. */
export function intervalOfMeans(means: ArrayLike<number>, confidence = 0.999): ConfidenceInterval {
  const k = means.length;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += means[i];
  mean /= k;
  let ss = 0;
  for (let i = 0; i < k; i++) ss += (means[i] - mean) ** 2;
  const se = Math.sqrt(ss / (k - 1) / k);
  return { mean, halfWidth: studentTQuantile(0.5 + confidence / 2, k - 1) * se, batches: k };
}

/**
 * Streaming batch means: observations are summed into batches of `batchSize` as they arrive, so a long
 * run needs memory for the batch means only.
 */
export class BatchMeans {
  private readonly batchSize: number;
  private sums: Float64Array;
  private batches = 0;
  private inBatch = 0;
  private sum = 0;

  constructor(batchSize: number) {
    if (!(batchSize >= 1)) throw new RangeError(`BatchMeans: batchSize must be ≥ 1, got ${batchSize}`);
    this.batchSize = Math.floor(batchSize);
    this.sums = new Float64Array(64);
  }

  add(x: number): void {
    this.sum += x;
    if (++this.inBatch === this.batchSize) {
      if (this.batches === this.sums.length) {
        const next = new Float64Array(this.sums.length * 2);
        next.set(this.sums);
        this.sums = next;
      }
      this.sums[this.batches++] = this.sum / this.batchSize;
      this.sum = 0;
      this.inBatch = 0;
    }
  }

  /** Means of the completed batches, in order. */
  values(): Float64Array {
    return this.sums.subarray(0, this.batches);
  }

  get completedBatches(): number {
    return this.batches;
  }

  interval(confidence = 0.999): ConfidenceInterval {
    if (this.batches < 2)
      throw new RangeError(`BatchMeans.interval: need 2 completed batches, have ${this.batches}`);
    return intervalOfMeans(this.values(), confidence);
  }
}
