/**
 * Random variates as plain functions of a stream. None allocates per call, so they can sit in hot loops.
 * Exact methods throughout: Marsaglia-Tsang gamma, Hörmann's PTRS (Poisson) and BTRS (binomial)
 * transformed rejection for large means, inversion for small ones, Vose's alias method for discrete laws.
 */
import type { RandomStream } from "./random.ts";

export function uniform(rng: RandomStream, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

// Ziggurat tables for the standard exponential (Marsaglia and Tsang 2000, 256 layers). A draw takes one
// 32-bit word: the low 8 bits pick the layer, the high 24 bits the position in it, so the two are
// independent; 98.9% of draws are accepted with one multiply and no logarithm.
const ZIG_SCALE = 16777216; // 2^24
const zigK = new Float64Array(256);
const zigW = new Float64Array(256);
const zigF = new Float64Array(256);
{
  let de = 7.697117470131487;
  let te = de;
  const ve = 3.949659822581572e-3;
  const q = ve / Math.exp(-de);
  zigK[0] = (de / q) * ZIG_SCALE;
  zigK[1] = 0;
  zigW[0] = q / ZIG_SCALE;
  zigW[255] = de / ZIG_SCALE;
  zigF[0] = 1;
  zigF[255] = Math.exp(-de);
  for (let i = 254; i >= 1; i--) {
    de = -Math.log(ve / de + Math.exp(-de));
    zigK[i + 1] = (de / te) * ZIG_SCALE;
    te = de;
    zigF[i] = Math.exp(-de);
    zigW[i] = de / ZIG_SCALE;
  }
}
const ZIG_R = 7.697117470131487;

/**
 * Standard exponential by the ziggurat; the rare slow path is kept out of line. The unary plus on the
 * slow path's result tells V8 it is a number, so both returns merge as an unboxed double: without it the
 * merge is a tagged value and every fast-path draw inlined into a caller allocated a HeapNumber.
 */
function standardExponential(rng: RandomStream): number {
  const u = rng.nextInt32();
  const layer = u & 255;
  const j = u >>> 8;
  if (j < zigK[layer]) return j * zigW[layer];
  return +exponentialSlow(rng, layer, j);
}

function exponentialSlow(rng: RandomStream, layer: number, j: number): number {
  for (;;) {
    // Base layer: the tail beyond R is R plus a fresh exponential (memorylessness).
    if (layer === 0) return ZIG_R - Math.log(1 - rng.next());
    const x = j * zigW[layer];
    if (zigF[layer] + rng.next() * (zigF[layer - 1] - zigF[layer]) < Math.exp(-x)) return x;
    const u = rng.nextInt32();
    layer = u & 255;
    j = u >>> 8;
    if (j < zigK[layer]) return j * zigW[layer];
  }
}

export function exponential(rng: RandomStream, rate: number): number {
  // A multiply by the reciprocal: the reciprocal does not depend on the draw, so the CPU works it out
  // alongside it, where a division by the rate came after the draw on every event time's critical path
  // (about 4 ns an event in the M/M/10 benchmark). The value is within one rounding of draw / rate.
  return standardExponential(rng) * (1 / rate);
}

/** Standard normal by Marsaglia's polar method; the pair's second value is kept on the stream. */
function standardNormal(rng: RandomStream): number {
  if (rng.hasSpareNormal) {
    rng.hasSpareNormal = false;
    return rng.spareNormal;
  }
  let u: number;
  let v: number;
  let s: number;
  do {
    u = 2 * rng.next() - 1;
    v = 2 * rng.next() - 1;
    s = u * u + v * v;
  } while (s >= 1 || s === 0);
  const f = Math.sqrt((-2 * Math.log(s)) / s);
  rng.spareNormal = v * f;
  rng.hasSpareNormal = true;
  return u * f;
}

export function normal(rng: RandomStream, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/** exp(N(mu, sigma²)): mu and sigma are the parameters of the underlying normal. */
export function lognormal(rng: RandomStream, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * standardNormal(rng));
}

/** Lognormal with the given mean and coefficient of variation (sd / mean) of the variate itself. */
export function lognormalMeanCv(rng: RandomStream, mean: number, cv: number): number {
  if (cv === 0) return mean;
  const sigma2 = Math.log1p(cv * cv);
  return Math.exp(Math.log(mean) - 0.5 * sigma2 + Math.sqrt(sigma2) * standardNormal(rng));
}

/** Gamma with shape k and scale θ (mean kθ), Marsaglia and Tsang (2000). */
export function gamma(rng: RandomStream, shape: number, scale: number): number {
  if (shape < 1) {
    // Boost to shape + 1, then scale down by U^(1/shape) (Marsaglia and Tsang, section 6).
    const g = gamma(rng, shape + 1, scale);
    return g * (1 - rng.next()) ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

export function beta(rng: RandomStream, a: number, b: number): number {
  const x = gamma(rng, a, 1);
  const y = gamma(rng, b, 1);
  return x / (x + y);
}

const LOG_FACTORIAL_TABLE_SIZE = 256;
const logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
for (let i = 2; i < LOG_FACTORIAL_TABLE_SIZE; i++)
  logFactorialTable[i] = logFactorialTable[i - 1] + Math.log(i);

/** ln(k!) for integer k ≥ 0: a table below 256, Stirling's series (error < 1e-17 relative) above. */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIAL_TABLE_SIZE) return logFactorialTable[k];
  const r = 1 / k;
  const r2 = r * r;
  return (
    (k + 0.5) * Math.log(k) -
    k +
    0.9189385332046728 +
    r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 / 1680)))
  );
}

/** Poisson with the given mean: inversion by products below mean 10, PTRS (Hörmann 1993) above. */
export function poisson(rng: RandomStream, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let prod = 1 - rng.next();
    while (prod > limit) {
      k++;
      prod *= 1 - rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logInvAlpha = Math.log(invAlpha);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k))
      return k;
  }
}

/** Binomial(n, p): inversion when n·min(p, 1−p) < 10, BTRS (Hörmann 1993) otherwise; O(1) in n. */
export function binomial(rng: RandomStream, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const q = 1 - p;
  if (n * p < 10) {
    // Sequential search from 0 with the recurrence P(k+1) = P(k)·(n−k)/(k+1)·p/q.
    const s = p / q;
    const a = (n + 1) * s;
    const r0 = Math.exp(n * Math.log1p(-p));
    for (;;) {
      let u = rng.next();
      let r = r0;
      let k = 0;
      while (u > r) {
        u -= r;
        k++;
        if (k > n) break; // rounding left a sliver of mass past n: draw again
        r *= a / k - s;
      }
      if (k <= n) return k;
    }
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/** Discrete law over 0..size−1 with the given non-negative weights; O(1) sampling (Vose 1991). */
export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new RangeError("AliasTable: weights must not be empty");
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) {
        throw new RangeError(`AliasTable: weight ${i} must be a finite number ≥ 0, got ${w}`);
      }
      total += w;
    }
    if (total <= 0) throw new RangeError("AliasTable: weights must not all be zero");
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[--nl];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    // Leftovers are 1 up to rounding.
    while (nl > 0) {
      const l = large[--nl];
      this.prob[l] = 1;
      this.alias[l] = l;
    }
    while (ns > 0) {
      const s = small[--ns];
      this.prob[s] = 1;
      this.alias[s] = s;
    }
  }

  sample(rng: RandomStream): number {
    const x = rng.next() * this.size;
    const i = Math.floor(x);
    return x - i < this.prob[i] ? i : this.alias[i];
  }
}
